using System.Collections.Immutable;
using TensorLinear.Softmax;

namespace TensorLinear.Reference.Softmax;

/// <summary>How a softmax model was fitted.</summary>
public enum SoftmaxMethod
{
    /// <summary>Newton's method with a backtracking line search (<see cref="SoftmaxNewton"/>).</summary>
    Newton,

    /// <summary>Full-batch gradient descent with a fixed step (<see cref="SoftmaxDescent"/>).</summary>
    GradientDescent,
}

/// <summary>What a softmax fit produced: the estimate, how the run went, and the standard errors.</summary>
public sealed record SoftmaxFit
{
    private readonly double[,]? _covariance;

    internal SoftmaxFit(string engine, SoftmaxMethod method, SoftmaxModel model, ImmutableArray<double> lossHistory, int iterations,
                        bool converged, double? learningRate, double[,]? covariance)
    {
        Engine = engine;
        Method = method;
        Model = model;
        LossHistory = lossHistory;
        Iterations = iterations;
        Converged = converged;
        LearningRate = learningRate;
        _covariance = covariance;
        var errors = new double[covariance?.GetLength(0) ?? 0];
        // A variance is a diagonal entry of the inverse of a positive definite matrix: positive, barring rounding.
        for (var j = 0; j < errors.Length; j++) errors[j] = Math.Sqrt(Math.Max(covariance![j, j], 0.0));
        StandardErrors = [.. errors];
    }

    /// <summary>The engine whose derivatives drove the fit: "reference" or "torch".</summary>
    public string Engine { get; }

    /// <summary>Newton or gradient descent.</summary>
    public SoftmaxMethod Method { get; }

    /// <summary>The estimate (class 0 the reference category).</summary>
    public SoftmaxModel Model { get; }

    /// <summary>The loss (penalty included) at the start and after every step.</summary>
    public ImmutableArray<double> LossHistory { get; }

    /// <summary>The loss at the estimate.</summary>
    public double FinalLoss => LossHistory[^1];

    /// <summary>The steps taken (Newton iterations or descent epochs).</summary>
    public int Iterations { get; }

    /// <summary>True when the run met its stopping rule before its iteration limit.</summary>
    public bool Converged { get; }

    /// <summary>The fixed step of gradient descent; null for Newton.</summary>
    public double? LearningRate { get; }

    /// <summary>
    /// The standard errors of θ̂ in the order of <see cref="SoftmaxModel.ToParameterVector"/>, √diag((n·∇²L(θ̂))⁻¹) —
    /// the inverse observed information, plus 2nλ₂ on the weights' diagonal under a ridge penalty, as for logistic
    /// regression; empty when the information matrix is not positive definite to rounding.
    /// </summary>
    public ImmutableArray<double> StandardErrors { get; }

    /// <summary>True when <see cref="StandardErrors"/> are available.</summary>
    public bool HasStandardErrors => _covariance is not null;

    /// <summary>A copy of the estimated covariance (n·∇²L(θ̂))⁻¹; null when <see cref="HasStandardErrors"/> is false.</summary>
    public double[,]? Covariance() => (double[,]?)_covariance?.Clone();
}
