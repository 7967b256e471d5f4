using System.Collections.Immutable;
using TensorLinear.Cli.Fitting;
using TensorLinear.Features;

namespace TensorLinear.Cli.Predicting;

/// <summary>What <c>tensorlinear predict</c> computed: one prediction per row, and the metrics when the file has the target.</summary>
/// <param name="Settings">What was asked.</param>
/// <param name="Model">The saved model.</param>
/// <param name="Source">The data file's name.</param>
/// <param name="Lines">Each row's line in the file (the header is line 1).</param>
/// <param name="DroppedLines">The lines of the rows left out for a missing value (<c>--missing drop</c>); null when a missing value is an error.</param>
/// <param name="Predictions">ŷ = wᵀx + b (linear) or p = σ(wᵀx + b), the probability of class 1 (logistic).</param>
/// <param name="Classes">The label predicted for each row (logistic: class 1 where wᵀx + b ≥ 0); empty for a linear model.</param>
/// <param name="Regression">A linear model's metrics on the file's targets; null without them.</param>
/// <param name="Classification">A logistic model's metrics on the file's labels; null without them.</param>
internal sealed record PredictReport(
    PredictSettings Settings,
    SavedModel Model,
    string Source,
    ImmutableArray<int> Lines,
    ImmutableArray<int>? DroppedLines,
    ImmutableArray<double> Predictions,
    ImmutableArray<string> Classes,
    RegressionSummary? Regression,
    ClassificationSummary? Classification)
{
    /// <summary>
    /// With <c>--missing drop</c> and the target in the file, the lines of the rows predicted but left out of the
    /// metrics because their target is missing (empty when none); null otherwise.
    /// </summary>
    public ImmutableArray<int>? WithoutTargetLines { get; init; }
}
