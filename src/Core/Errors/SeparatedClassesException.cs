namespace TensorLinear;

/// <summary>
/// The classes of a multinomial (softmax) logistic fit are separated: some direction of the parameters puts every row
/// at least as far toward its own class as toward any other, with some strictly, so the loss keeps falling along it,
/// the weights grow without bound and the maximum-likelihood estimate does not exist. A ridge penalty (λ₂ &gt; 0) gives
/// a finite estimate.
/// </summary>
public sealed class SeparatedClassesException : InvalidInputException
{
    /// <summary>Creates the exception for the named argument.</summary>
    /// <param name="argumentName">The argument holding the data.</param>
    /// <param name="complete">True when every row is strictly on its own class's side (complete separation).</param>
    /// <param name="why">How the conclusion was reached.</param>
    public SeparatedClassesException(string argumentName, bool complete, string why)
        : base(argumentName, $"the classes are {(complete ? "completely" : "quasi-completely")} separated, so the softmax log-likelihood has no maximum (the weights diverge): {why}; add a ridge penalty (`--l2 1e-3`) for a finite estimate")
        => IsComplete = complete;

    /// <summary>True for complete separation (every row strictly toward its own class), false for quasi-complete.</summary>
    public bool IsComplete { get; }
}
