using System.Text.Json.Nodes;
using TensorLinear.Data;

namespace TensorLinear.Cli.Output;

/// <summary>The sample weights <c>--weights</c> read, as every fit report tells them: the column, Σωᵢ and their range.</summary>
internal static class WeightsSummary
{
    /// <summary><c>{"column": name, "sum": Σωᵢ}</c>; null for an unweighted fit.</summary>
    public static JsonObject? Json(string? column, DataSet data) => column is null ? null : new JsonObject
    {
        ["column"] = column,
        ["sum"] = Output.Json.Number(data.SampleWeightSum),
    };

    /// <summary>"sample weights 'w' (Σω = 28, from 1 to 2.5)"; null for an unweighted fit.</summary>
    public static string? Sentence(string? column, DataSet data)
    {
        if (column is null) return null;
        var weights = data.SampleWeights.Span;
        double least = double.PositiveInfinity, most = 0.0;
        foreach (var w in weights) (least, most) = (Math.Min(least, w), Math.Max(most, w));
        return $"sample weights '{column}' (Σω = {Format.Value(data.SampleWeightSum)}, from {Format.Value(least)} to {Format.Value(most)})";
    }
}
