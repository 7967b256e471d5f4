using System.Collections.Immutable;

namespace TensorLinear.Cli.Data;

/// <summary>A CSV file as read: its header and its rows of raw cells, each row with the line it starts on.</summary>
/// <param name="Source">The file name, for messages.</param>
/// <param name="Columns">The header's column names, trimmed, distinct and non-empty.</param>
/// <param name="Rows">The data rows, each with as many cells as the header.</param>
/// <param name="Delimiter">The delimiter the file was read with.</param>
internal sealed record CsvTable(string Source, ImmutableArray<string> Columns, ImmutableArray<CsvRow> Rows, char Delimiter = ',')
{
    private static readonly char[] OtherDelimiters = [';', '\t', '|', ','];

    /// <summary>The index of the named column.</summary>
    /// <exception cref="DataFormatException">There is no such column; the message lists those there are, names the
    /// closest when one is close, and suggests --delimiter when the header looks split by another character.</exception>
    public int IndexOf(string column)
    {
        var index = Columns.IndexOf(column);
        if (index >= 0) return index;
        var problem = $"there is no column '{column}'; the columns are {string.Join(", ", Columns)}";
        if (Columns.Length == 1 && OtherDelimiters.FirstOrDefault(d => d != Delimiter && Columns[0].Contains(d)) is var other and not '\0')
            problem += $": the header has no '{Name(Delimiter)}' but has '{Name(other)}', so read it with --delimiter '{Name(other)}'";
        else if (Closest(column) is string near)
            problem += $"; did you mean '{near}'?";
        throw new DataFormatException(Source, null, null, problem);
    }

    // The column within two edits of the name (case ignored), when exactly one is closest.
    private string? Closest(string column)
    {
        var scored = Columns.Select(c => (Name: c, Distance: Edits(c.ToLowerInvariant(), column.ToLowerInvariant()))).Where(s => s.Distance <= 2).OrderBy(s => s.Distance).ToList();
        return scored.Count > 0 && (scored.Count == 1 || scored[1].Distance > scored[0].Distance) ? scored[0].Name : null;
    }

    // The Levenshtein distance: the fewest insertions, deletions and substitutions that turn a into b.
    private static int Edits(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }

    private static string Name(char delimiter) => delimiter == '\t' ? "tab" : delimiter.ToString();
}

/// <summary>One data row: the 1-based line of the file it starts on (the header is line 1) and its cells, trimmed.</summary>
internal sealed record CsvRow(int Line, string[] Cells);
