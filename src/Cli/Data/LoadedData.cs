using System.Collections.Immutable;
using TensorLinear.Data;

namespace TensorLinear.Cli.Data;

/// <summary>
/// A data set read from a CSV table for one model: the chosen features and the target, with the class labels'
/// mapping when the target is a class column.
/// </summary>
/// <param name="Source">The file the data came from.</param>
/// <param name="Data">The features (named after their columns) and the target (0/1 for classes).</param>
/// <param name="Classes">The labels behind 0 and 1; null for a numeric target.</param>
internal sealed record LoadedData(string Source, DataSet Data, LabelMapping? Classes)
{
    /// <summary>
    /// Takes <paramref name="target"/> and <paramref name="features"/> (every other column when null) from the table:
    /// every feature cell a finite number; the target a number with at least two distinct values, or, when
    /// <paramref name="classes"/> is set, exactly two distinct labels.
    /// </summary>
    /// <exception cref="DataFormatException">A missing column, a cell that is not a number (with its line and column),
    /// a constant target, or a class column without exactly two labels.</exception>
    /// <exception cref="UsageException">The target is also listed as a feature, or a feature is listed twice.</exception>
    public static LoadedData From(CsvTable table, string target, IReadOnlyList<string>? features, bool classes)
    {
        var (targetIndex, featureNames, rows) = Features(table, target, features);
        LabelMapping? mapping = null;
        double[] targets;
        if (classes)
        {
            mapping = Mapping(table, targetIndex);
            targets = table.Rows.Select(r => mapping.ClassOf(r.Cells[targetIndex])).ToArray();
        }
        else
        {
            targets = table.Rows.Select(r => Number(table, r, targetIndex)).ToArray();
            if (Array.TrueForAll(targets, y => y == targets[0]))
                throw new DataFormatException(table.Source, null, target, FormattableString.Invariant($"the target is constant (every row holds {targets[0]}), so there is nothing to fit"));
        }
        if (!classes) CheckMagnitude(table, targetIndex, i => targets[i], OverflowLimit(rows.Length, featureNames.Length));
        return new LoadedData(table.Source, DataSet.FromRows(rows, targets, featureNames, target), mapping);
    }

    /// <summary>
    /// Takes <paramref name="target"/> as a class column of k ≥ 2 labels (numbers or text) and
    /// <paramref name="features"/> as <see cref="From"/> does; the targets are the class indices 0 … k−1 of
    /// <see cref="ClassLabels"/>. <see cref="Classes"/> is null: the k labels are returned beside the data.
    /// </summary>
    /// <exception cref="DataFormatException">As <see cref="From"/>, or an empty label, or a constant class column.</exception>
    /// <exception cref="UsageException">As <see cref="From"/>.</exception>
    public static (LoadedData Data, ClassLabels Labels) FromClasses(CsvTable table, string target, IReadOnlyList<string>? features)
    {
        var (targetIndex, featureNames, rows) = Features(table, target, features);
        var labels = ClassLabels.Of(table, targetIndex);
        var targets = table.Rows.Select(r => (double)labels.IndexOf(r.Cells[targetIndex])).ToArray();
        return (new LoadedData(table.Source, DataSet.FromRows(rows, targets, featureNames, target), null), labels);
    }

    // The target's column and the feature columns' names and values, every value checked to be a finite number
    // that the fits' sums of squares cannot overflow.
    private static (int TargetIndex, ImmutableArray<string> FeatureNames, double[][] Rows) Features(CsvTable table, string target, IReadOnlyList<string>? features)
    {
        var targetIndex = table.IndexOf(target);
        var featureNames = features is null ? table.Columns.Where(c => c != target).ToImmutableArray() : [.. features];
        if (featureNames.Contains(target)) throw new UsageException($"--features lists the target '{target}'; a column cannot predict itself");
        var repeated = featureNames.GroupBy(f => f).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new UsageException($"--features lists '{repeated.Key}' twice");
        if (featureNames.Length == 0)
            throw new DataFormatException(table.Source, null, null, $"has no column besides the target '{target}' to use as a feature");
        var featureIndices = featureNames.Select(table.IndexOf).ToArray();

        var rows = new double[table.Rows.Length][];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = table.Rows[i];
            rows[i] = new double[featureIndices.Length];
            for (var j = 0; j < featureIndices.Length; j++)
                rows[i][j] = Number(table, row, featureIndices[j]);
        }
        var largest = OverflowLimit(rows.Length, featureIndices.Length);
        for (var j = 0; j < featureIndices.Length; j++) CheckMagnitude(table, featureIndices[j], i => rows[i][j], largest);
        return (targetIndex, featureNames, rows);
    }

    /// <summary>
    /// The largest magnitude a value may have: the solvers form sums of n(d + 2) products of two values (XᵀX, the
    /// squared residuals, the Hessian), which overflow to ∞ past √(max double / (8n(d + 2))) — about 1e150 for small
    /// data — and would come out as "is Infinity" from deep inside a solver, or as a silently wrong fit.
    /// </summary>
    public static double OverflowLimit(int rowCount, int featureCount) => Math.Sqrt(double.MaxValue / (8.0 * rowCount * (featureCount + 2)));

    private static void CheckMagnitude(CsvTable table, int column, Func<int, double> value, double largest)
    {
        for (var i = 0; i < table.Rows.Length; i++)
            if (Math.Abs(value(i)) > largest)
                throw new DataFormatException(table.Source, table.Rows[i].Line, table.Columns[column],
                    $"{Output.Format.Short(value(i))} is too large to fit: past {Output.Format.Difference(largest)} the sums of squares a fit forms overflow; rescale the column (divide it by a power of ten)");
    }

    private static double Number(CsvTable table, CsvRow row, int column)
    {
        var cell = row.Cells[column];
        if (cell.Length == 0) throw new DataFormatException(table.Source, row.Line, table.Columns[column], "the cell is empty; every cell used must hold a number");
        if (!Numbers.TryParse(cell, out var value))
            throw new DataFormatException(table.Source, row.Line, table.Columns[column], $"'{cell}' is not a finite number (write numbers like 1, -2.5 or 3e-4)");
        return value;
    }

    private static LabelMapping Mapping(CsvTable table, int column)
    {
        var name = table.Columns[column];
        foreach (var row in table.Rows)
            if (row.Cells[column].Length == 0)
                throw new DataFormatException(table.Source, row.Line, name, "the class label is empty");
        // Numeric labels are compared as numbers, so "1" and "1.0" are one class.
        var labels = table.Rows.Select(r => r.Cells[column]).Distinct().ToList();
        if (labels.All(l => Numbers.TryParse(l, out _)))
            labels = labels.GroupBy(l => { Numbers.TryParse(l, out var v); return v; }).Select(g => g.First()).ToList();
        return labels.Count switch
        {
            1 => throw new DataFormatException(table.Source, null, name, $"the target is constant (every row is '{labels[0]}'); a logistic model needs two classes"),
            2 => LabelMapping.Of(labels[0], labels[1]),
            _ => throw new DataFormatException(table.Source, null, name, $"holds {labels.Count} distinct labels ({string.Join(", ", labels.Take(5).Select(l => $"'{l}'"))}{(labels.Count > 5 ? ", …" : "")}); a logistic model needs exactly two classes"),
        };
    }
}
