using LinearAlgebra = MathNet.Numerics.LinearAlgebra;

namespace TensorLinear.Reference.Training;

/// <summary>
/// Cholesky solves with a matrix that should be positive definite — a Newton step's Hessian, an information matrix —
/// that say "not positive definite to rounding" with null instead of an exception, for the caller to report.
/// </summary>
internal static class PositiveDefinite
{
    /// <summary>Δ with HΔ = g; null when H is not positive definite to rounding or Δ is not finite.</summary>
    public static double[]? Solve(double[,] hessian, double[] gradient)
    {
        try
        {
            var h = LinearAlgebra.Matrix<double>.Build.DenseOfArray(hessian);
            var delta = h.Cholesky().Solve(LinearAlgebra.Vector<double>.Build.DenseOfArray(gradient)).ToArray();
            return Array.TrueForAll(delta, double.IsFinite) ? delta : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// (n·H)⁻¹, the covariance of a maximum-likelihood estimate from the mean loss's Hessian H; null when n·H is not
    /// positive definite to rounding. For weighted data n is Σωᵢ, the mean's denominator, so n·H is Σωᵢℓ″ᵢaᵢaᵢᵀ.
    /// </summary>
    public static double[,]? InverseInformation(double[,] hessian, double observations)
    {
        var information = LinearAlgebra.Matrix<double>.Build.DenseOfArray(hessian).Multiply(observations);
        try
        {
            return information.Cholesky().Solve(LinearAlgebra.Matrix<double>.Build.DenseIdentity(information.RowCount)).ToArray();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
