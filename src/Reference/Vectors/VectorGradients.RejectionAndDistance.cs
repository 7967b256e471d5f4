using TensorLinear.Numerics;

namespace TensorLinear.Reference;

// The Jacobians of the rejection x − proj_y(x), and the gradients of the distance ‖x − y‖ₚ.
public static partial class VectorGradients
{
    /// <summary>
    /// The Jacobian of rej_y(x) = x − proj_y(x) with respect to x: I − ŷŷᵀ, the projection onto the complement of y.
    /// </summary>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="DegenerateInputException">y is the zero vector.</exception>
    public static double[,] RejectJacobianX(double[] x, double[] y)
    {
        // ∂(xᵢ − projᵢ)/∂xⱼ = δᵢⱼ − ŷᵢŷⱼ
        var jacobian = ProjectJacobianX(x, y);
        return IdentityMinus(jacobian);
    }

    /// <summary>The Jacobian of rej_y(x) = x − proj_y(x) with respect to y: −∂proj_y(x)/∂y, since x does not depend on y.</summary>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="DegenerateInputException">y is the zero vector.</exception>
    public static double[,] RejectJacobianY(double[] x, double[] y)
    {
        // ∂(xᵢ − projᵢ)/∂yⱼ = −∂projᵢ/∂yⱼ
        var jacobian = ProjectJacobianY(x, y);
        for (var i = 0; i < jacobian.GetLength(0); i++)
            for (var j = 0; j < jacobian.GetLength(1); j++) jacobian[i, j] = -jacobian[i, j];
        return jacobian;
    }

    /// <summary>
    /// The gradient of d(x, y) = ‖x − y‖ₚ with respect to x: the p-norm's gradient at x − y (for p = 1 and ∞ the
    /// subgradient of <see cref="Norm1Gradient"/> and <see cref="NormInfGradient"/>).
    /// </summary>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="OutOfDomainException">p is below 1 or NaN.</exception>
    /// <exception cref="DegenerateInputException">x = y and 1 &lt; p &lt; ∞, where ‖·‖ₚ has no gradient.</exception>
    public static double[] DistanceGradientX(double[] x, double[] y, double p)
    {
        Check.Vectors(x, nameof(x), y, nameof(y));
        Check.NormOrder(p, nameof(p));
        var difference = VectorArithmetic.AddMultiple(x, -1.0, y);
        // ∇ₓ‖x − y‖ₚ = ∇‖·‖ₚ(x − y)·∂(x − y)/∂x = ∇‖·‖ₚ(x − y)
        return p == 2.0 ? Norm2Gradient(difference) : NormPGradient(difference, p);
    }

    /// <summary>The gradient of d(x, y) = ‖x − y‖ₚ with respect to y: −∇ₓd, since ∂(x − y)/∂y = −I.</summary>
    /// <exception cref="EmptyInputException">x or y is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x or y is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x and y differ in length.</exception>
    /// <exception cref="OutOfDomainException">p is below 1 or NaN.</exception>
    /// <exception cref="DegenerateInputException">x = y and 1 &lt; p &lt; ∞, where ‖·‖ₚ has no gradient.</exception>
    public static double[] DistanceGradientY(double[] x, double[] y, double p) =>
        // ∇_y‖x − y‖ₚ = −∇‖·‖ₚ(x − y)
        VectorArithmetic.Multiply(-1.0, DistanceGradientX(x, y, p));

    // I − A, in place.
    private static double[,] IdentityMinus(double[,] a)
    {
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < a.GetLength(1); j++) a[i, j] = (i == j ? 1.0 : 0.0) - a[i, j];
        return a;
    }
}
