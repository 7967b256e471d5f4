using System.Globalization;

namespace TensorLinear.Cli.Tests;

// fit with a categorical column (one indicator per level but the reference) against the within-group closed form, and
// with --terms against the same columns written out in the file: the same matrix, so the same coefficients to the bit.
public class FeatureTermsTests
{
    private static readonly string Firms = Tool.Data("firms.csv");

    [Fact]
    public void ACategoricalColumnIsFittedAsIndicatorsAsTheWithinGroupClosedFormSays()
    {
        var json = Tool.Run("fit", "--data", Firms, "--target", "invest", "--features", "firm,capital", "--model", "linear", "--json").Json();
        var rows = File.ReadAllLines(Firms).Skip(1).Select(l => l.Split(',')).Select(c => (Firm: c[0], X: Number(c[1]), Y: Number(c[3]))).ToArray();
        // y = b + d_firm + βx: β is the pooled within-firm slope, b the reference firm's (Ford) intercept, d each other
        // firm's intercept less b
        var groups = rows.GroupBy(r => r.Firm).ToDictionary(g => g.Key, g => (X: g.Average(r => r.X), Y: g.Average(r => r.Y)));
        var beta = rows.Sum(r => (r.X - groups[r.Firm].X) * (r.Y - groups[r.Firm].Y)) / rows.Sum(r => Math.Pow(r.X - groups[r.Firm].X, 2));
        double Intercept(string firm) => groups[firm].Y - beta * groups[firm].X;

        foreach (var fit in json.GetProperty("fits").EnumerateArray())
        {
            var c = fit.GetProperty("coefficients");
            Assert.Equal(beta, c.GetProperty("capital").GetDouble(), 1e-12 * Math.Abs(beta));
            Assert.Equal(Intercept("Ford"), c.GetProperty("intercept").GetDouble(), 1e-11);
            Assert.Equal(Intercept("GM") - Intercept("Ford"), c.GetProperty("firm[GM]").GetDouble(), 1e-11);
            Assert.Equal(Intercept("IBM") - Intercept("Ford"), c.GetProperty("firm[IBM]").GetDouble(), 1e-11);
        }
    }

    [Fact]
    public void TermsGiveTheFitOfTheSameColumnsWrittenOut()
    {
        var terms = Tool.Run("fit", "--data", Firms, "--target", "invest", "--model", "linear", "--engine", "reference", "--json",
            "--terms", "firm + capital + rate + capital:rate + capital^2").Json();
        var written = Tool.Run("fit", "--data", Tool.Data("firms-expanded.csv"), "--target", "invest", "--model", "linear", "--engine", "reference", "--json").Json();

        var a = terms.GetProperty("fits")[0].GetProperty("coefficients").EnumerateObject().ToArray();
        var b = written.GetProperty("fits")[0].GetProperty("coefficients").EnumerateObject().ToArray();
        Assert.Equal(["firm[GM]", "firm[IBM]", "capital", "rate", "capital:rate", "capital^2", "intercept"], a.Select(p => p.Name));
        Assert.Equal(b.Select(p => p.Value.GetDouble()), a.Select(p => p.Value.GetDouble()));
    }

    [Fact]
    public void DegreeIsThePowersOfTheOneFeature()
    {
        var degree = Tool.Run("fit", "--data", Firms, "--target", "invest", "--features", "capital", "--degree", "3", "--model", "linear", "--json").Json();
        var terms = Tool.Run("fit", "--data", Firms, "--target", "invest", "--terms", "capital + capital^2 + capital^3", "--model", "linear", "--json").Json();
        Assert.Equal(terms.GetProperty("fits")[0].GetProperty("coefficients").ToString(), degree.GetProperty("fits")[0].GetProperty("coefficients").ToString());
    }

    [Theory]
    [InlineData("capital +", "--terms 'capital +': nothing before or after a '+'")]
    [InlineData("capital + profit", "there is no column 'profit'")]
    [InlineData("firm^2", "raise the categorical column 'firm' to 2")]
    public void TermsThatCannotBeFittedAreRefused(string formula, string problem)
    {
        var line = Tool.Run("fit", "--data", Firms, "--target", "invest", "--model", "linear", "--terms", formula).AssertBadInput();
        Assert.Contains(problem, line);
    }

    [Fact]
    public void TermsAndFeaturesTogetherAreRefused() =>
        Assert.Contains("cannot be combined with --features", Tool.Run("fit", "--data", Firms, "--target", "invest", "--model", "linear", "--terms", "capital", "--features", "capital").AssertBadInput());

    [Fact]
    public void ANumericColumnCanBeReadAsLabels()
    {
        var json = Tool.Run("fit", "--data", Tool.Data("firms-expanded.csv"), "--target", "invest", "--features", "gm,capital", "--categorical", "gm", "--model", "linear", "--json").Json();
        Assert.True(json.GetProperty("fits")[0].GetProperty("coefficients").TryGetProperty("gm[1]", out _));
        Assert.Contains("--categorical names 'rate', which is not a feature",
            Tool.Run("fit", "--data", Firms, "--target", "invest", "--features", "capital", "--categorical", "rate", "--model", "linear").AssertBadInput());
    }

    private static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
