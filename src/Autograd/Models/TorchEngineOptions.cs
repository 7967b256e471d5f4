namespace TensorLinear.Autograd.Models;

/// <summary>
/// Settings of a <see cref="TorchEngine"/>. Immutable; vary it with <c>with</c> (C#) or <c>{ o with ... }</c> (F#).
/// Process-wide settings (threads) are on <see cref="Torch"/>: see <see cref="Torch.ThreadPolicy"/>.
/// </summary>
public sealed record TorchEngineOptions
{
    /// <summary>The defaults: the canonical autograd loop.</summary>
    public static TorchEngineOptions Default { get; } = new();

    /// <summary>
    /// How gradient descent computes each epoch, and how <see cref="TorchEngine.Loss"/> and
    /// <see cref="TorchEngine.Gradient"/> compute the data term; <see cref="TrainingPath.Autograd"/> by default.
    /// </summary>
    public TrainingPath TrainingPath { get; init; } = TrainingPath.Autograd;
}
