using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;

namespace TensorLinear.Training;

/// <summary>
/// The part of a mean loss's rounding error that comes from cancellation in its scores: an absolute bound, for the
/// <see cref="DescentMonitor"/> to add to its relative allowance <see cref="DescentMonitor.LossNoise"/>.
/// </summary>
/// <remarks>
/// The computed score ẑᵢ = fl(wᵀxᵢ + b) is within eᵢ = γ_{d+1}·(Σⱼ|wⱼxᵢⱼ| + |b|) of the exact one (a dot product of
/// length d + 1), and for least squares the residual fl(yᵢ − ẑᵢ) within eᵢ′ = γ_{d+2}·(|yᵢ| + Σⱼ|wⱼxᵢⱼ| + |b|). That
/// error is relative to the terms, not to the residual: near the minimum of a good fit of large targets (Longley's
/// employment, 6·10⁴ fitted to ±230) the residuals are hundreds of times smaller than the terms, and the loss's
/// rounding error hundreds of times larger than γ·L. To first order it moves the mean loss by at most
/// (1/n)Σ|ℓ′(zᵢ)|·eᵢ, with ℓ′ = 2rᵢ for the squared error (plus eᵢ′²) and σ(zᵢ) − yᵢ for the log-loss.
/// </remarks>
public static class ResidualCancellation
{
    /// <summary>The bound above for the mean loss of <paramref name="kind"/> on <paramref name="data"/> at <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A model kind with no pointwise score loss.</exception>
    public static double Bound(ModelKind kind, DataSet data, LinearModel model)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        var d = data.FeatureCount;
        var targets = data.Targets.Span;
        var scoreRounding = FloatingPoint.Gamma(d + 1);
        var residualRounding = FloatingPoint.Gamma(d + 2);
        var sum = 0.0;
        for (var i = 0; i < data.RowCount; i++)
        {
            double score = model.Bias, magnitude = Math.Abs(model.Bias);
            for (var j = 0; j < d; j++)
            {
                var term = model.Weights[j] * data[i, j];
                score += term;
                magnitude += Math.Abs(term);
            }
            sum += data.SampleWeight(i) * kind switch
            {
                ModelKind.Linear => SquaredError(targets[i] - score, residualRounding * (magnitude + Math.Abs(targets[i]))),
                ModelKind.Logistic => Math.Abs(Sigmoid(score) - targets[i]) * scoreRounding * magnitude,
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "has no pointwise loss of a score"),
            };
        }
        return sum / data.SampleWeightSum;
    }

    // |(r + e)² − r²| ≤ 2|r|e + e².
    private static double SquaredError(double residual, double error) => (2.0 * Math.Abs(residual) + error) * error;

    // σ(z) without overflow: 1/(1 + e⁻ᶻ) for z ≥ 0, eᶻ/(1 + eᶻ) below.
    private static double Sigmoid(double z) => z >= 0 ? 1.0 / (1.0 + Math.Exp(-z)) : Math.Exp(z) / (1.0 + Math.Exp(z));
}
