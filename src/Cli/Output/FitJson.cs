using System.Text.Json.Nodes;
using TensorLinear.Cli.Fitting;
using TensorLinear.Models;
using TensorLinear.Reference.Training;

namespace TensorLinear.Cli.Output;

/// <summary>The JSON document of <c>tensorlinear fit --json</c>; its schema is in docs/cli.md.</summary>
internal static class FitJson
{
    public static JsonObject Build(FitReport report)
    {
        var settings = report.Settings;
        var classes = report.Input.Classes;
        return new JsonObject
        {
            ["command"] = "fit",
            ["data"] = new JsonObject
            {
                ["file"] = report.Input.Source,
                ["rows"] = report.Features.RowCount,
                ["target"] = report.Features.TargetName,
                ["features"] = new JsonArray([.. report.Features.FeatureNames.Select(n => (JsonNode)n)]),
                ["classes"] = classes is null ? null : new JsonObject { ["0"] = classes.Zero, ["1"] = classes.One },
                ["missing"] = DroppedRows.Json(report.Input.DroppedLines),
                ["weights"] = WeightsSummary.Json(settings.Source.Weights, report.Features),
            },
            ["model"] = settings.Model == ModelKind.Linear ? "linear" : "logistic",
            ["solver"] = settings.Solver.ToString().ToLowerInvariant(),
            ["options"] = new JsonObject
            {
                ["intercept"] = settings.FitIntercept,
                ["standardize"] = settings.Standardize,
                ["degree"] = settings.Degree,
                ["l2"] = settings.L2,
                ["l1"] = settings.L1,
                ["learningRate"] = settings.Solver != Solver.Gd ? null : settings.LearningRate is double eta ? Json.Number(eta) : "auto",
                ["epochs"] = settings.Solver switch
                {
                    Solver.Gd => settings.Epochs ?? FitSettings.DefaultEpochs,
                    Solver.Newton => settings.Epochs ?? FitSettings.DefaultNewtonIterations,
                    _ => null,
                },
                ["tolerance"] = settings.Solver switch
                {
                    Solver.Gd => Json.Number(settings.Tolerance ?? new Training.TrainingOptions().Tolerance),
                    Solver.Newton => Json.Number(settings.Tolerance ?? new NewtonOptions().Tolerance),
                    _ => null,
                },
                ["level"] = Json.Number(settings.Level),
                ["robust"] = InferenceJson.RobustName(settings.Robust),
            },
            ["fits"] = new JsonArray([.. report.Fits.Select(f => (JsonNode)Fit(report, f))]),
            ["agreement"] = report.Agreement is not Agreement a ? null : new JsonObject
            {
                ["maxAbsoluteDifference"] = Json.Number(a.MaxAbsoluteDifference),
                ["maxRelativeDifference"] = Json.Number(a.MaxRelativeDifference),
                ["lossDifference"] = Json.Number(a.LossDifference),
            },
            ["hessianCheck"] = report.HessianCheck is not HessianCheck h ? null : new JsonObject
            {
                ["maxAbsoluteDifference"] = Json.Number(h.MaxAbsoluteDifference),
                ["maxAbsoluteEntry"] = Json.Number(h.MaxAbsoluteEntry),
                ["relativeDifference"] = Json.Number(h.RelativeDifference),
            },
            ["warnings"] = new JsonArray([.. report.Warnings.Select(w => (JsonNode)JsonValue.Create(w))]),
        };
    }

    private static JsonObject Fit(FitReport report, EngineFit fit)
    {
        var names = report.ParameterNames;
        // Separated classes have no estimate: the last iterate's huge numbers are withheld, the hyperplane given instead.
        var estimable = !fit.IsSeparated;
        return new JsonObject
        {
            ["engine"] = fit.Engine,
            ["coefficients"] = estimable ? Json.Named(names, fit.Parameters(report.Settings.FitIntercept)) : null,
            ["standardErrors"] = estimable && fit.StandardErrors is { } errors ? Json.Named(names, errors) : null,
            ["loss"] = Json.Number(fit.Loss),
            ["lossHistory"] = Json.Numbers(fit.LossHistory),
            ["iterations"] = fit.Iterations,
            ["stopReason"] = fit.StopReason,
            ["converged"] = fit.Converged,
            ["learningRate"] = Json.Number(fit.LearningRate),
            ["seconds"] = Json.Number(fit.Seconds),
            ["metrics"] = fit.Regression is { } r ? Regression(r) : Classification(fit.Classification!),
            ["separation"] = fit.Separation is { } s ? Separation(report, s) : null,
            ["inference"] = InferenceJson.Build(fit.Inference),
        };
    }

    /// <summary>A linear model's metrics (fit and predict share them).</summary>
    internal static JsonObject Regression(RegressionSummary r) => new()
    {
        ["rSquared"] = Json.Number(r.RSquared),
        ["rmse"] = Json.Number(r.RootMeanSquaredError),
        ["mae"] = Json.Number(r.MeanAbsoluteError),
        ["residualStandardDeviation"] = Json.Number(r.ResidualStandardDeviation),
    };

    /// <summary>A logistic model's metrics (fit and predict share them).</summary>
    internal static JsonObject Classification(ClassificationSummary c) => new()
    {
        ["accuracy"] = Json.Number(c.Accuracy),
        ["precision"] = Json.Number(c.Precision),
        ["recall"] = Json.Number(c.Recall),
        ["f1"] = Json.Number(c.F1),
        ["rocAuc"] = Json.Number(c.RocAuc),
        ["logLikelihood"] = Json.Number(c.LogLikelihood),
        ["confusionMatrix"] = new JsonObject
        {
            ["truePositives"] = c.Confusion.TruePositives,
            ["falsePositives"] = c.Confusion.FalsePositives,
            ["trueNegatives"] = c.Confusion.TrueNegatives,
            ["falseNegatives"] = c.Confusion.FalseNegatives,
        },
    };

    private static JsonObject Separation(FitReport report, SeparationReport separation) => new()
    {
        ["kind"] = separation.Kind switch
        {
            SeparationKind.None => "none",
            SeparationKind.Complete => "complete",
            _ => "quasiComplete",
        },
        ["hyperplane"] = separation.Hyperplane is not { } h ? null : new JsonObject
        {
            ["weights"] = Json.Named(report.Features.FeatureNames, [.. h.Weights]),
            ["intercept"] = Json.Number(h.Bias),
        },
        ["margin"] = separation.IsSeparated ? Json.Number(separation.Margin) : null,
        ["rowsOnHyperplane"] = separation.IsSeparated ? separation.RowsOnHyperplane : null,
    };
}
