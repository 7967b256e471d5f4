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
        return $"{Count(dropped)} with a missing value left out ({Lines(dropped)})";
    }

    /// <summary>
    /// "2 rows without a target value predicted but left out of the metrics (lines 5, 9)"; null when there are none, or
    /// when a missing target was an error.
    /// </summary>
    public static string? MetricsSentence(ImmutableArray<int>? lines) =>
        lines is { IsEmpty: false } unmeasured ? $"{Count(unmeasured)} without a target value predicted but left out of the metrics ({Lines(unmeasured)})" : null;

    private static string Count(ImmutableArray<int> lines) => $"{lines.Length} {(lines.Length == 1 ? "row" : "rows")}";

    private static string Lines(ImmutableArray<int> lines)
    {
        var shown = string.Join(", ", lines.Take(LinesShown).Select(l => l.ToString(CultureInfo.InvariantCulture)));
        var more = lines.Length > LinesShown ? $", … ({lines.Length - LinesShown} more)" : "";
        return $"line{(lines.Length == 1 ? "" : "s")} {shown}{more}";
    }
}
