using MathNet.Numerics.LinearAlgebra;

namespace TensorLinear.Reference.Inference;

/// <summary>The Wald statistic of the hypothesis that the first q parameters are all 0.</summary>
internal static class WaldTest
{
    /// <summary>θ̂ₛᵀVₛ⁻¹θ̂ₛ with s the first <paramref name="q"/> parameters (the slopes), by Cholesky; NaN when Vₛ is not positive definite.</summary>
    public static double Statistic(IReadOnlyList<double> estimates, double[,] covariance, int q)
    {
        var v = Matrix<double>.Build.Dense(q, q, (j, k) => covariance[j, k]);
        var theta = Vector<double>.Build.Dense(q, j => estimates[j]);
        try
        {
            return theta.DotProduct(v.Cholesky().Solve(theta));
        }
        catch (ArgumentException)
        {
            return double.NaN;
        }
    }
}
