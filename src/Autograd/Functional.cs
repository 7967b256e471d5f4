using TensorLinear.Autograd.Native;

namespace TensorLinear.Autograd;

/// <summary>libtorch's fused loss functions (PyTorch's <c>torch.nn.functional</c>).</summary>
public static class Functional
{
    /// <summary>
    /// Binary cross-entropy from logits z and labels y: softplus(z) − y·z per element, computed stably for any |z|.
    /// </summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor targets, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        return Tensor.FromNative(NativeMethods.tl_bce_with_logits(logits.Handle, targets.Handle, (int)reduction, out var r), r,
            "BinaryCrossEntropyWithLogits", logits, targets);
    }

    /// <summary>
    /// Binary cross-entropy from probabilities p and labels y: −[y·log p + (1 − y)·log(1 − p)] per element, each log
    /// clamped below at −100 (so p = 0 or 1 gives a finite loss). Every p must lie in [0, 1]. In the gradient,
    /// (p − y)/(p(1 − p)), libtorch clamps the denominator below at 1e-12.
    /// </summary>
    public static Tensor BinaryCrossEntropy(Tensor probabilities, Tensor targets, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(targets);
        return Tensor.FromNative(NativeMethods.tl_bce(probabilities.Handle, targets.Handle, (int)reduction, out var r), r,
            "BinaryCrossEntropy", probabilities, targets);
    }

    /// <summary>The squared error (input − target)² per element, reduced as asked (the mean by default).</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        return Tensor.FromNative(NativeMethods.tl_mse_loss(input.Handle, target.Handle, (int)reduction, out var r), r, "MseLoss", input, target);
    }
}
