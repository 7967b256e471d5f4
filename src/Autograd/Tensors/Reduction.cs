namespace TensorLinear.Autograd;

/// <summary>How a loss combines its per-element terms (libtorch's codes).</summary>
public enum Reduction
{
    /// <summary>One term per element.</summary>
    None = 0,

    /// <summary>The mean of the terms.</summary>
    Mean = 1,

    /// <summary>The sum of the terms.</summary>
    Sum = 2,
}
