using TensorLinear.Numerics;
using TensorLinear.Autograd;
using TorchSharp;
using static TorchSharp.torch;
using TensorLinear.Autograd.Runtime;

namespace TensorLinear.Autograd.Losses;

/// <summary>
/// The pointwise losses and the logistic function as tensor twins of the reference's RegressionMetrics,
/// BinaryCrossEntropy and Logistic: vectors of targets and predictions in, a scalar (or, for the sigmoid, a vector)
/// out. Their gradients are not written anywhere: autograd derives them.
/// </summary>
/// <remarks>
/// The arguments come in the reference's order (targets first), and are checked as the reference checks them, after
/// the checks every tensor twin makes (float64 vectors). The fused losses are libtorch's, from TorchSharp's
/// torch.nn.functional, with its default reduction, the mean.
/// </remarks>
public static class TensorLosses
{
    /// <summary>MSE = (1/n) Σ (ŷᵢ − yᵢ)² (libtorch's mse_loss); its gradient in ŷ is (2/n)(ŷ − y).</summary>
    /// <exception cref="InvalidInputException">Empty, non-finite or mismatched vectors.</exception>
    public static Tensor MeanSquaredError(Tensor targets, Tensor predictions)
    {
        TensorChecks.Vectors(targets, nameof(targets), predictions, nameof(predictions));
        return nn.functional.mse_loss(predictions, targets);
    }

    /// <summary>MAE = (1/n) Σ |ŷᵢ − yᵢ|; its gradient in ŷ is sign(ŷ − y)/n, 0 where ŷᵢ = yᵢ (a kink).</summary>
    /// <exception cref="InvalidInputException">Empty, non-finite or mismatched vectors.</exception>
    public static Tensor MeanAbsoluteError(Tensor targets, Tensor predictions)
    {
        TensorChecks.Vectors(targets, nameof(targets), predictions, nameof(predictions));
        // (1/n) Σ |ŷᵢ − yᵢ|
        return WrappedTensorDisposeScope(() => (predictions - targets).abs().mean());
    }

    /// <summary>
    /// The mean binary cross-entropy of labels y ∈ [0, 1] against probabilities p ∈ [0, 1],
    /// (1/n) Σ −[yᵢ·log pᵢ + (1 − yᵢ)·log(1 − pᵢ)], each log floored at −100 as the reference floors it (libtorch's
    /// binary_cross_entropy).
    /// </summary>
    /// <remarks>
    /// The gradient in p is (p − y)/(p(1 − p))/n; libtorch clamps the denominator p(1 − p) below at 1e-12 (a float32
    /// constant: 9.99999996e-13, so at p = 0 and y = 1 the gradient is −1.000000004e12/n), so it agrees with the hand
    /// derivative only where p(1 − p) ≥ 1e-12.
    /// </remarks>
    /// <exception cref="InvalidInputException">Empty, non-finite or mismatched vectors, or a label or probability outside [0, 1].</exception>
    public static Tensor BinaryCrossEntropyFromProbabilities(Tensor labels, Tensor probabilities)
    {
        var (y, p) = TensorChecks.Vectors(labels, nameof(labels), probabilities, nameof(probabilities));
        CheckLabels(y);
        for (var i = 0; i < p.Length; i++)
            if (!(p[i] >= 0.0 && p[i] <= 1.0))
                throw new OutOfDomainException($"{nameof(probabilities)}[{i}]", FormattableString.Invariant(
                    $"is {p[i]}; a probability must lie in [0, 1] (pass logits to BinaryCrossEntropyFromLogits instead)"));
        return nn.functional.binary_cross_entropy(probabilities, labels);
    }

    /// <summary>
    /// The mean binary cross-entropy of labels y ∈ [0, 1] against logits z, (1/n) Σ softplus(zᵢ) − yᵢzᵢ, accurate to a
    /// few ulps of each row's loss for any finite z, even where it is tiny (4.2e-18 at z = 40, y = 1); its gradient in z is (σ(z) − y)/n.
    /// </summary>
    /// <exception cref="InvalidInputException">Empty, non-finite or mismatched vectors, or a label outside [0, 1].</exception>
    public static Tensor BinaryCrossEntropyFromLogits(Tensor labels, Tensor logits)
    {
        var (y, _) = TensorChecks.Vectors(labels, nameof(labels), logits, nameof(logits));
        CheckLabels(y);
        return MeanLogLoss(logits, labels);
    }

    /// <summary>σ(z) = 1/(1 + e⁻ᶻ) elementwise; its derivative is σ(z)(1 − σ(z)). ±∞ give the limits 1 and 0, as in the reference.</summary>
    /// <exception cref="InvalidInputException">An empty vector, or a NaN component.</exception>
    public static Tensor Sigmoid(Tensor z)
    {
        // Logistic.Sigmoid takes ±∞ to σ's limits and refuses only NaN; the twin keeps the same domain.
        TensorChecks.VectorShape(z, nameof(z));
        var values = z.ToDoubles();
        Check.NotEmpty(values, nameof(z));
        var nan = Array.FindIndex(values, double.IsNaN);
        if (nan >= 0) throw new NonFiniteInputException(nameof(z), FormattableString.Invariant($"component {nan} is NaN"));
        return z.sigmoid();
    }

    // The mean of ℓ = y·softplus(−z) + (1 − y)·softplus(z) (= softplus(z) − y·z, since softplus(z) − softplus(−z) = z),
    // with softplus(t) = −log σ(−t) from libtorch's log_sigmoid. Two non-negative terms, so nothing cancels, and for a
    // label 0 or 1 one of them is exactly 0. libtorch's binary_cross_entropy_with_logits, (1 − y)·z − log σ(z), cancels
    // for y = 0 and z ≪ 0 (−40 − (−40 − 4.2e-18) = 0). Autograd's gradient is −y·σ(−z) + (1 − y)·σ(z) = σ(z) − y, which
    // for y = 1 is −σ(−z) with all its digits, and ½ − y at z = 0 (log_sigmoid's backward has no kink there).
    internal static Tensor MeanLogLoss(Tensor logits, Tensor labels) =>
        WrappedTensorDisposeScope(() => RowLogLoss(logits, labels).mean());

    // Each row's ℓᵢ of MeanLogLoss, for the weighted mean.
    internal static Tensor RowLogLoss(Tensor logits, Tensor labels)
    {
        using Scalar one = 1.0; // held for the call: see Runtime/LibTorchSharpExports
        return WrappedTensorDisposeScope(() =>
        {
            var lossIfOne = logits.log_sigmoid().neg();           // softplus(−z) = −log σ(z)
            var lossIfZero = logits.neg().log_sigmoid().neg();    // softplus(z) = −log σ(−z)
            return (labels * lossIfOne).Plus(labels.neg().Plus(one) * lossIfZero);
        });
    }

    private static void CheckLabels(double[] labels)
    {
        for (var i = 0; i < labels.Length; i++)
            if (!(labels[i] >= 0.0 && labels[i] <= 1.0))
                throw new OutOfDomainException($"labels[{i}]", FormattableString.Invariant(
                    $"is {labels[i]}; a label must lie in [0, 1] (0 and 1 for hard labels)"));
    }
}
