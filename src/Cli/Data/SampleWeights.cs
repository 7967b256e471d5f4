namespace TensorLinear.Cli.Data;

/// <summary>The column <c>--weights</c> names, read as the rows' sample weights.</summary>
internal static class SampleWeights
{
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
