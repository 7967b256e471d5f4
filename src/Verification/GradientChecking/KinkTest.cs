using TensorLinear.Numerics;

namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// The kink test: where f is not differentiable at x, a claimed gradient g is judged along directions d by the
/// one-sided directional derivatives f′(x; d) and −f′(x; −d), the slopes of t ↦ f(x + t·d) to the right and to the left
/// of 0. The rule: gᵀd must lie between them (within their error bounds) for every direction sampled.
/// </summary>
/// <remarks>
/// <para><b>Why this rule.</b> For f convex near x, ∂f(x) = {g : gᵀd ≤ f′(x; d) for all d}; applied to d and −d this
/// is −f′(x; −d) ≤ gᵀd ≤ f′(x; d), exactly the rule, so over all d it is the subdifferential, and a claim outside it
/// fails along some direction (a claim consistent along each axis can still fail: max(x₀, x₁) at a tie with the
/// claim (1, 1), whose directional slope 2 along (1, 1) exceeds f′ = 1). For f concave near x the same rule is the
/// superdifferential. For a kink that is neither (|x₀| − |x₁| at 0) the rule is only necessary for the convex hull of
/// the gradients of the pieces whose cones contain ±d, so it can reject a limiting gradient there: the text says so.</para>
/// <para><b>Directions.</b> The sum of the unit vectors of the coordinates with a kink at x (the tie direction of a
/// max), the Taylor test's direction when its remainder was O(h) while every coordinate agreed, and
/// <see cref="RandomDirections"/> seeded normal directions; each is scaled per coordinate by σⱼ.</para>
/// <para><b>One-sided slopes.</b> S(s) = (f(x + s·d) − f(x))/s = f′(x; d) + c·s + O(s²); E(s) = 2S(s/2) − S(s) removes
/// the c·s term, leaving O(s²), whose size |E(2s) − E(s)|/3 is the truncation estimate. Rounding: S(s) is off by 2δ/s,
/// so E(s) by (2·2δ/(s/2) + 2δ/s) = 10δ/s. s is a power of two near u^(1/3) (d is already scaled), halved until f is
/// finite at x + 2s·d. Cost: 6 evaluations per direction.</para>
/// </remarks>
internal static class KinkTest
{
    /// <summary>How many seeded random directions are tried besides the deterministic ones.</summary>
    public const int RandomDirections = 8;

    /// <summary>Runs the test of the claimed m×n derivative (and autograd's, when given) along the directions.</summary>
    public static KinkTestResult Run(SampledFunction f, double[] f0, double[] x, double[,] claimed, double[,]? autograd,
                                     IReadOnlyList<double[]> directions, NoiseModel[] noise)
    {
        var rows = new List<KinkDirection>();
        foreach (var d in directions)
            if (Along(f, f0, x, claimed, autograd, d, noise) is { } row) rows.Add(row);
        if (rows.Count == 0)
            return new KinkTestResult(Verdict.Inconclusive, "f is not finite on either side of x along any direction tried", rows);
        var disagreeing = rows.Where(r => r.Verdict == Verdict.Disagrees).ToArray();
        if (disagreeing.Length > 0)
        {
            var worst = disagreeing.MaxBy(r => r.Outside)!;
            return new KinkTestResult(Verdict.Disagrees, FormattableString.Invariant(
                $"along {disagreeing.Length} of {rows.Count} directions the claimed directional slope lies outside [left, right] (worst: {Format.Sci(worst.Claimed, 4)} vs [{Format.Sci(worst.Left, 4)}, {Format.Sci(worst.Right, 4)}] ± {Format.Sci(worst.Margin, 1)}): the claim is no subgradient (for f convex or concave near x)"), rows);
        }
        var inconclusive = rows.Where(r => r.Verdict == Verdict.Inconclusive).ToArray();
        if (inconclusive.Length > 0)
            return new KinkTestResult(Verdict.Inconclusive, FormattableString.Invariant(
                $"along {inconclusive.Length} of {rows.Count} directions the one-sided slopes are not resolved (f is not smooth on either side within the step: a second kink nearby?)"), rows);
        return new KinkTestResult(Verdict.Agrees, FormattableString.Invariant(
            $"along all {rows.Count} directions the claimed directional slope lies between the one-sided slopes"), rows);
    }

    /// <summary>The directions to try: the sum over kink coordinates, the extra ones given, and seeded random ones, each scaled by σⱼ.</summary>
    public static List<double[]> Directions(double[] x, bool[] kink, IEnumerable<double[]> extra, int seed, double[]? typical)
    {
        var n = x.Length;
        var list = new List<double[]>();
        if (kink.Count(k => k) > 1) list.Add([.. Enumerable.Range(0, n).Select(j => kink[j] ? StepRule.Scale(x, j, typical) : 0.0)]);
        list.AddRange(extra);
        for (var r = 0; r < RandomDirections; r++)
        {
            list.Add(GradientChecker.RandomDirection(x, unchecked(seed * 7919 + 101 + r), new bool[n], typical, scaled: true));
        }
        return list;
    }

    private static KinkDirection? Along(SampledFunction f, double[] f0, double[] x, double[,] claimed, double[,]? autograd, double[] d, NoiseModel[] noise)
    {
        var norm = d.Max(Math.Abs);
        if (norm == 0.0) return null;
        var s = StepRule.PowerOfTwoNear(StepRule.SecondOrderScale / norm);
        for (var attempt = 0; attempt < 6; attempt++, s /= 16.0)
        {
            var right = Slopes(f, x, d, s, f0, noise);
            var left = Slopes(f, x, d, -s, f0, noise);
            if (right is null || left is null) continue;
            return Judge(claimed, autograd, d, right.Value, left.Value, noise);
        }
        return null;
    }

    /// <summary>The extrapolated one-sided slope E(s) along d of every output, with its error bound; null where f is not finite.</summary>
    private static (double[] Value, double[] Bound)? Slopes(SampledFunction f, double[] x, double[] d, double s, double[] f0, NoiseModel[] noise)
    {
        var m = f0.Length;
        var samples = new double[3][];
        var displacement = new double[3];
        for (var k = 0; k < 3; k++)
        {
            var t = s * Math.ScaleB(1.0, 1 - k); // 2s, s, s/2
            var point = x.Select((xj, j) => xj + t * d[j]).ToArray();
            samples[k] = f.Evaluate(point);
            if (!SampledFunction.AllFinite(samples[k])) return null;
            displacement[k] = t;
        }
        var value = new double[m];
        var bound = new double[m];
        for (var i = 0; i < m; i++)
        {
            double S(int k) => (samples[k][i] - f0[i]) / displacement[k];
            var e1 = 2.0 * S(2) - S(1); // E(s)
            var e2 = 2.0 * S(1) - S(0); // E(2s)
            var magnitude = Math.Max(Math.Abs(f0[i]), samples.Max(v => Math.Abs(v[i])));
            var delta = noise[i].Delta(magnitude);
            value[i] = e1; // the slope of t ↦ f(x + t·d) as t → 0 from this side (s < 0: from the left)
            bound[i] = Math.Abs(e2 - e1) / 3.0 + 10.0 * delta / Math.Abs(s) + 4.0 * FloatingPoint.UnitRoundoff * Math.Abs(e1);
        }
        return (value, bound);
    }

    private static KinkDirection Judge(double[,] claimed, double[,]? autograd, double[] d, (double[] Value, double[] Bound) right, (double[] Value, double[] Bound) left, NoiseModel[] noise)
    {
        var worst = new KinkDirection(d, 0, 0, 0, 0, 0, Verdict.Agrees);
        for (var i = 0; i < noise.Length; i++)
        {
            var c = Project(claimed, i, d, out var cMagnitude);
            var a = autograd is null ? (double?)null : Project(autograd, i, d, out _);
            var r = right.Value[i];
            var l = left.Value[i];
            var margin = right.Bound[i] + left.Bound[i] + noise[i].Rho * cMagnitude + FloatingPoint.Gamma(d.Length) * cMagnitude;
            double Outside(double v) => v < Math.Min(l, r) - margin ? Math.Min(l, r) - margin - v : v > Math.Max(l, r) + margin ? v - Math.Max(l, r) - margin : 0.0;
            var outside = Math.Max(Outside(c), a is double av ? Outside(av) : 0.0);
            var scale = Math.Max(Math.Max(Math.Abs(l), Math.Abs(r)), Math.Abs(c));
            var verdict = outside > 0 || double.IsNaN(outside) ? Verdict.Disagrees : margin >= 0.5 * scale && scale > 0 ? Verdict.Inconclusive : Verdict.Agrees;
            var row = new KinkDirection(d, l, r, c, margin, double.IsNaN(outside) ? double.PositiveInfinity : outside, verdict);
            if (Rank(row.Verdict) > Rank(worst.Verdict) || (row.Verdict == worst.Verdict && row.Outside > worst.Outside)) worst = row;
        }
        return worst;
    }

    private static int Rank(Verdict v) => v switch { Verdict.Disagrees => 2, Verdict.Inconclusive => 1, _ => 0 };

    private static double Project(double[,] jacobian, int i, double[] d, out double magnitude)
    {
        double sum = 0.0, abs = 0.0;
        for (var j = 0; j < d.Length; j++)
        {
            sum += jacobian[i, j] * d[j];
            abs += Math.Abs(jacobian[i, j] * d[j]);
        }
        magnitude = abs;
        return sum;
    }
}

/// <summary>The outcome of the kink test.</summary>
/// <param name="Verdict">Agrees when the claim lies between the one-sided slopes along every direction; Disagrees when it lies outside along one.</param>
/// <param name="Reason">The verdict in words.</param>
/// <param name="Directions">One row per direction tried (the worst output of each).</param>
public sealed record KinkTestResult(Verdict Verdict, string Reason, IReadOnlyList<KinkDirection> Directions)
{
    /// <summary>The result standing for a test that was not needed (no kink found).</summary>
    public static KinkTestResult NotRun { get; } = new(Verdict.Agrees, "not run: no kink at x", []);

    /// <summary>False when no kink called for the test.</summary>
    public bool WasRun => Directions.Count > 0 || Verdict != Verdict.Agrees;
}

/// <summary>The kink test along one direction d.</summary>
/// <param name="Direction">d.</param>
/// <param name="Left">−f′(x; −d), the slope from the left of t ↦ f(x + t·d).</param>
/// <param name="Right">f′(x; d), the slope from the right.</param>
/// <param name="Claimed">gᵀd, the claimed directional slope.</param>
/// <param name="Margin">The error bound of the interval's ends plus the rounding of gᵀd.</param>
/// <param name="Outside">How far the claimed (or autograd) slope lies outside [min − margin, max + margin]; 0 inside.</param>
/// <param name="Verdict">Agrees inside, Disagrees outside, Inconclusive when the margin is as large as the slopes.</param>
public sealed record KinkDirection(double[] Direction, double Left, double Right, double Claimed, double Margin, double Outside, Verdict Verdict);
