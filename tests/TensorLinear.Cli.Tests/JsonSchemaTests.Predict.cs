using System.Text.Json;

namespace TensorLinear.Cli.Tests;

// The --json document of predict and the model file fit --save writes, against the tables of docs/cli.md.
public partial class JsonSchemaTests
{
    private static readonly Dictionary<string, string> Predict = new()
    {
        ["command"] = "string", ["model"] = "object", ["data"] = "string", ["missing"] = "object|null", ["withoutTarget"] = "array|null", ["rows"] = "array", ["metrics"] = "object|null",
    };

    private static readonly Dictionary<string, string> PredictModel = new()
    {
        ["file"] = "string", ["kind"] = "string", ["target"] = "string", ["features"] = "array", ["engine"] = "string",
    };

    private static readonly Dictionary<string, string> LinearRow = new() { ["line"] = "number", ["prediction"] = "number" };

    private static readonly Dictionary<string, string> LogisticRow = new() { ["line"] = "number", ["probability"] = "number", ["class"] = "string" };

    private static readonly Dictionary<string, string> ModelFileMembers = new()
    {
        ["format"] = "string", ["version"] = "number", ["model"] = "string", ["target"] = "string", ["engine"] = "string",
        ["classes"] = "array", ["encoding"] = "object", ["weights"] = "array", ["intercept"] = "number",
        ["fitIntercept"] = "boolean", ["standardization"] = "object|null",
    };

    private static readonly Dictionary<string, string> Encoding = new() { ["terms"] = "array", ["categorical"] = "array", ["features"] = "array" };

    private static readonly Dictionary<string, string> Levels = new() { ["column"] = "string", ["levels"] = "array" };

    private static readonly Dictionary<string, string> StandardizationMembers = new() { ["means"] = "array", ["scales"] = "array" };

    [Theory]
    [InlineData("firms.csv", "invest", "linear")]
    [InlineData("yes-no.csv", "outcome", "logistic")]
    public void PredictAndTheModelFileHaveTheDocumentedShape(string file, string target, string model)
    {
        var folder = Directory.CreateTempSubdirectory("tensorlinear-schema-").FullName;
        try
        {
            var saved = Path.Combine(folder, "m.json");
            Assert.Equal(0, Tool.Run("fit", "--data", Tool.Data(file), "--target", target, "--model", model, "--standardize", "--save", saved).ExitCode);
            using var document = JsonDocument.Parse(File.ReadAllText(saved));
            Matches(ModelFileMembers, document.RootElement);
            Matches(Encoding, document.RootElement.GetProperty("encoding"));
            foreach (var c in document.RootElement.GetProperty("encoding").GetProperty("categorical").EnumerateArray()) Matches(Levels, c);
            Matches(StandardizationMembers, document.RootElement.GetProperty("standardization"));

            var json = Tool.Run("predict", "--model", saved, "--data", Tool.Data(file), "--json").Json();
            Matches(Predict, json);
            Matches(PredictModel, json.GetProperty("model"));
            foreach (var row in json.GetProperty("rows").EnumerateArray()) Matches(model == "linear" ? LinearRow : LogisticRow, row);
            Matches(model == "linear" ? LinearMetrics : LogisticMetrics, json.GetProperty("metrics"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TheDocumentListsEveryPredictAndModelFileMember()
    {
        var document = File.ReadAllText(Path.Combine(Tool.Repository(), "docs", "cli.md"));
        var documented = Member().Matches(document).Select(m => m.Groups[1].Value).ToHashSet();
        var missing = new[] { Predict, PredictModel, LinearRow, LogisticRow, ModelFileMembers, Encoding, Levels, StandardizationMembers }
            .SelectMany(o => o.Keys).Distinct().Where(k => !documented.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "docs/cli.md does not document: " + string.Join(", ", missing));
    }
}
