namespace TensorLinear.Reference.Inference;

/// <summary>
/// Which covariance of the estimates the standard errors come from: the model's own (classical) or a
/// heteroskedasticity-consistent sandwich (White 1980; MacKinnon and White 1985), the CLI's <c>--robust</c>.
/// </summary>
public enum RobustCovariance
{
    /// <summary>The classical covariance: σ̂²(AᵀA)⁻¹ for least squares, the inverse information (AᵀWA)⁻¹ for logistic.</summary>
    None,

    /// <summary>White's sandwich B(Σ eᵢ² aᵢaᵢᵀ)B, B the classical bread: consistent, biased down in small samples.</summary>
    Hc0,

    /// <summary>HC0 times n/(n − p), the degrees-of-freedom correction.</summary>
    Hc1,

    /// <summary>Each eᵢ² divided by 1 − hᵢᵢ, hᵢᵢ the leverage of row i.</summary>
    Hc2,

    /// <summary>Each eᵢ² divided by (1 − hᵢᵢ)², close to the jackknife.</summary>
    Hc3,
}
