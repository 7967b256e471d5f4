namespace TensorLinear.Reference;

/// <summary>
/// Exact rescaling by powers of two. Norms, dot products and quotients by a norm are homogeneous
/// (‖c·x‖ = |c|·‖x‖, (c·x)ᵀy = c·xᵀy), so they may be evaluated on 2⁻ᵃ·x and scaled back by 2ᵃ. Multiplying by a
/// power of two only changes the exponent, so it adds no rounding error: the scaled evaluation rounds exactly as
/// the textbook formula does on ordinary inputs, while its intermediate values stay near 1, where nothing can
/// overflow (to ∞, or to ∞ − ∞ = NaN) or underflow to zero.
/// </summary>
internal static class ExactScaling
{
    /// <summary>
    /// The exponent a with 2ᵃ ≤ maxᵢ|xᵢ| &lt; 2ᵃ⁺¹, so every 2⁻ᵃ·xᵢ lies in (−2, 2) and the largest has magnitude ≥ 1;
    /// 0 for the zero vector, for which any scale will do.
    /// </summary>
    public static int Exponent(double[] x)
    {
        var largest = 0.0;
        foreach (var xi in x) largest = Math.Max(largest, Math.Abs(xi));
        return largest == 0.0 ? 0 : Math.ILogB(largest);
    }

    /// <summary>A fresh array holding 2ᵏ·xᵢ; exact unless a component leaves the range of normal doubles.</summary>
    public static double[] ScaleB(double[] x, int k)
    {
        var scaled = new double[x.Length];
        for (var i = 0; i < x.Length; i++) scaled[i] = Math.ScaleB(x[i], k);
        return scaled;
    }

    /// <summary>
    /// v/‖y‖₂ as 2⁻ᵃ·(v/‖2⁻ᵃ·y‖₂). The scaled norm lies in [1, 2√n), so ‖y‖ overflowing to ∞ (or being tiny)
    /// cannot make the quotient 0, ∞ or ∞/∞ = NaN when the true quotient is an ordinary number. y must be non-zero.
    /// </summary>
    public static double DivideByNorm(double v, double[] y)
    {
        var a = Exponent(y);
        return Math.ScaleB(v / Vector.Norm2(ScaleB(y, -a)), -a);
    }

    /// <summary>The vector v/‖y‖₂, each component as in <see cref="DivideByNorm(double, double[])"/>.</summary>
    public static double[] DivideByNorm(double[] v, double[] y)
    {
        var a = Exponent(y);
        var norm = Vector.Norm2(ScaleB(y, -a));
        var quotient = new double[v.Length];
        for (var i = 0; i < v.Length; i++) quotient[i] = Math.ScaleB(v[i] / norm, -a);
        return quotient;
    }
}
