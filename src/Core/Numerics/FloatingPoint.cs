namespace TensorLinear.Numerics;

/// <summary>
/// The constants of IEEE double arithmetic that error bounds are built from (Higham, Accuracy and Stability of
/// Numerical Algorithms, §3.1).
/// </summary>
public static class FloatingPoint
{
    /// <summary>Unit roundoff u = 2⁻⁵³: the largest relative error of one correctly rounded operation.</summary>
    public const double UnitRoundoff = 1.1102230246251565e-16;

    /// <summary>Machine epsilon ε = 2u = 2⁻⁵², the gap between 1 and the next double.</summary>
    public const double Epsilon = 2.220446049250313e-16;

    /// <summary>The smallest normal double, 2⁻¹⁰²² ≈ 2.2e-308: below it a double keeps fewer than 53 bits.</summary>
    public const double SmallestNormal = 2.2250738585072014e-308;

    /// <summary>Unit roundoff of float32, u = 2⁻²⁴.</summary>
    public const double SingleUnitRoundoff = 5.9604644775390625e-8;

    /// <summary>
    /// γₙ = n·u / (1 − n·u): the relative error bound of n successive roundings, e.g. of a sum of n + 1 terms.
    /// </summary>
    public static double Gamma(int n, double unitRoundoff = UnitRoundoff)
    {
        var nu = n * unitRoundoff;
        return nu < 1.0 ? nu / (1.0 - nu) : double.PositiveInfinity;
    }
}
