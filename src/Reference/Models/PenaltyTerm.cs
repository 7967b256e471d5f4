using TensorLinear.Models;

namespace TensorLinear.Reference.Models;

/// <summary>
/// The penalty λ₂‖w‖₂² + λ₁‖w‖₁ on the weights w = θ[0..d) and its derivatives. The bias θ[d] is never penalised.
/// </summary>
internal static class PenaltyTerm
{
    // λ₂ Σ wⱼ² + λ₁ Σ |wⱼ|.
    public static double Value(Penalty penalty, ReadOnlySpan<double> weights)
    {
        double squares = 0.0, absolutes = 0.0;
        foreach (var w in weights)
        {
            squares += w * w;
            absolutes += Math.Abs(w);
        }
        return penalty.L2 * squares + penalty.L1 * absolutes;
    }

    // ∂/∂wⱼ λ₂ Σ wₖ² = 2λ₂wⱼ.
    public static void AddRidgeGradient(double l2, ReadOnlySpan<double> weights, Span<double> gradient)
    {
        for (var j = 0; j < weights.Length; j++) gradient[j] += 2.0 * l2 * weights[j];
    }

    // ∂/∂wⱼ λ₁ Σ |wₖ| = λ₁·sign(wⱼ) away from 0; at wⱼ = 0 the subgradient is the interval [−λ₁, λ₁] and we take 0,
    // libtorch's choice, so that the engines agree.
    public static void AddLassoSubgradient(double l1, ReadOnlySpan<double> weights, Span<double> gradient)
    {
        for (var j = 0; j < weights.Length; j++) gradient[j] += l1 * Math.Sign(weights[j]);
    }

    // ∂²/∂wⱼ∂wₖ λ₂ Σ wₘ² = 2λ₂ when j = k, else 0: a ridge adds 2λ₂ to the weight diagonal only.
    public static void AddRidgeCurvature(double l2, double[,] hessian, int weightCount)
    {
        for (var j = 0; j < weightCount; j++) hessian[j, j] += 2.0 * l2;
    }
}
