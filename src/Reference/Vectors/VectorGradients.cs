using TensorLinear.Numerics;

namespace TensorLinear.Reference;

/// <summary>
/// Hand-derived gradients of the functions in <see cref="Vector"/>, one function per gradient, each with its
/// derivation in a one-line comment (worked in full in docs/derivations). Every result is a fresh array.
/// </summary>
/// <remarks>
/// At a kink the convention is libtorch's: sign(0) = 0, and at a tie for ‖x‖∞ the gradient is shared evenly. Where
/// the formula divides by a norm that is zero (‖x‖₂ or ‖x‖ₚ at x = 0, the cosine at a zero vector) the input is
/// degenerate and rejected instead: libtorch returns 0 for ‖x‖₂ and ‖x‖ₚ at 0, so comparisons must leave that point
/// out.
/// </remarks>
public static partial class VectorGradients
{
    /// <summary>∇‖x‖₂ = x/‖x‖₂, the unit vector x̂.</summary>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component is NaN or infinite.</exception>
    /// <exception cref="DegenerateInputException">x is the zero vector, the cone's tip, where ‖x‖₂ has no gradient.</exception>
    public static double[] Norm2Gradient(double[] x)
    {
        Check.Vector(x, nameof(x));
        Check.NonZero(x, nameof(x), "‖x‖₂ has no gradient at 0 (x/‖x‖ would be 0/0)");
        // ∂(Σⱼxⱼ²)^½/∂xᵢ = ½(Σⱼxⱼ²)^(−½)·2xᵢ = xᵢ/‖x‖₂
        return Vector.Unit(x);
    }

    /// <summary>∇‖x‖₁ = sign(x), with sign(0) = 0 (libtorch's convention) at the kinks.</summary>
    /// <remarks>
    /// At xᵢ = 0 the norm has a kink: any value in [−1, 1] is a subgradient, and 0 is the one libtorch returns (and
    /// the one a central difference finds). The zero vector is therefore accepted and has gradient 0.
    /// </remarks>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component is NaN or infinite.</exception>
    public static double[] Norm1Gradient(double[] x)
    {
        Check.Vector(x, nameof(x));
        // ∂(Σⱼ|xⱼ|)/∂xᵢ = d|xᵢ|/dxᵢ = sign(xᵢ)
        var gradient = new double[x.Length];
        for (var i = 0; i < x.Length; i++) gradient[i] = Math.Sign(x[i]);
        return gradient;
    }

    /// <summary>
    /// ∇‖x‖ₚ = sign(xᵢ)·|xᵢ|^(p−1)/‖x‖ₚ^(p−1), the gradient of <see cref="Vector.NormP"/>; p = 1 and p = ∞ give
    /// <see cref="Norm1Gradient"/> and <see cref="NormInfGradient"/>.
    /// </summary>
    /// <remarks>
    /// With s = ‖x‖∞, rᵢ = |xᵢ|/s and S = Σⱼ rⱼᵖ (so ‖x‖ₚ = s·S^(1/p)), the gradient is sign(xᵢ)·rᵢ^(p−1)/S^((p−1)/p).
    /// Every rᵢ ≤ 1, so no power overflows as |xᵢ|^(p−1) could; and the rounded norm is never raised to the power
    /// p − 1, which for large p would multiply its rounding error by p − 1 (at a tie of k components the gradient
    /// tends to 1/k, where (|xᵢ|/‖x‖ₚ)^(p−1) from a rounded ‖x‖ₚ would give 1). At p = 1 the formula reads
    /// sign(xᵢ)·rᵢ⁰, which at xᵢ = 0 is 0⁰; the L1 gradient settles it.
    /// </remarks>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component is NaN or infinite.</exception>
    /// <exception cref="OutOfDomainException">p is below 1 or NaN.</exception>
    /// <exception cref="DegenerateInputException">1 &lt; p &lt; ∞ and x is the zero vector, where ‖x‖ₚ has no gradient.</exception>
    public static double[] NormPGradient(double[] x, double p)
    {
        Check.Vector(x, nameof(x));
        Check.NormOrder(p, nameof(p));
        if (p == 1.0) return Norm1Gradient(x);
        if (double.IsPositiveInfinity(p)) return NormInfGradient(x);
        Check.NonZero(x, nameof(x), "‖x‖ₚ has no gradient at 0 (the formula would be 0/0)");
        var s = Vector.NormInf(x);
        var powerSum = Math.Pow(Vector.PowerSumOfRatios(x, s, p), (p - 1.0) / p);
        // ∂(Σⱼ|xⱼ|ᵖ)^(1/p)/∂xᵢ = (1/p)(Σⱼ|xⱼ|ᵖ)^(1/p − 1)·p|xᵢ|^(p−1)sign(xᵢ) = sign(xᵢ)·rᵢ^(p−1)/S^((p−1)/p)
        var gradient = new double[x.Length];
        for (var i = 0; i < x.Length; i++) gradient[i] = Math.Sign(x[i]) * Math.Pow(Math.Abs(x[i]) / s, p - 1.0) / powerSum;
        return gradient;
    }

    /// <summary>
    /// ∇‖x‖∞: sign(xᵢ)/k at each of the k components where |xᵢ| = ‖x‖∞, and 0 elsewhere.
    /// </summary>
    /// <remarks>
    /// With a single largest component the max moves with it alone, so its slope is sign(xᵢ) and the others' 0. At a
    /// tie the max has a kink; sharing sign(xᵢ)/k evenly among the tied components is libtorch's convention (its
    /// norm_backward for p = ∞ returns sgn(x)·mask/mask.sum(), mask marking |xᵢ| = ‖x‖∞), to be confirmed against the
    /// libtorch build the Autograd engine links. At x = 0 every component ties with sign 0, so the gradient is 0.
    /// </remarks>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component is NaN or infinite.</exception>
    public static double[] NormInfGradient(double[] x)
    {
        Check.Vector(x, nameof(x));
        var largest = Vector.NormInf(x);
        var ties = 0;
        foreach (var xi in x)
            if (Math.Abs(xi) == largest) ties++;
        // ∂maxⱼ|xⱼ|/∂xᵢ = sign(xᵢ)/k where |xᵢ| attains the max (k ties), 0 where it does not
        var gradient = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
            if (Math.Abs(x[i]) == largest) gradient[i] = Math.Sign(x[i]) / (double)ties;
        return gradient;
    }

    /// <summary>∇ₓ(xᵀy) = y.</summary>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    public static double[] DotGradientX(double[] x, double[] y)
    {
        Check.Vectors(x, nameof(x), y, nameof(y));
        // ∂(Σⱼxⱼyⱼ)/∂xᵢ = yᵢ
        return (double[])y.Clone();
    }

    /// <summary>∇_y(xᵀy) = x.</summary>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    public static double[] DotGradientY(double[] x, double[] y)
    {
        Check.Vectors(x, nameof(x), y, nameof(y));
        // ∂(Σⱼxⱼyⱼ)/∂yᵢ = xᵢ
        return (double[])x.Clone();
    }

    /// <summary>∇ₓ cos θ = (ŷ − cos θ·x̂)/‖x‖₂, for cos θ = xᵀy/(‖x‖₂‖y‖₂).</summary>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="DegenerateInputException">x or y is the zero vector, which makes no angle.</exception>
    /// <exception cref="OutOfDomainException">The result is beyond double's range (said to be, not returned as ±∞).</exception>
    public static double[] CosineGradientX(double[] x, double[] y)
    {
        VectorChecks.Angle(x, y);
        double[] xHat = Vector.Unit(x), yHat = Vector.Unit(y);
        var cos = Vector.Dot(xHat, yHat);
        // ∇ₓ[xᵀy/(‖x‖‖y‖)] = y/(‖x‖‖y‖) − (xᵀy)·x̂/(‖x‖²‖y‖) = (ŷ − cos θ·x̂)/‖x‖, using ∇ₓ‖x‖ = x̂
        return Check.InRange(ExactScaling.DivideByNorm(VectorArithmetic.AddMultiple(yHat, -cos, xHat), x), nameof(x), "∂cos θ/∂x");
    }

    /// <summary>∇_y cos θ = (x̂ − cos θ·ŷ)/‖y‖₂, for cos θ = xᵀy/(‖x‖₂‖y‖₂).</summary>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="DegenerateInputException">x or y is the zero vector, which makes no angle.</exception>
    /// <exception cref="OutOfDomainException">The result is beyond double's range (said to be, not returned as ±∞).</exception>
    public static double[] CosineGradientY(double[] x, double[] y)
    {
        VectorChecks.Angle(x, y);
        double[] xHat = Vector.Unit(x), yHat = Vector.Unit(y);
        var cos = Vector.Dot(xHat, yHat);
        // the cosine is symmetric in x and y, so swap their roles in ∇ₓ: (x̂ − cos θ·ŷ)/‖y‖
        return Check.InRange(ExactScaling.DivideByNorm(VectorArithmetic.AddMultiple(xHat, -cos, yHat), y), nameof(y), "∂cos θ/∂y");
    }

    /// <summary>∇ₓ(xᵀŷ) = ŷ: the scalar projection is linear in x.</summary>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="DegenerateInputException">y is the zero vector, which gives no direction to project on.</exception>
    public static double[] ScalarProjectionGradientX(double[] x, double[] y)
    {
        VectorChecks.Projection(x, y);
        // ∂(Σⱼxⱼŷⱼ)/∂xᵢ = ŷᵢ
        return Vector.Unit(y);
    }

    /// <summary>
    /// ∇_y(xᵀy/‖y‖₂) = (x − (xᵀŷ)ŷ)/‖y‖₂: the rejection of x from y, divided by ‖y‖₂. Moving y along itself does
    /// not change the projection, so the gradient is orthogonal to y.
    /// </summary>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="DegenerateInputException">y is the zero vector, which gives no direction to project on.</exception>
    /// <exception cref="OutOfDomainException">The result is beyond double's range (said to be, not returned as ±∞).</exception>
    public static double[] ScalarProjectionGradientY(double[] x, double[] y)
    {
        VectorChecks.Projection(x, y);
        // ∇_y[xᵀy/‖y‖] = x/‖y‖ − (xᵀy)·ŷ/‖y‖² = (x − (xᵀŷ)ŷ)/‖y‖, using ∇_y‖y‖ = ŷ
        // Linear in x: the rejection of 2⁻ᵃx, divided by ‖y‖ and scaled back, so that it cannot overflow on the way.
        var a = ExactScaling.Exponent(x);
        return Check.InRange(ExactScaling.ScaleB(ExactScaling.DivideByNorm(Vector.Reject(ExactScaling.ScaleB(x, -a), y), y), a), nameof(y), "∂(xᵀŷ)/∂y");
    }
}
