namespace TensorLinear.Models;

/// <summary>The two linear models TensorLinear derives and fits.</summary>
public enum ModelKind
{
    /// <summary>Linear regression ŷ = Xw + b, fitted by mean squared error.</summary>
    Linear,

    /// <summary>Logistic regression p = σ(Xw + b), fitted by mean binary cross-entropy (log-loss).</summary>
    Logistic,
}
