namespace TensorLinear.Autograd.Models;

/// <summary>
/// Settings of a <see cref="TorchEngine"/>. Immutable; vary it with <c>with</c> in C# and with the copy constructor in
/// F#, <c>TorchEngineOptions(options, TrainingPath = TrainingPath.OnePass)</c> (F#'s <c>{ o with … }</c> is for F#
/// records only).
/// Process-wide settings (threads) are on <see cref="Torch"/>: see <see cref="Torch.ThreadPolicy"/>.
/// </summary>
public sealed record TorchEngineOptions
{
    /// <summary>The defaults: the canonical autograd loop.</summary>
    public static TorchEngineOptions Default { get; } = new();

    /// <summary>The defaults (<see cref="Default"/>).</summary>
    public TorchEngineOptions() { }

    /// <summary>
    /// A copy of <paramref name="original"/>, to which F# can give new values as it creates it:
    /// <c>TorchEngineOptions(options, TrainingPath = TrainingPath.OnePass)</c> is F# for C#'s <c>with</c>.
    /// </summary>
    public TorchEngineOptions(TorchEngineOptions original)
    {
        ArgumentNullException.ThrowIfNull(original);
        TrainingPath = original.TrainingPath;
    }

    /// <summary>
    /// How gradient descent computes each epoch, and how <see cref="TorchEngine.Loss"/> and
    /// <see cref="TorchEngine.Gradient"/> compute the data term; <see cref="TrainingPath.Autograd"/> by default.
    /// </summary>
    public TrainingPath TrainingPath { get; init; } = TrainingPath.Autograd;
}
