namespace TensorLinear.Autograd.Models;

/// <summary>How <see cref="TorchEngine"/> computes the loss and gradient of each epoch of gradient descent.</summary>
public enum TrainingPath
{
    /// <summary>
    /// The canonical autograd loop, as PyTorch users write it: forward (z = Xw + b, the loss), <c>Backward()</c>, the
    /// update under no-grad, the gradients zeroed. X is read from memory twice per epoch: for Xw, and for Xᵀ(∂L/∂z) in
    /// the backward pass.
    /// </summary>
    Autograd,

    /// <summary>
    /// One pass over X per epoch: a native kernel takes each row while it is in cache, forms its score, its loss and
    /// its slope ℓ′, and adds ℓ′·(xᵢ, 1) to the gradient — the reference's formulas (2/n)Xᵀ(ŷ − y) and (1/n)Xᵀ(σ − y),
    /// not autograd's — with the rows split over <see cref="Torch.KernelThreads"/> threads. About twice as fast on
    /// large data, where an epoch is bound by memory bandwidth. Its loss and gradient are checked against autograd's
    /// and the reference's by tests, and it reaches the same weights as <see cref="Autograd"/> within rounding.
    /// </summary>
    OnePass,
}
