namespace TensorLinear.Reference.Tests;

/// <summary>
/// A numerical gradient by central differences, the independent witness for the hand-derived gradients.
/// </summary>
/// <remarks>
/// ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ))/2h with h = 2⁻¹⁷·max(1, |xᵢ|) ≈ 7.6e-6·max(1, |xᵢ|), near the optimal
/// u^(1/3)·max(1, |xᵢ|) (NUMERICS.md); the step actually taken, (xᵢ + h) − xᵢ, is used, so the representable points
/// are differenced by their true distance. The error is the truncation h²|f‴|/6 ≈ 1e-11·|f‴| plus rounding about
/// u|f|/h ≈ 1.5e-11·|f|: for the functions and points the tests use (|f| ≤ 10, |f‴| ≤ 10) below 3e-10.
/// <see cref="Tolerance"/> is 1e-8, thirty times that.
/// </remarks>
internal static class CentralDifference
{
    /// <summary>The tolerance on each component, scaled by max(1, |∂f/∂xᵢ|); derived in the remarks.</summary>
    public const double Tolerance = 1e-8;

    public static double[] Gradient(Func<double[], double> f, double[] x)
    {
        var gradient = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var h = Math.ScaleB(1.0, -17) * Math.Max(1.0, Math.Abs(x[i]));
            double[] plus = (double[])x.Clone(), minus = (double[])x.Clone();
            plus[i] = x[i] + h;
            minus[i] = x[i] - h;
            gradient[i] = (f(plus) - f(minus)) / (plus[i] - minus[i]);
        }
        return gradient;
    }

    /// <summary>Asserts that the analytic gradient of the function named <paramref name="name"/> matches its central difference at x.</summary>
    public static void Agrees(string name, Func<double[], double> f, double[] analytic, double[] x)
    {
        var numeric = Gradient(f, x);
        Assert.Equal(numeric.Length, analytic.Length);
        for (var i = 0; i < x.Length; i++)
            Assert.True(Math.Abs(analytic[i] - numeric[i]) <= Tolerance * Math.Max(1.0, Math.Abs(numeric[i])),
                $"{name}, component {i}: analytic (hand-derived) {analytic[i]:R}, numeric (central difference) {numeric[i]:R}");
    }
}
