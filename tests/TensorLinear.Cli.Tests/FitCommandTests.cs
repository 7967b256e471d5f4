using System.Globalization;
using System.Text.Json;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Features;
using TensorLinear.Reference.LeastSquares;
using TensorLinear.Reference.Training;

namespace TensorLinear.Cli.Tests;

public class FitCommandTests
{
    private static readonly string Houses = Tool.Example("houses.csv");
    private static readonly string Exam = Tool.Example("exam.csv");
    private static readonly string Separable = Tool.Example("separable.csv");

    [Fact]
    public void LeastSquaresPrintsTheCoefficientsWithStandardErrorsAndTheFitsMetrics()
    {
        var result = Tool.Run("fit", "--data", Houses, "--target", "price", "--model", "linear");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        foreach (var text in new[] { "least squares (Householder QR)", "area", "rooms", "age", "intercept", "std. error", "R²", "RMSE", "MAE", "residual std. dev.", "agreement" })
            Assert.Contains(text, result.Output);
    }

    [Fact]
    public void JsonCoefficientsCarryEveryDigitOfTheReferenceFit()
    {
        // The JSON's numbers must round-trip: parsed back, they are the very doubles the reference computed.
        var json = Tool.Run("fit", "--data", Houses, "--target", "price", "--model", "linear", "--engine", "reference", "--json").Json();
        var data = DataSet.FromRows(
            [.. File.ReadLines(Houses).Skip(1).Select(l => l.Split(',').Take(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())],
            [.. File.ReadLines(Houses).Skip(1).Select(l => double.Parse(l.Split(',')[3], CultureInfo.InvariantCulture))],
            ["area", "rooms", "age"]);
        var expected = OrdinaryLeastSquares.Fit(data);

        var fit = json.GetProperty("fits")[0];
        var coefficients = fit.GetProperty("coefficients");
        Assert.Equal(expected.Coefficients[0], coefficients.GetProperty("area").GetDouble());
        Assert.Equal(expected.Coefficients[2], coefficients.GetProperty("age").GetDouble());
        Assert.Equal(expected.Intercept, coefficients.GetProperty("intercept").GetDouble());
        Assert.Equal(expected.StandardErrors[1], fit.GetProperty("standardErrors").GetProperty("rooms").GetDouble());
        Assert.Equal(expected.RSquared!.Value, fit.GetProperty("metrics").GetProperty("rSquared").GetDouble());
    }

    [Fact]
    public void BothEnginesAgreeOnLeastSquares()
    {
        var json = Tool.Run("fit", "--data", Houses, "--target", "price", "--model", "linear", "--json").Json();

        Assert.Equal(["reference", "torch"], json.GetProperty("fits").EnumerateArray().Select(f => f.GetProperty("engine").GetString()));
        Assert.True(json.GetProperty("agreement").GetProperty("maxRelativeDifference").GetDouble() < 1e-12);
        // libtorch's least squares returns the coefficients alone; the standard errors are the coefficient table's at each
        // engine's estimate, so they agree as the estimates do.
        var errors = json.GetProperty("fits").EnumerateArray().Select(f => f.GetProperty("standardErrors").GetProperty("area").GetDouble()).ToArray();
        Assert.Equal(errors[0], errors[1], errors[0] * 1e-12);
    }

    [Fact]
    public void NewtonOnLogisticDataReportsClassesStandardErrorsAndTheHessianCheck()
    {
        var json = Tool.Run("fit", "--data", Exam, "--target", "result", "--model", "logistic", "--json").Json();

        Assert.Equal("newton", json.GetProperty("solver").GetString());
        Assert.Equal("fail", json.GetProperty("data").GetProperty("classes").GetProperty("0").GetString());
        Assert.Equal("pass", json.GetProperty("data").GetProperty("classes").GetProperty("1").GetString());
        foreach (var fit in json.GetProperty("fits").EnumerateArray())
        {
            Assert.True(fit.GetProperty("converged").GetBoolean());
            Assert.Equal("none", fit.GetProperty("separation").GetProperty("kind").GetString());
            Assert.True(fit.GetProperty("standardErrors").GetProperty("hours").GetDouble() > 0);
            var metrics = fit.GetProperty("metrics");
            var matrix = metrics.GetProperty("confusionMatrix");
            var total = new[] { "truePositives", "falsePositives", "trueNegatives", "falseNegatives" }.Sum(k => matrix.GetProperty(k).GetInt32());
            Assert.Equal(40, total);
            Assert.InRange(metrics.GetProperty("rocAuc").GetDouble(), 0.5, 1.0);
            Assert.True(metrics.GetProperty("logLikelihood").GetDouble() < 0);
        }
        // Hand Hessian against double backward: a few roundings of the entries apart.
        Assert.True(json.GetProperty("hessianCheck").GetProperty("relativeDifference").GetDouble() < 1e-13);
        Assert.True(json.GetProperty("agreement").GetProperty("maxRelativeDifference").GetDouble() < 1e-12);
    }

    [Fact]
    public void SeparableClassesAreSaidToHaveNoMaximumLikelihoodEstimate()
    {
        var result = Tool.Run("fit", "--data", Separable, "--target", "class", "--model", "logistic");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("perfectly separable", result.Output);
        Assert.Contains("no maximum", result.Output);
        Assert.Contains("Separating hyperplane", result.Output);
        Assert.DoesNotContain("std. error", result.Output);
        Assert.Contains("the data are separable: `--model svm` gives the maximum-margin line", result.Output.Replace("\n", " "));
    }

    [Theory]
    [InlineData("newton")]
    [InlineData("gd")]
    public void SeparableClassesWithholdTheCoefficientsAndGiveASeparatingHyperplane(string solver)
    {
        var json = Tool.Run("fit", "--data", Separable, "--target", "class", "--model", "logistic", "--solver", solver, "--json").Json();

        foreach (var fit in json.GetProperty("fits").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.Null, fit.GetProperty("coefficients").ValueKind);
            Assert.Equal(JsonValueKind.Null, fit.GetProperty("standardErrors").ValueKind);
            var separation = fit.GetProperty("separation");
            Assert.Equal("complete", separation.GetProperty("kind").GetString());
            Assert.True(separation.GetProperty("margin").GetDouble() > 0);
            var plane = separation.GetProperty("hyperplane");
            double w1 = plane.GetProperty("weights").GetProperty("x1").GetDouble(), w2 = plane.GetProperty("weights").GetProperty("x2").GetDouble();
            var b = plane.GetProperty("intercept").GetDouble();
            Assert.Equal(1.0, Math.Sqrt(w1 * w1 + w2 * w2), 1e-12);
            // Every class-1 point on the positive side, every class-0 point on the negative side.
            foreach (var (x1, x2, y) in new[] { (5.0, 5.0, 1), (6.0, 6.0, 1), (7.0, 4.0, 1), (2.0, 4.0, 0), (3.0, 2.0, 0), (5.0, 1.0, 0) })
                Assert.True(y == 1 ? w1 * x1 + w2 * x2 + b > 0 : w1 * x1 + w2 * x2 + b < 0);
        }
    }

    [Fact]
    public void DescentOnSeparableClassesSaysItRanToItsLimitWithGrowingWeights()
    {
        var result = Tool.Run("fit", "--data", Separable, "--target", "class", "--model", "logistic", "--solver", "gd", "--epochs", "300");

        Assert.Contains("perfectly separable", result.Output);
        Assert.Contains("Gradient descent ran 300 epochs", result.Output);
    }

    [Fact]
    public void AnOverlapOnTheBoundaryIsReportedAsQuasiCompleteSeparation()
    {
        var result = Tool.Run("fit", "--data", Tool.Data("overlap.csv"), "--target", "class", "--model", "logistic", "--engine", "reference");

        Assert.Equal(0, result.ExitCode);
        var text = string.Join(' ', result.Output.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)); // sentences are wrapped
        Assert.Contains("quasi-completely separated", text);
        Assert.Contains("only 2 rows on it", text);
    }

    [Fact]
    public void ARidgePenaltyGivesFiniteEstimatesOnSeparableClasses()
    {
        var json = Tool.Run("fit", "--data", Separable, "--target", "class", "--model", "logistic", "--l2", "0.01", "--json").Json();

        foreach (var fit in json.GetProperty("fits").EnumerateArray())
        {
            Assert.True(fit.GetProperty("converged").GetBoolean());
            Assert.Equal(JsonValueKind.Object, fit.GetProperty("coefficients").ValueKind);
            Assert.Equal(JsonValueKind.Null, fit.GetProperty("separation").ValueKind);
        }
    }

    [Fact]
    public void APolynomialOfDegreeTwoNamesItsPowersAndMatchesLeastSquaresOnThem()
    {
        var cooling = Tool.Example("cooling.csv");
        var json = Tool.Run("fit", "--data", cooling, "--target", "temperature", "--model", "linear", "--degree", "2", "--engine", "reference", "--json").Json();
        var rows = File.ReadLines(cooling).Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var expected = OrdinaryLeastSquares.Fit(PolynomialFeatures.Of(DataSet.FromRows([.. rows.Select(r => new[] { r[0] })], [.. rows.Select(r => r[1])], ["minutes"]), 2));

        var coefficients = json.GetProperty("fits")[0].GetProperty("coefficients");
        Assert.Equal(["minutes", "minutes^2", "intercept"], coefficients.EnumerateObject().Select(p => p.Name));
        Assert.Equal(expected.Coefficients[1], coefficients.GetProperty("minutes^2").GetDouble());
    }

    [Fact]
    public void DescentOnStandardisedFeaturesReportsTheLeastSquaresCoefficientsInOriginalUnits()
    {
        var descent = Tool.Run("fit", "--data", Houses, "--target", "price", "--model", "linear", "--solver", "gd", "--standardize",
                               "--tol", "1e-10", "--epochs", "10000", "--json").Json();
        var exact = Tool.Run("fit", "--data", Houses, "--target", "price", "--model", "linear", "--engine", "reference", "--json").Json();

        var expected = exact.GetProperty("fits")[0].GetProperty("coefficients");
        foreach (var fit in descent.GetProperty("fits").EnumerateArray())
        {
            Assert.True(fit.GetProperty("converged").GetBoolean());
            foreach (var name in new[] { "area", "rooms", "age", "intercept" })
            {
                var e = expected.GetProperty(name).GetDouble();
                Assert.Equal(e, fit.GetProperty("coefficients").GetProperty(name).GetDouble(), 1e-7 * Math.Max(1, Math.Abs(e)));
            }
        }
    }

    [Fact]
    public void WithoutAnInterceptThereIsNoInterceptCoefficientAndRSquaredIsUncentred()
    {
        var result = Tool.Run("fit", "--data", Houses, "--target", "price", "--model", "linear", "--no-intercept");
        var json = Tool.Run("fit", "--data", Houses, "--target", "price", "--model", "linear", "--no-intercept", "--json").Json();

        Assert.Contains("R² (uncentred)", result.Output);
        Assert.False(json.GetProperty("fits")[0].GetProperty("coefficients").TryGetProperty("intercept", out _));
        Assert.False(json.GetProperty("options").GetProperty("intercept").GetBoolean());
    }

    [Fact]
    public void AutoLearningRateIsOneOverTheLipschitzBound()
    {
        var json = Tool.Run("fit", "--data", Exam, "--target", "result", "--model", "logistic", "--solver", "gd", "--engine", "reference", "--epochs", "5", "--json").Json();
        var data = Cli.Data.LoadedData.From(Cli.Data.CsvDataReader.Read(Exam, ',', TextReader.Null), "result", null, classes: true).Data;

        Assert.Equal("auto", json.GetProperty("options").GetProperty("learningRate").GetString());
        Assert.Equal(1.0 / LipschitzBound.Of(ModelKind.Logistic, data, Penalty.None), json.GetProperty("fits")[0].GetProperty("learningRate").GetDouble());
        Assert.Equal(6, json.GetProperty("fits")[0].GetProperty("lossHistory").GetArrayLength()); // the start and 5 epochs
    }

    [Fact]
    public void ALassoPenaltyRunsByProximalDescentOnBothEngines()
    {
        var json = Tool.Run("fit", "--data", Houses, "--target", "price", "--model", "linear", "--solver", "gd", "--standardize", "--l1", "5", "--json").Json();

        Assert.Equal(5.0, json.GetProperty("options").GetProperty("l1").GetDouble());
        Assert.True(json.GetProperty("agreement").GetProperty("maxRelativeDifference").GetDouble() < 1e-10);
    }

    [Theory]
    [InlineData("yes-no.csv", "outcome", "no", "yes")]
    [InlineData("one-two.csv", "group", "1", "2")]
    public void TwoLabelsAreMappedToZeroAndOneAndTheMappingIsReported(string file, string target, string zero, string one)
    {
        var result = Tool.Run("fit", "--data", Tool.Data(file), "--target", target, "--model", "logistic", "--engine", "reference");
        var json = Tool.Run("fit", "--data", Tool.Data(file), "--target", target, "--model", "logistic", "--engine", "reference", "--json").Json();

        Assert.Contains($"class 1 = '{one}', class 0 = '{zero}'", result.Output);
        Assert.Equal(zero, json.GetProperty("data").GetProperty("classes").GetProperty("0").GetString());
        Assert.Equal(one, json.GetProperty("data").GetProperty("classes").GetProperty("1").GetString());
    }
}
