using TensorLinear.Numerics;

namespace TensorLinear.Reference.Metrics;

/// <summary>
/// How far predictions ŷ fall from targets y: MSE, RMSE, MAE and the coefficient of determination R², all means or
/// ratios over the n rows (docs/derivations/metrics.md).
/// </summary>
public static class RegressionMetrics
{
    /// <summary>MSE = (1/n) Σ (ŷᵢ − yᵢ)².</summary>
    /// <exception cref="InvalidInputException">Empty, NaN/∞ or mismatched inputs.</exception>
    public static double MeanSquaredError(double[] targets, double[] predictions)
    {
        Check.Vectors(targets, nameof(targets), predictions, nameof(predictions));
        var sum = 0.0;
        for (var i = 0; i < targets.Length; i++)
        {
            var r = predictions[i] - targets[i];
            sum += r * r;
        }
        return sum / targets.Length;
    }

    /// <summary>RMSE = √MSE, in the units of y; computed with the residuals scaled by their largest magnitude so that
    /// residuals near 1e200 do not overflow the squares.</summary>
    /// <exception cref="InvalidInputException">Empty, NaN/∞ or mismatched inputs.</exception>
    public static double RootMeanSquaredError(double[] targets, double[] predictions)
    {
        Check.Vectors(targets, nameof(targets), predictions, nameof(predictions));
        var scale = 0.0;
        for (var i = 0; i < targets.Length; i++) scale = Math.Max(scale, Math.Abs(predictions[i] - targets[i]));
        if (scale == 0.0) return 0.0;
        var sum = 0.0;
        for (var i = 0; i < targets.Length; i++)
        {
            var r = (predictions[i] - targets[i]) / scale; // s·√((1/n) Σ (rᵢ/s)²) = √((1/n) Σ rᵢ²)
            sum += r * r;
        }
        return scale * Math.Sqrt(sum / targets.Length);
    }

    /// <summary>MAE = (1/n) Σ |ŷᵢ − yᵢ|.</summary>
    /// <exception cref="InvalidInputException">Empty, NaN/∞ or mismatched inputs.</exception>
    public static double MeanAbsoluteError(double[] targets, double[] predictions)
    {
        Check.Vectors(targets, nameof(targets), predictions, nameof(predictions));
        var sum = 0.0;
        for (var i = 0; i < targets.Length; i++) sum += Math.Abs(predictions[i] - targets[i]);
        return sum / targets.Length;
    }

    /// <summary>
    /// R² = 1 − RSS/TSS with RSS = Σ (yᵢ − ŷᵢ)² and TSS = Σ (yᵢ − ȳ)²: the share of the targets' variation about their
    /// mean that the predictions explain. 1 is a perfect fit, 0 no better than predicting ȳ, and it is negative for
    /// predictions worse than that. The measure for a model with an intercept.
    /// </summary>
    /// <exception cref="InvalidInputException">Empty, NaN/∞ or mismatched inputs.</exception>
    /// <exception cref="DegenerateInputException">All targets are equal: TSS = 0 and R² is undefined.</exception>
    public static double RSquared(double[] targets, double[] predictions)
    {
        Check.Vectors(targets, nameof(targets), predictions, nameof(predictions));
        if (AreConstant(targets))
            throw new DegenerateInputException(nameof(targets), "are all equal, so TSS = Σ(yᵢ − ȳ)² = 0 and R² = 1 − RSS/TSS is undefined");
        var mean = Mean(targets);
        var tss = 0.0;
        foreach (var y in targets) tss += (y - mean) * (y - mean);
        return 1.0 - ResidualSumOfSquares(targets, predictions) / tss;
    }

    /// <summary>
    /// The uncentred R² = 1 − RSS/Σ yᵢ², the measure for a model without an intercept: with the fit forced through
    /// the origin, the baseline it is compared with is predicting 0 rather than ȳ.
    /// </summary>
    /// <exception cref="InvalidInputException">Empty, NaN/∞ or mismatched inputs.</exception>
    /// <exception cref="DegenerateInputException">All targets are 0, so Σ yᵢ² = 0.</exception>
    public static double UncentredRSquared(double[] targets, double[] predictions)
    {
        Check.Vectors(targets, nameof(targets), predictions, nameof(predictions));
        var total = 0.0;
        foreach (var y in targets) total += y * y;
        if (total == 0.0)
            throw new DegenerateInputException(nameof(targets), "are all 0, so Σyᵢ² = 0 and the uncentred R² = 1 − RSS/Σyᵢ² is undefined");
        return 1.0 - ResidualSumOfSquares(targets, predictions) / total;
    }

    /// <summary>
    /// The total sum of squares of the targets: Σωᵢ(yᵢ − ȳ)² with ȳ = Σωᵢyᵢ/Σωᵢ when <paramref name="centred"/>, else
    /// Σωᵢyᵢ²; every ωᵢ = 1 when <paramref name="weights"/> is null. The mean is subtracted first (two passes), never
    /// Σωy² − Σω·ȳ², which cancels.
    /// </summary>
    internal static double TotalSumOfSquares(double[] targets, double[]? weights, bool centred)
    {
        double mean = 0.0, total = 0.0;
        if (centred)
        {
            for (var i = 0; i < targets.Length; i++)
            {
                var w = weights?[i] ?? 1.0;
                mean += w * targets[i];
                total += w;
            }
            mean /= total;
        }
        var sum = 0.0;
        for (var i = 0; i < targets.Length; i++) sum += (weights?[i] ?? 1.0) * (targets[i] - mean) * (targets[i] - mean);
        return sum;
    }

    // Tested by equality rather than by TSS = 0: the mean of equal values can round (ten 0.1s average to
    // 0.09999999999999999), which would leave a TSS of about 1e-34 and an R² of rounding noise.
    internal static bool AreConstant(double[] values) => Array.TrueForAll(values, v => v == values[0]);

    private static double Mean(double[] values)
    {
        var sum = 0.0;
        foreach (var v in values) sum += v;
        return sum / values.Length;
    }

    private static double ResidualSumOfSquares(double[] targets, double[] predictions)
    {
        var rss = 0.0;
        for (var i = 0; i < targets.Length; i++) rss += (targets[i] - predictions[i]) * (targets[i] - predictions[i]);
        return rss;
    }
}
