using System.Collections.Immutable;
using System.Text;
using TensorLinear.Models;

namespace TensorLinear.Training;

/// <summary>Why gradient descent stopped.</summary>
public enum StopReason
{
    /// <summary>The gradient norm fell to the tolerance times its value at the start.</summary>
    Converged,

    /// <summary>The epoch limit was reached first.</summary>
    EpochLimit,
}

/// <summary>What a run of gradient descent produced.</summary>
/// <param name="Model">The final parameters.</param>
/// <param name="LossHistory">The loss (penalty included) before the first step and after every epoch: Epochs + 1 values.</param>
/// <param name="Epochs">The number of epochs run.</param>
/// <param name="LearningRate">The step used (the computed 1/L when the options left it to the trainer).</param>
/// <param name="StopReason">Why it stopped.</param>
/// <param name="GradientNorm">The Euclidean norm of the last gradient (or proximal step) measured.</param>
public sealed record TrainingResult(
    LinearModel Model,
    ImmutableArray<double> LossHistory,
    int Epochs,
    double LearningRate,
    StopReason StopReason,
    double GradientNorm)
{
    /// <summary>The loss after the last epoch.</summary>
    public double FinalLoss => LossHistory[^1];

    /// <summary>True when descent stopped on the tolerance rather than the epoch limit.</summary>
    public bool Converged => StopReason == StopReason.Converged;

    // The loss history as its length and end points rather than ImmutableArray's type name (or a thousand numbers), in
    // ToString and so in F#'s printfn "%A" and in fsi.
    private bool PrintMembers(StringBuilder builder)
    {
        var history = LossHistory.IsDefaultOrEmpty
            ? "[]"
            : LossHistory.Length == 1
                ? FormattableString.Invariant($"[{LossHistory[0]}]")
                : FormattableString.Invariant($"[{LossHistory.Length} values: {LossHistory[0]} … {LossHistory[^1]}]");
        builder.Append(FormattableString.Invariant(
            $"Model = {Model}, LossHistory = {history}, Epochs = {Epochs}, LearningRate = {LearningRate}, StopReason = {StopReason}, GradientNorm = {GradientNorm}"));
        return true;
    }
}
