using System.Collections.Immutable;
using TensorLinear.Models;

namespace TensorLinear.Reference.Training;

/// <summary>Why Newton–Raphson stopped.</summary>
public enum NewtonStopReason
{
    /// <summary>The Newton decrement fell to the tolerance (or to the loss's rounding), and one more step was taken.</summary>
    Converged,

    /// <summary>The iteration limit was reached first.</summary>
    IterationLimit,

    /// <summary>The classes were found to be separated, so the maximum-likelihood estimate does not exist.</summary>
    Separated,

    /// <summary>No step along the Newton direction lowered the loss: it is flat to rounding there.</summary>
    Stalled,
}

/// <summary>What a run of Newton–Raphson on logistic regression produced.</summary>
public sealed record NewtonResult
{
    private readonly double[,]? _covariance;

    internal NewtonResult(LinearModel model, ImmutableArray<double> lossHistory, int iterations, NewtonStopReason stopReason,
                          double decrement, SeparationReport separation, double[,]? covariance, bool fitIntercept)
    {
        Model = model;
        LossHistory = lossHistory;
        Iterations = iterations;
        StopReason = stopReason;
        Decrement = decrement;
        Separation = separation;
        _covariance = covariance;
        if (covariance is null)
        {
            StandardErrors = [];
            return;
        }
        // A variance is a diagonal entry of the inverse of a positive definite matrix: positive, barring rounding.
        var errors = new double[covariance.GetLength(0)];
        for (var j = 0; j < errors.Length; j++) errors[j] = Math.Sqrt(Math.Max(covariance[j, j], 0.0));
        StandardErrors = errors.AsSpan(0, model.FeatureCount).ToImmutableArray();
        InterceptStandardError = fitIntercept ? errors[^1] : null;
    }

    /// <summary>
    /// The final parameters. When <see cref="Separation"/> reports a separation they are the last iterate, on its way to
    /// infinity, and estimate nothing: read <see cref="SeparationReport.Hyperplane"/> instead.
    /// </summary>
    public LinearModel Model { get; }

    /// <summary>The loss (penalty included) at the start and after every step: <see cref="Iterations"/> + 1 values.</summary>
    public ImmutableArray<double> LossHistory { get; }

    /// <summary>The number of Newton steps taken.</summary>
    public int Iterations { get; }

    /// <summary>Why the run stopped.</summary>
    public NewtonStopReason StopReason { get; }

    /// <summary>λ²/2 = ½gᵀH⁻¹g at the start of the last step (NaN when no step was taken).</summary>
    public double Decrement { get; }

    /// <summary>Whether the classes are separated (checked only without a penalty, which keeps the estimate finite).</summary>
    public SeparationReport Separation { get; }

    /// <summary>The loss after the last step.</summary>
    public double FinalLoss => LossHistory[^1];

    /// <summary>True when the run converged to the maximum-likelihood (or penalised) estimate.</summary>
    public bool Converged => StopReason == NewtonStopReason.Converged && !Separation.IsSeparated;

    /// <summary>
    /// The standard errors of the weights, √diag((XᵀWX)⁻¹) with W = diag(pᵢ(1 − pᵢ)) at the estimate (the ridge's 2nλ₂
    /// added to the weight diagonal when penalised); empty when there is no estimate (separation) or the information
    /// matrix is singular.
    /// </summary>
    public ImmutableArray<double> StandardErrors { get; }

    /// <summary>The intercept's standard error; null without an intercept or without standard errors.</summary>
    public double? InterceptStandardError { get; }

    /// <summary>True when <see cref="StandardErrors"/> are available.</summary>
    public bool HasStandardErrors => _covariance is not null;

    /// <summary>
    /// A copy of the estimated covariance of θ̂ = (w, b), the inverse of the observed information n·∇²L(θ̂) (without
    /// the bias row and column when it was not fitted); null when <see cref="HasStandardErrors"/> is false.
    /// </summary>
    public double[,]? Covariance() => (double[,]?)_covariance?.Clone();
}
