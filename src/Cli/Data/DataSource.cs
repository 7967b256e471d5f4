using System.Collections.Immutable;

namespace TensorLinear.Cli.Data;

/// <summary>Where a fit's rows come from and which of their columns it reads: the options every model of <c>fit</c> shares.</summary>
internal sealed record DataSource
{
    /// <summary>The CSV file, or "-" for standard input.</summary>
    public required string File { get; init; }

    /// <summary>The character between fields.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>What a missing cell in a column used does: an error (the default) or its row dropped.</summary>
    public MissingValues Missing { get; init; }

    /// <summary>The column to predict.</summary>
    public required string Target { get; init; }

    /// <summary>The feature columns; null for every column but the target (and the weights column).</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>The column of sample weights (<c>--weights</c>); null for none.</summary>
    public string? Weights { get; init; }

    /// <summary>
    /// The rows of <paramref name="table"/> a fit on <paramref name="features"/> (null: every column but the target and
    /// the weights) uses, by <see cref="Missing"/>, with their sample weights.
    /// </summary>
    /// <exception cref="UsageException">The weights column is the target or a feature.</exception>
    /// <exception cref="DataFormatException">A column is missing, no row is complete, or a weight is not a positive number.</exception>
    public SelectedRows Select(CsvTable table, IReadOnlyList<string>? features)
    {
        var (chosen, used) = SampleWeights.Columns(table, Target, features, Weights);
        var (complete, dropped) = CompleteRows.Of(table, Missing, Target, used);
        return new SelectedRows(complete, chosen, dropped, Weights is string column ? SampleWeights.Read(complete, column) : null);
    }
}

/// <summary>The rows a fit reads (<see cref="DataSource.Select"/>).</summary>
/// <param name="Table">The rows kept.</param>
/// <param name="Features">The feature columns; null for every column but the target.</param>
/// <param name="DroppedLines">The lines of the rows left out for a missing value; null when a missing value is an error.</param>
/// <param name="Weights">The kept rows' sample weights; null for an unweighted fit.</param>
internal sealed record SelectedRows(CsvTable Table, IReadOnlyList<string>? Features, ImmutableArray<int>? DroppedLines, double[]? Weights);
