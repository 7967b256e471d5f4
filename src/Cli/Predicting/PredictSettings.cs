using TensorLinear.Cli.Data;
namespace TensorLinear.Cli.Predicting;

/// <summary>Everything <c>tensorlinear predict</c> was asked to do.</summary>
internal sealed record PredictSettings
{
    /// <summary>The model file fit --save wrote.</summary>
    public required string ModelFile { get; init; }

    /// <summary>The CSV file of new rows, or "-" for standard input.</summary>
    public required string DataFile { get; init; }

    /// <summary>The character between fields.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>What a missing cell in a column used does: an error (the default) or its row dropped.</summary>
    public MissingValues Missing { get; init; }

    /// <summary>The file the predictions are written to as CSV; null for standard output.</summary>
    public string? OutputFile { get; init; }

    /// <summary>Print one JSON document instead of the CSV and the summary.</summary>
    public bool Json { get; init; }
}
