using TensorLinear.Numerics;
using TensorLinear.Reference.Metrics;

namespace TensorLinear.Reference.Losses;

/// <summary>
/// The hand-derived gradients of the pointwise losses with respect to the predictions (the targets fixed), and the
/// sigmoid's Jacobian: the derivatives <c>tensorlinear verify</c> checks against autograd for
/// <see cref="RegressionMetrics.MeanSquaredError"/>, <see cref="RegressionMetrics.MeanAbsoluteError"/>,
/// <see cref="BinaryCrossEntropy.FromProbabilities"/>, <see cref="BinaryCrossEntropy.FromLogits"/> and
/// <see cref="Logistic.Sigmoid"/>.
/// </summary>
public static class LossGradients
{
    /// <summary>∇ of MSE = (1/n)Σ(ŷᵢ − yᵢ)² with respect to ŷ: (2/n)(ŷ − y).</summary>
    /// <exception cref="EmptyInputException">The vectors are empty.</exception>
    /// <exception cref="NonFiniteInputException">A component is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">The vectors differ in length.</exception>
    public static double[] MeanSquaredErrorGradient(double[] targets, double[] predictions)
    {
        Check.Vectors(targets, nameof(targets), predictions, nameof(predictions));
        var n = predictions.Length;
        var gradient = new double[n];
        // ∂[(1/n)Σⱼ(ŷⱼ − yⱼ)²]/∂ŷᵢ = 2(ŷᵢ − yᵢ)/n
        for (var i = 0; i < n; i++) gradient[i] = 2.0 * (predictions[i] - targets[i]) / n;
        return gradient;
    }

    /// <summary>
    /// A subgradient of MAE = (1/n)Σ|ŷᵢ − yᵢ| with respect to ŷ: sign(ŷ − y)/n, taking sign(0) = 0 at a kink (libtorch's choice).
    /// </summary>
    /// <exception cref="EmptyInputException">The vectors are empty.</exception>
    /// <exception cref="NonFiniteInputException">A component is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">The vectors differ in length.</exception>
    public static double[] MeanAbsoluteErrorSubgradient(double[] targets, double[] predictions)
    {
        Check.Vectors(targets, nameof(targets), predictions, nameof(predictions));
        var n = predictions.Length;
        var gradient = new double[n];
        // ∂[(1/n)Σⱼ|ŷⱼ − yⱼ|]/∂ŷᵢ = sign(ŷᵢ − yᵢ)/n
        for (var i = 0; i < n; i++) gradient[i] = Math.Sign(predictions[i] - targets[i]) / (double)n;
        return gradient;
    }

    /// <summary>
    /// ∇ of the mean binary cross-entropy (1/n)Σ −[yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)] with respect to p:
    /// (pᵢ − yᵢ)/(pᵢ(1 − pᵢ)n), for p strictly inside (0, 1).
    /// </summary>
    /// <exception cref="EmptyInputException">The vectors are empty.</exception>
    /// <exception cref="NonFiniteInputException">A component is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">The vectors differ in length.</exception>
    /// <exception cref="OutOfDomainException">A probability is not strictly inside (0, 1), where the gradient is infinite.</exception>
    public static double[] BinaryCrossEntropyGradientFromProbabilities(double[] labels, double[] probabilities)
    {
        Check.Vectors(labels, nameof(labels), probabilities, nameof(probabilities));
        var n = probabilities.Length;
        var gradient = new double[n];
        for (var i = 0; i < n; i++)
        {
            var p = probabilities[i];
            if (!(p > 0.0 && p < 1.0))
                throw new OutOfDomainException($"{nameof(probabilities)}[{i}]", FormattableString.Invariant($"is {p}; the gradient needs 0 < p < 1 (it is infinite at 0 and 1)"));
            // ∂/∂pᵢ of −[yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)]/n = [−yᵢ/pᵢ + (1 − yᵢ)/(1 − pᵢ)]/n = (pᵢ − yᵢ)/(pᵢ(1 − pᵢ)n)
            gradient[i] = (p - labels[i]) / (p * (1 - p)) / n;
        }
        return gradient;
    }

    /// <summary>
    /// ∇ of the mean binary cross-entropy on logits (1/n)Σ softplus(zᵢ) − yᵢzᵢ with respect to z: (σ(zᵢ) − yᵢ)/n, with
    /// σ(z) − y formed as (1 − y) − σ(−z) for z ≥ 0 (<see cref="LogLoss.Slope"/>), so that for y = 1 it is −σ(−z) with all
    /// its digits (σ(40) − 1 rounds to 0).
    /// </summary>
    /// <exception cref="EmptyInputException">The vectors are empty.</exception>
    /// <exception cref="NonFiniteInputException">A component is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">The vectors differ in length.</exception>
    public static double[] BinaryCrossEntropyGradientFromLogits(double[] labels, double[] logits)
    {
        Check.Vectors(labels, nameof(labels), logits, nameof(logits));
        var n = logits.Length;
        var gradient = new double[n];
        // d[softplus(z) − y·z]/dz = σ(z) − y, averaged over the n terms
        for (var i = 0; i < n; i++) gradient[i] = LogLoss.Slope(logits[i], labels[i]) / n;
        return gradient;
    }

    /// <summary>The Jacobian of the elementwise sigmoid σ(z): diag(σ(zᵢ)σ(−zᵢ)), since 1 − σ(z) = σ(−z).</summary>
    /// <exception cref="EmptyInputException">z is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of z is NaN or infinite.</exception>
    public static double[,] SigmoidJacobian(double[] z)
    {
        Check.Vector(z, nameof(z));
        var n = z.Length;
        var jacobian = new double[n, n];
        // dσ(zᵢ)/dzⱼ = δᵢⱼ·σ(zᵢ)(1 − σ(zᵢ)), with 1 − σ(z) = σ(−z) keeping its digits for large z
        for (var i = 0; i < n; i++) jacobian[i, i] = Logistic.SigmoidUnchecked(z[i]) * Logistic.SigmoidUnchecked(-z[i]);
        return jacobian;
    }
}
