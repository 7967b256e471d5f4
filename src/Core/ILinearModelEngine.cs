using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Training;

namespace TensorLinear;

/// <summary>
/// The contract both engines implement — the hand-derived reference and libtorch's autograd — so that anything
/// written against it (the agreement suite, the command-line tool, a user's script) can run on either and compare.
/// </summary>
/// <remarks>
/// Losses are means over the rows plus the penalty: MSE (1/n)Σ(ŷᵢ − yᵢ)² for <see cref="ModelKind.Linear"/> and
/// the mean binary cross-entropy from logits for <see cref="ModelKind.Logistic"/>, plus λ₂‖w‖₂² + λ₁‖w‖₁.
/// Parameters are ordered θ = (w₁, …, w_d, b) wherever they form one vector.
/// </remarks>
public interface ILinearModelEngine
{
    /// <summary>A short name for reports: "reference" or "torch".</summary>
    string Name { get; }

    /// <summary>The model's predictions: ŷ = Xw + b (linear) or p = σ(Xw + b) (logistic).</summary>
    double[] Predict(ModelKind kind, DataSet data, LinearModel model);

    /// <summary>The mean loss of the model on the data, penalty included.</summary>
    double Loss(ModelKind kind, DataSet data, LinearModel model, Penalty penalty);

    /// <summary>The gradient of <see cref="Loss"/> with respect to w and b. For λ₁ &gt; 0 the L1 term contributes λ₁·sign(w) (0 at w = 0).</summary>
    ModelGradient Gradient(ModelKind kind, DataSet data, LinearModel model, Penalty penalty);

    /// <summary>The (d+1)×(d+1) Hessian of the smooth part of <see cref="Loss"/> (the L1 term has none) in the order θ = (w, b).</summary>
    double[,] Hessian(ModelKind kind, DataSet data, LinearModel model, Penalty penalty);

    /// <summary>Full-batch gradient descent from <paramref name="start"/> (the zero model when null).</summary>
    /// <exception cref="DivergenceException">The loss became non-finite or grew for <see cref="TrainingOptions.DivergencePatience"/> epochs.</exception>
    TrainingResult Train(ModelKind kind, DataSet data, TrainingOptions options, LinearModel? start = null, IProgress<EpochProgress>? progress = null);
}
