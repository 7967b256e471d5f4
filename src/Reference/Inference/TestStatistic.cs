namespace TensorLinear.Reference.Inference;

/// <summary>The reference distribution of a coefficient's statistic (estimate − 0)/SE.</summary>
public enum TestStatistic
{
    /// <summary>Student's t with the residual degrees of freedom n − p: least squares, σ² estimated.</summary>
    T,

    /// <summary>The standard normal: logistic regression, whose Wald statistics are asymptotically normal.</summary>
    Z,
}
