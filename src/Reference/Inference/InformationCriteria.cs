namespace TensorLinear.Reference.Inference;

/// <summary>Akaike's and Schwarz's criteria of a log-likelihood ℓ with p parameters on n rows.</summary>
internal static class InformationCriteria
{
    /// <summary>AIC = −2ℓ + 2p.</summary>
    public static double Aic(double logLikelihood, int parameters) => -2.0 * logLikelihood + 2.0 * parameters;

    /// <summary>BIC = −2ℓ + p·ln n.</summary>
    public static double Bic(double logLikelihood, int parameters, int rows) => -2.0 * logLikelihood + parameters * Math.Log(rows);
}
