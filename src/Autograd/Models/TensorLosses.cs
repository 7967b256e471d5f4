using TensorLinear.Models;

namespace TensorLinear.Autograd.Models;

/// <summary>
/// The losses of linear models written with libtorch operations — the tensor twins of the reference's hand-written
/// losses. Their gradients and Hessians are not written anywhere: autograd derives them.
/// </summary>
public static partial class TensorLosses
{
    /// <summary>The scores z = Xw + b of every row.</summary>
    public static Tensor Scores(Tensor features, Tensor weights, Tensor bias)
    {
        ArgumentNullException.ThrowIfNull(features);
        return features.MatVec(weights) + bias;
    }

    /// <summary>The mean data loss: MSE (1/n)Σ(zᵢ − yᵢ)², or mean binary cross-entropy from the logits zᵢ.</summary>
    public static Tensor DataLoss(ModelKind kind, Tensor scores, Tensor targets) => kind switch
    {
        ModelKind.Linear => Functional.MseLoss(scores, targets),
        ModelKind.Logistic => Functional.BinaryCrossEntropyWithLogits(scores, targets),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown model kind"),
    };

    /// <summary>The smooth penalty λ₂‖w‖₂² (the bias is not penalised).</summary>
    public static Tensor RidgePenalty(Tensor weights, double l2) => (weights * weights).Sum() * l2;

    /// <summary>The lasso penalty λ₁‖w‖₁, whose gradient autograd takes as λ₁·sign(w) (0 at w = 0).</summary>
    public static Tensor LassoPenalty(Tensor weights, double l1) => weights.Abs().Sum() * l1;

    /// <summary>The full loss: data loss plus both penalties.</summary>
    public static Tensor Loss(ModelKind kind, Tensor features, Tensor targets, Tensor weights, Tensor bias, Penalty penalty)
    {
        ArgumentNullException.ThrowIfNull(penalty);
        var loss = DataLoss(kind, Scores(features, weights, bias), targets);
        if (penalty.L2 != 0.0) loss += RidgePenalty(weights, penalty.L2);
        if (penalty.L1 != 0.0) loss += LassoPenalty(weights, penalty.L1);
        return loss;
    }
}
