using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Models;
using TensorLinear.Reference.Training;

namespace TensorLinear.Reference.Inference;

/// <summary>
/// The coefficient table and model statistics of a maximum-likelihood logistic regression (docs/derivations/inference.md).
/// </summary>
/// <remarks>
/// At the estimate θ̂ given (Newton–Raphson's, or descent's run to convergence), with pᵢ = σ(aᵢᵀθ̂): the classical
/// covariance is the inverse information (AᵀWA)⁻¹, W = diag(pᵢ(1 − pᵢ)), or a sandwich (<see cref="SandwichCovariance"/>)
/// with eᵢ = yᵢ − pᵢ; z statistics; ℓ = Σ[yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)] = −n·(mean log-loss); the null model is the
/// intercept alone, p̂ = ȳ, so ℓ₀ = n[ȳ ln ȳ + (1 − ȳ) ln(1 − ȳ)] (p = ½ for every row without an intercept, ℓ₀ = n ln ½);
/// deviance −2ℓ; McFadden's pseudo-R² 1 − ℓ/ℓ₀; LR = 2(ℓ − ℓ₀) on the number of slopes.
/// <para>Weighted data weight each row's log-likelihood, ℓ = Σωᵢ[yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)], as statsmodels' GLM
/// with var_weights and R's glm with prior weights: W = diag(ωᵢpᵢ(1 − pᵢ)), score residuals ωᵢeᵢ, the null model's
/// p̂ = Σωᵢyᵢ/Σωᵢ; n stays the number of rows (degrees of freedom, HC1, BIC).</para>
/// </remarks>
public static class LogisticInference
{
    /// <summary>Inference for the logistic fit <paramref name="model"/> of <paramref name="data"/> (0/1 labels).</summary>
    /// <param name="data">Features and 0/1 labels, as fitted.</param>
    /// <param name="model">The estimate (its bias is ignored, as 0, without an intercept).</param>
    /// <param name="fitIntercept">Whether the bias was fitted.</param>
    /// <param name="options">The level and covariance; the defaults when null.</param>
    /// <exception cref="OutOfDomainException">A label other than 0 or 1.</exception>
    /// <exception cref="DegenerateInputException">No more rows than parameters, one class only, or an information matrix
    /// singular to rounding (every pᵢ near 0 or 1: separated classes have no estimate to infer about).</exception>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature.</exception>
    public static ModelInference Of(DataSet data, LinearModel model, bool fitIntercept = true, InferenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        options ??= new InferenceOptions();
        options.Validate();
        if (model.FeatureCount != data.FeatureCount)
            throw new DimensionMismatchException(nameof(model), $"has {model.FeatureCount} weights for {data.FeatureCount} features");
        Numerics.Check.BinaryLabels(data.Targets.Span, nameof(data));
        var estimate = fitIntercept ? model : new LinearModel(model.Weights, 0.0);
        int n = data.RowCount, p = data.FeatureCount + (fitIntercept ? 1 : 0);
        if (n <= p)
            throw new DegenerateInputException(nameof(data), $"has {n} rows for {p} parameters; inference needs more rows than parameters");

        var labels = data.TargetArray();
        var probabilities = LogisticRegression.Predict(data, estimate);
        var residuals = probabilities.Select((pi, i) => data.SampleWeight(i) * (labels[i] - pi)).ToArray();
        var curvature = probabilities.Select((pi, i) => data.SampleWeight(i) * (pi * (1.0 - pi))).ToArray();
        var bread = InverseInformation(data, estimate, fitIntercept);
        var covariance = options.Robust == RobustCovariance.None ? bread : Sandwich(data, fitIntercept, bread, residuals, curvature, options.Robust);
        var theta = fitIntercept ? estimate.ToParameterVector() : [.. estimate.Weights];
        var names = fitIntercept ? [.. data.FeatureNames, LinearInference.InterceptName] : data.FeatureNames.ToArray();
        var table = CoefficientTable.From(names, theta, covariance, TestStatistic.Z, n - p, options);

        var logLikelihood = 0.0 - data.SampleWeightSum * LogisticRegression.Loss(data, estimate);
        var nullLogLikelihood = NullLogLikelihood(data, fitIntercept);
        var ratio = 2.0 * (logLikelihood - nullLogLikelihood);
        var q = data.FeatureCount;
        var statistics = new ModelStatistics(n, p, q, n - p, null, null, null, null,
            logLikelihood, nullLogLikelihood, -2.0 * logLikelihood, -2.0 * nullLogLikelihood,
            InformationCriteria.Aic(logLikelihood, p), InformationCriteria.Bic(logLikelihood, p, n),
            1.0 - logLikelihood / nullLogLikelihood, ratio, Distributions.ChiSquaredUpperTail(ratio, q));
        return new ModelInference(table, statistics);
    }

    // The sandwich from gᵢ = Baᵢ and hᵢ = pᵢ(1 − pᵢ)aᵢᵀgᵢ, B = (AᵀWA)⁻¹ from a Cholesky factor of an information
    // matrix that the solvers already need well conditioned (Newton's steps solve with it).
    private static double[,] Sandwich(DataSet data, bool fitIntercept, double[,] bread, double[] residuals, double[] curvature, RobustCovariance kind)
    {
        var p = bread.GetLength(0);
        var influence = new double[data.RowCount][];
        var leverage = new double[data.RowCount];
        var a = new double[p];
        for (var i = 0; i < data.RowCount; i++)
        {
            for (var j = 0; j < data.FeatureCount; j++) a[j] = data[i, j];
            if (fitIntercept) a[^1] = 1.0;
            var g = influence[i] = new double[p];
            for (var j = 0; j < p; j++)
                for (var k = 0; k < p; k++)
                    g[j] += bread[j, k] * a[k];
            for (var j = 0; j < p; j++) leverage[i] += curvature[i] * a[j] * g[j];
        }
        return SandwichCovariance.Of(influence, residuals, leverage, kind);
    }

    // (AᵀWA)⁻¹ = (Σωᵢ·∇²L)⁻¹ over the trained parameters, by Cholesky: Newton–Raphson's covariance.
    private static double[,] InverseInformation(DataSet data, LinearModel model, bool fitIntercept) =>
        PositiveDefinite.InverseInformation(TrainedBlock.Of(LogisticRegression.Hessian(data, model), fitIntercept), data.SampleWeightSum)
        ?? throw new DegenerateInputException(nameof(data), "gives an information matrix AᵀWA that is singular to rounding at the estimate (its probabilities are all near 0 or 1): the classes are (nearly) separated and the estimate has no finite covariance");

    // ℓ₀: the intercept-only MLE p̂ = ȳ (0·ln 0 = 0), or p = ½ without an intercept; with weights ȳ = Σωᵢyᵢ/Σωᵢ.
    private static double NullLogLikelihood(DataSet data, bool fitIntercept)
    {
        var n = data.SampleWeightSum;
        if (!fitIntercept) return n * Math.Log(0.5);
        double positives = 0.0, negatives = 0.0;
        var labels = data.Targets.Span;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] == 1.0) positives += data.SampleWeight(i);
            else negatives += data.SampleWeight(i);
        }
        if (positives == 0.0 || negatives == 0.0)
            throw new DegenerateInputException("data", "has one class only, so the null model fits it exactly and the likelihood-ratio test and pseudo-R² are undefined");
        // ln ȳ and ln(1 − ȳ) from the two sums: 1 − ȳ = Σ₀ωᵢ/Σωᵢ without the rounding of 1 − ȳ.
        return positives * Math.Log(positives / n) + negatives * Math.Log(negatives / n);
    }
}
