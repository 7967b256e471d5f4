using System.Globalization;
using System.Text.Json;

namespace TensorLinear.Cli.Tests;

// fit --save and tensorlinear predict: a saved model predicts the training file's rows as fit measured them (the same
// metrics to the last bit), handles rows it has not seen, and refuses what it cannot encode with the line and column.
public sealed class PredictCommandTests : IDisposable
{
    private static readonly string Firms = Tool.Data("firms.csv");
    private readonly string _folder = Directory.CreateTempSubdirectory("tensorlinear-predict-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string InFolder(string name) => Path.Combine(_folder, name);

    private string SaveFirmsModel(params string[] more)
    {
        var model = InFolder("firms.json");
        var fit = Tool.Run(["fit", "--data", Firms, "--target", "invest", "--model", "linear", "--save", model, .. more]);
        Assert.True(fit.ExitCode == 0, fit.Error);
        return model;
    }

    [Fact]
    public void PredictingTheTrainingFileGivesTheFitsMetricsToTheLastBit()
    {
        var model = SaveFirmsModel("--engine", "reference");
        var fit = Tool.Run("fit", "--data", Firms, "--target", "invest", "--model", "linear", "--engine", "reference", "--json").Json();
        var predicted = Tool.Run("predict", "--model", model, "--data", Firms, "--json").Json();

        var trained = fit.GetProperty("fits")[0].GetProperty("metrics");
        var held = predicted.GetProperty("metrics");
        foreach (var metric in new[] { "rSquared", "rmse", "mae" })
            Assert.Equal(trained.GetProperty(metric).GetDouble(), held.GetProperty(metric).GetDouble());
        // each prediction is wᵀx + b with fit's coefficients, to rounding (the sum's order aside)
        var c = fit.GetProperty("fits")[0].GetProperty("coefficients");
        var rows = File.ReadAllLines(Firms).Skip(1).Select(l => l.Split(',')).ToArray();
        var predictions = predicted.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(rows.Length, predictions.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var expected = FirmsPrediction(c, rows[i][0], Number(rows[i][1]), Number(rows[i][2]));
            Assert.Equal(i + 2, predictions[i].GetProperty("line").GetInt32());
            Assert.Equal(expected, predictions[i].GetProperty("prediction").GetDouble(), 1e-12 * Math.Abs(expected));
        }
    }

    [Fact]
    public void NewRowsWithoutTheTargetGetPredictionsAndNoMetrics()
    {
        var model = SaveFirmsModel();
        var result = Tool.Run("predict", "--model", model, "--data", Tool.Data("firms-new.csv"));

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.TrimEnd().Split('\n');
        Assert.Equal("line,prediction", lines[0]);
        var c = JsonDocument.Parse(File.ReadAllText(model)).RootElement;
        string[][] rows = [["GM", "5", "1"], ["IBM", "12.5", "-2"], ["Ford", "0", "0"]];
        for (var i = 0; i < rows.Length; i++)
        {
            var cells = lines[i + 1].Split(',');
            Assert.Equal((i + 2).ToString(CultureInfo.InvariantCulture), cells[0]);
            var expected = SavedPrediction(c, rows[i][0], Number(rows[i][1]), Number(rows[i][2]));
            Assert.Equal(expected, Number(cells[1]), 1e-12 * Math.Max(1, Math.Abs(expected)));
        }
        // the summary is on stderr, out of the CSV's way
        Assert.Contains("Predicted 3 rows", result.Error);
        Assert.Contains("no column 'invest', so there are no metrics", result.Error);
    }

    [Fact]
    public void OutputWritesTheCsvToAFileAndTheSummaryToStdout()
    {
        var model = SaveFirmsModel();
        var output = InFolder("predictions.csv");
        var result = Tool.Run("predict", "--model", model, "--data", Firms, "--output", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(19, File.ReadAllLines(output).Length);
        Assert.Contains("Predicted 18 rows", result.Output);
        Assert.Contains("RMSE", result.Output);
    }

    [Fact]
    public void ALogisticModelPredictsProbabilitiesAndTheClassesLabels()
    {
        var model = InFolder("exam.json");
        var data = Tool.Data("yes-no.csv");
        Assert.Equal(0, Tool.Run("fit", "--data", data, "--target", "outcome", "--model", "logistic", "--save", model).ExitCode);
        var fit = Tool.Run("fit", "--data", data, "--target", "outcome", "--model", "logistic", "--json").Json();
        var predicted = Tool.Run("predict", "--model", model, "--data", data, "--json").Json();

        var rows = predicted.GetProperty("rows").EnumerateArray().ToArray();
        Assert.All(rows, r => Assert.Contains(r.GetProperty("class").GetString(), new[] { "yes", "no" }));
        Assert.All(rows, r => Assert.Equal(r.GetProperty("class").GetString() == "yes", r.GetProperty("probability").GetDouble() >= 0.5));
        var trained = fit.GetProperty("fits")[0].GetProperty("metrics");
        foreach (var metric in new[] { "accuracy", "logLikelihood", "rocAuc" })
            Assert.Equal(trained.GetProperty(metric).GetDouble(), predicted.GetProperty("metrics").GetProperty(metric).GetDouble());
    }

    [Fact]
    public void ALevelTheTrainingDataLackedIsRefusedWithItsLineAndColumn()
    {
        var model = SaveFirmsModel();
        var line = Tool.Run("predict", "--model", model, "--data", Tool.Data("firms-unseen.csv")).AssertBadInput();
        Assert.Contains("line 3, column 'firm': the level 'Apple' was not in the model's training data (its levels are Ford, GM, IBM)", line);
    }

    [Fact]
    public void ALabelThatIsNeitherClassIsRefusedWithItsLine()
    {
        var model = InFolder("exam.json");
        Assert.Equal(0, Tool.Run("fit", "--data", Tool.Data("yes-no.csv"), "--target", "outcome", "--model", "logistic", "--save", model).ExitCode);
        var data = InFolder("maybe.csv");
        File.WriteAllText(data, "hours,outcome\n1,no\n2,maybe\n");
        Assert.Contains("line 3, column 'outcome': the label 'maybe' is neither of the model's classes", Tool.Run("predict", "--model", model, "--data", data).AssertBadInput());
    }

    [Fact]
    public void FilesThatAreNotModelsOrWouldOverwriteAnInputAreRefused()
    {
        var model = SaveFirmsModel();
        Assert.Contains("no such file", Tool.Run("predict", "--model", InFolder("none.json"), "--data", Firms).AssertBadInput());
        Assert.Contains("is not JSON", Tool.Run("predict", "--model", Firms, "--data", Firms).AssertBadInput());
        Assert.Contains("is the input file", Tool.Run("predict", "--model", model, "--data", Firms, "--output", model).AssertBadInput());
        Assert.Contains("is the input file", Tool.Run("fit", "--data", Firms, "--target", "invest", "--model", "linear", "--save", Firms).AssertBadInput());
        Assert.Contains("there is no column 'firm'", Tool.Run("predict", "--model", model, "--data", Tool.Data("seed.csv")).AssertBadInput());
        var missing = Path.Combine(_folder, "no-such-folder", "m.json");
        Tool.Run("fit", "--data", Firms, "--target", "invest", "--model", "linear", "--save", missing).AssertOneLineFailure(4);
    }

    [Fact]
    public void SeparatedClassesHaveNoModelToSave()
    {
        var line = Tool.Run("fit", "--data", Tool.Example("separable.csv"), "--target", "class", "--model", "logistic", "--save", InFolder("m.json")).AssertBadInput();
        Assert.Contains("the classes are separated", line);
        Assert.False(File.Exists(InFolder("m.json")));
    }

    // ŷ for a row of firms.csv from fit --json's coefficients: Ford is the reference level.
    private static double FirmsPrediction(JsonElement c, string firm, double capital, double rate) =>
        (firm == "GM" ? c.GetProperty("firm[GM]").GetDouble() : 0) + (firm == "IBM" ? c.GetProperty("firm[IBM]").GetDouble() : 0)
        + c.GetProperty("capital").GetDouble() * capital + c.GetProperty("rate").GetDouble() * rate + c.GetProperty("intercept").GetDouble();

    // The same from the model file's weights (features firm[GM], firm[IBM], capital, rate).
    private static double SavedPrediction(JsonElement saved, string firm, double capital, double rate)
    {
        var w = saved.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(["firm[GM]", "firm[IBM]", "capital", "rate"], saved.GetProperty("encoding").GetProperty("features").EnumerateArray().Select(e => e.GetString()));
        return (firm == "GM" ? w[0] : 0) + (firm == "IBM" ? w[1] : 0) + w[2] * capital + w[3] * rate + saved.GetProperty("intercept").GetDouble();
    }

    private static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
