using System.Collections.Immutable;
using TensorLinear.Data;
using TensorLinear.Features;

namespace TensorLinear.Cli.Data;

/// <summary>
/// A data set read from a CSV table for one model: the chosen feature columns as read, their main effects as features
/// (a categorical column as its indicators) and the target, with the class labels' mapping when the target is a
/// class column.
/// </summary>
/// <param name="Source">The file the data came from.</param>
/// <param name="Columns">The feature columns as read: numbers, or labels for a categorical column.</param>
/// <param name="Data">The main effects of <paramref name="Columns"/> (<see cref="FeatureEncoding"/>) and the target (0/1 for classes).</param>
/// <param name="Classes">The labels behind 0 and 1; null for a numeric target.</param>
internal sealed record LoadedData(string Source, ImmutableArray<ColumnValues> Columns, DataSet Data, LabelMapping? Classes)
{
    /// <summary>The file's lines of the rows dropped for a missing value (<c>--missing drop</c>); null when a missing value is an error.</summary>
    public ImmutableArray<int>? DroppedLines { get; init; }

    /// <summary>
    /// Takes <paramref name="target"/> and <paramref name="features"/> (every other column when null) from the table:
    /// every feature cell a finite number, or a label in a categorical column — one named in
    /// <paramref name="categorical"/>, or one in which no cell is a number; the target a number with at least two
    /// distinct values, or, when <paramref name="classes"/> is set, exactly two distinct labels.
    /// </summary>
    /// <exception cref="DataFormatException">A missing column, a cell that is not a number (with its line and column),
    /// an empty cell, a constant target, a class column without exactly two labels, or a categorical column with one
    /// level.</exception>
    /// <exception cref="UsageException">The target is also listed as a feature, a feature is listed twice, or
    /// <paramref name="categorical"/> names a column that is not a feature.</exception>
    public static LoadedData From(CsvTable table, string target, IReadOnlyList<string>? features, bool classes, IReadOnlyList<string>? categorical = null)
    {
        var (targetIndex, columns) = FeatureColumns(table, target, features, categorical);
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
            CheckMagnitude(table, targetIndex, i => targets[i], OverflowLimit(table.Rows.Length, columns.Length));
        }
        return new LoadedData(table.Source, columns, MainEffects(table, columns, targets, target), mapping);
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
        var (targetIndex, columns) = FeatureColumns(table, target, features, categorical: null);
        var labels = ClassLabels.Of(table, targetIndex);
        var targets = table.Rows.Select(r => (double)labels.IndexOf(r.Cells[targetIndex])).ToArray();
        return (new LoadedData(table.Source, columns, MainEffects(table, columns, targets, target), null), labels);
    }

    // The target's column and the feature columns, numbers checked to be finite and small enough that the fits' sums
    // of squares cannot overflow, labels non-empty.
    private static (int TargetIndex, ImmutableArray<ColumnValues> Columns) FeatureColumns(CsvTable table, string target, IReadOnlyList<string>? features, IReadOnlyList<string>? categorical)
    {
        var targetIndex = table.IndexOf(target);
        var featureNames = features is null ? table.Columns.Where(c => c != target).ToImmutableArray() : [.. features];
        if (featureNames.Contains(target)) throw new UsageException($"--features lists the target '{target}'; a column cannot predict itself");
        var repeated = featureNames.GroupBy(f => f).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new UsageException($"--features lists '{repeated.Key}' twice");
        if (featureNames.Length == 0)
            throw new DataFormatException(table.Source, null, null, $"has no column besides the target '{target}' to use as a feature");
        var featureIndices = featureNames.Select(table.IndexOf).ToArray();
        foreach (var name in categorical ?? [])
            if (!featureNames.Contains(name))
                throw new UsageException($"--categorical names '{name}', which is not a feature; the features are {string.Join(", ", featureNames)}");
        var columns = featureIndices.Select(j => ReadColumn(table, j, categorical?.Contains(table.Columns[j]) == true || IsText(table, j))).ToImmutableArray();
        var largest = OverflowLimit(table.Rows.Length, featureIndices.Length);
        foreach (var (column, j) in columns.Zip(featureIndices))
            if (column.Numbers is { } values) CheckMagnitude(table, j, i => values[i], largest);
        return (targetIndex, columns);
    }

    // Each column once, a categorical one as its indicators; a categorical column of one level is the file's fault.
    private static DataSet MainEffects(CsvTable table, ImmutableArray<ColumnValues> columns, double[] targets, string target)
    {
        try
        {
            return FeatureEncoding.Fit(columns).Encode(columns, targets, target);
        }
        catch (DegenerateInputException e)
        {
            throw new DataFormatException(table.Source, null, e.ArgumentName, e.Message[(e.ArgumentName.Length + 2)..]);
        }
    }

    // A column is read as labels when none of its cells is a number: a column of numbers with a stray word in it is
    // a typo to report at its line, not a categorical column of hundreds of levels.
    private static bool IsText(CsvTable table, int column)
    {
        var cells = table.Rows.Select(r => r.Cells[column]).Where(c => !MissingRows.IsMissing(c)).ToList();
        return cells.Count > 0 && cells.TrueForAll(c => !Numbers.TryParse(c, out _));
    }

    /// <summary>A column of the table as labels (<paramref name="labels"/>) or as numbers, every cell checked.</summary>
    /// <exception cref="DataFormatException">A missing cell (<see cref="MissingRows.Markers"/>), or a cell that is not a finite number, with its line and column.</exception>
    public static ColumnValues ReadColumn(CsvTable table, int column, bool labels)
    {
        if (!labels) return ColumnValues.Numeric(table.Columns[column], [.. table.Rows.Select(r => Number(table, r, column))]);
        foreach (var row in table.Rows)
            if (MissingRows.IsMissing(row.Cells[column]))
                throw new DataFormatException(table.Source, row.Line, table.Columns[column], CompleteRows.Problem(row.Cells[column], "every cell of a categorical column must hold a label"));
        return ColumnValues.Categorical(table.Columns[column], [.. table.Rows.Select(r => r.Cells[column])]);
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
        if (Numbers.TryParse(cell, out var value)) return value;
        throw new DataFormatException(table.Source, row.Line, table.Columns[column], MissingRows.IsMissing(cell)
            ? CompleteRows.Problem(cell, "every cell used must hold a number")
            : $"'{cell}' is not a finite number (write numbers like 1, -2.5 or 3e-4)");
    }

    private static LabelMapping Mapping(CsvTable table, int column)
    {
        var name = table.Columns[column];
        foreach (var row in table.Rows)
            if (MissingRows.IsMissing(row.Cells[column]))
                throw new DataFormatException(table.Source, row.Line, name, CompleteRows.Problem(row.Cells[column], "every row needs its class label"));
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
