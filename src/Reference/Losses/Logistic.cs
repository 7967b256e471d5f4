using TensorLinear.Numerics;

namespace TensorLinear.Reference.Losses;

/// <summary>
/// The logistic function σ(z) = 1/(1 + e⁻ᶻ) and the two logarithms built from it, each in a form that neither
/// overflows nor cancels for large |z|.
/// </summary>
/// <remarks>
/// ±∞ are accepted and give the limits (σ(+∞) = 1, softplus(−∞) = 0, …); NaN is rejected.
/// The unchecked forms are for the inner loops of training, where a NaN score must reach the divergence check.
/// </remarks>
public static class Logistic
{
    /// <summary>σ(z) = 1/(1 + e⁻ᶻ), in (0, 1).</summary>
    /// <exception cref="NonFiniteInputException"><paramref name="z"/> is NaN.</exception>
    public static double Sigmoid(double z) => SigmoidUnchecked(NotNaN(z, nameof(z)));

    /// <summary>log σ(z) = −softplus(−z), accurate where σ(z) itself would round to 0 or 1.</summary>
    /// <exception cref="NonFiniteInputException"><paramref name="z"/> is NaN.</exception>
    public static double LogSigmoid(double z) => -SoftplusUnchecked(-NotNaN(z, nameof(z)));

    /// <summary>softplus(t) = log(1 + eᵗ), computed as max(t, 0) + log1p(e^−|t|).</summary>
    /// <exception cref="NonFiniteInputException"><paramref name="t"/> is NaN.</exception>
    public static double Softplus(double t) => SoftplusUnchecked(NotNaN(t, nameof(t)));

    // Two branches so that the exponential is always of a non-positive number: e⁻ᶻ for z ≥ 0 would overflow at
    // z < −709, and eᶻ/(1 + eᶻ) for z < 0 stays in (0, ½) without it.
    internal static double SigmoidUnchecked(double z)
    {
        if (z >= 0.0) return 1.0 / (1.0 + Math.Exp(-z));
        var e = Math.Exp(z);
        return e / (1.0 + e);
    }

    // log(1 + eᵗ) = max(t, 0) + log(1 + e^−|t|): for t > 0 factor out eᵗ. e^−|t| ≤ 1 never overflows, and log1p keeps
    // the digits of the small term that log(1 + ·) would round away.
    internal static double SoftplusUnchecked(double t) => Math.Max(t, 0.0) + Elementary.Log1p(Math.Exp(-Math.Abs(t)));

    private static double NotNaN(double value, string name) =>
        double.IsNaN(value) ? throw new NonFiniteInputException(name, "is NaN") : value;
}
