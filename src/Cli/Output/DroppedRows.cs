using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;

namespace TensorLinear.Cli.Output;

/// <summary>The rows <c>--missing drop</c> left out, as every report tells them: counted, and their lines listed.</summary>
internal static class DroppedRows
{
    // A text report lists this many lines at most; the JSON lists every one.
    private const int LinesShown = 10;

    /// <summary><c>{"dropped": N, "lines": [...]}</c>; null when a missing value was an error (nothing could be dropped).</summary>
    public static JsonObject? Json(ImmutableArray<int>? lines) => lines is { } dropped
        ? new JsonObject { ["dropped"] = dropped.Length, ["lines"] = new JsonArray([.. dropped.Select(l => (JsonNode)l)]) }
        : null;

    /// <summary>"3 rows with a missing value left out (lines 4, 9, 17)"; null when a missing value was an error.</summary>
    public static string? Sentence(ImmutableArray<int>? lines)
    {
        if (lines is not { } dropped) return null;
        if (dropped.IsEmpty) return "no row has a missing value";
        var shown = string.Join(", ", dropped.Take(LinesShown).Select(l => l.ToString(CultureInfo.InvariantCulture)));
        var more = dropped.Length > LinesShown ? $", … ({dropped.Length - LinesShown} more)" : "";
        return $"{dropped.Length} {(dropped.Length == 1 ? "row" : "rows")} with a missing value left out (line{(dropped.Length == 1 ? "" : "s")} {shown}{more})";
    }
}
