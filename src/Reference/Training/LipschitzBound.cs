using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using TensorLinear.Reference.Losses;
using TensorLinear.Reference.Models;

namespace TensorLinear.Reference.Training;

/// <summary>
/// L, a Lipschitz constant of the loss's gradient over the trained parameters: the largest eigenvalue of a matrix
/// that bounds the Hessian at every θ. A fixed step η decreases the loss monotonically for η ≤ 1/L and converges for
/// η &lt; 2/L (docs/derivations/gradient-descent.md).
/// </summary>
public static class LipschitzBound
{
    /// <summary>
    /// L = λ_max((2/n)[X 1]ᵀ[X 1] + 2λ₂I_w) for linear regression (its Hessian, the same at every θ) and
    /// L = λ_max((1/4n)[X 1]ᵀ[X 1] + 2λ₂I_w) for logistic regression, I_w the identity on the weights only.
    /// </summary>
    /// <remarks>
    /// The logistic Hessian (1/n)Aᵀdiag(σ(1 − σ))A changes with θ, so its value at one point bounds nothing along the
    /// path descent takes. But σ(1 − σ) ≤ ¼ everywhere, so the Hessian is ≼ (1/4n)AᵀA + 2λ₂I_w at every θ, and the
    /// largest eigenvalue of that bound is a Lipschitz constant for the whole run. (At the zero model every σ is ½ and
    /// the bound is attained.) The L1 term has no Hessian: the proximal step handles it. When the bias is not
    /// trained, only the weight block of the matrix counts, whose largest eigenvalue is no larger.
    /// </remarks>
    /// <exception cref="DegenerateInputException">L = 0: the intercept is fixed, there is no ridge and every feature is 0, so the loss does not depend on anything trained.</exception>
    public static double Of(ModelKind kind, DataSet data, Penalty penalty, bool fitIntercept = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(penalty);
        return kind switch
        {
            ModelKind.Linear => Of<SquaredErrorLoss>(data, penalty.L2, fitIntercept),
            ModelKind.Logistic => Of<LogLoss>(data, penalty.L2, fitIntercept),
            _ => throw ReferenceEngine.UnknownKind(kind),
        };
    }

    internal static double Of<TLoss>(DataSet data, double l2, bool fitIntercept) where TLoss : struct, IPointwiseLoss
    {
        var bound = EmpiricalRisk<TLoss>.HessianBound(data, l2);
        var lipschitz = PowerIteration.LargestEigenvalue(TrainedBlock.Of(bound, fitIntercept));
        if (lipschitz <= 0.0)
            throw new DegenerateInputException(nameof(data), "every feature is 0, the intercept is fixed and there is no ridge penalty: the loss does not depend on any trained parameter");
        return lipschitz;
    }
}
