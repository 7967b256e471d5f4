using TensorLinear.Numerics;

namespace TensorLinear.Reference;

/// <summary>
/// Vectors of ℝⁿ as <c>double[]</c>: the dot product, norms, unit vectors, angles, projections and distances, each
/// written as its formula. Inputs are never modified and every vector returned is a fresh array.
/// </summary>
/// <remarks>
/// Derived in docs/derivations/vectors-and-norms.md and docs/derivations/angles-and-projections.md. Every function
/// accepts only non-empty, finite vectors of matching lengths and never returns NaN: a result is ±∞ only when the
/// exact answer lies beyond the range of double.
/// </remarks>
public static class Vector
{
    /// <summary>The dot product xᵀy = Σᵢ xᵢyᵢ.</summary>
    /// <remarks>
    /// On ordinary inputs this is the plain loop, with error at most γₙ·Σ|xᵢyᵢ|. When that loop overflows (a product
    /// or partial sum beyond double, perhaps as ∞ − ∞ = NaN) the sum is redone on exactly rescaled copies, so the
    /// result is out of range only when xᵀy itself is, and then it is said to be.
    /// </remarks>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="OutOfDomainException">The result is beyond double's range (said to be, not returned as ±∞).</exception>
    public static double Dot(double[] x, double[] y)
    {
        Check.Vectors(x, nameof(x), y, nameof(y));
        // xᵀy = Σᵢ xᵢyᵢ
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++) sum += x[i] * y[i];
        return double.IsFinite(sum) ? sum : Check.InRange(RescaledDot(x, y), nameof(x), "xᵀy");
    }

    // xᵀy = 2ᵃ⁺ᵇ·Σᵢ (2⁻ᵃxᵢ)(2⁻ᵇyᵢ): the scaled products are below 4 in magnitude, so only the final scaling can
    // overflow. Not the first choice because a component below 2⁻¹⁰²² of its vector's largest is flushed to 0.
    private static double RescaledDot(double[] x, double[] y)
    {
        int a = ExactScaling.Exponent(x), b = ExactScaling.Exponent(y);
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++) sum += Math.ScaleB(x[i], -a) * Math.ScaleB(y[i], -b);
        return Math.ScaleB(sum, a + b);
    }

    /// <summary>The L1 norm ‖x‖₁ = Σᵢ |xᵢ|.</summary>
    /// <remarks>
    /// Needs no scaling: the terms are non-negative, so a partial sum never exceeds the total and overflows only
    /// when ‖x‖₁ does. Error at most γₙ₋₁·‖x‖₁.
    /// </remarks>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component is NaN or infinite.</exception>
    /// <exception cref="OutOfDomainException">The result is beyond double's range (said to be, not returned as ±∞).</exception>
    public static double Norm1(double[] x)
    {
        Check.Vector(x, nameof(x));
        // ‖x‖₁ = Σᵢ |xᵢ|
        var sum = 0.0;
        foreach (var xi in x) sum += Math.Abs(xi);
        return Check.InRange(sum, nameof(x), "‖x‖₁");
    }

    /// <summary>The Euclidean norm ‖x‖₂ = √(Σᵢ xᵢ²), safe from overflow and underflow like hypot and dnrm2.</summary>
    /// <remarks>
    /// Computed as 2ᵃ·√(Σᵢ (2⁻ᵃxᵢ)²) with 2ᵃ ≤ maxᵢ|xᵢ| &lt; 2ᵃ⁺¹. The scaled components lie in (−2, 2), so no
    /// square overflows; the largest is at least 1, so the sum cannot underflow to 0; and scaling by a power of two
    /// is exact, so on inputs where √(Σxᵢ²) itself neither overflows nor underflows the two agree to the last bit.
    /// Relative error at most about (n/2 + 1)·u.
    /// </remarks>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component is NaN or infinite.</exception>
    /// <exception cref="OutOfDomainException">The result is beyond double's range (said to be, not returned as ±∞).</exception>
    public static double Norm2(double[] x)
    {
        Check.Vector(x, nameof(x));
        var a = ExactScaling.Exponent(x);
        // ‖x‖₂ = 2ᵃ·√(Σᵢ (2⁻ᵃxᵢ)²)
        var sum = 0.0;
        foreach (var xi in x)
        {
            var scaled = Math.ScaleB(xi, -a);
            sum += scaled * scaled;
        }
        return Check.InRange(Math.ScaleB(Math.Sqrt(sum), a), nameof(x), "‖x‖₂");
    }

    /// <summary>The max norm ‖x‖∞ = maxᵢ |xᵢ|, the limit of ‖x‖ₚ as p → ∞. Exact.</summary>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component is NaN or infinite.</exception>
    public static double NormInf(double[] x)
    {
        Check.Vector(x, nameof(x));
        // ‖x‖∞ = maxᵢ |xᵢ|
        var largest = 0.0;
        foreach (var xi in x) largest = Math.Max(largest, Math.Abs(xi));
        return largest;
    }

    /// <summary>
    /// The p-norm ‖x‖ₚ = (Σᵢ |xᵢ|ᵖ)^(1/p) for any p ≥ 1 by the general formula, scaled against overflow and
    /// underflow; p = ∞ gives its limit <see cref="NormInf"/>.
    /// </summary>
    /// <remarks>
    /// Computed as s·(Σᵢ (|xᵢ|/s)ᵖ)^(1/p) with s = maxᵢ|xᵢ|. Here s must be the largest magnitude itself, not a
    /// power of two near it: then every ratio is at most 1, so no power can overflow whatever p is, and the largest
    /// ratio is exactly 1, so the sum lies in [1, n] and cannot underflow. Each ratio costs one rounding.
    /// <see cref="Norm"/> uses the specialised functions for p = 1, 2, ∞ instead; this one is the definition.
    /// </remarks>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component is NaN or infinite.</exception>
    /// <exception cref="OutOfDomainException">p is below 1 or NaN, or the result is beyond double's range.</exception>
    public static double NormP(double[] x, double p)
    {
        Check.Vector(x, nameof(x));
        Check.NormOrder(p, nameof(p));
        if (double.IsPositiveInfinity(p)) return NormInf(x);
        var s = NormInf(x);
        if (s == 0.0) return 0.0;
        // ‖x‖ₚ = s·(Σᵢ (|xᵢ|/s)ᵖ)^(1/p)
        return Check.InRange(s * Math.Pow(PowerSumOfRatios(x, s, p), 1.0 / p), nameof(x), "‖x‖ₚ");
    }

    /// <summary>S = Σᵢ (|xᵢ|/s)ᵖ for s = ‖x‖∞ &gt; 0: a sum in [1, n], shared by ‖x‖ₚ = s·S^(1/p) and its gradient.</summary>
    internal static double PowerSumOfRatios(double[] x, double s, double p)
    {
        var sum = 0.0;
        foreach (var xi in x) sum += Math.Pow(Math.Abs(xi) / s, p);
        return sum;
    }

    /// <summary>
    /// The p-norm ‖x‖ₚ for any p ≥ 1, by the most accurate route: <see cref="Norm1"/>, <see cref="Norm2"/> or
    /// <see cref="NormInf"/> for p = 1, 2, ∞ and <see cref="NormP"/> otherwise.
    /// </summary>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component is NaN or infinite.</exception>
    /// <exception cref="OutOfDomainException">p is below 1 or NaN, or the result is beyond double's range.</exception>
    public static double Norm(double[] x, double p)
    {
        Check.Vector(x, nameof(x));
        Check.NormOrder(p, nameof(p));
        return p switch
        {
            1.0 => Norm1(x),
            2.0 => Norm2(x),
            double.PositiveInfinity => NormInf(x),
            _ => NormP(x, p),
        };
    }

    /// <summary>The unit vector x̂ = x/‖x‖₂ in the direction of x.</summary>
    /// <remarks>Divides 2⁻ᵃx by its norm, so ‖x‖ overflowing or underflowing cannot spoil the quotient.</remarks>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component is NaN or infinite.</exception>
    /// <exception cref="DegenerateInputException">x is the zero vector, which has no direction.</exception>
    public static double[] Unit(double[] x)
    {
        Check.Vector(x, nameof(x));
        Check.NonZero(x, nameof(x), "a unit vector needs a direction");
        // x̂ = x/‖x‖₂
        return ExactScaling.DivideByNorm(x, x);
    }

    /// <summary>The cosine of the angle between x and y: cos θ = xᵀy/(‖x‖₂‖y‖₂) = x̂ᵀŷ, in [−1, 1].</summary>
    /// <remarks>
    /// Taken from the unit vectors so that neither xᵀy nor ‖x‖‖y‖ can overflow. Rounding can carry x̂ᵀŷ a few ulps
    /// past ±1, which no cosine can be, so the result is clamped to [−1, 1]. Near ±1 prefer <see cref="Angle"/>.
    /// </remarks>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="DegenerateInputException">x or y is the zero vector, which makes no angle.</exception>
    public static double Cosine(double[] x, double[] y)
    {
        VectorChecks.Angle(x, y);
        // cos θ = x̂ᵀŷ
        return Math.Clamp(Dot(Unit(x), Unit(y)), -1.0, 1.0);
    }

    /// <summary>The angle θ ∈ [0, π] between x and y, in radians, accurate over the whole range.</summary>
    /// <remarks>
    /// Kahan's θ = 2·atan2(‖x̂ − ŷ‖, ‖x̂ + ŷ‖). The familiar acos(cos θ) loses about half the digits near 0 and π,
    /// where acos has infinite slope: for x = (1, 0), y = (1, 10⁻¹⁰) the cosine rounds to 1 and acos returns 0,
    /// while this formula returns 10⁻¹⁰ to full relative accuracy.
    /// </remarks>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="DegenerateInputException">x or y is the zero vector, which makes no angle.</exception>
    public static double Angle(double[] x, double[] y)
    {
        VectorChecks.Angle(x, y);
        double[] xHat = Unit(x), yHat = Unit(y);
        double[] difference = VectorArithmetic.AddMultiple(xHat, -1.0, yHat), sum = VectorArithmetic.AddMultiple(xHat, 1.0, yHat);
        // θ = 2·atan2(‖x̂ − ŷ‖, ‖x̂ + ŷ‖)
        return 2.0 * Math.Atan2(Norm2(difference), Norm2(sum));
    }

    /// <summary>The angle between x and y in degrees, θ·180/π, in [0, 180].</summary>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="DegenerateInputException">x or y is the zero vector, which makes no angle.</exception>
    public static double AngleDegrees(double[] x, double[] y) => double.RadiansToDegrees(Angle(x, y));

    /// <summary>
    /// The scalar projection of x on y, xᵀŷ = xᵀy/‖y‖₂: the signed length of x's shadow along y.
    /// </summary>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="DegenerateInputException">y is the zero vector, which gives no direction to project on.</exception>
    /// <exception cref="OutOfDomainException">The result is beyond double's range (said to be, not returned as ±∞).</exception>
    public static double ScalarProjection(double[] x, double[] y)
    {
        VectorChecks.Projection(x, y);
        // xᵀŷ
        return Check.InRange(Dot(x, Unit(y)), nameof(x), "xᵀŷ");
    }

    /// <summary>The vector projection of x on y, (xᵀŷ)·ŷ = (xᵀy/yᵀy)·y: the point of the line through y nearest x.</summary>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="DegenerateInputException">y is the zero vector, which gives no direction to project on.</exception>
    /// <exception cref="OutOfDomainException">The result is beyond double's range (said to be, not returned as ±∞).</exception>
    public static double[] Project(double[] x, double[] y)
    {
        VectorChecks.Projection(x, y);
        var yHat = Unit(y);
        // proj = (xᵀŷ)·ŷ, formed for the exactly rescaled 2⁻ᵃx and scaled back: xᵀŷ can overflow where the projection
        // does not, and ∞·0 would be NaN.
        var a = ExactScaling.Exponent(x);
        return Check.InRange(ExactScaling.ScaleB(VectorArithmetic.Multiply(Dot(ExactScaling.ScaleB(x, -a), yHat), yHat), a), nameof(x), "proj_y(x)");
    }

    /// <summary>
    /// The rejection of x from y, x − proj_y(x): the component of x orthogonal to y, so that x = proj + rejection.
    /// </summary>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="DegenerateInputException">y is the zero vector, which gives no direction to project on.</exception>
    /// <exception cref="OutOfDomainException">The result is beyond double's range (said to be, not returned as ±∞).</exception>
    public static double[] Reject(double[] x, double[] y)
    {
        VectorChecks.Projection(x, y);
        // rej = x − proj_y(x)
        return Check.InRange(VectorArithmetic.AddMultiple(x, -1.0, Project(x, y)), nameof(x), "x − proj_y(x)");
    }

    /// <summary>The distance ‖x − y‖ₚ between the points x and y in the p-norm (p = 1, 2, any p ≥ 1, or ∞).</summary>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="OutOfDomainException">p is below 1 or NaN, or the result is beyond double's range.</exception>
    public static double Distance(double[] x, double[] y, double p)
    {
        Check.Vectors(x, nameof(x), y, nameof(y));
        Check.NormOrder(p, nameof(p));
        var difference = VectorArithmetic.AddMultiple(x, -1.0, y);
        // A component of x − y that overflows makes ‖x − y‖ₚ ≥ ‖x − y‖∞ overflow too.
        if (Array.Exists(difference, double.IsInfinity)) Check.InRange(double.PositiveInfinity, nameof(y), "‖x − y‖ₚ");
        // d(x, y) = ‖x − y‖ₚ
        return Norm(difference, p);
    }
}
