using System.Collections.Immutable;
using TensorLinear.Cli.Data;
using TensorLinear.Data;
using TensorLinear.MaxMargin;
using TensorLinear.Reference.MaxMargin;

namespace TensorLinear.Cli.Fitting;

/// <summary>What <c>tensorlinear fit --model svm</c> found: the data it read and one maximum-margin fit per engine.</summary>
/// <param name="Settings">What was asked.</param>
/// <param name="Input">The data as read (classes mapped to 0/1).</param>
/// <param name="Data">The data the classifier was fitted to: the features and the ±1 labels (class 1 → +1).</param>
/// <param name="Fits">One fit per engine, in the order run, with its wall-clock seconds.</param>
/// <param name="Agreement">The engines' agreement and its derived bound; null with one engine.</param>
internal sealed record SvmReport(
    SvmSettings Settings,
    LoadedData Input,
    DataSet Data,
    ImmutableArray<(MaxMarginFit Fit, double Seconds)> Fits,
    EngineAgreement? Agreement)
{
    /// <summary>The label on the +1 side (class 1 of the mapping).</summary>
    public string PositiveLabel => Input.Classes!.One;

    /// <summary>The label on the −1 side.</summary>
    public string NegativeLabel => Input.Classes!.Zero;
}
