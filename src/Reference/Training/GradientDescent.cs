using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Losses;
using TensorLinear.Reference.Models;
using TensorLinear.Training;

namespace TensorLinear.Reference.Training;

/// <summary>
/// Full-batch gradient descent on linear regression (MSE) and logistic regression (log-loss), with an optional ridge
/// penalty in the gradient and an optional lasso penalty by a proximal soft-threshold step
/// (docs/derivations/gradient-descent.md).
/// </summary>
public static class GradientDescent
{
    /// <summary>
    /// Runs θ ← prox(θ − η∇f(θ)) from <paramref name="start"/> (the zero model when null) until the step norm falls to
    /// <see cref="TrainingOptions.Tolerance"/> times its value at the start or the epoch limit is reached.
    /// </summary>
    /// <remarks>
    /// f is the mean loss plus λ₂‖w‖₂²; the prox is soft-thresholding of the weights by ηλ₁ (the identity when λ₁ = 0,
    /// and never applied to the bias). The step norm is ‖∇f‖ without an L1 penalty and ‖(θ − θ⁺)/η‖ with one; only the
    /// trained parameters count, so with FitIntercept = false the bias keeps its start value and is left out.
    /// η is the option's learning rate, or 1/L when it is null (L from <see cref="LipschitzBound"/>); 2/L goes to the
    /// <see cref="DescentMonitor"/> as the divergence bound either way.
    /// </remarks>
    /// <exception cref="DimensionMismatchException">The start model does not have one weight per feature.</exception>
    /// <exception cref="OutOfDomainException">Logistic targets that are not 0/1, or an option out of range.</exception>
    /// <exception cref="DivergenceException">The loss became non-finite or grew for DivergencePatience epochs in a row.</exception>
    public static TrainingResult Train(ModelKind kind, DataSet data, TrainingOptions options, LinearModel? start = null, IProgress<EpochProgress>? progress = null) =>
        kind switch
        {
            ModelKind.Linear => Train<SquaredErrorLoss>(kind, data, options, start, progress),
            ModelKind.Logistic => Train<LogLoss>(kind, data, options, start, progress),
            _ => throw ReferenceEngine.UnknownKind(kind),
        };

    private static TrainingResult Train<TLoss>(ModelKind kind, DataSet data, TrainingOptions options, LinearModel? start, IProgress<EpochProgress>? progress)
        where TLoss : struct, IPointwiseLoss
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var theta = EmpiricalRisk<TLoss>.Validate(data, start ?? LinearModel.Zero(data.FeatureCount), options.Penalty, nameof(start));

        var lipschitz = LipschitzBound.Of<TLoss>(data, options.Penalty.L2, options.FitIntercept);
        var eta = options.LearningRate ?? 1.0 / lipschitz;
        // The lambda reads the variable theta when the monitor asks, so it sees the current parameters after the swaps below.
        var monitor = new DescentMonitor(options, eta, 2.0 / lipschitz, progress, DescentMonitor.LossNoise(data.RowCount, data.FeatureCount),
            () => ResidualCancellation.Bound(kind, data, LinearModel.FromParameterVector(theta)));

        var gradient = new double[theta.Length];
        var next = new double[theta.Length];
        while (true)
        {
            var weights = theta.AsSpan(0, data.FeatureCount);
            // f(θ) + λ₁‖w‖₁ with f = (1/n) Σ ℓ(zᵢ, yᵢ) + λ₂‖w‖₂²; the gradient is ∇f = (1/n) Σ ℓ′ᵢ(xᵢ, 1) + (2λ₂w, 0).
            var loss = EmpiricalRisk<TLoss>.DataLossAndGradient(data, theta, gradient) + PenaltyTerm.Value(options.Penalty, weights);
            PenaltyTerm.AddRidgeGradient(options.Penalty.L2, weights, gradient);
            Step(theta, gradient, eta, options, next);
            if (monitor.Observe(loss, StepNorm(theta, gradient, next, eta, options))) break;
            (theta, next) = (next, theta);
        }
        return monitor.Finish(LinearModel.FromParameterVector(theta));
    }

    // θ⁺ = prox_{ηλ₁‖·‖₁}(θ − η∇f(θ)) on the weights; b⁺ = b − η∂f/∂b, or b when the bias is fixed.
    private static void Step(double[] theta, double[] gradient, double eta, TrainingOptions options, double[] next)
    {
        var d = theta.Length - 1;
        for (var j = 0; j < d; j++) next[j] = SoftThreshold.Apply(theta[j] - eta * gradient[j], eta * options.Penalty.L1);
        next[d] = options.FitIntercept ? theta[d] - eta * gradient[d] : theta[d];
    }

    // Without L1, ‖∇f‖ over the trained parameters, taken from the gradient itself: (θ − θ⁺)/η would lose digits to
    // cancellation once the steps are small. With L1 the gradient mapping ‖(θ − θ⁺)/η‖, which is 0 exactly at a
    // minimiser of f + λ₁‖w‖₁ (where ∇f alone is not 0). The bias is never thresholded, so its component of the
    // mapping is ∂f/∂b itself, read from the gradient rather than from b − b⁺, which rounds to 0 once the step is
    // below half an ulp of b.
    private static double StepNorm(double[] theta, double[] gradient, double[] next, double eta, TrainingOptions options)
    {
        var trained = options.FitIntercept ? theta.Length : theta.Length - 1;
        var sum = 0.0;
        for (var j = 0; j < trained; j++)
        {
            var component = options.Penalty.L1 > 0.0 && j < theta.Length - 1 ? (theta[j] - next[j]) / eta : gradient[j];
            sum += component * component;
        }
        return Math.Sqrt(sum);
    }
}
