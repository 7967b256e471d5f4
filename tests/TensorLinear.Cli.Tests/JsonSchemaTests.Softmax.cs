namespace TensorLinear.Cli.Tests;

// The --json document of fit --model softmax, against the tables of docs/cli.md ("fit --model softmax --json").
public partial class JsonSchemaTests
{
    private static readonly Dictionary<string, string> SoftmaxFit = new()
    {
        ["command"] = "string", ["data"] = "object", ["model"] = "string", ["solver"] = "string", ["options"] = "object",
        ["fits"] = "array", ["agreement"] = "object|null",
    };

    private static readonly Dictionary<string, string> SoftmaxData = new()
    {
        ["file"] = "string", ["rows"] = "number", ["target"] = "string", ["features"] = "array", ["classes"] = "array", ["referenceClass"] = "string", ["missing"] = "object|null", ["weights"] = "object|null",
    };

    private static readonly Dictionary<string, string> SoftmaxOptions = new()
    {
        ["l2"] = "number", ["maxIterations"] = "number|null", ["tolerance"] = "number|null", ["learningRate"] = "number|null",
    };

    private static readonly Dictionary<string, string> SoftmaxEngineFit = new()
    {
        ["engine"] = "string", ["method"] = "string", ["coefficients"] = "object", ["standardErrors"] = "object|null", ["loss"] = "number",
        ["iterations"] = "number", ["converged"] = "boolean", ["learningRate"] = "number|null", ["seconds"] = "number", ["metrics"] = "object",
    };

    private static readonly Dictionary<string, string> SoftmaxMetrics = new()
    {
        ["accuracy"] = "number", ["logLoss"] = "number", ["confusion"] = "array", ["perClass"] = "array", ["macro"] = "object", ["micro"] = "object",
    };

    private static readonly Dictionary<string, string> SoftmaxClassRates = new()
    {
        ["class"] = "string", ["precision"] = "number", ["recall"] = "number", ["f1"] = "number",
    };

    private static readonly Dictionary<string, string> SoftmaxAgreement = new()
    {
        ["maxDifference"] = "number", ["bound"] = "number", ["agrees"] = "boolean",
    };

    [Theory]
    [InlineData("newton")]
    [InlineData("gd")]
    public void FitOfASoftmaxModelHasTheDocumentedShape(string solver)
    {
        var json = Tool.Run("fit", "--data", Tool.Data("three-classes.csv"), "--target", "species", "--model", "softmax", "--solver", solver, "--json").Json();
        Matches(SoftmaxFit, json);
        Matches(SoftmaxData, json.GetProperty("data"));
        Matches(SoftmaxOptions, json.GetProperty("options"));
        Matches(SoftmaxAgreement, json.GetProperty("agreement"));
        foreach (var fit in json.GetProperty("fits").EnumerateArray())
        {
            Matches(SoftmaxEngineFit, fit);
            Matches(SoftmaxMetrics, fit.GetProperty("metrics"));
            foreach (var rates in fit.GetProperty("metrics").GetProperty("perClass").EnumerateArray()) Matches(SoftmaxClassRates, rates);
        }
    }

    [Fact]
    public void TheDocumentListsEverySoftmaxMember()
    {
        var document = File.ReadAllText(Path.Combine(Tool.Repository(), "docs", "cli.md"));
        var documented = Member().Matches(document).Select(m => m.Groups[1].Value).ToHashSet();
        var missing = new[] { SoftmaxFit, SoftmaxData, SoftmaxOptions, SoftmaxEngineFit, SoftmaxMetrics, SoftmaxClassRates, SoftmaxAgreement }
            .SelectMany(o => o.Keys).Distinct().Where(k => !documented.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "docs/cli.md does not document: " + string.Join(", ", missing));
    }
}
