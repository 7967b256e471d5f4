using System.Text.Json.Nodes;
using TensorLinear.Cli.Predicting;
using TensorLinear.Models;

namespace TensorLinear.Cli.Output;

/// <summary>The JSON document of <c>tensorlinear predict --json</c> (schema in docs/cli.md).</summary>
internal static class PredictJson
{
    /// <summary>The document: the model, the file, one entry per row, and the metrics when the file has the target.</summary>
    public static JsonObject Build(PredictReport report)
    {
        var logistic = report.Model.Kind == ModelKind.Logistic;
        var rows = new JsonArray();
        for (var i = 0; i < report.Predictions.Length; i++)
        {
            var row = new JsonObject { ["line"] = report.Lines[i] };
            if (logistic)
            {
                row["probability"] = Json.Number(report.Predictions[i]);
                row["class"] = report.Classes[i];
            }
            else row["prediction"] = Json.Number(report.Predictions[i]);
            rows.Add(row);
        }
        return new JsonObject
        {
            ["command"] = "predict",
            ["model"] = new JsonObject
            {
                ["file"] = report.Settings.ModelFile,
                ["kind"] = logistic ? "logistic" : "linear",
                ["target"] = report.Model.Target,
                ["features"] = new JsonArray([.. report.Model.Encoding.FeatureNames.Select(n => (JsonNode)n)]),
                ["engine"] = report.Model.Engine,
            },
            ["data"] = report.Source,
            ["missing"] = DroppedRows.Json(report.DroppedLines),
            ["withoutTarget"] = report.WithoutTargetLines is { } lines ? new JsonArray([.. lines.Select(l => (JsonNode)l)]) : null,
            ["rows"] = rows,
            ["metrics"] = report.Regression is { } r ? FitJson.Regression(r) : report.Classification is { } c ? FitJson.Classification(c) : null,
        };
    }
}
