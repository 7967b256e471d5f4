namespace TensorLinear.Cli.Tests;

// The --json document of fit --model svm, against the tables of docs/cli.md ("fit --model svm --json").
public partial class JsonSchemaTests
{
    private static readonly Dictionary<string, string> SvmFit = new()
    {
        ["command"] = "string", ["data"] = "object", ["model"] = "string", ["solver"] = "string", ["options"] = "object",
        ["fits"] = "array", ["agreement"] = "object|null", ["warnings"] = "array",
    };

    // fit's data object without weights, which --model svm refuses.
    private static Dictionary<string, string> SvmData => FitData.Where(m => m.Key != "weights").ToDictionary(); // a property: the parts' static fields initialise in no set order

    private static readonly Dictionary<string, string> SvmOptions = new()
    {
        ["margin"] = "string", ["C"] = "number|null", ["tolerance"] = "number", ["maxIterations"] = "number",
    };

    private static readonly Dictionary<string, string> SvmEngineFit = new()
    {
        ["engine"] = "string", ["coefficients"] = "object", ["margin"] = "number", ["geometricMargin"] = "number",
        ["supportVectors"] = "array", ["signedDistances"] = "array", ["alphas"] = "array", ["kkt"] = "object",
        ["iterations"] = "number", ["polished"] = "boolean", ["conditionNumber"] = "number|null", ["seconds"] = "number",
    };

    private static readonly Dictionary<string, string> SvmKkt = new()
    {
        ["primalFeasibility"] = "number", ["dualFeasibility"] = "number", ["complementarySlackness"] = "number",
        ["stationarity"] = "number", ["biasStationarity"] = "number", ["primalObjective"] = "number",
        ["dualObjective"] = "number", ["relativeDualityGap"] = "number",
    };

    private static readonly Dictionary<string, string> SvmAgreement = new()
    {
        ["maxRelativeDifference"] = "number", ["bound"] = "number", ["agrees"] = "boolean",
    };

    [Theory]
    [InlineData("hard")]
    [InlineData("soft")]
    public void FitOfAnSvmHasTheDocumentedShape(string margin)
    {
        var json = Tool.Run("fit", "--data", Tool.Data("seed.csv"), "--target", "label", "--model", "svm", "--margin", margin, "--json").Json();
        Matches(SvmFit, json);
        Matches(SvmData, json.GetProperty("data"));
        Matches(SvmOptions, json.GetProperty("options"));
        Matches(SvmAgreement, json.GetProperty("agreement"));
        foreach (var fit in json.GetProperty("fits").EnumerateArray())
        {
            Matches(SvmEngineFit, fit);
            Matches(SvmKkt, fit.GetProperty("kkt"));
        }
    }

    [Fact]
    public void TheDocumentListsEverySvmMember()
    {
        var document = File.ReadAllText(Path.Combine(Tool.Repository(), "docs", "cli.md"));
        var documented = Member().Matches(document).Select(m => m.Groups[1].Value).ToHashSet();
        var missing = new[] { SvmFit, SvmEngineFit, SvmKkt }.SelectMany(o => o.Keys).Distinct().Where(k => !documented.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "docs/cli.md does not document: " + string.Join(", ", missing));
    }
}
