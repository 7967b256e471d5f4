using System.Text.Json.Nodes;
using TensorLinear.Cli.Fitting;
using TensorLinear.MaxMargin;

namespace TensorLinear.Cli.Output;

/// <summary>The JSON document of <c>tensorlinear fit --model svm --json</c>; its schema is in docs/cli.md.</summary>
internal static class SvmJson
{
    public static JsonObject Build(SvmReport report)
    {
        var settings = report.Settings;
        return new JsonObject
        {
            ["command"] = "fit",
            ["data"] = new JsonObject
            {
                ["file"] = report.Input.Source,
                ["rows"] = report.Data.RowCount,
                ["target"] = report.Data.TargetName,
                ["features"] = new JsonArray([.. report.Data.FeatureNames.Select(n => (JsonNode)n)]),
                ["classes"] = new JsonObject { ["-1"] = report.NegativeLabel, ["+1"] = report.PositiveLabel },
                ["missing"] = DroppedRows.Json(report.Input.DroppedLines),
            },
            ["model"] = "svm",
            ["solver"] = "dual pair-coordinate descent + active-set polish",
            ["options"] = new JsonObject
            {
                ["margin"] = settings.Margin == MarginKind.Hard ? "hard" : "soft",
                ["C"] = Json.Number(settings.Margin == MarginKind.Hard ? null : settings.EffectiveC),
                ["tolerance"] = Json.Number(settings.Options.Tolerance),
                ["maxIterations"] = settings.Options.MaxIterations,
            },
            ["fits"] = new JsonArray([.. report.Fits.Select(f => (JsonNode)Fit(report, f.Fit, f.Seconds))]),
            ["agreement"] = report.Agreement is not { } a ? null : new JsonObject
            {
                ["maxRelativeDifference"] = Json.Number(a.Difference),
                ["bound"] = Json.Number(a.Bound),
                ["agrees"] = a.Agrees,
            },
            ["warnings"] = new JsonArray([.. report.Fits.Where(f => !f.Fit.Polished).Select(f => (JsonNode)JsonValue.Create($"{f.Fit.Engine}: not polished; the dual method's iterate")!)]),
        };
    }

    private static JsonObject Fit(SvmReport report, MaxMarginFit fit, double seconds) => new()
    {
        ["engine"] = fit.Engine,
        ["coefficients"] = Json.Named([.. report.Data.FeatureNames, FitRunner.InterceptName], fit.Model.ToParameterVector()),
        ["margin"] = Json.Number(fit.Margin),
        ["geometricMargin"] = Json.Number(fit.GeometricMargin),
        ["supportVectors"] = new JsonArray([.. fit.SupportVectors.Select(i => (JsonNode)i)]),
        ["signedDistances"] = Json.Numbers(fit.SignedDistances),
        ["alphas"] = Json.Numbers(fit.Alphas),
        ["kkt"] = new JsonObject
        {
            ["primalFeasibility"] = Json.Number(fit.Kkt.PrimalFeasibility),
            ["dualFeasibility"] = Json.Number(fit.Kkt.DualFeasibility),
            ["complementarySlackness"] = Json.Number(fit.Kkt.ComplementarySlackness),
            ["stationarity"] = Json.Number(fit.Kkt.Stationarity),
            ["biasStationarity"] = Json.Number(fit.Kkt.BiasStationarity),
            ["primalObjective"] = Json.Number(fit.Kkt.PrimalObjective),
            ["dualObjective"] = Json.Number(fit.Kkt.DualObjective),
            ["relativeDualityGap"] = Json.Number(fit.Kkt.RelativeDualityGap),
        },
        ["iterations"] = fit.Iterations,
        ["polished"] = fit.Polished,
        ["conditionNumber"] = Json.Number(fit.ConditionNumber),
        ["seconds"] = Json.Number(seconds),
    };
}
