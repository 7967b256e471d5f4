namespace TensorLinear.Training;

/// <summary>A report after one epoch, for progress bars and logs.</summary>
/// <param name="Epoch">The epoch just finished (1-based).</param>
/// <param name="MaxEpochs">The epoch limit.</param>
/// <param name="Loss">The loss after the epoch.</param>
public sealed record EpochProgress(int Epoch, int MaxEpochs, double Loss);
