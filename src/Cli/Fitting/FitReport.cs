using System.Collections.Immutable;
using TensorLinear.Cli.Data;
using TensorLinear.Data;
using TensorLinear.Features;
using TensorLinear.Models;
using TensorLinear.Reference.Inference;
using TensorLinear.Reference.Metrics;
using TensorLinear.Reference.Training;

namespace TensorLinear.Cli.Fitting;

/// <summary>What <c>tensorlinear fit</c> found: the data it read and one fit per engine, compared.</summary>
/// <param name="Settings">What was asked.</param>
/// <param name="Input">The data as read (features as in the file, classes mapped).</param>
/// <param name="Encoding">How the file's columns became <paramref name="Features"/> (the terms, the categorical levels).</param>
/// <param name="Features">The features the model is in, in original units: the file's, their terms, or the powers of its one feature.</param>
/// <param name="ParameterNames">The coefficients' names: the features', then <c>intercept</c> when fitted.</param>
/// <param name="Fits">One fit per engine, in the order run.</param>
/// <param name="Agreement">How far the engines' fits are apart; null with one engine.</param>
/// <param name="HessianCheck">The hand Hessian against double backward at the solution (Newton–Raphson only).</param>
/// <param name="Warnings">What the fit may still get wrong, in sentences (<see cref="FitWarnings"/>).</param>
internal sealed record FitReport(
    FitSettings Settings,
    LoadedData Input,
    FeatureEncoding Encoding,
    DataSet Features,
    ImmutableArray<string> ParameterNames,
    ImmutableArray<EngineFit> Fits,
    Agreement? Agreement,
    HessianCheck? HessianCheck,
    ImmutableArray<string> Warnings)
{
    /// <summary>The standardisation trained in (--standardize); null without it.</summary>
    public Standardization? Standardization { get; init; }
}

/// <summary>One engine's fit.</summary>
/// <param name="Engine">"reference" or "torch".</param>
/// <param name="Model">The fitted parameters in original units (for a separation, the last iterate).</param>
/// <param name="TrainedModel">The parameters in the units trained on (standardised with --standardize).</param>
/// <param name="StandardErrors">Standard errors in the order of the report's parameter names: the coefficient table's when
/// there is one (classical or robust), else the solver's; null where neither gives any.</param>
/// <param name="Loss">The final training loss (penalty included): MSE or mean log-loss.</param>
/// <param name="LossHistory">The loss at the start and after each epoch or iteration; empty for the closed form.</param>
/// <param name="Iterations">Epochs (gd) or Newton steps taken; 0 for the closed form.</param>
/// <param name="StopReason">Why the solver stopped, in words.</param>
/// <param name="Converged">True when the solver reached its tolerance (the closed form always does).</param>
/// <param name="LearningRate">The step gradient descent used; null for the other solvers.</param>
/// <param name="Seconds">Wall-clock time of the solve.</param>
/// <param name="Regression">Linear models' metrics.</param>
/// <param name="Classification">Logistic models' metrics.</param>
/// <param name="Separation">Logistic models fitted without a penalty: whether the classes are separated, in original units.</param>
/// <param name="Inference">The coefficient table (original units) and model statistics; null for a penalised fit, separated
/// classes, or data that leave no degrees of freedom (<see cref="FitInference"/>).</param>
internal sealed record EngineFit(
    string Engine,
    LinearModel Model,
    LinearModel TrainedModel,
    ImmutableArray<double>? StandardErrors,
    double Loss,
    ImmutableArray<double> LossHistory,
    int Iterations,
    string StopReason,
    bool Converged,
    double? LearningRate,
    double Seconds,
    RegressionSummary? Regression,
    ClassificationSummary? Classification,
    SeparationReport? Separation,
    ModelInference? Inference)
{
    /// <summary>The parameters in report order: the weights, then the intercept when it was fitted.</summary>
    public double[] Parameters(bool fitIntercept) => fitIntercept ? Model.ToParameterVector() : [.. Model.Weights];

    /// <summary>True when the classes are separated, so the coefficients estimate nothing.</summary>
    public bool IsSeparated => Separation?.IsSeparated == true;
}

/// <summary>A linear model's fit to its training data.</summary>
/// <param name="RSquared">R² (uncentred without an intercept); null when undefined.</param>
/// <param name="RootMeanSquaredError">RMSE.</param>
/// <param name="MeanAbsoluteError">MAE.</param>
/// <param name="ResidualStandardDeviation">σ̂ = √(RSS/(n − p)); null when n ≤ p.</param>
internal sealed record RegressionSummary(double? RSquared, double RootMeanSquaredError, double MeanAbsoluteError, double? ResidualStandardDeviation);

/// <summary>A logistic model's fit to its training data, class 1 predicted where wᵀx + b ≥ 0.</summary>
/// <param name="Confusion">The confusion matrix.</param>
/// <param name="Accuracy">Accuracy.</param>
/// <param name="Precision">Precision; null when nothing was predicted positive.</param>
/// <param name="Recall">Recall.</param>
/// <param name="F1">F1; null when undefined.</param>
/// <param name="RocAuc">The area under the ROC curve of the scores; null when the labels hold one class only.</param>
/// <param name="LogLikelihood">Σ log p(yᵢ | xᵢ) = −n × the unpenalised mean log-loss.</param>
internal sealed record ClassificationSummary(ConfusionMatrix Confusion, double Accuracy, double? Precision, double? Recall, double? F1, double? RocAuc, double LogLikelihood);

/// <summary>How far the two engines' fits are apart.</summary>
/// <param name="MaxAbsoluteDifference">max over parameters of |θ_reference − θ_torch|.</param>
/// <param name="MaxRelativeDifference">That difference over max(1, max |θ|): relative for large parameters, absolute for small.</param>
/// <param name="LossDifference">|L_reference − L_torch|.</param>
internal sealed record Agreement(double MaxAbsoluteDifference, double MaxRelativeDifference, double LossDifference);

/// <summary>The hand-derived Hessian against libtorch's double backward at one point.</summary>
/// <param name="MaxAbsoluteDifference">max over entries of |H_hand − H_torch|.</param>
/// <param name="MaxAbsoluteEntry">max over entries of |H_hand|, the scale to read the difference against.</param>
internal sealed record HessianCheck(double MaxAbsoluteDifference, double MaxAbsoluteEntry)
{
    /// <summary>The difference relative to the largest entry.</summary>
    public double RelativeDifference => MaxAbsoluteEntry == 0.0 ? MaxAbsoluteDifference : MaxAbsoluteDifference / MaxAbsoluteEntry;
}
