namespace TensorLinear.Numerics;

/// <summary>
/// Scaling by powers of two, which is exact: 2ᵏ·x only changes the exponent of x. A computation homogeneous in its
/// inputs (least squares: θⱼ scales as y/aⱼ, RSS as y²) can run on data scaled to magnitudes near 1, where nothing
/// underflows or overflows, and be scaled back at the end; what cannot be scaled back is out of double's range, and
/// is said to be.
/// </summary>
public static class PowerOfTwoScaling
{
    /// <summary>The exponent e with 2ᵉ ≤ <paramref name="largest"/> &lt; 2ᵉ⁺¹ (0 for 0 or a non-finite value): 2⁻ᵉ
    /// brings the largest magnitude into [1, 2).</summary>
    public static int Exponent(double largest) =>
        largest == 0.0 || !double.IsFinite(largest) ? 0 : Math.ILogB(Math.Abs(largest));

    /// <summary>The exponent of the largest |vᵢ| (see <see cref="Exponent(double)"/>).</summary>
    public static int Exponent(ReadOnlySpan<double> values)
    {
        var largest = 0.0;
        foreach (var v in values) largest = Math.Max(largest, Math.Abs(v));
        return Exponent(largest);
    }

    /// <summary>
    /// 2ᵏ·<paramref name="scaled"/>, the result of a computation made on scaled data, back in the data's units.
    /// </summary>
    /// <param name="scaled">The value computed on the scaled data.</param>
    /// <param name="exponent">k.</param>
    /// <param name="argumentName">The argument the data came from, for the exception.</param>
    /// <param name="quantity">What the value is, for the message ("the residual sum of squares").</param>
    /// <exception cref="OutOfDomainException">The value is beyond double's range, or below its normal range (where it
    /// would keep fewer than 53 bits, or none).</exception>
    public static double Unscale(double scaled, int exponent, string argumentName, string quantity)
    {
        var value = Math.ScaleB(scaled, exponent);
        if (scaled == 0.0 || (double.IsFinite(value) && Math.Abs(value) >= FloatingPoint.SmallestNormal)) return value;
        var decimalExponent = Math.Log10(Math.Abs(scaled)) + exponent * Math.Log10(2.0);
        var size = FormattableString.Invariant($"about 1e{Math.Floor(decimalExponent):0}");
        throw new OutOfDomainException(argumentName, double.IsFinite(value)
            ? $"{quantity} is {size}, below the range of double (normal numbers start at 2.2e-308): the data are too small in magnitude for it to be represented; multiply them by a power of ten and scale the results back"
            : $"{quantity} is {size}, beyond the range of double (1.8e308): the data are too large in magnitude for it to be represented; divide them by a power of ten and scale the results back");
    }
}
