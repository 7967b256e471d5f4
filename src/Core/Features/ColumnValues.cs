namespace TensorLinear.Features;

/// <summary>
/// One raw column of a table, before encoding: numbers, or text labels (a categorical column). Exactly one of
/// <see cref="Numbers"/> and <see cref="Labels"/> is set.
/// </summary>
public sealed record ColumnValues
{
    private ColumnValues(string name, double[]? numbers, string[]? labels) => (Name, Numbers, Labels) = (name, numbers, labels);

    /// <summary>The column's name.</summary>
    public string Name { get; }

    /// <summary>The values of a numeric column; null for a categorical one.</summary>
    public double[]? Numbers { get; }

    /// <summary>The labels of a categorical column; null for a numeric one.</summary>
    public string[]? Labels { get; }

    /// <summary>Whether the column holds labels.</summary>
    public bool IsCategorical => Labels is not null;

    /// <summary>The number of rows.</summary>
    public int Length => Numbers?.Length ?? Labels!.Length;

    /// <summary>A numeric column.</summary>
    /// <exception cref="NonFiniteInputException">A value is NaN or infinite.</exception>
    public static ColumnValues Numeric(string name, double[] values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i])) throw new NonFiniteInputException(name, FormattableString.Invariant($"row {i} is {values[i]}"));
        return new(name, [.. values], null);
    }

    /// <summary>A categorical column; its levels are the distinct labels.</summary>
    /// <exception cref="OutOfDomainException">A label is empty.</exception>
    public static ColumnValues Categorical(string name, string[] labels)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(labels);
        for (var i = 0; i < labels.Length; i++)
            if (string.IsNullOrEmpty(labels[i])) throw new OutOfDomainException(name, FormattableString.Invariant($"row {i} has an empty label"));
        return new(name, null, [.. labels]);
    }
}
