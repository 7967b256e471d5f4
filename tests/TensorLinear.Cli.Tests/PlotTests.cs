using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace TensorLinear.Cli.Tests;

/// <summary>
/// The plot of <c>fit --plot</c>, drawn by ScottPlot: its panels (read back from the SVG's text), the format from the
/// extension, and a bounded size and time whatever the data's rows or ranges.
/// </summary>
public class PlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Plot(params string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tensorlinear-{Guid.NewGuid():N}.svg");
        try
        {
            var result = Tool.Run(["fit", .. args, "--plot", path]);
            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Equal("", result.Error);
            return XDocument.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static List<string> Texts(XDocument svg) => [.. svg.Root!.Descendants(Svg + "text").Select(t => t.Value.Trim())];

    [Fact]
    public void TwoFeaturesGiveTheLossAndTheDataWithItsBoundaryAndHalfSpaces()
    {
        var svg = Plot("--data", Tool.Example("exam.csv"), "--target", "result", "--model", "logistic");
        var texts = Texts(svg);
        Assert.Equal(Svg + "svg", svg.Root!.Name);
        Assert.Contains(texts, t => t.StartsWith("Loss per iteration"));
        Assert.Contains("Data and decision boundary", texts);
        Assert.Contains("side of class 1", texts);
        Assert.Contains("side of class 0", texts);
        Assert.Contains(texts, t => t.StartsWith("reference (") && t.EndsWith("iterations)"));
        Assert.Contains(texts, t => t.StartsWith("torch ("));
        Assert.Contains("class 1 ('pass')", texts);
        Assert.Equal(2 * 560.0, double.Parse(svg.Root.Attribute("width")!.Value, CultureInfo.InvariantCulture)); // two panels
    }

    [Fact]
    public void SeparatedClassesAreDrawnWithTheirSeparatingHyperplane() =>
        Assert.Contains("Data and a separating hyperplane", Texts(Plot("--data", Tool.Example("separable.csv"), "--target", "class", "--model", "logistic")));

    [Fact]
    public void OneFeatureGivesTheDataAgainstTheTargetWithTheFittedCurve()
    {
        var texts = Texts(Plot("--data", Tool.Example("cooling.csv"), "--target", "temperature", "--model", "linear", "--degree", "3"));
        Assert.Contains("Data and the fitted polynomial (degree 3)", texts);
        Assert.Contains("closed-form least squares: no epochs", texts);
        Assert.Contains("above the fit", texts);
    }

    [Fact]
    public void MoreThanTwoFeaturesGivePredictedAgainstActualAndResiduals()
    {
        var texts = Texts(Plot("--data", Tool.Example("houses.csv"), "--target", "price", "--model", "linear", "--solver", "gd", "--standardize"));
        Assert.Contains("Fitted against actual values (reference)", texts);
        Assert.Contains("Residuals y − ŷ against ŷ (reference)", texts);
        Assert.Contains("loss (log scale)", texts);
    }

    [Fact]
    public void APngNameGivesAPng()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tensorlinear-{Guid.NewGuid():N}.PNG");
        try
        {
            Assert.Equal(0, Tool.Run("fit", "--data", Tool.Example("exam.csv"), "--target", "result", "--model", "logistic", "--plot", path).ExitCode);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(path)[..4]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // Ranges that are tiny but not zero once made the hand-written tick loop step below an ulp and never end.
    [Theory]
    [InlineData("houses.csv", "price", "--solver gd --lr 1e-300")]
    [InlineData("houses.csv", "price", "--solver gd --epochs 0")]
    [InlineData("houses.csv", "price", "--solver gd --tol 1e6")]
    [InlineData("near-constant-target.csv", "y", "--solver qr")]
    public void ATinyPlottedRangeIsDrawnAtOnce(string file, string target, string options)
    {
        var data = file == "houses.csv" ? Tool.Example(file) : Tool.Data(file);
        var clock = Stopwatch.StartNew();
        var texts = Texts(Plot(["--data", data, "--target", target, "--model", "linear", .. options.Split(' ')]));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Contains(texts, t => t.StartsWith("Loss"));
    }

    [Fact]
    public void ManyRowsAreDrawnAsASampleOfBoundedSize()
    {
        var directory = Directory.CreateTempSubdirectory("tensorlinear-");
        try
        {
            var data = Path.Combine(directory.FullName, "many.csv");
            var csv = new StringBuilder("x1,x2,y\n");
            var random = new Random(3);
            const int Rows = 20_000;
            for (var i = 0; i < Rows; i++)
            {
                double a = random.NextDouble(), b = random.NextDouble();
                csv.Append(CultureInfo.InvariantCulture, $"{a},{b},{2 * a - b + 0.1 * random.NextDouble()}\n");
            }
            File.WriteAllText(data, csv.ToString());
            var plot = Path.Combine(directory.FullName, "many.svg");
            Assert.Equal(0, Tool.Run("fit", "--data", data, "--target", "y", "--model", "linear", "--engine", "reference", "--plot", plot).ExitCode);
            // 2,000 points at about 100 bytes each, and the rest of the picture: far below one point per row.
            Assert.InRange(new FileInfo(plot).Length, 1, 600_000);
            Assert.Contains("(2,000 of 20,000 rows, sampled)", string.Join("\n", Texts(XDocument.Load(plot))));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("svg")]
    [InlineData("png")]
    public void AsAProcessAPlotLeavesStderrEmpty(string format)
    {
        // Skia's native code writes to the process's stderr directly (the SVG writer did, for each dashed line), which
        // an in-process run cannot see.
        var path = Path.Combine(Path.GetTempPath(), $"tensorlinear-{Guid.NewGuid():N}.{format}");
        try
        {
            var result = Tool.RunProcess("fit", "--data", Tool.Example("exam.csv"), "--target", "result", "--model", "logistic", "--solver", "gd", "--plot", path);
            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Equal("", result.Error);
            Assert.True(new FileInfo(path).Length > 1000);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
