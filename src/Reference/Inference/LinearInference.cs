using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using TensorLinear.Reference.LeastSquares;
using TensorLinear.Reference.Metrics;
using TensorLinear.Reference.Models;

namespace TensorLinear.Reference.Inference;

/// <summary>
/// The coefficient table and model statistics of a least-squares fit y ≈ Xw + b (docs/derivations/inference.md).
/// </summary>
/// <remarks>
/// At the estimate θ̂ given (the closed form, or descent run to convergence), with residuals eᵢ = yᵢ − aᵢᵀθ̂,
/// RSS = Σeᵢ² and σ̂² = RSS/(n − p): the classical covariance σ̂²(AᵀA)⁻¹, (AᵀA)⁻¹ from Householder QR, or a sandwich
/// (<see cref="SandwichCovariance"/>); t statistics on n − p degrees of freedom; R² = 1 − RSS/TSS (TSS = Σ(yᵢ − ȳ)², or
/// Σyᵢ² without an intercept); F the Wald statistic of all slopes over their number q, which with the classical
/// covariance is (R²/q)/((1 − R²)/(n − p)); ℓ = −(n/2)(ln 2π + ln(RSS/n) + 1), and the null model's with TSS for RSS.
/// <para>Weighted data are weighted least squares with precision weights ωᵢ (Var yᵢ = σ²/ωᵢ), as statsmodels' WLS and R's
/// lm: RSS = Σωᵢeᵢ², TSS = Σωᵢ(yᵢ − ȳ_ω)², (AᵀΩA)⁻¹ in place of (AᵀA)⁻¹, the sandwiches of the whitened rows √ωᵢaᵢ and
/// residuals √ωᵢeᵢ, and ℓ gains ½Σ ln ωᵢ; n stays the number of rows.</para>
/// </remarks>
public static class LinearInference
{
    /// <summary>The name the intercept's row carries.</summary>
    public const string InterceptName = "intercept";

    /// <summary>Inference for the least-squares fit <paramref name="model"/> of <paramref name="data"/>.</summary>
    /// <param name="data">Features and targets, as fitted.</param>
    /// <param name="model">The estimate (its bias is ignored, as 0, without an intercept).</param>
    /// <param name="fitIntercept">Whether the bias was fitted.</param>
    /// <param name="options">The level and covariance; the defaults when null.</param>
    /// <exception cref="DegenerateInputException">No more rows than parameters, or targets all equal (R² undefined).</exception>
    /// <exception cref="RankDeficientException">The design's columns are linearly dependent.</exception>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature.</exception>
    public static ModelInference Of(DataSet data, LinearModel model, bool fitIntercept = true, InferenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        options ??= new InferenceOptions();
        options.Validate();
        if (model.FeatureCount != data.FeatureCount)
            throw new DimensionMismatchException(nameof(model), $"has {model.FeatureCount} weights for {data.FeatureCount} features");
        var estimate = fitIntercept ? model : new LinearModel(model.Weights, 0.0);
        int n = data.RowCount, p = data.FeatureCount + (fitIntercept ? 1 : 0);
        if (n <= p)
            throw new DegenerateInputException(nameof(data), $"has {n} rows for {p} parameters; inference needs more rows than parameters, to leave n − p degrees of freedom for σ̂²");

        var targets = data.TargetArray();
        var residuals = OrdinaryLeastSquares.Whitened(data, [.. LinearRegression.Predict(data, estimate).Select((prediction, i) => targets[i] - prediction)]);
        // With weights, RSS and TSS are those of ω/2ᵏ (OrdinaryLeastSquares.ScaledWeights), which every statistic below
        // but the two sums themselves is unchanged by; those are scaled back for the report.
        var (weights, scale) = OrdinaryLeastSquares.ScaledWeights(data);
        var rss = residuals.Sum(e => e * e);
        var tss = RegressionMetrics.TotalSumOfSquares(targets, weights, fitIntercept);
        if (tss == 0.0)
            throw new DegenerateInputException(nameof(data), fitIntercept ? "has a constant target, so R² and the null model's likelihood are undefined" : "has every target 0");

        var (bread, influence, leverage) = OrdinaryLeastSquares.Influence(data, fitIntercept);
        var covariance = options.Robust == RobustCovariance.None
            ? Scaled(bread, rss / (n - p))
            : SandwichCovariance.Of(influence, residuals, leverage, options.Robust);
        var theta = fitIntercept ? estimate.ToParameterVector() : [.. estimate.Weights];
        var names = fitIntercept ? [.. data.FeatureNames, InterceptName] : data.FeatureNames.ToArray();
        var table = CoefficientTable.From(names, theta, covariance, TestStatistic.T, n - p, options);

        var q = data.FeatureCount;
        double? f = q > 0 ? WaldTest.Statistic(theta, covariance, q) / q : null;
        var rSquared = 1.0 - rss / tss;
        var k = fitIntercept ? 1 : 0;
        var logWeights = weights?.Sum(Math.Log) / 2.0 ?? 0.0; // ½Σ ln ωᵢ, the Jacobian of the whitening
        var logLikelihood = GaussianLogLikelihood(n, rss) + logWeights;
        var nullLogLikelihood = GaussianLogLikelihood(n, tss) + logWeights;
        var ratio = 2.0 * (logLikelihood - nullLogLikelihood);
        var statistics = new ModelStatistics(n, p, q, n - p,
            rSquared, 1.0 - (1.0 - rSquared) * (n - k) / (n - p),
            f, f is double value ? Distributions.FUpperTail(value, q, n - p) : null,
            logLikelihood, nullLogLikelihood,
            weights is null ? rss : PowerOfTwoScaling.Unscale(rss, scale, nameof(data), "the residual sum of squares"),
            weights is null ? tss : PowerOfTwoScaling.Unscale(tss, scale, nameof(data), "the total sum of squares"),
            InformationCriteria.Aic(logLikelihood, p), InformationCriteria.Bic(logLikelihood, p, n),
            null, ratio, Distributions.ChiSquaredUpperTail(ratio, q));
        return new ModelInference(table, statistics);
    }

    // −(n/2)(ln 2π + ln(RSS/n) + 1): the normal likelihood at the maximum-likelihood variance RSS/n.
    private static double GaussianLogLikelihood(int n, double rss) => -0.5 * n * (Math.Log(2.0 * Math.PI) + Math.Log(rss / n) + 1.0);

    private static double[,] Scaled(double[,] matrix, double factor)
    {
        var scaled = (double[,])matrix.Clone();
        for (var j = 0; j < scaled.GetLength(0); j++)
            for (var k = 0; k < scaled.GetLength(1); k++)
                scaled[j, k] *= factor;
        return scaled;
    }
}
