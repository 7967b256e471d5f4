using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Losses;

namespace TensorLinear.Reference.Models;

/// <summary>
/// Linear regression ŷ = Xw + b fitted by mean squared error: the prediction, the loss and its derivatives, derived
/// in <c>docs/derivations/linear-regression.md</c>.
/// </summary>
/// <remarks>
/// Every function takes the penalty λ₂‖w‖₂² + λ₁‖w‖₁ (none when omitted); the bias is never penalised.
/// </remarks>
public static class LinearRegression
{
    /// <summary>The predictions ŷ = Xw + b.</summary>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature.</exception>
    /// <exception cref="OutOfDomainException">A prediction overflows.</exception>
    public static double[] Predict(DataSet data, LinearModel model) =>
        EmpiricalRisk<SquaredErrorLoss>.CheckedScores(data, model);

    /// <summary>The loss (1/n) Σ (ŷᵢ − yᵢ)² + λ₂‖w‖₂² + λ₁‖w‖₁.</summary>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature.</exception>
    /// <exception cref="OutOfDomainException">The scores overflow.</exception>
    public static double Loss(DataSet data, LinearModel model, Penalty? penalty = null) =>
        EmpiricalRisk<SquaredErrorLoss>.Loss(data, model, penalty ?? Penalty.None);

    /// <summary>
    /// ∂L/∂w = (2/n) Xᵀ(ŷ − y) + 2λ₂w + λ₁·sign(w) and ∂L/∂b = (2/n) Σ (ŷᵢ − yᵢ), with sign(0) = 0.
    /// </summary>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature.</exception>
    /// <exception cref="OutOfDomainException">The scores overflow.</exception>
    // ℓ′ = 2(ŷ − y) through ∂ŷᵢ/∂w = xᵢ, ∂ŷᵢ/∂b = 1: (1/n) Σ 2(ŷᵢ − yᵢ)(xᵢ, 1) = ((2/n)Xᵀ(ŷ − y), (2/n)Σ(ŷᵢ − yᵢ)).
    public static ModelGradient Gradient(DataSet data, LinearModel model, Penalty? penalty = null) =>
        EmpiricalRisk<SquaredErrorLoss>.Gradient(data, model, penalty ?? Penalty.None);

    /// <summary>
    /// The (d+1)×(d+1) Hessian (2/n)[X 1]ᵀ[X 1], plus 2λ₂ on the weight diagonal, in the order θ = (w, b). It does
    /// not depend on the model: the loss is quadratic.
    /// </summary>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature.</exception>
    // ℓ″ = 2 for every row, so (1/n) Σ 2 aᵢaᵢᵀ = (2/n) AᵀA with rows aᵢ = (xᵢ, 1) of A = [X 1].
    public static double[,] Hessian(DataSet data, LinearModel model, Penalty? penalty = null) =>
        EmpiricalRisk<SquaredErrorLoss>.Hessian(data, model, penalty ?? Penalty.None);
}
