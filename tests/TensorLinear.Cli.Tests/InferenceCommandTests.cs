using System.Text.Json;
using static TensorLinear.Cli.Tests.InferenceJson;
using TensorLinear.Tests.Shared;

namespace TensorLinear.Cli.Tests;

// fit's coefficient table and model statistics, end to end, against the values statsmodels and mpmath give for the
// shipped data (scripts/inference/reference_values.py).
public sealed class InferenceCommandTests
{
    private static string Shipped(string name) => Path.Combine(AppContext.BaseDirectory, "Shared", name);

    private static JsonElement Fit(params string[] options) => Tool.Run(["fit", "--json", .. options]).Json();

    [Fact]
    public void LogisticOnDiabetesGivesStatsmodelsTableOnBothEngines()
    {
        var json = Fit("--data", Shipped("diabetes-binary.csv"), "--target", "high", "--model", "logistic");

        foreach (var fit in json.GetProperty("fits").EnumerateArray())
        {
            var inference = fit.GetProperty("inference");
            Assert.Equal("z", inference.GetProperty("statistic").GetString());
            Assert.Equal(JsonValueKind.Null, inference.GetProperty("degreesOfFreedom").ValueKind);
            Close(DiabetesLogit.Mle, Column(inference, "estimate"), 1e-12, "estimate");
            Close(DiabetesLogit.StandardErrors, Column(inference, "standardError"), 1e-10, "SE");
            Close(DiabetesLogit.PValues, Column(inference, "pValue"), 1e-10, "p");
            Close(DiabetesLogit.Lower95, Column(inference, "lower"), 1e-10, "lower");
            var s = inference.GetProperty("statistics");
            Close([DiabetesLogit.Aic, DiabetesLogit.Bic, DiabetesLogit.PseudoRSquared, DiabetesLogit.LikelihoodRatioPValue],
                [s.GetProperty("aic").GetDouble(), s.GetProperty("bic").GetDouble(), s.GetProperty("pseudoRSquared").GetDouble(), s.GetProperty("likelihoodRatioPValue").GetDouble()],
                1e-9, "AIC, BIC, pseudo-R², P(LR)");
        }
    }

    [Fact]
    public void RobustAndLevelReachTheTableAndTheStandardErrors()
    {
        var json = Fit("--data", Shipped("longley.csv"), "--target", "TOTEMP", "--model", "linear", "--engine", "reference", "--robust", "hc3", "--level", "0.9");

        Assert.Equal("hc3", json.GetProperty("options").GetProperty("robust").GetString());
        var fit = json.GetProperty("fits")[0];
        var inference = fit.GetProperty("inference");
        Assert.Equal(0.9, inference.GetProperty("level").GetDouble());
        Assert.Equal(9, inference.GetProperty("degreesOfFreedom").GetInt32());
        Close(LongleyExact.Hc3StandardErrors, Column(inference, "standardError"), 1e-10, "HC3 SE");
        Close(LongleyExact.Hc3StandardErrors, [.. fit.GetProperty("standardErrors").EnumerateObject().Select(e => e.Value.GetDouble())], 1e-10, "standardErrors");
        Assert.Equal(LongleyExact.Hc3FStatistic, inference.GetProperty("statistics").GetProperty("fStatistic").GetDouble(), LongleyExact.Hc3FStatistic * 1e-10);
    }

    [Fact]
    public void StandardisedFitsReportTheTableInOriginalUnits()
    {
        var plain = Fit("--data", Shipped("longley.csv"), "--target", "TOTEMP", "--model", "linear", "--engine", "reference", "--robust", "hc1");
        var standardised = Fit("--data", Shipped("longley.csv"), "--target", "TOTEMP", "--model", "linear", "--engine", "reference", "--robust", "hc1", "--standardize");

        var a = plain.GetProperty("fits")[0].GetProperty("inference");
        var b = standardised.GetProperty("fits")[0].GetProperty("inference");
        Close(Column(a, "standardError"), Column(b, "standardError"), 1e-8, "SE");
        Close(Column(a, "statistic"), Column(b, "statistic"), 1e-8, "t");
    }

    [Fact]
    public void TheTextReportHasTheTableAndTheStatistics()
    {
        var output = Tool.Run("fit", "--data", Shipped("longley.csv"), "--target", "TOTEMP", "--model", "linear", "--robust", "hc2", "--level", "0.99").Output;

        Assert.Contains("Coefficient table (reference: t on 9 degrees of freedom, HC2 robust standard errors, 99% intervals)", output);
        Assert.Contains("lower 99%", output);
        Assert.Contains("P>|t|", output);
        Assert.Contains("adjusted R²", output);
        Assert.Contains("F (6, 9 df)", output);
    }

    [Fact]
    public void APenalisedFitHasNoTable()
    {
        var json = Fit("--data", Tool.Example("exam.csv"), "--target", "result", "--model", "logistic", "--l2", "0.1");

        foreach (var fit in json.GetProperty("fits").EnumerateArray())
            Assert.Equal(JsonValueKind.Null, fit.GetProperty("inference").ValueKind);
    }

    [Theory]
    [InlineData(new[] { "--level", "1" }, "--level is 1")]
    [InlineData(new[] { "--level", "0" }, "--level is 0")]
    [InlineData(new[] { "--robust", "hc4" }, "hc4")]
    [InlineData(new[] { "--robust", "hc0", "--l2", "0.1" }, "a penalty")]
    public void BadInferenceOptionsAreOneLineAndExitCodeTwo(string[] options, string message)
    {
        var line = Tool.Run(["fit", "--data", Tool.Example("houses.csv"), "--target", "price", "--model", "linear", "--solver", "gd", .. options]).AssertBadInput();
        Assert.Contains(message, line);
    }

    [Fact]
    public void InferenceOptionsAreRefusedForTheMaxMarginModel()
    {
        var line = Tool.Run("fit", "--data", Tool.Example("separable.csv"), "--target", "class", "--model", "svm", "--robust", "hc0").AssertBadInput();
        Assert.Contains("--robust does not apply to --model svm", line);
    }
}
