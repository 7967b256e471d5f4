using System.Collections.Immutable;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using TensorLinear.Reference.LeastSquares;

namespace TensorLinear.Cli.Fitting;

/// <summary>
/// What a fit that ran to its end may still get wrong without failing: coefficients that are not unique, a solver
/// stopped by its limit rather than its tolerance, a target too nearly constant for R² to mean anything. Each is a
/// sentence, printed after the tables and in the JSON's <c>warnings</c>.
/// </summary>
internal static class FitWarnings
{
    // A target whose standard deviation is within this many unit roundoffs of its magnitude varies by about what a
    // fit's own rounding moves it: residuals and that variation are the same size, so R² = 1 − RSS/TSS is noise.
    private const double NearConstantRoundoffs = 1000;

    /// <summary>The warnings for a finished fit.</summary>
    public static ImmutableArray<string> Of(FitSettings settings, DataSet training, ImmutableArray<EngineFit> fits)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (settings.Solver == Solver.Gd && settings.L2 == 0.0 && NotUnique(training, settings.FitIntercept) is string why)
            warnings.Add($"the coefficients are not unique: {why}; descent returns the minimiser its start leads to, one of many (add --l2 for a unique one)");
        foreach (var fit in fits.Where(f => !f.Converged && !f.IsSeparated))
            warnings.Add(settings.Solver == Solver.Newton
                ? $"{fit.Engine}: Newton–Raphson stopped at its iteration limit ({fit.Iterations}) before the decrement reached --tol, so the coefficients and their standard errors are of an unconverged iterate; raise --epochs"
                : $"{fit.Engine}: gradient descent stopped at its epoch limit ({fit.Iterations}) before ‖∇L‖ fell by the factor --tol, so the coefficients may be far from the minimiser; raise --epochs, or try --standardize");
        if (settings.Model == ModelKind.Linear && NearlyConstant(training.TargetArray()))
            warnings.Add("the target is constant but for rounding (its spread is within 1000 ulps of its size), so R² would compare residuals with rounding noise and is not given");
        return warnings.ToImmutable();
    }

    /// <summary>True when the values' standard deviation is within <see cref="NearConstantRoundoffs"/> unit roundoffs of their largest magnitude.</summary>
    public static bool NearlyConstant(double[] values)
    {
        var mean = values.Average();
        var spread = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
        return spread <= NearConstantRoundoffs * FloatingPoint.UnitRoundoff * values.Max(Math.Abs);
    }

    // Why the least-squares design [X 1] has no unique minimiser, or null when it has one: its columns dependent (the
    // rank test of the reference's QR), or fewer rows than parameters.
    private static string? NotUnique(DataSet training, bool fitIntercept)
    {
        var parameters = training.FeatureCount + (fitIntercept ? 1 : 0);
        if (training.RowCount < parameters) return $"there are {training.RowCount} rows for {parameters} parameters";
        try
        {
            OrdinaryLeastSquares.Fit(training, fitIntercept);
            return null;
        }
        catch (RankDeficientException e)
        {
            return $"the design has rank {e.Rank} < {e.ColumnCount} columns ({string.Join(", ", e.DependentColumns)} a combination of the others)";
        }
        catch (InvalidInputException)
        {
            return null;
        }
    }
}
