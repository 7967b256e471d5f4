using System.Text.Json;

namespace TensorLinear.Cli.Tests;

// fit --model softmax on Data/three-classes.csv (30 rows, features x1, x2, labels setosa/versicolor/virginica, every
// pair of classes overlapping) and on small files whose answers are known.
public class SoftmaxFitCommandTests
{
    private static readonly string Three = Tool.Data("three-classes.csv");

    [Fact]
    public void TheTextReportNamesTheReferenceClassAndGivesEveryMetric()
    {
        var result = Tool.Run("fit", "--data", Three, "--target", "species", "--model", "softmax");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        foreach (var text in new[] { "3 classes 0 = 'setosa', 1 = 'versicolor', 2 = 'virginica'", "reference category", "versicolor: x1", "virginica: intercept",
                                     "std. error", "Confusion matrix", "true \\ predicted", "precision", "recall", "F1", "macro average", "micro average",
                                     "log-loss", "accuracy", "within the derived bound" })
            Assert.Contains(text, result.Output);
    }

    [Fact]
    public void JsonHoldsTheConfusionMatrixWhoseCountsMakeTheMetrics()
    {
        var json = Tool.Run("fit", "--data", Three, "--target", "species", "--model", "softmax", "--json").Json();

        Assert.Equal("softmax", json.GetProperty("model").GetString());
        Assert.Equal("setosa", json.GetProperty("data").GetProperty("referenceClass").GetString());
        var fits = json.GetProperty("fits").EnumerateArray().ToArray();
        Assert.Equal(["reference", "torch"], fits.Select(f => f.GetProperty("engine").GetString()));
        foreach (var fit in fits)
        {
            Assert.True(fit.GetProperty("converged").GetBoolean());
            var metrics = fit.GetProperty("metrics");
            var confusion = metrics.GetProperty("confusion").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetInt32()).ToArray()).ToArray();
            Assert.Equal(30, confusion.Sum(r => r.Sum()));
            Assert.All(confusion, row => Assert.Equal(10, row.Sum())); // ten rows of each class
            // accuracy = trace/n, recall of class c = its diagonal count / its row's, precision = / its column's
            Assert.Equal(Enumerable.Range(0, 3).Sum(c => confusion[c][c]) / 30.0, metrics.GetProperty("accuracy").GetDouble(), 1e-15);
            var perClass = metrics.GetProperty("perClass").EnumerateArray().ToArray();
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(confusion[c][c] / 10.0, perClass[c].GetProperty("recall").GetDouble(), 1e-15);
                Assert.Equal(confusion[c][c] / (double)confusion.Sum(r => r[c]), perClass[c].GetProperty("precision").GetDouble(), 1e-15);
            }
            Assert.Equal(metrics.GetProperty("accuracy").GetDouble(), metrics.GetProperty("micro").GetProperty("f1").GetDouble());
            // No penalty, so the loss is the log-loss: the engine's and the reference's evaluations of one formula, each within
            // γ_{n+d+k+8}(1 + 4Z + ℓ) ≈ 5e-14 here (TolerancePolicy.SoftmaxLoss).
            Assert.Equal(fit.GetProperty("loss").GetDouble(), metrics.GetProperty("logLoss").GetDouble(), 1e-13);
        }
        Assert.True(json.GetProperty("agreement").GetProperty("agrees").GetBoolean());
    }

    [Fact]
    public void WithTwoNumericLabelsTheCoefficientsAreTheLogisticFits()
    {
        // Labels 0 and 1: class 0 is the reference, so class 1's block is logistic regression's (w, b).
        var softmax = Tool.Run("fit", "--data", Tool.Data("two-numbers.csv"), "--target", "y", "--model", "softmax", "--engine", "reference", "--json").Json();
        var logistic = Tool.Run("fit", "--data", Tool.Data("two-numbers.csv"), "--target", "y", "--model", "logistic", "--engine", "reference", "--json").Json();

        var s = softmax.GetProperty("fits")[0].GetProperty("coefficients");
        var l = logistic.GetProperty("fits")[0].GetProperty("coefficients");
        // Both Newton runs stop after a decrement ≤ 1e-10, quadratic convergence leaving the solve's rounding: 1e-10 is loose.
        Assert.Equal(l.GetProperty("x").GetDouble(), s.GetProperty("1: x").GetDouble(), 1e-10);
        Assert.Equal(l.GetProperty("intercept").GetDouble(), s.GetProperty("1: intercept").GetDouble(), 1e-10);
    }

    [Fact]
    public void GradientDescentOnTheTorchEngineGivesNewtonsCoefficients()
    {
        var newton = Tool.Run("fit", "--data", Three, "--target", "species", "--model", "softmax", "--engine", "reference", "--json").Json();
        var gd = Tool.Run("fit", "--data", Three, "--target", "species", "--model", "softmax", "--engine", "torch", "--solver", "gd", "--epochs", "100000", "--tol", "1e-10", "--json").Json();

        var fit = gd.GetProperty("fits")[0];
        Assert.Equal("gd", fit.GetProperty("method").GetString());
        Assert.True(fit.GetProperty("converged").GetBoolean());
        var a = newton.GetProperty("fits")[0].GetProperty("coefficients").EnumerateObject().Select(p => p.Value.GetDouble()).ToArray();
        var b = fit.GetProperty("coefficients").EnumerateObject().Select(p => p.Value.GetDouble()).ToArray();
        // ‖∇L‖ ≤ 1e-10·‖∇L(0)‖ and ‖θ − θ*‖ ≤ ‖∇L‖/μ; μ ≥ 1/(n·Σ SE²) ≈ 0.005 here, so within about 1e-8.
        for (var j = 0; j < a.Length; j++) Assert.Equal(a[j], b[j], 1e-7);
    }

    [Fact]
    public void SeparatedClassesAreRefusedInOneLine()
    {
        var message = Tool.Run("fit", "--data", Tool.Data("separated-three.csv"), "--target", "label", "--model", "softmax").AssertBadInput();
        Assert.Contains("separated", message);
        Assert.Contains("--l2", message);
        var ridge = Tool.Run("fit", "--data", Tool.Data("separated-three.csv"), "--target", "label", "--model", "softmax", "--l2", "0.01", "--json").Json();
        Assert.True(ridge.GetProperty("fits")[0].GetProperty("converged").GetBoolean());
    }

    [Theory]
    [InlineData("reference", "newton")]
    [InlineData("torch", "newton")]
    [InlineData("both", "gd")]
    public void QuasiSeparatedClassesThatNewtonCalledConvergedAreRefused(string engine, string solver)
    {
        // x1 as the target: 29 classes in 30 rows. This once printed "converged" with coefficients near ±2000.
        var message = Tool.Run("fit", "--data", Three, "--target", "x1", "--model", "softmax", "--engine", engine, "--solver", solver).AssertBadInput();
        Assert.Contains("quasi-completely separated", message);
    }

    [Theory]
    [InlineData("--l1", "1")]
    [InlineData("--standardize")]
    [InlineData("--no-intercept")]
    [InlineData("--terms", "x1 + x2")]
    [InlineData("--categorical", "x1")]
    [InlineData("--save", "model.json")]
    [InlineData("--robust", "hc1")]
    [InlineData("--level", "0.9")]
    public void OptionsOfTheOtherModelsAreRefused(params string[] option) =>
        Assert.Contains("does not apply to --model softmax", Tool.Run(["fit", "--data", Three, "--target", "species", "--model", "softmax", .. option]).AssertBadInput());

    [Fact]
    public void BadInputIsRefusedInOneLine()
    {
        Tool.Run("fit", "--data", Three, "--target", "species", "--model", "softmax", "--solver", "qr").AssertBadInput();
        Tool.Run("fit", "--data", Three, "--target", "species", "--model", "softmax", "--lr", "0.1").AssertBadInput(); // newton has no step
        Assert.Contains("constant", Tool.RunWithInput("x,y\n1,a\n2,a\n3,a\n4,a\n", "fit", "--data", "-", "--target", "y", "--model", "softmax").AssertBadInput());
        Assert.Contains("rows", Tool.RunWithInput("x,y\n1,a\n2,b\n", "fit", "--data", "-", "--target", "y", "--model", "softmax").AssertBadInput()); // 2 rows for 2 parameters per class
    }

    [Theory]
    [InlineData("x1,x2", "Softmax regions of the reference fit, 3 classes")]
    [InlineData("x1", "Probability of each row's own class (reference fit)")]
    public void ThePlotHasTheLossAndTheRegionsOrTheOwnClassProbabilities(string features, string title)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tensorlinear-{Guid.NewGuid():N}.svg");
        try
        {
            Assert.Equal(0, Tool.Run("fit", "--data", Three, "--target", "species", "--features", features, "--model", "softmax", "--plot", path).ExitCode);
            System.Xml.Linq.XNamespace svg = "http://www.w3.org/2000/svg";
            var texts = System.Xml.Linq.XDocument.Load(path).Root!.Descendants(svg + "text").Select(t => t.Value.Trim()).ToList();
            foreach (var text in new[] { "Loss per iteration: Newton's method", title, "'virginica'", "reference (6 iterations)" })
                Assert.Contains(text, texts);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Contains("--plot", Tool.Run("fit", "--data", Three, "--target", "species", "--model", "softmax", "--plot", "plot.pdf").AssertBadInput());
    }
}
