using System.Collections.Immutable;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.LeastSquares;
using TensorLinear.Reference.Models;
using TensorLinear.Training;

namespace TensorLinear.Reference.Training;

/// <summary>
/// Newton–Raphson on logistic regression — iteratively reweighted least squares — with a backtracking line search,
/// separation detection and standard errors from the observed information (docs/derivations/logistic-regression.md).
/// </summary>
/// <remarks>
/// Each step solves ∇²L(θ)Δ = ∇L(θ) and moves to θ − tΔ, t the first of 1, ½, ¼, … that lowers the loss by at least
/// 10⁻⁴·t·∇Lᵀ Δ (Armijo), or t = 1 once λ²/2 = ½∇LᵀΔ is below the loss's rounding. After the step at which λ²/2 first
/// meets the tolerance (or that rounding level), one more full step is taken, so that the estimate is the MLE to
/// rounding and not to the square root of the tolerance. With ∇²L = (1/n)AᵀWA and W = diag(pᵢ(1 − pᵢ)), the full step is the weighted least-squares
/// solve that gives IRLS its name. The derivatives come from an <see cref="ILinearModelEngine"/>: the hand-derived
/// ones by default, or libtorch's autograd gradient and double-backward Hessian from the torch engine.
/// </remarks>
public static class NewtonRaphson
{
    // Armijo's sufficient-decrease fraction, the customary small value: accept nearly any decrease, so the full Newton
    // step is taken whenever it lowers the loss, which near θ* it always does.
    private const double ArmijoFraction = 1e-4;

    // 2⁻⁵⁰ of a Newton step moves θ by less than rounding: no decrease by then means the loss is flat to rounding.
    private const int MaxHalvings = 50;

    // A row counts as on a quasi-separating hyperplane when |aᵢᵀv| ≤ this fraction of ‖aᵢ‖‖v‖. The direction v is the
    // last Newton step, which along a divergent direction converges to it while the other components have converged
    // quadratically, leaving them far below this; rows off the hyperplane are a visible angle away from it.
    private const double OnHyperplaneTolerance = 1e-6;

    private static readonly ReferenceEngine HandDerived = new();

    /// <summary>Fits logistic regression by Newton–Raphson from the zero model.</summary>
    /// <param name="data">Features and 0/1 labels.</param>
    /// <param name="options">Iteration limit, tolerance, ridge penalty and intercept; the defaults when null.</param>
    /// <param name="engine">Where the loss, gradient and Hessian come from; the hand-derived reference when null.</param>
    /// <param name="progress">Told of the loss after every step.</param>
    /// <remarks>
    /// <para><b>Separation.</b> Without a penalty, a run stops as soon as an iterate separates the classes strictly
    /// (<see cref="Separation.Check"/>, an exact certificate that no maximum exists), and reports the hyperplane. At the
    /// end of a run that found none, the last step v (when the steps stopped shrinking: ‖s_k‖ ≥ ½‖s_{k−1}‖, where at a
    /// true maximum Newton's steps shrink quadratically) and then the estimate θ̂ itself, the sum of all the steps, are
    /// tested as the direction of a quasi-complete separation: when every row satisfies sᵢaᵢᵀv ≥ −τ‖aᵢ‖‖v‖ (τ = 10⁻⁶,
    /// sᵢ = ±1 by class) with some row strictly positive, the loss keeps falling along v for ever and the weights diverge.
    /// With a ridge penalty the estimate always exists and no separation is reported.</para>
    /// <para><b>Standard errors.</b> Cov(θ̂) = (n·∇²L(θ̂))⁻¹ = (AᵀWA)⁻¹ (plus 2nλ₂ on the weight diagonal with a ridge
    /// penalty), the inverse observed information of the log-likelihood.</para>
    /// </remarks>
    /// <exception cref="OutOfDomainException">A label is not 0 or 1, or an option is out of range (an L1 penalty).</exception>
    /// <exception cref="DegenerateInputException">No more rows than parameters: the information matrix is then singular.</exception>
    /// <exception cref="RankDeficientException">The design's columns are linearly dependent (names them).</exception>
    public static NewtonResult Fit(DataSet data, NewtonOptions? options = null, ILinearModelEngine? engine = null, IProgress<EpochProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new NewtonOptions();
        options.Validate();
        engine ??= HandDerived;
        Numerics.Check.BinaryLabels(data.Targets.Span, nameof(data));
        var fitIntercept = options.FitIntercept;
        var parameters = data.FeatureCount + (fitIntercept ? 1 : 0);
        if (data.RowCount <= parameters)
            throw new DegenerateInputException(nameof(data), $"has {data.RowCount} rows for {parameters} parameters; Newton–Raphson needs more rows than parameters, since with no more the information matrix XᵀWX is singular");
        OrdinaryLeastSquares.CheckFullRank(data, fitIntercept);

        var penalty = options.Penalty;
        var checkSeparation = penalty.IsNone;
        var model = LinearModel.Zero(data.FeatureCount);
        var loss = engine.Loss(ModelKind.Logistic, data, model, penalty);
        var lossNoise = DescentMonitor.LossNoise(data.RowCount, data.FeatureCount);
        var losses = ImmutableArray.CreateBuilder<double>();
        losses.Add(loss);
        var steps = new List<double[]>();
        var decrement = double.NaN;
        var reason = NewtonStopReason.IterationLimit;
        var separation = SeparationReport.None;
        var polishing = false;

        for (var k = 0; k < options.MaxIterations; k++)
        {
            if (checkSeparation && (separation = Separation.Check(data, model)).IsSeparated) break;
            var gradient = Trained(engine.Gradient(ModelKind.Logistic, data, model, penalty).ToParameterVector(), fitIntercept);
            var direction = PositiveDefinite.Solve(TrainedBlock.Of(engine.Hessian(ModelKind.Logistic, data, model, penalty), fitIntercept), gradient);
            // ∇²L singular to rounding (every pᵢ rounds to 0 or 1), or no step lowers the loss: stalled, unless the
            // tolerance was already met and this was to be the extra step.
            if (direction is null) { if (!polishing) reason = NewtonStopReason.Stalled; break; }
            decrement = Dot(gradient, direction) / 2.0;

            var t = 1.0;
            LinearModel? next = null;
            var nextLoss = loss;
            // λ²/2 estimates L(θ) − L(θ*). Once it is below the rounding of the computed loss, comparing two losses says
            // nothing (the test would pass or fail by an ulp, differently on two engines), and the full Newton step,
            // which converges quadratically there, is taken without the comparison.
            var flatToRounding = decrement <= lossNoise * Math.Abs(loss);
            for (var halvings = 0; halvings <= MaxHalvings; halvings++, t /= 2.0)
            {
                var candidate = Step(model, direction, t, fitIntercept);
                var candidateLoss = engine.Loss(ModelKind.Logistic, data, candidate, penalty);
                if (flatToRounding || candidateLoss <= loss - ArmijoFraction * t * 2.0 * decrement)
                {
                    (next, nextLoss) = (candidate, candidateLoss);
                    break;
                }
            }
            if (next is null) { if (!polishing) reason = NewtonStopReason.Stalled; break; }

            steps.Add(Difference(next, model, fitIntercept));
            (model, loss) = (next, nextLoss);
            losses.Add(loss);
            progress?.Report(new EpochProgress(k + 1, options.MaxIterations, loss));
            if (polishing) break;
            // The test passed before the step just taken, whose error is of the order of the square of the one before it:
            // one more full step squares it again, down to the rounding of the gradient, at the cost of one solve. The
            // test also passes when λ²/2 is below the loss's rounding, so that a tolerance of 0 stops at the estimate to
            // rounding rather than at the iteration limit.
            if (decrement <= options.Tolerance || flatToRounding) (reason, polishing) = (NewtonStopReason.Converged, true);
        }

        if (checkSeparation && !separation.IsSeparated)
        {
            separation = Separation.Check(data, model);
            if (!separation.IsSeparated && StoppedShrinking(steps)) separation = QuasiSeparation(data, steps[^1], fitIntercept);
            // The fit starts at 0, so θ̂ is the sum of every step: the divergent direction, when the last step was lost to
            // rounding (seen in softmax regression: SoftmaxFitting.ThrowIfSeparated). Any direction passing the test is a
            // certificate, so testing θ̂ as well cannot report a separation that is not there (but for the tolerance τ).
            if (!separation.IsSeparated) separation = QuasiSeparation(data, model.ToParameterVector(), fitIntercept);
        }
        if (separation.IsSeparated) reason = NewtonStopReason.Separated;
        var covariance = separation.IsSeparated ? null : Covariance(engine, data, model, penalty, fitIntercept);
        return new NewtonResult(model, losses.ToImmutable(), steps.Count, reason, decrement, separation, covariance, fitIntercept);
    }

    // At a maximum Newton's steps shrink quadratically; along a divergent direction they keep their length.
    private static bool StoppedShrinking(List<double[]> steps) =>
        steps.Count >= 3 && Norm(steps[^1]) > 0.0 && Norm(steps[^1]) >= 0.5 * Norm(steps[^2]);

    // Tests a direction v = (w, b) in parameter space as a divergent direction: see the remarks on Fit.
    private static SeparationReport QuasiSeparation(DataSet data, double[] direction, bool fitIntercept)
    {
        var length = Norm(direction);
        if (length == 0.0) return SeparationReport.None;

        var d = data.FeatureCount;
        var v = new LinearModel(direction.AsSpan(0, d).ToArray(), fitIntercept ? direction[d] : 0.0);
        if (v.Weights.All(w => w == 0.0)) return SeparationReport.None;
        var scores = LinearRegression.Predict(data, v); // aᵢᵀv
        var labels = data.Targets.Span;
        int onHyperplane = 0, strictlyOnSide = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var row = data.Row(i);
            var rowNorm = Math.Sqrt(Dot(row, row) + (fitIntercept ? 1.0 : 0.0));
            var cosine = Separation.SignedScore(labels[i], scores[i]) / (rowNorm * length);
            if (cosine < -OnHyperplaneTolerance) return SeparationReport.None;
            if (cosine <= OnHyperplaneTolerance) onHyperplane++;
            else strictlyOnSide++;
        }
        if (strictlyOnSide == 0) return SeparationReport.None;
        var hyperplane = Separation.Normalised(v);
        return onHyperplane == 0
            ? new SeparationReport(SeparationKind.Complete, hyperplane, Separation.Margin(data, hyperplane), 0)
            : new SeparationReport(SeparationKind.QuasiComplete, hyperplane, 0.0, onHyperplane);
    }

    // (n·∇²L)⁻¹ over the trained parameters; null when the information matrix is not positive definite to rounding.
    private static double[,]? Covariance(ILinearModelEngine engine, DataSet data, LinearModel model, Penalty penalty, bool fitIntercept) =>
        PositiveDefinite.InverseInformation(TrainedBlock.Of(engine.Hessian(ModelKind.Logistic, data, model, penalty), fitIntercept), data.SampleWeightSum);

    // θ − tΔ over the trained parameters; the bias stays 0 when it is not trained.
    private static LinearModel Step(LinearModel model, double[] direction, double t, bool fitIntercept)
    {
        var d = model.FeatureCount;
        var weights = new double[d];
        for (var j = 0; j < d; j++) weights[j] = model.Weights[j] - t * direction[j];
        return new LinearModel(weights, fitIntercept ? model.Bias - t * direction[d] : model.Bias);
    }

    private static double[] Difference(LinearModel next, LinearModel previous, bool fitIntercept)
    {
        var d = next.FeatureCount;
        var step = new double[fitIntercept ? d + 1 : d];
        for (var j = 0; j < d; j++) step[j] = next.Weights[j] - previous.Weights[j];
        if (fitIntercept) step[d] = next.Bias - previous.Bias;
        return step;
    }

    // The parameters actually trained: all of θ = (w, b), or w alone when the bias is fixed.
    private static double[] Trained(double[] theta, bool fitIntercept) => fitIntercept ? theta : theta[..^1];

    private static double Dot(double[] x, double[] y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    private static double Norm(double[] x) => Math.Sqrt(Dot(x, x));
}
