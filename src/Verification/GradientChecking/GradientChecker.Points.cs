namespace TensorLinear.Verification.GradientChecking;

// Several points in one call, like torch's gradcheck on a batch of inputs.
public static partial class GradientChecker
{
    /// <summary>
    /// Checks the claimed gradient at several points in one call (torch's gradcheck on a batch of inputs): one report
    /// per point, each with its own seed (options.Seed + k). The points are checked independently; a caller who wants
    /// one verdict takes <see cref="Overall(IEnumerable{GradientReport})"/>.
    /// </summary>
    /// <exception cref="InvalidInputException">No points, or a point that <see cref="Check"/> rejects.</exception>
    public static GradientReport[] CheckAtPoints(Func<double[], double> f, Func<double[], double[]> claimedGradient, double[][] points, GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Length == 0) throw new EmptyInputException(nameof(points), "holds no point; give at least one");
        options ??= GradientCheckOptions.Default;
        return [.. points.Select((x, k) => Check(f, claimedGradient, x, options with { Seed = unchecked(options.Seed + k) }))];
    }

    /// <summary>The verdict over several reports: Disagrees if one disagrees, else Inconclusive if one is, else Agrees.</summary>
    public static Verdict Overall(IEnumerable<GradientReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var verdicts = reports.Select(r => r.Verdict).ToList();
        return verdicts.Contains(Verdict.Disagrees) ? Verdict.Disagrees : verdicts.Contains(Verdict.Inconclusive) ? Verdict.Inconclusive : Verdict.Agrees;
    }
}
