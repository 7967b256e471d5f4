using TensorLinear.Numerics;
using TensorLinear.Verification.Tolerances;

namespace TensorLinear.Verification.Checks;

/// <summary>
/// The frame in which the gradient checker samples a function: variables rescaled to their natural size. It does not
/// change what is checked, only what the finite differences and the Taylor test can resolve.
/// </summary>
/// <remarks>
/// <para><b>Variables.</b> The checker steps each variable by about u^(1/3)·max(1, |θⱼ|), which presumes that f changes
/// on the scale of 1 or of θⱼ. A model's weight multiplies a feature of size up to 10⁶, so f changes on the scale
/// 1/max|xᵢⱼ| in wⱼ, and a step of 5·10⁻⁶ would move the logits by 5 — far outside the range where a difference quotient
/// approximates a derivative. The checker therefore works in u = θ/d with dⱼ a power of two near the variable's natural
/// scale: θ = d·u exactly (powers of two only change exponents), so f is sampled at exactly the points it would have been,
/// the derivative in u is d·∇f, and every result converts back exactly by dividing by d.</para>
/// </remarks>
internal sealed class CheckerFrame
{
    private readonly Func<double[], double[]> _f;

    public CheckerFrame(Func<double[], double[]> f, double[] theta, double[] scales)
    {
        _f = f;
        Scales = scales;
        Rho = FloatingPoint.Gamma(2 * theta.Length + 16);
        Point = new double[theta.Length];
        for (var j = 0; j < theta.Length; j++) Point[j] = theta[j] / scales[j];
    }

    /// <summary>d, powers of two: θ = d·u.</summary>
    public double[] Scales { get; }

    /// <summary>ρ = γ₂ₙ₊₁₆, the checker's relative error per evaluation (given to it explicitly).</summary>
    public double Rho { get; }

    /// <summary>1 for every variable: the typical size of u, which the frame makes each variable's natural scale.</summary>
    public double[] UnitScales => [.. Point.Select(_ => 1.0)];

    /// <summary>u = θ/d.</summary>
    public double[] Point { get; }

    /// <summary>f as a function of u.</summary>
    public double[] Evaluate(double[] u)
    {
        var theta = new double[u.Length];
        for (var j = 0; j < u.Length; j++) theta[j] = u[j] * Scales[j];
        return _f(theta);
    }

    /// <summary>A derivative in θ (m×n) as a derivative in u: column j times dⱼ.</summary>
    public double[,] ToFrame(double[,] jacobian)
    {
        var m = (double[,])jacobian.Clone();
        for (var i = 0; i < m.GetLength(0); i++)
            for (var j = 0; j < m.GetLength(1); j++) m[i, j] *= Scales[j];
        return m;
    }

    /// <summary>A derivative entry in u back in θ: divided by dⱼ.</summary>
    public double FromFrame(double value, int column) => value / Scales[column];

    /// <summary>Powers of two near <paramref name="scales"/> (1 where none is given or a scale is 0 or not finite).</summary>
    public static double[] PowersOfTwo(double[]? scales, int n)
    {
        var d = new double[n];
        for (var j = 0; j < n; j++)
        {
            var s = scales is null ? 1.0 : scales[j];
            d[j] = s > 0 && double.IsFinite(s) ? Math.ScaleB(1.0, (int)Math.Round(Math.Log2(s))) : 1.0;
        }
        return d;
    }
}
