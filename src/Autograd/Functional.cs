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

    /// <summary>The squared error (input − target)² per element, reduced as asked (the mean by default).</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        return Tensor.FromNative(NativeMethods.tl_mse_loss(input.Handle, target.Handle, (int)reduction, out var r), r, "MseLoss", input, target);
    }
}
