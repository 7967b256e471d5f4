using System.Text.Json;
using System.Text.RegularExpressions;

namespace TensorLinear.Cli.Tests;

/// <summary>
/// The --json documents have exactly the members docs/cli.md lists, of the documented kinds; and the document lists
/// every member, so that neither can change without the other.
/// </summary>
public partial class JsonSchemaTests
{
    // Each object of each document, by its path, with its members and their JSON kinds ("number|null" where a member
    // may be null). Keep in step with docs/cli.md.
    private static readonly Dictionary<string, string> Fit = new()
    {
        ["command"] = "string", ["data"] = "object", ["model"] = "string", ["solver"] = "string", ["options"] = "object",
        ["fits"] = "array", ["agreement"] = "object|null", ["hessianCheck"] = "object|null",
        ["warnings"] = "array",
    };

    private static readonly Dictionary<string, string> FitData = new()
    {
        ["file"] = "string", ["rows"] = "number", ["target"] = "string", ["features"] = "array", ["classes"] = "object|null",
        ["missing"] = "object|null", ["weights"] = "object|null",
    };

    // data.missing with --missing drop (null without it).
    private static readonly Dictionary<string, string> Missing = new() { ["dropped"] = "number", ["lines"] = "array" };

    // data.weights with --weights (null without it).
    private static readonly Dictionary<string, string> Weights = new() { ["column"] = "string", ["sum"] = "number" };

    private static readonly Dictionary<string, string> FitOptions = new()
    {
        ["intercept"] = "boolean", ["standardize"] = "boolean", ["degree"] = "number|null", ["l2"] = "number", ["l1"] = "number",
        ["learningRate"] = "number|string|null", ["epochs"] = "number|null", ["tolerance"] = "number|null",
        ["level"] = "number", ["robust"] = "string",
    };

    private static readonly Dictionary<string, string> EngineFit = new()
    {
        ["engine"] = "string", ["coefficients"] = "object|null", ["standardErrors"] = "object|null", ["loss"] = "number",
        ["lossHistory"] = "array", ["iterations"] = "number", ["stopReason"] = "string", ["converged"] = "boolean",
        ["learningRate"] = "number|null", ["seconds"] = "number", ["metrics"] = "object", ["separation"] = "object|null",
        ["inference"] = "object|null",
    };

    private static readonly Dictionary<string, string> Inference = new()
    {
        ["statistic"] = "string", ["degreesOfFreedom"] = "number|null", ["level"] = "number", ["robust"] = "string",
        ["table"] = "array", ["statistics"] = "object",
    };

    private static readonly Dictionary<string, string> TableRow = new()
    {
        ["name"] = "string", ["estimate"] = "number", ["standardError"] = "number", ["statistic"] = "number|null",
        ["pValue"] = "number|null", ["lower"] = "number", ["upper"] = "number",
    };

    private static readonly Dictionary<string, string> ModelStatistics = new()
    {
        ["rows"] = "number", ["parameters"] = "number", ["modelDegreesOfFreedom"] = "number", ["residualDegreesOfFreedom"] = "number",
        ["rSquared"] = "number|null", ["adjustedRSquared"] = "number|null", ["fStatistic"] = "number|null", ["fPValue"] = "number|null",
        ["logLikelihood"] = "number", ["nullLogLikelihood"] = "number", ["deviance"] = "number", ["nullDeviance"] = "number",
        ["aic"] = "number", ["bic"] = "number", ["pseudoRSquared"] = "number|null", ["likelihoodRatio"] = "number",
        ["likelihoodRatioPValue"] = "number",
    };

    private static readonly Dictionary<string, string> LinearMetrics = new()
    {
        ["rSquared"] = "number|null", ["rmse"] = "number", ["mae"] = "number", ["residualStandardDeviation"] = "number|null",
    };

    private static readonly Dictionary<string, string> LogisticMetrics = new()
    {
        ["accuracy"] = "number", ["precision"] = "number|null", ["recall"] = "number|null", ["f1"] = "number|null",
        ["rocAuc"] = "number|null", ["logLikelihood"] = "number", ["confusionMatrix"] = "object",
    };

    private static readonly Dictionary<string, string> Confusion = new()
    {
        ["truePositives"] = "number", ["falsePositives"] = "number", ["trueNegatives"] = "number", ["falseNegatives"] = "number",
    };

    private static readonly Dictionary<string, string> SeparationMembers = new()
    {
        ["kind"] = "string", ["hyperplane"] = "object|null", ["margin"] = "number|null", ["rowsOnHyperplane"] = "number|null",
    };

    private static readonly Dictionary<string, string> Hyperplane = new() { ["weights"] = "object", ["intercept"] = "number" };

    private static readonly Dictionary<string, string> AgreementMembers = new()
    {
        ["maxAbsoluteDifference"] = "number", ["maxRelativeDifference"] = "number", ["lossDifference"] = "number",
    };

    private static readonly Dictionary<string, string> HessianCheck = new()
    {
        ["maxAbsoluteDifference"] = "number", ["maxAbsoluteEntry"] = "number", ["relativeDifference"] = "number",
    };

    private static readonly Dictionary<string, string> Calc = new()
    {
        ["command"] = "string", ["operation"] = "string", ["description"] = "string", ["inputs"] = "object", ["value"] = "object", ["gradients"] = "object",
    };

    private static readonly Dictionary<string, string> Quantity = new()
    {
        ["reference"] = "number|array|null", ["torch"] = "number|array|null", ["difference"] = "number|null", ["declined"] = "string|null",
    };

    private static readonly Dictionary<string, string> Verify = new()
    {
        ["command"] = "string", ["cases"] = "number", ["seed"] = "number", ["passed"] = "boolean", ["seconds"] = "number",
        ["derivations"] = "array", ["summary"] = "object",
    };

    private static readonly Dictionary<string, string> Derivation = new()
    {
        ["name"] = "string", ["formula"] = "string", ["references"] = "array", ["twins"] = "array", ["input"] = "string", ["cases"] = "number", ["passed"] = "boolean", ["values"] = "object|null",
        ["gradients"] = "object|null", ["referenceVsTruth"] = "object|null", ["twinVsTruth"] = "object|null", ["forwardMode"] = "object|null",
        ["checks"] = "array", ["failures"] = "array",
    };

    private static readonly Dictionary<string, string> Worst = new()
    {
        ["check"] = "string", ["relativeError"] = "number|null", ["relativeBound"] = "number|null", ["element"] = "string|null", ["failures"] = "number",
    };

    private static readonly Dictionary<string, string> Check = new()
    {
        ["kind"] = "string", ["asked"] = "number", ["cases"] = "number", ["skipped"] = "number", ["skippedAtKink"] = "number", ["shortfall"] = "number",
        ["failures"] = "number", ["passed"] = "boolean",
    };

    private static readonly Dictionary<string, string> Summary = new()
    {
        ["derivations"] = "number", ["failedDerivations"] = "number", ["cases"] = "number", ["checks"] = "number",
    };

    private static readonly Dictionary<string, string> Engine = new()
    {
        ["command"] = "string", ["torchSharp"] = "string", ["libtorch"] = "string", ["mkl"] = "boolean|null", ["threads"] = "number",
        ["kernelThreads"] = "number", ["threadPolicy"] = "string", ["libStdCxxFix"] = "object", ["autograd"] = "object",
    };

    private static readonly Dictionary<string, string> LibStdCxxFix = new()
    {
        ["kind"] = "string", ["reason"] = "string", ["patchedCopy"] = "string|null",
    };

    private static readonly Dictionary<string, string> EngineAutograd = new()
    {
        ["norm"] = "number", ["gradient"] = "array", ["expected"] = "array", ["agrees"] = "boolean",
    };

    [Fact]
    public void EngineHasTheDocumentedShape()
    {
        var json = Tool.Run("engine", "--json").Json();
        Matches(Engine, json);
        Matches(LibStdCxxFix, json.GetProperty("libStdCxxFix"));
        Matches(EngineAutograd, json.GetProperty("autograd"));
        Assert.True(json.GetProperty("autograd").GetProperty("agrees").GetBoolean());
    }

    [Fact]
    public void FitOfALinearModelHasTheDocumentedShape()
    {
        var json = Tool.Run("fit", "--data", Tool.Example("houses.csv"), "--target", "price", "--model", "linear", "--json").Json();
        CheckFit(json, LinearMetrics);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("data").GetProperty("classes").ValueKind);
    }

    [Fact]
    public void FitOfALogisticModelHasTheDocumentedShape()
    {
        var json = Tool.Run("fit", "--data", Tool.Example("exam.csv"), "--target", "result", "--model", "logistic", "--json").Json();
        CheckFit(json, LogisticMetrics);
        Matches(HessianCheck, json.GetProperty("hessianCheck"));
        foreach (var fit in json.GetProperty("fits").EnumerateArray())
        {
            Matches(Confusion, fit.GetProperty("metrics").GetProperty("confusionMatrix"));
            Matches(SeparationMembers, fit.GetProperty("separation"));
        }
    }

    [Fact]
    public void FitOfSeparableClassesHasTheDocumentedShape()
    {
        var json = Tool.Run("fit", "--data", Tool.Example("separable.csv"), "--target", "class", "--model", "logistic", "--solver", "gd", "--epochs", "50", "--json").Json();
        CheckFit(json, LogisticMetrics);
        foreach (var fit in json.GetProperty("fits").EnumerateArray())
        {
            Matches(SeparationMembers, fit.GetProperty("separation"));
            Matches(Hyperplane, fit.GetProperty("separation").GetProperty("hyperplane"));
        }
    }

    [Theory]
    [InlineData("dot", "1,2", "3,4")]
    [InlineData("unit", "3,4", null)]
    public void CalcHasTheDocumentedShape(string operation, string x, string? y)
    {
        var json = Tool.Run(y is null ? ["calc", operation, x, "--json"] : ["calc", operation, x, y, "--json"]).Json();
        Matches(Calc, json);
        Matches(Quantity, json.GetProperty("value"));
        foreach (var gradient in json.GetProperty("gradients").EnumerateObject()) Matches(Quantity, gradient.Value);
    }

    [Fact]
    public void VerifyHasTheDocumentedShape()
    {
        var json = Tool.Run("verify", "--cases", "1", "--json").Json();
        Matches(Verify, json);
        Matches(Summary, json.GetProperty("summary"));
        foreach (var d in json.GetProperty("derivations").EnumerateArray())
        {
            Matches(Derivation, d);
            foreach (var name in new[] { "values", "gradients", "referenceVsTruth", "twinVsTruth", "forwardMode" })
                if (d.GetProperty(name).ValueKind != JsonValueKind.Null) Matches(Worst, d.GetProperty(name));
            foreach (var c in d.GetProperty("checks").EnumerateArray()) Matches(Check, c);
        }
    }

    [Fact]
    public void TheDocumentListsEveryMember()
    {
        var document = File.ReadAllText(Path.Combine(Tool.Repository(), "docs", "cli.md"));
        var documented = Member().Matches(document).Select(m => m.Groups[1].Value).ToHashSet();
        var all = new[] { Engine, LibStdCxxFix, EngineAutograd, Fit, FitData, Missing, Weights, FitOptions, EngineFit, Inference, TableRow, ModelStatistics, LinearMetrics, LogisticMetrics, Confusion, SeparationMembers, Hyperplane, AgreementMembers, HessianCheck, Calc, Quantity, Verify, Derivation, Worst, Check, Summary };
        var missing = all.SelectMany(o => o.Keys).Distinct().Where(k => !documented.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "docs/cli.md does not document: " + string.Join(", ", missing));
    }

    [Fact]
    public void FitDroppingMissingValuesHasTheDocumentedShape()
    {
        var json = Tool.RunWithInput("x,y\n1,2\n2,NA\n3,5\n4,7\n,1\n", "fit", "--data", "-", "--target", "y", "--model", "linear", "--missing", "drop", "--json").Json();
        CheckFit(json, LinearMetrics);
        Assert.Equal(JsonValueKind.Object, json.GetProperty("data").GetProperty("missing").ValueKind);
    }

    [Fact]
    public void FitWithSampleWeightsHasTheDocumentedShape()
    {
        var json = Tool.RunWithInput("x,y,w\n1,2,1\n2,3,2\n3,5,1\n4,7,0.5\n", "fit", "--data", "-", "--target", "y", "--model", "linear", "--weights", "w", "--json").Json();
        CheckFit(json, LinearMetrics);
        Assert.Equal(JsonValueKind.Object, json.GetProperty("data").GetProperty("weights").ValueKind);
    }

    private static void CheckFit(JsonElement json, Dictionary<string, string> metrics)
    {
        Matches(Fit, json);
        Matches(FitData, json.GetProperty("data"));
        if (json.GetProperty("data").GetProperty("missing").ValueKind != JsonValueKind.Null) Matches(Missing, json.GetProperty("data").GetProperty("missing"));
        if (json.GetProperty("data").GetProperty("weights").ValueKind != JsonValueKind.Null) Matches(Weights, json.GetProperty("data").GetProperty("weights"));
        Matches(FitOptions, json.GetProperty("options"));
        if (json.GetProperty("agreement").ValueKind != JsonValueKind.Null) Matches(AgreementMembers, json.GetProperty("agreement"));
        foreach (var fit in json.GetProperty("fits").EnumerateArray())
        {
            Matches(EngineFit, fit);
            Matches(metrics, fit.GetProperty("metrics"));
            if (fit.GetProperty("inference").ValueKind == JsonValueKind.Null) continue;
            Matches(Inference, fit.GetProperty("inference"));
            Matches(ModelStatistics, fit.GetProperty("inference").GetProperty("statistics"));
            foreach (var row in fit.GetProperty("inference").GetProperty("table").EnumerateArray()) Matches(TableRow, row);
        }
    }

    // Exactly the members listed, each of one of its listed kinds.
    private static void Matches(Dictionary<string, string> schema, JsonElement element)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        var members = element.EnumerateObject().ToList();
        Assert.Equal(schema.Keys.OrderBy(k => k), members.Select(m => m.Name).OrderBy(k => k));
        foreach (var member in members)
        {
            var kind = member.Value.ValueKind switch
            {
                JsonValueKind.True or JsonValueKind.False => "boolean",
                var k => k.ToString().ToLowerInvariant(),
            };
            Assert.True(schema[member.Name].Split('|').Contains(kind), $"{member.Name} is {kind}, documented as {schema[member.Name]}");
        }
    }

    // A member documented in docs/cli.md: its name in backticks in the first column of a schema table.
    [GeneratedRegex(@"^\|\s*`([A-Za-z0-9]+)`", RegexOptions.Multiline)]
    private static partial Regex Member();
}
