using TensorLinear.Data;
using TensorLinear.Models;

namespace TensorLinear.Softmax;

/// <summary>
/// The softmax loss and its derivatives, from one engine: by hand (TensorLinear.Reference) or by libtorch's autograd
/// (TensorLinear.Autograd). The fits take one, so that Newton's method and gradient descent run on either with the
/// same steps and stopping rules.
/// </summary>
/// <remarks>
/// The targets are class labels 0 … k−1 (k = the model's <see cref="SoftmaxModel.ClassCount"/>); θ is in the order of
/// <see cref="SoftmaxModel.ToParameterVector"/>. The penalty λ₂‖W‖² + λ₁‖W‖₁ is on the weights only.
/// </remarks>
public interface ISoftmaxEngine
{
    /// <summary>"reference" or "torch".</summary>
    string Name { get; }

    /// <summary>The mean loss (1/n) Σᵢ [log Σ_c e^{z_ic} − z_{i,yᵢ}] plus the penalty.</summary>
    double Loss(DataSet data, SoftmaxModel model, Penalty penalty);

    /// <summary>∇L over θ, the L1 term contributing λ₁·sign(w).</summary>
    double[] Gradient(DataSet data, SoftmaxModel model, Penalty penalty);

    /// <summary>∇²L over θ of the smooth part (λ₂ only).</summary>
    double[,] Hessian(DataSet data, SoftmaxModel model, Penalty penalty);
}
