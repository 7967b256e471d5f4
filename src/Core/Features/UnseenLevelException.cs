namespace TensorLinear.Features;

/// <summary>
/// A categorical column holds a label its encoding has no indicator for: a level the training data did not have.
/// </summary>
public sealed class UnseenLevelException : InvalidInputException
{
    /// <summary>Creates the exception for row <paramref name="row"/> (0-based) of <paramref name="column"/>.</summary>
    public UnseenLevelException(string column, int row, string level, IEnumerable<string> levels)
        : base(column, FormattableString.Invariant($"row {row} has the level '{level}', which the encoding was not fitted with (its levels are {string.Join(", ", levels)})"))
        => (Row, Level) = (row, level);

    /// <summary>The 0-based row.</summary>
    public int Row { get; }

    /// <summary>The label not seen.</summary>
    public string Level { get; }
}
