using System.Text.Json.Nodes;
using TensorLinear.Cli.Fitting;
using TensorLinear.Reference.Metrics;
using TensorLinear.Reference.Softmax;

namespace TensorLinear.Cli.Output;

/// <summary>The JSON document of <c>tensorlinear fit --model softmax --json</c>; its schema is in docs/cli.md.</summary>
internal static class SoftmaxJson
{
    public static JsonObject Build(SoftmaxReport report)
    {
        var settings = report.Settings;
        var data = report.Input.Data;
        return new JsonObject
        {
            ["command"] = "fit",
            ["data"] = new JsonObject
            {
                ["file"] = report.Input.Source,
                ["rows"] = data.RowCount,
                ["target"] = data.TargetName,
                ["features"] = new JsonArray([.. data.FeatureNames.Select(n => (JsonNode)n)]),
                ["classes"] = new JsonArray([.. report.Labels.Labels.Select(l => (JsonNode)l)]),
                ["referenceClass"] = report.Labels.Labels[0],
                ["missing"] = DroppedRows.Json(report.Input.DroppedLines),
                ["weights"] = WeightsSummary.Json(settings.Source.Weights, data),
            },
            ["model"] = "softmax",
            ["solver"] = settings.Solver == Solver.Gd ? "gd" : "newton",
            ["options"] = new JsonObject
            {
                ["l2"] = Json.Number(settings.L2),
                ["maxIterations"] = settings.Epochs,
                ["tolerance"] = Json.Number(settings.Tolerance),
                ["learningRate"] = Json.Number(settings.LearningRate),
            },
            ["fits"] = new JsonArray([.. report.Fits.Select(f => (JsonNode)Fit(report, f))]),
            ["agreement"] = report.Agreement is not { } a ? null : new JsonObject
            {
                ["maxDifference"] = Json.Number(a.Difference),
                ["bound"] = Json.Number(a.Bound),
                ["agrees"] = a.Agrees,
            },
        };
    }

    private static JsonObject Fit(SoftmaxReport report, SoftmaxEngineFit f)
    {
        var names = report.ParameterNames;
        var fit = f.Fit;
        return new JsonObject
        {
            ["engine"] = fit.Engine,
            ["method"] = fit.Method == SoftmaxMethod.Newton ? "newton" : "gd",
            ["coefficients"] = Json.Named(names, fit.Model.ToParameterVector()),
            ["standardErrors"] = fit.HasStandardErrors ? Json.Named(names, fit.StandardErrors) : null,
            ["loss"] = Json.Number(fit.FinalLoss),
            ["iterations"] = fit.Iterations,
            ["converged"] = fit.Converged,
            ["learningRate"] = Json.Number(fit.LearningRate),
            ["seconds"] = Json.Number(f.Seconds),
            ["metrics"] = Metrics(report, f.Metrics, f.LogLoss),
        };
    }

    private static JsonObject Metrics(SoftmaxReport report, MulticlassMetrics m, double logLoss)
    {
        var labels = report.Labels.Labels;
        var confusion = m.Confusion();
        return new JsonObject
        {
            ["accuracy"] = Json.Number(m.Accuracy),
            ["logLoss"] = Json.Number(logLoss),
            ["confusion"] = new JsonArray([.. Enumerable.Range(0, labels.Length).Select(c => (JsonNode)new JsonArray([.. Enumerable.Range(0, labels.Length).Select(p => (JsonNode)confusion[c, p])]))]),
            ["perClass"] = new JsonArray([.. Enumerable.Range(0, labels.Length).Select(c => (JsonNode)new JsonObject
            {
                ["class"] = labels[c],
                ["precision"] = Json.Number(m.Precision[c]),
                ["recall"] = Json.Number(m.Recall[c]),
                ["f1"] = Json.Number(m.F1[c]),
            })]),
            ["macro"] = new JsonObject { ["precision"] = Json.Number(m.MacroPrecision), ["recall"] = Json.Number(m.MacroRecall), ["f1"] = Json.Number(m.MacroF1) },
            ["micro"] = new JsonObject { ["precision"] = Json.Number(m.MicroPrecision), ["recall"] = Json.Number(m.MicroRecall), ["f1"] = Json.Number(m.MicroF1) },
        };
    }
}
