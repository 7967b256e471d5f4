using System.Text.Json.Nodes;
using TensorLinear.Reference.Inference;

namespace TensorLinear.Cli.Output;

/// <summary>The <c>inference</c> member of each fit in <c>tensorlinear fit --json</c>; its schema is in docs/cli.md.</summary>
internal static class InferenceJson
{
    public static JsonObject? Build(ModelInference? inference)
    {
        if (inference is null) return null;
        var table = inference.Coefficients;
        var s = inference.Statistics;
        return new JsonObject
        {
            ["statistic"] = table.Statistic == TestStatistic.T ? "t" : "z",
            ["degreesOfFreedom"] = table.DegreesOfFreedom,
            ["level"] = Json.Number(table.Level),
            ["robust"] = RobustName(table.Robust),
            ["table"] = new JsonArray([.. table.Coefficients.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["estimate"] = Json.Number(c.Estimate),
                ["standardError"] = Json.Number(c.StandardError),
                ["statistic"] = Json.Number(c.Statistic),
                ["pValue"] = Json.Number(c.PValue),
                ["lower"] = Json.Number(c.Lower),
                ["upper"] = Json.Number(c.Upper),
            })]),
            ["statistics"] = new JsonObject
            {
                ["rows"] = s.RowCount,
                ["parameters"] = s.ParameterCount,
                ["modelDegreesOfFreedom"] = s.ModelDegreesOfFreedom,
                ["residualDegreesOfFreedom"] = s.ResidualDegreesOfFreedom,
                ["rSquared"] = Json.Number(s.RSquared),
                ["adjustedRSquared"] = Json.Number(s.AdjustedRSquared),
                ["fStatistic"] = Json.Number(s.FStatistic),
                ["fPValue"] = Json.Number(s.FPValue),
                ["logLikelihood"] = Json.Number(s.LogLikelihood),
                ["nullLogLikelihood"] = Json.Number(s.NullLogLikelihood),
                ["deviance"] = Json.Number(s.Deviance),
                ["nullDeviance"] = Json.Number(s.NullDeviance),
                ["aic"] = Json.Number(s.Aic),
                ["bic"] = Json.Number(s.Bic),
                ["pseudoRSquared"] = Json.Number(s.PseudoRSquared),
                ["likelihoodRatio"] = Json.Number(s.LikelihoodRatio),
                ["likelihoodRatioPValue"] = Json.Number(s.LikelihoodRatioPValue),
            },
        };
    }

    /// <summary>The covariance's name as <c>--robust</c> takes it, or <c>none</c>.</summary>
    public static string RobustName(RobustCovariance robust) => robust == RobustCovariance.None ? "none" : robust.ToString().ToLowerInvariant();
}
