namespace TensorLinear.Cli.Data;

/// <summary>The column <c>--weights</c> names, read as the rows' sample weights.</summary>
internal static class SampleWeights
{
    /// <summary>
    /// The feature columns of a fit and the columns whose missing cells count: with no <paramref name="weights"/>, the
    /// features as given (null: every other column); with them, the weights column is read too and is never a feature.
    /// </summary>
    /// <exception cref="UsageException">The weights column is the target or one of the features.</exception>
    /// <exception cref="DataFormatException">The weights column is not in the table.</exception>
    public static (IReadOnlyList<string>? Features, IEnumerable<string>? Used) Columns(CsvTable table, string target, IReadOnlyList<string>? features, string? weights)
    {
        if (weights is null) return (features, features);
        if (weights == target || features?.Contains(weights) == true)
            throw new UsageException($"--weights names '{weights}', which is {(weights == target ? "the target" : "a feature")}; the weights column is neither");
        table.IndexOf(weights); // a missing column is reported before any missing value is
        var chosen = features ?? [.. table.Columns.Where(c => c != target && c != weights)];
        return (chosen, chosen.Append(weights));
    }

    /// <summary>The column's numbers, each finite and positive.</summary>
    /// <exception cref="DataFormatException">The column is missing, or a cell is not a number, is missing, or is not positive (with its line and column).</exception>
    public static double[] Read(CsvTable table, string column)
    {
        var index = table.IndexOf(column);
        var weights = LoadedData.ReadColumn(table, index, labels: false).Numbers!;
        for (var i = 0; i < weights.Length; i++)
            if (!(weights[i] > 0.0))
                throw new DataFormatException(table.Source, table.Rows[i].Line, column, FormattableString.Invariant(
                    $"the weight is {weights[i]}; every sample weight must be positive (a row that should not count is to be left out of the file)"));
        return weights;
    }
}
