using TensorLinear.Numerics;

namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// Derivatives by central differences with Richardson extrapolation, each with an error bound derived from the
/// samples themselves. The step for coordinate j starts at u^(1/5)·σⱼ (σⱼ = |xⱼ|, or ‖x‖∞ when xⱼ = 0, or 1) and moves
/// until the measured truncation balances the rounding (<see cref="StepSearch"/>); the estimate is
/// R(h) = (4D(h/2) − D(h))/3 with D(s) = (f(x + s·eⱼ) − f(x − s·eⱼ))/2s, its truncation |R(2h) − R(h)|/15. See
/// docs/gradcheck.md for the error budget.
/// </summary>
/// <remarks>
/// Cost: 16 evaluations for the noise probe, then 6 per step tried per coordinate (usually 1–3 steps). The rounding
/// part of each bound uses δ = max(ρ·max(|f|, T̂), 3σ̂), σ̂ the noise of f estimated from fourth differences along two
/// random directions (seed 0), so that a function whose evaluation cancels gets honest bounds.
/// </remarks>
public static class FiniteDifferences
{
    /// <summary>The gradient of f: ℝⁿ → ℝ at x, by Richardson-extrapolated central differences.</summary>
    /// <exception cref="InvalidInputException">x is empty or not finite, or f is not finite at x.</exception>
    public static double[] Gradient(Func<double[], double> f, double[] x) => GradientWithErrors(f, x).Values;

    /// <summary>
    /// The gradient of f at x with, per coordinate, a bound on its error: the truncation estimate |R(2h) − R(h)|/15
    /// plus the rounding 3δ/h, δ the error of one value of f (ρ·max(|f|, T̂) with the default ρ, or three times the
    /// noise measured around x when larger).
    /// </summary>
    /// <exception cref="InvalidInputException">x is empty or not finite, or f is not finite at x.</exception>
    public static FiniteDifferenceEstimate GradientWithErrors(Func<double[], double> f, double[] x)
    {
        ArgumentNullException.ThrowIfNull(f);
        Check.Vector(x, nameof(x));
        var sampled = SampledFunction.Scalar(f, x.Length);
        var f0 = sampled.ValueAt(x);
        var rho = GradientCheckOptions.Default.RelativeErrorFor(x.Length);
        var survey = DerivativeSurvey.Take(sampled, x, f0, rho, seed: 0);
        var values = new double[x.Length];
        var bounds = new double[x.Length];
        var steps = new double[x.Length];
        for (var j = 0; j < x.Length; j++)
        {
            var estimate = EntryAnalysis.Richardson(survey.Stencils[j], 0, survey.Noise(0));
            values[j] = estimate.Value;
            bounds[j] = estimate.Bound;
            steps[j] = estimate.Step;
        }
        return new FiniteDifferenceEstimate(values, bounds, steps);
    }

    /// <summary>The m×n Jacobian of f: ℝⁿ → ℝᵐ at x (row i is the gradient of fᵢ).</summary>
    /// <exception cref="InvalidInputException">x is empty or not finite, or f is not finite at x.</exception>
    public static double[,] Jacobian(Func<double[], double[]> f, double[] x) => JacobianWithErrors(f, x).Values;

    /// <summary>The m×n Jacobian of f at x with a bound on the error of each entry (as in <see cref="GradientWithErrors"/>).</summary>
    /// <exception cref="InvalidInputException">x is empty or not finite, or f is not finite at x.</exception>
    public static JacobianEstimate JacobianWithErrors(Func<double[], double[]> f, double[] x)
    {
        ArgumentNullException.ThrowIfNull(f);
        Check.Vector(x, nameof(x));
        var sampled = SampledFunction.Vector(f, x, out var f0);
        var rho = GradientCheckOptions.Default.RelativeErrorFor(x.Length);
        var m = sampled.OutputLength;
        var values = new double[m, x.Length];
        var bounds = new double[m, x.Length];
        var steps = new double[x.Length];
        var survey = DerivativeSurvey.Take(sampled, x, f0, rho, seed: 0);
        for (var j = 0; j < x.Length; j++)
        {
            var stencil = survey.Stencils[j];
            steps[j] = stencil.Step;
            for (var i = 0; i < m; i++)
            {
                var estimate = EntryAnalysis.Richardson(stencil, i, survey.Noise(i));
                values[i, j] = estimate.Value;
                bounds[i, j] = estimate.Bound;
            }
        }
        return new JacobianEstimate(values, bounds, steps);
    }
}

/// <summary>A finite-difference gradient with its error bounds.</summary>
/// <param name="Values">The Richardson-extrapolated central differences, one per coordinate.</param>
/// <param name="ErrorBounds">A bound on each value's error: truncation |R(2h) − R(h)|/15 plus rounding 3δ/h.</param>
/// <param name="Steps">The step h used for each coordinate.</param>
public sealed record FiniteDifferenceEstimate(double[] Values, double[] ErrorBounds, double[] Steps);

/// <summary>A finite-difference Jacobian with its error bounds.</summary>
/// <param name="Values">The m×n Richardson-extrapolated central differences.</param>
/// <param name="ErrorBounds">A bound on each entry's error.</param>
/// <param name="Steps">The step h used for each coordinate (column).</param>
public sealed record JacobianEstimate(double[,] Values, double[,] ErrorBounds, double[] Steps);
