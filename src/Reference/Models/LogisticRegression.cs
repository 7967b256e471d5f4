using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Losses;

namespace TensorLinear.Reference.Models;

/// <summary>
/// Logistic regression p = σ(Xw + b) fitted by mean log-loss (binary cross-entropy from logits): the prediction, the
/// loss and its derivatives, derived in <c>docs/derivations/logistic-regression.md</c>.
/// </summary>
/// <remarks>
/// The targets must be the labels 0 and 1. Every function takes the penalty λ₂‖w‖₂² + λ₁‖w‖₁ (none when omitted);
/// the bias is never penalised.
/// </remarks>
public static class LogisticRegression
{
    /// <summary>The probabilities p = σ(Xw + b) of class 1 (the targets are not read).</summary>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature.</exception>
    /// <exception cref="OutOfDomainException">A score overflows.</exception>
    public static double[] Predict(DataSet data, LinearModel model)
    {
        var scores = EmpiricalRisk<LogLoss>.CheckedScores(data, model);
        for (var i = 0; i < scores.Length; i++) scores[i] = Logistic.SigmoidUnchecked(scores[i]);
        return scores;
    }

    /// <summary>The predicted classes: 1 where p ≥ ½, which is where the score z = wᵀx + b ≥ 0, else 0 (the targets are not read).</summary>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature.</exception>
    /// <exception cref="OutOfDomainException">A score overflows.</exception>
    // Deciding on z rather than on a rounded σ(z) keeps the boundary exact.
    public static double[] Classify(DataSet data, LinearModel model)
    {
        var scores = EmpiricalRisk<LogLoss>.CheckedScores(data, model);
        for (var i = 0; i < scores.Length; i++) scores[i] = scores[i] >= 0.0 ? 1.0 : 0.0;
        return scores;
    }

    /// <summary>The loss (1/n) Σ [softplus(zᵢ) − yᵢzᵢ] + λ₂‖w‖₂² + λ₁‖w‖₁, z = Xw + b.</summary>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature.</exception>
    /// <exception cref="OutOfDomainException">A target is not 0 or 1, or the scores overflow.</exception>
    public static double Loss(DataSet data, LinearModel model, Penalty? penalty = null) =>
        EmpiricalRisk<LogLoss>.Loss(data, model, penalty ?? Penalty.None);

    /// <summary>∂L/∂w = (1/n) Xᵀ(σ − y) + 2λ₂w + λ₁·sign(w) and ∂L/∂b = (1/n) Σ (σᵢ − yᵢ), with sign(0) = 0.</summary>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature.</exception>
    /// <exception cref="OutOfDomainException">A target is not 0 or 1, or the scores overflow.</exception>
    // ℓ′ = σ(z) − y through ∂zᵢ/∂w = xᵢ, ∂zᵢ/∂b = 1: (1/n) Σ (σᵢ − yᵢ)(xᵢ, 1).
    public static ModelGradient Gradient(DataSet data, LinearModel model, Penalty? penalty = null) =>
        EmpiricalRisk<LogLoss>.Gradient(data, model, penalty ?? Penalty.None);

    /// <summary>
    /// The (d+1)×(d+1) Hessian (1/n)[X 1]ᵀ diag(σ(1 − σ)) [X 1], plus 2λ₂ on the weight diagonal, in the order θ = (w, b).
    /// </summary>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature.</exception>
    /// <exception cref="OutOfDomainException">A target is not 0 or 1, or the scores overflow.</exception>
    // ℓ″ = σ(zᵢ)(1 − σ(zᵢ)) weights row i: (1/n) Σ σᵢ(1 − σᵢ) aᵢaᵢᵀ = (1/n) Aᵀ diag(σ(1 − σ)) A.
    public static double[,] Hessian(DataSet data, LinearModel model, Penalty? penalty = null) =>
        EmpiricalRisk<LogLoss>.Hessian(data, model, penalty ?? Penalty.None);
}
