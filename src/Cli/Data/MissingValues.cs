using System.Collections.Immutable;
using TensorLinear.Features;

namespace TensorLinear.Cli.Data;

/// <summary>What <c>--missing</c> does with a cell that holds no value (<see cref="MissingRows.Markers"/>).</summary>
internal enum MissingValues
{
    /// <summary>A missing cell is bad input, reported with its line and column: the default, so no row goes unnoticed.</summary>
    Error,

    /// <summary>A row with a missing cell in a column used is dropped whole; the report counts the rows and lists their lines.</summary>
    Drop,
}

/// <summary>The rows of a table that <see cref="MissingValues"/> keeps.</summary>
internal static class CompleteRows
{
    /// <summary>The problem with a missing <paramref name="cell"/> where <paramref name="rule"/> asks for a value, with the option that drops its row.</summary>
    public static string Problem(string cell, string rule) =>
        $"{(cell.Length == 0 ? "the cell is empty" : $"'{cell}' marks a missing value")}; {rule} (pass --missing drop to leave out the rows with a missing value)";

    /// <summary>
    /// The table's rows complete in <paramref name="target"/> (when there is one) and <paramref name="features"/> (in
    /// every column when null), and the lines of those dropped; with <see cref="MissingValues.Error"/> the table itself and null, a
    /// missing cell left for the reader to report at its line.
    /// </summary>
    /// <exception cref="DataFormatException">A column is not in the table, or no row is complete.</exception>
    public static (CsvTable Table, ImmutableArray<int>? DroppedLines) Of(CsvTable table, MissingValues policy, string? target, IEnumerable<string>? features)
    {
        if (policy == MissingValues.Error) return (table, null);
        var used = (features is null ? table.Columns : target is null ? features : features.Prepend(target)).Distinct().Select(table.IndexOf).ToArray();
        var missing = MissingRows.Of([.. used.Select(j => table.Rows.Select(r => r.Cells[j]).ToArray())]);
        if (missing.Kept.IsEmpty)
            throw new DataFormatException(table.Source, null, null, $"every one of its {table.Rows.Length} rows has a missing value in a column used ({string.Join(", ", used.Select(j => table.Columns[j]))}), so none is left to fit");
        return (table with { Rows = [.. missing.Keep(table.Rows.ToArray())] }, [.. missing.Dropped.Select(i => table.Rows[i].Line)]);
    }
}
