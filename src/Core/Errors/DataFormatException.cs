namespace TensorLinear;

/// <summary>A data file that cannot be read as a data set; the message says which line and column.</summary>
public sealed class DataFormatException : TensorLinearException
{
    /// <summary>Creates the exception for a problem at a line (1-based, counting the header) and an optional column.</summary>
    public DataFormatException(string source, int? line, string? column, string problem)
        : base(Describe(source, line, column, problem))
    {
        Source = source;
        Line = line;
        Column = column;
    }

    /// <summary>The file or stream the problem is in.</summary>
    public new string Source { get; }

    /// <summary>The 1-based line, counting the header, when the problem has one.</summary>
    public int? Line { get; }

    /// <summary>The column name, when the problem has one.</summary>
    public string? Column { get; }

    private static string Describe(string source, int? line, string? column, string problem)
    {
        var where = source;
        if (line is int l) where += FormattableString.Invariant($", line {l}");
        if (column is not null) where += $", column '{column}'";
        return $"{where}: {problem}";
    }
}
