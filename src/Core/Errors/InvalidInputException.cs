namespace TensorLinear;

/// <summary>
/// An argument that a derivation cannot accept. The message names the argument and says what is wrong with it;
/// <see cref="ArgumentName"/> carries the name for programs.
/// </summary>
public class InvalidInputException : TensorLinearException
{
    /// <summary>Creates the exception for the named argument.</summary>
    public InvalidInputException(string argumentName, string problem)
        : base($"{argumentName}: {problem}") => ArgumentName = argumentName;

    /// <summary>The name of the argument at fault.</summary>
    public string ArgumentName { get; }
}

/// <summary>Two inputs that must have matching lengths or shapes do not.</summary>
public sealed class DimensionMismatchException(string argumentName, string problem)
    : InvalidInputException(argumentName, problem);

/// <summary>An input that must hold at least one element (a vector, a data set) is empty.</summary>
public sealed class EmptyInputException(string argumentName, string problem)
    : InvalidInputException(argumentName, problem);

/// <summary>An input holds NaN or an infinity.</summary>
public sealed class NonFiniteInputException(string argumentName, string problem)
    : InvalidInputException(argumentName, problem);

/// <summary>
/// An input is finite and well-shaped but degenerate for the question asked: a zero vector where a direction is
/// needed, a zero normal for a hyperplane, two coincident points for a line.
/// </summary>
public sealed class DegenerateInputException(string argumentName, string problem)
    : InvalidInputException(argumentName, problem);

/// <summary>
/// An input lies outside the domain of a definition: a norm order p &lt; 1, labels that are not two classes,
/// a negative penalty.
/// </summary>
public sealed class OutOfDomainException(string argumentName, string problem)
    : InvalidInputException(argumentName, problem);
