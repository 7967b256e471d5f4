using System.Collections.Immutable;

namespace TensorLinear.Cli.Data;

/// <summary>A CSV file as read: its header and its rows of raw cells, each row with the line it starts on.</summary>
/// <param name="Source">The file name, for messages.</param>
/// <param name="Columns">The header's column names, trimmed, distinct and non-empty.</param>
/// <param name="Rows">The data rows, each with as many cells as the header.</param>
internal sealed record CsvTable(string Source, ImmutableArray<string> Columns, ImmutableArray<CsvRow> Rows)
{
    /// <summary>The index of the named column.</summary>
    /// <exception cref="DataFormatException">There is no such column; the message lists those there are.</exception>
    public int IndexOf(string column)
    {
        var index = Columns.IndexOf(column);
        if (index < 0)
            throw new DataFormatException(Source, null, null, $"there is no column '{column}'; the columns are {string.Join(", ", Columns)}");
        return index;
    }
}

/// <summary>One data row: the 1-based line of the file it starts on (the header is line 1) and its cells, trimmed.</summary>
internal sealed record CsvRow(int Line, string[] Cells);
