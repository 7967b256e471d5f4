using System.Collections.Immutable;
using TensorLinear.Data;
using TensorLinear.Reference.Training;
using TensorLinear.Softmax;
using TensorLinear.Training;

namespace TensorLinear.Reference.Softmax;

/// <summary>
/// Newton's method on softmax regression, with the binary fit's backtracking line search, separation detection and
/// standard errors from the observed information (docs/derivations/softmax-regression.md).
/// </summary>
/// <remarks>
/// Each step solves ∇²L(θ)Δ = ∇L(θ) by Cholesky and moves to θ − tΔ, t the first of 1, ½, ¼, … that lowers the loss by
/// at least 10⁻⁴·t·∇LᵀΔ (Armijo), as <see cref="NewtonRaphson"/> does; with the reference class fixed the Hessian is
/// positive definite whenever the design has full column rank and every pᵢ is interior. The derivatives come from an
/// <see cref="ISoftmaxEngine"/>: the hand-derived ones by default, or libtorch's autograd.
/// </remarks>
public static class SoftmaxNewton
{
    private const double ArmijoFraction = 1e-4; // NewtonRaphson's, for the same reason
    private const int MaxHalvings = 50;         // 2⁻⁵⁰ of a step moves θ by less than rounding

    /// <summary>Fits a softmax model of <paramref name="classCount"/> classes by Newton's method from the zero model.</summary>
    /// <param name="data">Features and labels 0 … k−1, every class present.</param>
    /// <param name="classCount">k ≥ 2.</param>
    /// <param name="options">Iteration limit, tolerance (on the half squared Newton decrement) and ridge penalty; the intercepts are always fitted.</param>
    /// <param name="engine">Where the loss, gradient and Hessian come from; the hand-derived reference when null.</param>
    /// <remarks>
    /// <para><b>Separation.</b> Without a penalty, the run stops with <see cref="SeparatedClassesException"/> as soon as an
    /// iterate classifies every row strictly correctly (complete separation: scaling it drives the loss to 0), or the
    /// iterate or the step to it is a direction along which no row moves away from its class and some toward it
    /// (quasi-complete separation); both are tested after every step, before the decrement test, which a
    /// quasi-separated fit passes with its coefficients in the thousands.</para>
    /// <para><b>Standard errors.</b> Cov(θ̂) = (n·∇²L(θ̂))⁻¹, as for logistic regression.</para>
    /// </remarks>
    /// <exception cref="OutOfDomainException">A label outside 0 … k−1, k &lt; 2, an L1 penalty, or no fitted intercept.</exception>
    /// <exception cref="DegenerateInputException">A class has no rows, or no more rows than parameters.</exception>
    /// <exception cref="RankDeficientException">The design's columns are linearly dependent.</exception>
    /// <exception cref="SeparatedClassesException">The classes are separated (no penalty): the estimate does not exist.</exception>
    public static SoftmaxFit Fit(DataSet data, int classCount, NewtonOptions? options = null, ISoftmaxEngine? engine = null)
    {
        options ??= new NewtonOptions();
        options.Validate();
        engine ??= ReferenceSoftmaxEngine.Instance;
        SoftmaxFitting.CheckProblem(data, classCount, options.FitIntercept, nameof(options));
        var penalty = options.Penalty;
        var separable = penalty.IsNone;
        var model = SoftmaxModel.Zero(classCount, data.FeatureCount);
        var loss = engine.Loss(data, model, penalty);
        var lossNoise = DescentMonitor.LossNoise(data.RowCount, data.FeatureCount * (classCount - 1));
        var losses = ImmutableArray.CreateBuilder<double>();
        losses.Add(loss);
        var iterations = 0;
        var converged = false;

        for (var k = 0; k < options.MaxIterations; k++)
        {
            var theta = model.ToParameterVector();
            var gradient = engine.Gradient(data, model, penalty);
            var direction = PositiveDefinite.Solve(engine.Hessian(data, model, penalty), gradient);
            if (direction is null) break; // ∇²L singular to rounding: probabilities rounded to 0 or 1
            var decrement = SoftmaxFitting.Dot(gradient, direction) / 2.0;

            // Below the rounding of the loss the comparison says nothing; the full step is taken (see NewtonRaphson).
            var flatToRounding = decrement <= lossNoise * Math.Abs(loss);
            SoftmaxModel? next = null;
            var nextLoss = loss;
            var t = 1.0;
            for (var halvings = 0; halvings <= MaxHalvings; halvings++, t /= 2.0)
            {
                var candidate = SoftmaxModel.FromParameterVector(classCount, [.. theta.Select((v, j) => v - t * direction[j])]);
                var candidateLoss = engine.Loss(data, candidate, penalty);
                if (flatToRounding || candidateLoss <= loss - ArmijoFraction * t * 2.0 * decrement)
                {
                    (next, nextLoss) = (candidate, candidateLoss);
                    break;
                }
            }
            if (next is null) break; // no decrease along the Newton direction: flat to rounding

            var moved = next.ToParameterVector();
            double[] step = [.. moved.Select((v, j) => v - theta[j])];
            iterations++;
            (model, loss) = (next, nextLoss);
            losses.Add(loss);
            if (separable) SoftmaxFitting.ThrowIfSeparated(data, model, step);
            if (decrement <= options.Tolerance) { converged = true; break; }
        }

        return new SoftmaxFit(engine.Name, SoftmaxMethod.Newton, model, losses.ToImmutable(), iterations, converged, null,
                              SoftmaxFitting.Covariance(engine, data, model, penalty));
    }
}
