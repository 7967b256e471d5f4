using System.Collections.Immutable;
using TensorLinear.Cli.Data;
using TensorLinear.Reference.Metrics;
using TensorLinear.Reference.Softmax;

namespace TensorLinear.Cli.Fitting;

/// <summary>One engine's softmax fit with what it predicts on the training data.</summary>
/// <param name="Fit">The fit.</param>
/// <param name="Seconds">Its wall-clock seconds.</param>
/// <param name="Metrics">The confusion matrix and the rates of its predicted classes.</param>
/// <param name="LogLoss">The multi-class log-loss of its probabilities, from the logits (no penalty).</param>
internal sealed record SoftmaxEngineFit(SoftmaxFit Fit, double Seconds, MulticlassMetrics Metrics, double LogLoss);

/// <summary>The engines' agreement: the largest coefficient difference and the bound it must stay within.</summary>
/// <param name="Difference">max_j |θ_reference,j − θ_torch,j|.</param>
/// <param name="Bound">2‖H⁻¹‖₂ times the sum over the two end points of ‖∇L‖ + ‖ĝ‖, ĝ the gradient's rounding bound there.</param>
internal sealed record SoftmaxAgreement(double Difference, double Bound)
{
    /// <summary>Whether the difference is within the bound.</summary>
    public bool Agrees => Difference <= Bound;
}

/// <summary>What <c>tensorlinear fit --model softmax</c> found: the data it read and one fit per engine.</summary>
/// <param name="Settings">What was asked.</param>
/// <param name="Input">The data as read, the targets the class indices.</param>
/// <param name="Labels">The labels behind the class indices; class 0 is the reference category.</param>
/// <param name="Fits">One fit per engine, in the order run.</param>
/// <param name="Agreement">The engines' agreement; null with one engine.</param>
internal sealed record SoftmaxReport(
    SoftmaxSettings Settings,
    LoadedData Input,
    ClassLabels Labels,
    ImmutableArray<SoftmaxEngineFit> Fits,
    SoftmaxAgreement? Agreement)
{
    /// <summary>The name of each parameter of θ: "label: feature" and "label: intercept", class by class from 1.</summary>
    public IReadOnlyList<string> ParameterNames =>
        [.. Labels.Labels.Skip(1).SelectMany(l => Input.Data.FeatureNames.Append(FitRunner.InterceptName).Select(n => $"{l}: {n}"))];
}
