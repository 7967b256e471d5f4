using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TensorLinear.Cli.Output;

/// <summary>
/// The JSON documents the commands print with --json: built as <see cref="JsonObject"/> trees and written indented,
/// every number with the shortest digits that round-trip to the same double (what "R" formats), non-ASCII text as is.
/// </summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A number node, or null for a missing or non-finite value (JSON has no NaN or ∞).</summary>
    public static JsonNode? Number(double? value) => value is double v && double.IsFinite(v) ? JsonValue.Create(v) : null;

    /// <summary>An array of numbers.</summary>
    public static JsonArray Numbers(IEnumerable<double> values) => [.. values.Select(v => Number(v))];

    /// <summary>An object mapping each name to its number, in order.</summary>
    public static JsonObject Named(IReadOnlyList<string> names, IReadOnlyList<double> values)
    {
        var result = new JsonObject();
        for (var i = 0; i < names.Count; i++) result[names[i]] = Number(values[i]);
        return result;
    }

    /// <summary>A matrix as an array of rows.</summary>
    public static JsonArray Matrix(double[,] matrix) =>
        [.. Enumerable.Range(0, matrix.GetLength(0)).Select(i => (JsonNode)Numbers(Enumerable.Range(0, matrix.GetLength(1)).Select(j => matrix[i, j])))];

    /// <summary>Writes <paramref name="document"/> and a final line break.</summary>
    public static void Write(TextWriter output, JsonNode document) => output.WriteLine(document.ToJsonString(Options));
}
