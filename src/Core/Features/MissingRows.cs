using System.Collections.Immutable;

namespace TensorLinear.Features;

/// <summary>
/// Which rows of a table hold a missing value in a column used, and which are complete: listwise deletion, as
/// statsmodels' <c>missing='drop'</c> does it. A row is dropped whole, so every fitted number comes from the same rows.
/// </summary>
/// <param name="Kept">The 0-based indices of the complete rows, in order.</param>
/// <param name="Dropped">The 0-based indices of the rows with a missing value, in order.</param>
public sealed record MissingRows(ImmutableArray<int> Kept, ImmutableArray<int> Dropped)
{
    /// <summary>
    /// The cells read as missing, case ignored, after trimming: the empty cell and the markers pandas and R write
    /// ("NA", "N/A", "NaN", "null").
    /// </summary>
    public static readonly ImmutableArray<string> Markers = ["", "NA", "N/A", "NaN", "null"];

    /// <summary>The number of rows looked at: kept and dropped.</summary>
    public int RowCount => Kept.Length + Dropped.Length;

    /// <summary>Whether <paramref name="cell"/> is one of the <see cref="Markers"/>.</summary>
    public static bool IsMissing(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var trimmed = cell.Trim();
        return Markers.Any(m => string.Equals(trimmed, m, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The rows of <paramref name="columns"/> (each the cells of one column, all of one length) with a missing cell in any of them.</summary>
    /// <exception cref="DimensionMismatchException">The columns differ in length.</exception>
    public static MissingRows Of(IReadOnlyList<string[]> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var rowCount = columns.Count == 0 ? 0 : columns[0].Length;
        foreach (var column in columns)
            if (column.Length != rowCount) throw new DimensionMismatchException(nameof(columns), $"the columns must be of one length: one has {rowCount} cells, another {column.Length}");
        return Split(rowCount, i => columns.Any(c => IsMissing(c[i])));
    }

    /// <summary>The rows of a numeric table with a NaN in a feature or in the target; an infinite value is not missing but wrong, and is left for the fit to refuse.</summary>
    /// <exception cref="DimensionMismatchException">There are not as many targets as rows.</exception>
    public static MissingRows Of(double[][] rows, double[] targets)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(targets);
        if (rows.Length != targets.Length) throw new DimensionMismatchException(nameof(targets), $"there are {rows.Length} rows but {targets.Length} targets");
        return Split(rows.Length, i => double.IsNaN(targets[i]) || Array.Exists(rows[i], double.IsNaN));
    }

    /// <summary>The elements of <paramref name="values"/> (one per row looked at) at the kept rows.</summary>
    /// <exception cref="DimensionMismatchException"><paramref name="values"/> has not <see cref="RowCount"/> elements.</exception>
    public T[] Keep<T>(T[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != RowCount) throw new DimensionMismatchException(nameof(values), $"has {values.Length} elements but {RowCount} rows were looked at");
        return [.. Kept.Select(i => values[i])];
    }

    private static MissingRows Split(int rowCount, Func<int, bool> missing)
    {
        var kept = ImmutableArray.CreateBuilder<int>();
        var dropped = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < rowCount; i++) (missing(i) ? dropped : kept).Add(i);
        return new MissingRows(kept.ToImmutable(), dropped.ToImmutable());
    }
}
