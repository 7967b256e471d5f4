using System.Text.Json;
using System.Xml.Linq;

namespace TensorLinear.Cli.Tests;

// fit --model svm on the seed's six points (Data/seed.csv, labels 1 and 2: label 2 is the +1 side). By hand (see the
// Reference tests' SeedPoints): the line 4 − (x1 + x2)/2 = 0, w = −(1, 1)/2, b = 4, margin √2, support vectors 0, 1, 5.
public class SvmFitCommandTests
{
    private static readonly string Seed = Tool.Data("seed.csv");

    [Fact]
    public void TheSeedsMaximumMarginLineIsPrintedWithItsMarginAndSupportVectors()
    {
        var result = Tool.Run("fit", "--data", Seed, "--target", "label", "--model", "svm");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        foreach (var text in new[] { "hard margin: minimise", "(+1 = '2', −1 = '1')", "−0.5·x1 − 0.5·x2 + 4 = 0", "1/‖w‖ = 1.414213562", "rows 0, 1, 5", "support vector", "duality gap", "agreement", "within the derived bound" })
            Assert.Contains(text, result.Output);
    }

    [Fact]
    public void JsonGivesBothEnginesTheHandDerivedLineAndTheirAgreement()
    {
        var json = Tool.Run("fit", "--data", Seed, "--target", "label", "--model", "svm", "--json").Json();

        Assert.Equal("svm", json.GetProperty("model").GetString());
        Assert.Equal("hard", json.GetProperty("options").GetProperty("margin").GetString());
        Assert.Equal("2", json.GetProperty("data").GetProperty("classes").GetProperty("+1").GetString());
        var fits = json.GetProperty("fits").EnumerateArray().ToArray();
        Assert.Equal(["reference", "torch"], fits.Select(f => f.GetProperty("engine").GetString()));
        foreach (var fit in fits)
        {
            var c = fit.GetProperty("coefficients");
            Assert.Equal(-0.5, c.GetProperty("x1").GetDouble(), 1e-14);
            Assert.Equal(-0.5, c.GetProperty("x2").GetDouble(), 1e-14);
            Assert.Equal(4.0, c.GetProperty("intercept").GetDouble(), 1e-13);
            Assert.Equal(Math.Sqrt(2), fit.GetProperty("margin").GetDouble(), 1e-14);
            Assert.Equal([0, 1, 5], fit.GetProperty("supportVectors").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal(-Math.Sqrt(2), fit.GetProperty("signedDistances")[0].GetDouble(), 1e-13);
            Assert.True(fit.GetProperty("polished").GetBoolean());
            Assert.True(fit.GetProperty("kkt").GetProperty("stationarity").GetDouble() < 1e-14);
        }
        Assert.True(json.GetProperty("agreement").GetProperty("agrees").GetBoolean());
    }

    [Fact]
    public void TheSoftMarginRunsOnDataWithoutAHardMargin()
    {
        var overlap = Tool.Data("overlap.csv"); // x = 0 in both classes
        Tool.Run("fit", "--data", overlap, "--target", "class", "--model", "svm").AssertBadInput();
        var json = Tool.Run("fit", "--data", overlap, "--target", "class", "--model", "svm", "--C", "2", "--json").Json();
        Assert.Equal("soft", json.GetProperty("options").GetProperty("margin").GetString());
        Assert.Equal(2.0, json.GetProperty("options").GetProperty("C").GetDouble());
        foreach (var fit in json.GetProperty("fits").EnumerateArray())
            Assert.True(Math.Abs(fit.GetProperty("kkt").GetProperty("relativeDualityGap").GetDouble()) < 1e-12);
    }

    [Fact]
    public void TheHardMarginOnNonSeparableDataSaysSoAndPointsToTheSoftMargin()
    {
        var message = Tool.Run("fit", "--data", Tool.Data("overlap.csv"), "--target", "class", "--model", "svm", "--engine", "reference").AssertBadInput();
        Assert.Contains("not linearly separable", message);
        Assert.Contains("--margin soft", message);
    }

    [Theory]
    [InlineData("--l2", "1")]
    [InlineData("--solver", "gd")]
    [InlineData("--standardize")]
    public void OptionsOfTheOtherModelsAreRefused(params string[] option) =>
        Assert.Contains("does not apply to --model svm", Tool.Run(["fit", "--data", Seed, "--target", "label", "--model", "svm", .. option]).AssertBadInput());

    [Fact]
    public void CWithTheHardMarginOrWithoutSvmIsRefused()
    {
        Tool.Run("fit", "--data", Seed, "--target", "label", "--model", "svm", "--margin", "hard", "--C", "1").AssertBadInput();
        Tool.Run("fit", "--data", Seed, "--target", "label", "--model", "logistic", "--C", "1").AssertBadInput();
        Tool.Run("fit", "--data", Seed, "--target", "label", "--model", "svm", "--margin", "soft", "--C", "0").AssertBadInput();
    }

    [Fact]
    public void ThreeLabelsAreRefused() =>
        Tool.Run("fit", "--data", Tool.Data("three-labels.csv"), "--target", "grade", "--model", "svm").AssertBadInput();

    [Fact]
    public void ThePlotHasTheLineTheMarginBandAndTheSupportVectors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tensorlinear-{Guid.NewGuid():N}.svg");
        try
        {
            Assert.Equal(0, Tool.Run("fit", "--data", Seed, "--target", "label", "--model", "svm", "--plot", path).ExitCode);
            XNamespace svg = "http://www.w3.org/2000/svg";
            var texts = XDocument.Load(path).Root!.Descendants(svg + "text").Select(t => t.Value.Trim()).ToList();
            foreach (var text in new[] { "support vectors", "wᵀx + b = ±1", "margin band |wᵀx + b| < 1", "wᵀx + b = 0 (reference)", "torch" })
                Assert.Contains(text, texts);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
