namespace TensorLinear.Reference.Tests;

/// <summary>
/// A numerical derivative by central differences with its own error bound, the independent witness for the
/// hand-derived gradients: the tolerance of every comparison is derived from the function at hand, not guessed.
/// </summary>
/// <remarks>
/// <para>∂f/∂xᵢ ≈ D(h) = (f(x + h·eᵢ) − f(x − h·eᵢ))/((xᵢ + h) − (xᵢ − h)) with h = 2⁻¹⁷·max(1, |xᵢ|), near the optimal
/// u^(1/3)·max(1, |xᵢ|) (NUMERICS.md); dividing by the step actually taken differences the representable points by
/// their true distance.</para>
/// <para>Its error has two parts. Truncation: D(h) − f′ = h²f‴/6 + O(h⁴), so D(2h) − D(h) ≈ 3·h²f‴/6 and the
/// truncation of D(h) is estimated as |D(2h) − D(h)|/3 (Richardson). Rounding: each f is computed within
/// ρ·max(1, |f|) — the functions differentiated here (norms, angles, projections of at most five components; losses
/// over a dozen rows) take at most a few dozen roundings, and ρ = 64u covers them — so D(h) errs by at most
/// ρ(max(1, |f₊|) + max(1, |f₋|))/(2h), and the estimate of the truncation by a third of the rounding of D(h) and
/// D(2h). A hand derivative, itself within a few roundings of its value, must lie within twice that total
/// (<see cref="Agrees(string, Estimate, double)"/>): the factor 2 covers the O(h⁴) left out of Richardson's estimate.</para>
/// </remarks>
internal static class CentralDifference
{
    /// <summary>ρ: each function value is trusted to 64 roundings of max(1, |f|) (see the remarks).</summary>
    public const double Rho = 64 * 1.1102230246251565e-16;

    /// <summary>A derivative estimate and the bound on its error.</summary>
    public readonly record struct Estimate(double Value, double Error);

    /// <summary>∂f/∂xᵢ at x by central differences, with the error bound derived in the remarks.</summary>
    public static Estimate Derivative(Func<double[], double> f, double[] x, int i)
    {
        var h = Math.ScaleB(1.0, -17) * Math.Max(1.0, Math.Abs(x[i]));
        var (d1, r1) = Central(f, x, i, h);
        var (d2, r2) = Central(f, x, i, 2 * h);
        return new Estimate(d1, Math.Abs(d2 - d1) / 3 + r1 + (r1 + r2) / 3);
    }

    public static double[] Gradient(Func<double[], double> f, double[] x) =>
        [.. Enumerable.Range(0, x.Length).Select(i => Derivative(f, x, i).Value)];

    /// <summary>Asserts that the analytic gradient of the function named <paramref name="name"/> matches its central difference at x.</summary>
    public static void Agrees(string name, Func<double[], double> f, double[] analytic, double[] x)
    {
        Assert.Equal(x.Length, analytic.Length);
        for (var i = 0; i < x.Length; i++) Agrees($"{name}, component {i}", Derivative(f, x, i), analytic[i]);
    }

    /// <summary>Asserts that an analytic derivative lies within twice the estimate's derived error (plus its own few roundings).</summary>
    public static void Agrees(string what, Estimate numeric, double analytic)
    {
        var tolerance = 2 * numeric.Error + 8 * 1.1102230246251565e-16 * Math.Abs(analytic);
        Assert.True(Math.Abs(analytic - numeric.Value) <= tolerance,
            $"{what}: analytic (hand-derived) {analytic:R}, numeric (central difference) {numeric.Value:R}, tolerance {tolerance:G3} (derived)");
    }

    // D(h) and the bound on its rounding error.
    private static (double Value, double Rounding) Central(Func<double[], double> f, double[] x, int i, double h)
    {
        double[] plus = (double[])x.Clone(), minus = (double[])x.Clone();
        plus[i] = x[i] + h;
        minus[i] = x[i] - h;
        double fp = f(plus), fm = f(minus), step = plus[i] - minus[i];
        return ((fp - fm) / step, Rho * (Math.Max(1.0, Math.Abs(fp)) + Math.Max(1.0, Math.Abs(fm))) / step);
    }
}
