using System.Xml.Linq;

namespace TensorLinear.Cli.Tests;

public class PlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Plot(params string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tensorlinear-{Guid.NewGuid():N}.svg");
        try
        {
            var result = Tool.Run(["fit", .. args, "--plot", path]);
            Assert.Equal(0, result.ExitCode);
            return XDocument.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TwoFeaturesGiveTheLossAndTheDataWithItsBoundaryAndHalfSpaces()
    {
        var svg = Plot("--data", Tool.Example("exam.csv"), "--target", "result", "--model", "logistic");
        var root = svg.Root!;

        Assert.Equal(Svg + "svg", root.Name);
        var texts = root.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains(texts, t => t.StartsWith("Loss per iteration"));
        Assert.Contains("Data and decision boundary", texts);
        Assert.Contains("side of class 1", texts);
        Assert.Equal(40, root.Descendants(Svg + "circle").Count(c => c.Element(Svg + "title") is not null)); // one point per row
        Assert.True(root.Descendants(Svg + "polygon").Count() >= 2); // the two half-spaces
        Assert.True(root.Descendants(Svg + "polyline").Count() >= 2); // the loss of each engine
    }

    [Fact]
    public void SeparatedClassesAreDrawnWithTheirSeparatingHyperplane()
    {
        var svg = Plot("--data", Tool.Example("separable.csv"), "--target", "class", "--model", "logistic");
        Assert.Contains("Data and a separating hyperplane", svg.Root!.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void OneFeatureGivesTheDataAgainstTheTargetWithTheFittedCurve()
    {
        var svg = Plot("--data", Tool.Example("cooling.csv"), "--target", "temperature", "--model", "linear", "--degree", "3");
        var texts = svg.Root!.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("Data and the fitted polynomial (degree 3)", texts);
        Assert.Contains("closed-form least squares: no epochs", texts);
    }

    [Fact]
    public void MoreThanTwoFeaturesGiveTheLossAlone()
    {
        var svg = Plot("--data", Tool.Example("houses.csv"), "--target", "price", "--model", "linear", "--solver", "gd", "--standardize");
        Assert.Equal("470", svg.Root!.Attribute("width")!.Value);
        Assert.DoesNotContain(svg.Root.Descendants(Svg + "text"), t => t.Value.StartsWith("Data"));
    }
}
