using TensorLinear.Numerics;

namespace TensorLinear.Reference;

// The angle's gradient and the Jacobians of the two vector-valued functions, unit and projection (the Jacobian's row i
// is the gradient of output component i).
public static partial class VectorGradients
{
    /// <summary>
    /// ∇ₓθ = −(ŷ − cos θ·x̂)/(‖x‖₂ sin θ) for the angle θ between x and y: a vector of length 1/‖x‖₂ in the plane of x
    /// and y, orthogonal to x, pointing away from y.
    /// </summary>
    /// <remarks>
    /// From θ = arccos(cos θ) and ∇ₓ cos θ = (ŷ − cos θ·x̂)/‖x‖ (<see cref="CosineGradientX"/>), with dθ = −d cos θ/sin θ.
    /// Since ‖ŷ − cos θ·x̂‖ = sin θ, the gradient is −r̂/‖x‖ for r = ŷ − cos θ·x̂, and only r's direction is needed. Near
    /// θ = 0, forming ŷ − cos θ·x̂ cancels catastrophically; r is computed instead as d − (dᵀx̂)x̂ with d = ŷ − x̂ (or
    /// d = ŷ + x̂ near θ = π), which is the same vector because x̂ᵀ(ŷ ∓ x̂) = cos θ ∓ 1, and whose terms are small
    /// where r is.
    /// </remarks>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="DegenerateInputException">x or y is the zero vector, or they are parallel (θ = 0 or π to
    /// rounding), where the angle has a cone point and no gradient.</exception>
    /// <exception cref="OutOfDomainException">The result is beyond double's range (said to be, not returned as ±∞).</exception>
    public static double[] AngleGradientX(double[] x, double[] y)
    {
        VectorChecks.Angle(x, y);
        // ∇ₓθ = −r̂/‖x‖, r the component of ŷ orthogonal to x̂
        return Check.InRange(ExactScaling.DivideByNorm(VectorArithmetic.Multiply(-1.0, OrthogonalDirection(Vector.Unit(x), Vector.Unit(y))), x), nameof(x), "∂θ/∂x");
    }

    /// <summary>∇_yθ = −(x̂ − cos θ·ŷ)/(‖y‖₂ sin θ): the angle is symmetric in x and y, so swap their roles in ∇ₓθ.</summary>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="DegenerateInputException">x or y is the zero vector, or they are parallel.</exception>
    /// <exception cref="OutOfDomainException">The result is beyond double's range (said to be, not returned as ±∞).</exception>
    public static double[] AngleGradientY(double[] x, double[] y)
    {
        VectorChecks.Angle(x, y);
        return Check.InRange(ExactScaling.DivideByNorm(VectorArithmetic.Multiply(-1.0, OrthogonalDirection(Vector.Unit(y), Vector.Unit(x))), y), nameof(y), "∂θ/∂y");
    }

    /// <summary>The Jacobian of x̂ = x/‖x‖₂: J = (I − x̂x̂ᵀ)/‖x‖₂, the projection onto the plane orthogonal to x, scaled.</summary>
    /// <remarks>∂(xᵢ/‖x‖)/∂xⱼ = δᵢⱼ/‖x‖ − xᵢxⱼ/‖x‖³, using ∂‖x‖/∂xⱼ = xⱼ/‖x‖.</remarks>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component is NaN or infinite.</exception>
    /// <exception cref="DegenerateInputException">x is the zero vector, which has no direction.</exception>
    /// <exception cref="OutOfDomainException">The result is beyond double's range (said to be, not returned as ±∞).</exception>
    public static double[,] UnitJacobian(double[] x)
    {
        Check.Vector(x, nameof(x));
        Check.NonZero(x, nameof(x), "a unit vector needs a direction");
        var xHat = Vector.Unit(x);
        var n = x.Length;
        var jacobian = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            // row i: (eᵢ − x̂ᵢx̂)/‖x‖
            var row = VectorArithmetic.Multiply(-xHat[i], xHat);
            row[i] += 1.0;
            var scaled = ExactScaling.DivideByNorm(row, x);
            for (var j = 0; j < n; j++) jacobian[i, j] = scaled[j];
        }
        return Check.InRange(jacobian, nameof(x), "∂x̂/∂x, which grows as 1/‖x‖,");
    }

    /// <summary>The Jacobian of proj_y(x) = (xᵀŷ)ŷ with respect to x: ŷŷᵀ, the same at every x (the projection is linear in x).</summary>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="DegenerateInputException">y is the zero vector, which gives no direction to project on.</exception>
    public static double[,] ProjectJacobianX(double[] x, double[] y)
    {
        VectorChecks.Projection(x, y);
        var yHat = Vector.Unit(y);
        var n = y.Length;
        var jacobian = new double[n, n];
        // ∂[(Σₖxₖŷₖ)ŷᵢ]/∂xⱼ = ŷⱼŷᵢ
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                jacobian[i, j] = yHat[i] * yHat[j];
        return jacobian;
    }

    /// <summary>
    /// The Jacobian of proj_y(x) = (xᵀy/yᵀy)·y with respect to y: (ŷxᵀ + s·I − 2s·ŷŷᵀ)/‖y‖₂, s = xᵀŷ the scalar
    /// projection.
    /// </summary>
    /// <remarks>
    /// ∂pᵢ/∂yⱼ = xⱼyᵢ/yᵀy + (xᵀy)δᵢⱼ/yᵀy − 2(xᵀy)yᵢyⱼ/(yᵀy)² by the product and quotient rules; writing y = ‖y‖ŷ turns the
    /// three terms into ŷᵢxⱼ/‖y‖, s·δᵢⱼ/‖y‖ and 2s·ŷᵢŷⱼ/‖y‖.
    /// </remarks>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="DegenerateInputException">y is the zero vector, which gives no direction to project on.</exception>
    /// <exception cref="OutOfDomainException">The result is beyond double's range (said to be, not returned as ±∞).</exception>
    public static double[,] ProjectJacobianY(double[] x, double[] y)
    {
        VectorChecks.Projection(x, y);
        var yHat = Vector.Unit(y);
        // The Jacobian is linear in x: computed for 2⁻ᵃx, whose s and 2s stay below 4·√n, and scaled back by 2ᵃ, so that
        // x near 1e308 cannot overflow 2s (it made ∂proj/∂y NaN at x = (1e308, 1e308), y = (1e308, 0)).
        var a = ExactScaling.Exponent(x);
        var xScaled = ExactScaling.ScaleB(x, -a);
        var s = Vector.Dot(xScaled, yHat);
        var n = y.Length;
        var jacobian = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            // row i: (ŷᵢx + s·eᵢ − 2s·ŷᵢŷ)/‖y‖
            var row = VectorArithmetic.AddMultiple(VectorArithmetic.Multiply(yHat[i], xScaled), -2.0 * s * yHat[i], yHat);
            row[i] += s;
            var scaled = ExactScaling.DivideByNorm(row, y);
            for (var j = 0; j < n; j++) jacobian[i, j] = Math.ScaleB(scaled[j], a);
        }
        return Check.InRange(jacobian, nameof(x), "∂proj/∂y");
    }

    // The unit vector along the component of b̂ orthogonal to â (both unit vectors), computed from d = b̂ ∓ â so that it
    // keeps its digits when â and b̂ are nearly parallel or antiparallel. Refuses parallel vectors: then that component
    // is rounding noise, a few ulps long, and its direction means nothing.
    private static double[] OrthogonalDirection(double[] aHat, double[] bHat)
    {
        var cos = Vector.Dot(aHat, bHat);
        var d = VectorArithmetic.AddMultiple(bHat, cos >= 0.0 ? -1.0 : 1.0, aHat);
        var r = VectorArithmetic.AddMultiple(d, -Vector.Dot(d, aHat), aHat);
        var length = Vector.Norm2(r);
        if (length <= 4 * aHat.Length * FloatingPoint.Epsilon)
            throw new DegenerateInputException("y", "x and y are parallel (θ = 0 or π), where the angle has a cone point and no gradient");
        return VectorArithmetic.Multiply(1.0 / length, r);
    }
}
