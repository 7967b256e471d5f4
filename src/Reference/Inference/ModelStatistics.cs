namespace TensorLinear.Reference.Inference;

/// <summary>
/// A fitted model's statistics as statistical packages report them: counts, fit, likelihoods, information criteria and
/// the test of all slopes at once. Those that do not apply to the model are null.
/// </summary>
/// <remarks>
/// p counts every parameter fitted (the intercept too); the model degrees of freedom are the slopes tested against the
/// null model, which is the intercept alone (or nothing: all θ = 0, p = ½ for logistic, without an intercept).
/// AIC = −2ℓ + 2p and BIC = −2ℓ + p·ln n. Least squares' ℓ is the Gaussian log-likelihood at σ̂² = RSS/n,
/// −(n/2)(ln 2π + ln(RSS/n) + 1), and its deviance RSS; logistic's deviance is −2ℓ.
/// </remarks>
/// <param name="RowCount">n.</param>
/// <param name="ParameterCount">p.</param>
/// <param name="ModelDegreesOfFreedom">The slopes tested: p − 1 with an intercept, p without.</param>
/// <param name="ResidualDegreesOfFreedom">n − p.</param>
/// <param name="RSquared">Least squares: R² (uncentred without an intercept).</param>
/// <param name="AdjustedRSquared">Least squares: 1 − (1 − R²)(n − k)/(n − p), k = 1 with an intercept and 0 without.</param>
/// <param name="FStatistic">Least squares: the Wald F of all slopes, θ̂ₛᵀVₛ⁻¹θ̂ₛ/q with the table's covariance V (classical: the R² form).</param>
/// <param name="FPValue">P(F ≥ f) on (q, n − p) degrees of freedom.</param>
/// <param name="LogLikelihood">ℓ(θ̂).</param>
/// <param name="NullLogLikelihood">ℓ of the null model.</param>
/// <param name="Deviance">RSS (least squares) or −2ℓ (logistic).</param>
/// <param name="NullDeviance">The null model's deviance.</param>
/// <param name="Aic">Akaike's criterion −2ℓ + 2p.</param>
/// <param name="Bic">Schwarz's criterion −2ℓ + p·ln n.</param>
/// <param name="PseudoRSquared">Logistic: McFadden's 1 − ℓ/ℓ₀.</param>
/// <param name="LikelihoodRatio">2(ℓ − ℓ₀), the likelihood-ratio statistic of all slopes.</param>
/// <param name="LikelihoodRatioPValue">P(χ² ≥ LR) on the model degrees of freedom.</param>
public sealed record ModelStatistics(
    int RowCount,
    int ParameterCount,
    int ModelDegreesOfFreedom,
    int ResidualDegreesOfFreedom,
    double? RSquared,
    double? AdjustedRSquared,
    double? FStatistic,
    double? FPValue,
    double LogLikelihood,
    double NullLogLikelihood,
    double Deviance,
    double NullDeviance,
    double Aic,
    double Bic,
    double? PseudoRSquared,
    double LikelihoodRatio,
    double LikelihoodRatioPValue);
