using TensorLinear.Autograd.Losses;
using TensorLinear.Autograd;
using TensorLinear.Models;
using TorchSharp;
using static TorchSharp.torch;
using TensorLinear.Autograd.Runtime;

namespace TensorLinear.Autograd.Models;

/// <summary>
/// The empirical risk of linear models written with libtorch operations — scores, the mean data loss and the
/// penalties: the tensor twin of the reference's EmpiricalRisk. Their gradients and Hessians are not written anywhere: autograd derives them.
/// </summary>
/// <remarks>
/// These run once per epoch of training, so they check only what costs nothing beside the kernels: that every tensor
/// is float64 and that the shapes fit together (a matrix–vector product of mismatched shapes must never reach
/// libtorch). The values (finite, labels in [0, 1]) are the engine's to check, once, on the data set.
/// </remarks>
public static class TensorEmpiricalRisk
{
    /// <summary>The scores z = Xw + b of every row: X an n×d matrix, w a vector of d, b one element.</summary>
    /// <exception cref="InvalidInputException">A tensor is not float64.</exception>
    /// <exception cref="DimensionMismatchException">The shapes do not fit together.</exception>
    public static Tensor Scores(Tensor features, Tensor weights, Tensor bias)
    {
        var (_, d) = TensorChecks.MatrixShape(features, nameof(features));
        var length = TensorChecks.VectorShape(weights, nameof(weights));
        if (length != d)
            throw new DimensionMismatchException(nameof(weights),
                $"has {length} weights but features has {d} columns; a linear model needs one weight per feature");
        TensorChecks.OneElement(bias, nameof(bias));
        // z = Xw + b
        return WrappedTensorDisposeScope(() => features.mv(weights).Plus(bias));
    }

    /// <summary>
    /// The mean data loss: MSE (1/n)Σ(zᵢ − yᵢ)², or mean binary cross-entropy from the logits zᵢ; with sample weights ω
    /// the weighted mean (Σωᵢℓᵢ)/(Σωᵢ).
    /// </summary>
    /// <exception cref="InvalidInputException">A tensor is not float64.</exception>
    /// <exception cref="DimensionMismatchException">The scores and the targets (or the sample weights) differ in shape.</exception>
    public static Tensor DataLoss(ModelKind kind, Tensor scores, Tensor targets, Tensor? sampleWeights = null)
    {
        TensorChecks.SameShape(scores, nameof(scores), targets, nameof(targets));
        if (sampleWeights is not null)
        {
            TensorChecks.SameShape(scores, nameof(scores), sampleWeights, nameof(sampleWeights));
            return WrappedTensorDisposeScope(() => (sampleWeights * RowLoss(kind, scores, targets)).sum() / sampleWeights.sum());
        }
        return kind switch
        {
            ModelKind.Linear => nn.functional.mse_loss(scores, targets),
            ModelKind.Logistic => TensorLosses.MeanLogLoss(scores, targets),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown model kind"),
        };
    }

    // Each row's ℓᵢ: (zᵢ − yᵢ)² or the log-loss of logit zᵢ.
    private static Tensor RowLoss(ModelKind kind, Tensor scores, Tensor targets) => kind switch
    {
        ModelKind.Linear => WrappedTensorDisposeScope(() =>
        {
            var residual = scores.Plus(targets.neg());
            return residual * residual;
        }),
        ModelKind.Logistic => TensorLosses.RowLogLoss(scores, targets),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown model kind"),
    };

    /// <summary>The smooth penalty λ₂‖w‖₂² (the bias is not penalised).</summary>
    /// <exception cref="InvalidInputException">The weights are not float64.</exception>
    public static Tensor RidgePenalty(Tensor weights, double l2)
    {
        TensorChecks.Float64(weights, nameof(weights));
        // λ₂ Σⱼ wⱼ²
        using Scalar lambda = l2; // held for the call: see Runtime/LibTorchSharpExports
        return WrappedTensorDisposeScope(() => (weights * weights).sum() * lambda);
    }

    /// <summary>The lasso penalty λ₁‖w‖₁, whose gradient autograd takes as λ₁·sign(w) (0 at w = 0).</summary>
    /// <exception cref="InvalidInputException">The weights are not float64.</exception>
    public static Tensor LassoPenalty(Tensor weights, double l1)
    {
        TensorChecks.Float64(weights, nameof(weights));
        // λ₁ Σⱼ |wⱼ|
        using Scalar lambda = l1;
        return WrappedTensorDisposeScope(() => weights.abs().sum() * lambda);
    }

    /// <summary>The full loss: data loss plus both penalties.</summary>
    /// <exception cref="InvalidInputException">A tensor is not float64, or a weight or the bias is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">The shapes do not fit together.</exception>
    public static Tensor Loss(ModelKind kind, Tensor features, Tensor targets, Tensor weights, Tensor bias, Penalty penalty) =>
        Loss(kind, features, targets, weights, bias, penalty, null);

    /// <summary>The full loss with the data loss weighted by <paramref name="sampleWeights"/> (unweighted when null), plus both penalties.</summary>
    /// <exception cref="InvalidInputException">A tensor is not float64, or a weight or the bias is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">The shapes do not fit together.</exception>
    public static Tensor Loss(ModelKind kind, Tensor features, Tensor targets, Tensor weights, Tensor bias, Penalty penalty, Tensor? sampleWeights)
    {
        // A non-finite parameter would give a NaN loss without a word; the reference refuses it, and so does the twin.
        TensorChecks.Vector(weights, nameof(weights));
        TensorChecks.Scalar(bias, nameof(bias));
        return LossUnchecked(kind, features, targets, weights, bias, penalty, sampleWeights);
    }

    // The loss without the parameters' check, for the training loop, where a diverging iterate must reach the
    // divergence check as a non-finite loss instead of raising.
    internal static Tensor LossUnchecked(ModelKind kind, Tensor features, Tensor targets, Tensor weights, Tensor bias, Penalty penalty, Tensor? sampleWeights = null)
    {
        ArgumentNullException.ThrowIfNull(penalty);
        // Checked here too, so that a wrong number of targets is reported against features, not the scores.
        var (n, _) = TensorChecks.MatrixShape(features, nameof(features));
        var m = TensorChecks.VectorShape(targets, nameof(targets));
        if (m != n)
            throw new DimensionMismatchException(nameof(targets),
                $"has {m} targets but features has {n} rows; there is one target per row");
        return WrappedTensorDisposeScope(() =>
        {
            var loss = DataLoss(kind, Scores(features, weights, bias), targets, sampleWeights);
            if (penalty.L2 != 0.0) loss = loss.Plus(RidgePenalty(weights, penalty.L2));
            if (penalty.L1 != 0.0) loss = loss.Plus(LassoPenalty(weights, penalty.L1));
            return loss;
        });
    }
}
