using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using TensorLinear.Softmax;
using TensorLinear.Training;

namespace TensorLinear.Reference.Softmax;

/// <summary>
/// Full-batch gradient descent on softmax regression with a fixed step, the stopping and divergence rules of every
/// descent in TensorLinear (<see cref="DescentMonitor"/>), on either engine.
/// </summary>
/// <remarks>
/// The default step is 1/L with L = ½·λ_max((1/n)[X 1]ᵀ[X 1]) + 2λ₂: Böhning's bound diag(p) − ppᵀ ≼ ½(I − 11ᵀ/k) ≼ ½I
/// on the non-reference classes gives ∇²L ≼ ½ I ⊗ (1/n)AᵀA + 2λ₂I_W at every θ, so 1/L decreases the loss monotonically.
/// </remarks>
public static class SoftmaxDescent
{
    /// <summary>Fits a softmax model of <paramref name="classCount"/> classes by gradient descent from the zero model.</summary>
    /// <param name="data">Features and labels 0 … k−1, every class present.</param>
    /// <param name="classCount">k ≥ 2.</param>
    /// <param name="options">Step (1/L when null), epochs, tolerance (relative to the first gradient norm) and ridge penalty.</param>
    /// <param name="engine">Where the loss and gradient come from; the hand-derived reference when null.</param>
    /// <remarks>
    /// Without a penalty the end point is checked for separation: complete when it classifies every row strictly
    /// correctly; otherwise, whether or not the run converged, by a Newton probe on the same engine
    /// (<see cref="SoftmaxNewton.Fit"/> raises the separation it finds). Standard errors come from the Hessian at the end point, as for Newton.
    /// </remarks>
    /// <exception cref="OutOfDomainException">A label outside 0 … k−1, k &lt; 2, an L1 penalty, or no fitted intercept.</exception>
    /// <exception cref="DegenerateInputException">A class has no rows, or too few rows.</exception>
    /// <exception cref="RankDeficientException">The design's columns are linearly dependent.</exception>
    /// <exception cref="DivergenceException">The loss grew (a learning rate above 2/L).</exception>
    /// <exception cref="SeparatedClassesException">The classes are separated (no penalty).</exception>
    public static SoftmaxFit Fit(DataSet data, int classCount, TrainingOptions? options = null, ISoftmaxEngine? engine = null)
    {
        options ??= new TrainingOptions();
        options.Validate();
        if (options.Penalty.L1 != 0.0)
            throw new OutOfDomainException(nameof(options), "has an L1 strength; softmax descent takes the ridge penalty only");
        engine ??= ReferenceSoftmaxEngine.Instance;
        SoftmaxFitting.CheckProblem(data, classCount, options.FitIntercept, nameof(options));
        var penalty = options.Penalty;
        var lipschitz = Lipschitz(data, penalty.L2);
        var eta = options.LearningRate ?? 1.0 / lipschitz;
        var monitor = new DescentMonitor(options, eta, 2.0 / lipschitz, null, DescentMonitor.LossNoise(data.RowCount, data.FeatureCount * (classCount - 1)));
        var theta = SoftmaxModel.Zero(classCount, data.FeatureCount).ToParameterVector();
        var model = SoftmaxModel.FromParameterVector(classCount, theta);
        while (true)
        {
            var gradient = engine.Gradient(data, model, penalty);
            if (monitor.Observe(engine.Loss(data, model, penalty), SoftmaxFitting.Norm(gradient))) break;
            for (var j = 0; j < theta.Length; j++) theta[j] -= eta * gradient[j]; // θ ← θ − η∇L
            model = SoftmaxModel.FromParameterVector(classCount, theta);
        }
        var converged = monitor.StopReason == StopReason.Converged;
        if (penalty.IsNone)
        {
            if (SoftmaxSeparation.IsComplete(data, model))
                throw SoftmaxFitting.Separated(data, complete: true, "the fitted model classifies every row strictly correctly, so scaling it up lowers the loss toward 0");
            // Descent's iterate mixes the divergent direction with the converging rest for ever (their ratio shrinks only
            // like 1/log t), so it cannot be tested itself, and its gradient falls like 1/t, so a relative tolerance can
            // be met: Newton's steps isolate the direction within a few iterations, converged or not.
            SoftmaxNewton.Fit(data, classCount, new Reference.Training.NewtonOptions(), engine);
        }
        return new SoftmaxFit(engine.Name, SoftmaxMethod.GradientDescent, model, monitor.LossHistory, monitor.Epoch, converged, eta,
                              SoftmaxFitting.Covariance(engine, data, model, penalty));
    }

    /// <summary>L = ½·λ_max((1/Σωᵢ)[X 1]ᵀΩ[X 1]) + 2λ₂ (Ω = I and Σωᵢ = n unweighted), a bound on ∇²L everywhere (see the remarks on the class).</summary>
    public static double Lipschitz(DataSet data, double l2)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = data.RowCount, d = data.FeatureCount;
        var gram = new double[d + 1, d + 1];
        for (var i = 0; i < n; i++)
            for (var j = 0; j <= d; j++)
                for (var m = 0; m <= d; m++)
                    gram[j, m] += (j < d ? data[i, j] : 1.0) * (m < d ? data[i, m] : 1.0) * 0.5 * data.SampleWeight(i) / data.SampleWeightSum; // ½(ωᵢ/Σω) aᵢⱼaᵢₘ
        return PowerIteration.LargestEigenvalue(gram) + 2.0 * l2;
    }
}
