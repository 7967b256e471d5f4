using System.Text.Json;
using static TensorLinear.Cli.Tests.InferenceJson;
using TensorLinear.Tests.Shared;

namespace TensorLinear.Cli.Tests;

// fit --weights COLUMN, end to end: statsmodels' WLS and GLM(var_weights) on the shipped weighted files
// (scripts/inference/weighted_values.py), integer weights against repeated rows, and every refusal in one line.
public sealed class SampleWeightsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tensorlinear-weights-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Shipped(string name) => Path.Combine(AppContext.BaseDirectory, "Shared", name);

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void WeightedLongleyIsWeightedLeastSquaresOnBothEngines()
    {
        var json = Tool.Run("fit", "--json", "--data", Shipped("longley-weighted.csv"), "--target", "TOTEMP", "--weights", "w", "--model", "linear").Json();

        var data = json.GetProperty("data");
        Assert.Equal("w", data.GetProperty("weights").GetProperty("column").GetString());
        Assert.Equal(28.0, data.GetProperty("weights").GetProperty("sum").GetDouble()); // Σ(1 + ½(i mod 4)) over 16 rows
        Assert.DoesNotContain("w", data.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        foreach (var fit in json.GetProperty("fits").EnumerateArray())
        {
            // κ ≈ 5.5e9: the torch engine's TSQR and the reference's QR keep 1e-10 of the 50-digit estimate.
            Close(LongleyWls.ExactEstimates, Coefficients(fit), 1e-10, $"{fit.GetProperty("engine")} estimate");
            var inference = fit.GetProperty("inference");
            Close(LongleyWls.ExactStandardErrors, Column(inference, "standardError"), 1e-10, "SE");
            var s = inference.GetProperty("statistics");
            Close([LongleyWls.RSquared, LongleyWls.FStatistic, LongleyWls.LogLikelihood, LongleyWls.Aic, LongleyWls.Bic],
                [s.GetProperty("rSquared").GetDouble(), s.GetProperty("fStatistic").GetDouble(), s.GetProperty("logLikelihood").GetDouble(),
                 s.GetProperty("aic").GetDouble(), s.GetProperty("bic").GetDouble()], 1e-9, "R², F, ℓ, AIC, BIC");
        }
    }

    [Theory]
    [InlineData("newton")]
    [InlineData("gd")]
    public void WeightedDiabetesIsStatsmodelsWithVarWeights(string solver)
    {
        string[] descent = solver == "gd" ? ["--standardize", "--epochs", "200000", "--tol", "1e-12"] : [];
        var json = Tool.Run(["fit", "--json", "--data", Shipped("diabetes-binary-weighted.csv"), "--target", "high", "--weights", "w", "--model", "logistic", "--solver", solver, .. descent]).Json();

        foreach (var fit in json.GetProperty("fits").EnumerateArray())
        {
            Assert.True(fit.GetProperty("converged").GetBoolean());
            // Newton to rounding: mpmath's weighted MLE within 1e-12. Descent stops at ‖∇L‖ ≤ 1e-12·‖∇L(0)‖, ‖θ − θ*‖ ≤ ‖∇L‖/μ
            // with μ ≈ 0.01 on the standardised features here: within 1e-8.
            Close(DiabetesWeightedLogit.Mle, Coefficients(fit), solver == "newton" ? 1e-12 : 1e-8, $"{fit.GetProperty("engine")} estimate");
            var inference = fit.GetProperty("inference");
            Close(DiabetesWeightedLogit.StandardErrors, Column(inference, "standardError"), solver == "newton" ? 1e-10 : 1e-7, "SE");
            var s = inference.GetProperty("statistics");
            Close([DiabetesWeightedLogit.LogLikelihood, DiabetesWeightedLogit.NullLogLikelihood, DiabetesWeightedLogit.Bic, DiabetesWeightedLogit.PseudoRSquared],
                [s.GetProperty("logLikelihood").GetDouble(), s.GetProperty("nullLogLikelihood").GetDouble(), s.GetProperty("bic").GetDouble(), s.GetProperty("pseudoRSquared").GetDouble()],
                1e-10, "ℓ, ℓ₀, BIC, pseudo-R²");
        }
    }

    [Fact]
    public void IntegerWeightsFitAsRepeatedRows()
    {
        // firms.csv: the weight of row i is 1 + i mod 3, against a file with row i written that many times.
        var lines = File.ReadAllLines(Tool.Data("firms.csv"));
        var weighted = Write("weighted.csv", lines.Select((line, i) => i == 0 ? line + ",w" : $"{line},{1 + (i - 1) % 3}"));
        var repeated = Write("repeated.csv", lines.Take(1).Concat(lines.Skip(1).SelectMany((line, i) => Enumerable.Repeat(line, 1 + i % 3))));
        string[] model = ["--target", "invest", "--features", "firm,capital", "--model", "linear", "--json"];

        var a = Tool.Run(["fit", "--data", weighted, "--weights", "w", .. model]).Json().GetProperty("fits");
        var b = Tool.Run(["fit", "--data", repeated, .. model]).Json().GetProperty("fits");
        for (var engine = 0; engine < 2; engine++)
            Close(Coefficients(b[engine]), Coefficients(a[engine]), 1e-12, "coefficient");
    }

    [Theory]
    [InlineData("newton")]
    [InlineData("gd")]
    public void IntegerWeightsFitAsRepeatedRowsInSoftmax(string solver)
    {
        // three-classes.csv: the weight of row i is 1 + i mod 3, against the file with row i written that many times.
        var lines = File.ReadAllLines(Tool.Data("three-classes.csv"));
        var weighted = Write("weighted-three.csv", lines.Select((line, i) => i == 0 ? line + ",w" : $"{line},{1 + (i - 1) % 3}"));
        var repeated = Write("repeated-three.csv", lines.Take(1).Concat(lines.Skip(1).SelectMany((line, i) => Enumerable.Repeat(line, 1 + i % 3))));
        string[] model = ["--target", "species", "--model", "softmax", "--solver", solver, "--epochs", "200000", "--tol", solver == "gd" ? "1e-11" : "1e-10", "--json"];

        var a = Tool.Run(["fit", "--data", weighted, "--weights", "w", .. model]).Json();
        var b = Tool.Run(["fit", "--data", repeated, .. model]).Json();
        Assert.Equal("w", a.GetProperty("data").GetProperty("weights").GetProperty("column").GetString());
        for (var engine = 0; engine < 2; engine++)
        {
            var fa = a.GetProperty("fits")[engine];
            var fb = b.GetProperty("fits")[engine];
            // Newton to rounding on both; descent within its tolerance's ‖∇L‖/μ (as in SoftmaxFitCommandTests).
            Close(Coefficients(fb), Coefficients(fa), solver == "newton" ? 1e-10 : 1e-6, $"{solver} coefficient");
            if (solver == "newton")
                Close([.. fb.GetProperty("standardErrors").EnumerateObject().Select(p => p.Value.GetDouble())],
                      [.. fa.GetProperty("standardErrors").EnumerateObject().Select(p => p.Value.GetDouble())], 1e-9, "SE");
        }
    }

    [Fact]
    public void TheTextReportNamesTheWeightsAndSaysTheMetricsAreUnweighted()
    {
        var text = Tool.Run("fit", "--data", Shipped("longley-weighted.csv"), "--target", "TOTEMP", "--weights", "w", "--model", "linear", "--engine", "reference");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("sample weights 'w' (Σω = 28, from 1 to 2.5)", text.Output);
        Assert.Contains("Metrics on the training data (unweighted: every row counts once)", text.Output);
    }

    [Fact]
    public void BadWeightsAreRefusedInOneLine()
    {
        string[] fit = ["fit", "--data", "-", "--target", "y", "--model", "linear"];
        Assert.Contains("line 3, column 'w'", Tool.RunWithInput("x,y,w\n1,2,1\n2,3,0\n3,5,1\n4,4,2\n", [.. fit, "--weights", "w"]).AssertBadInput());
        Assert.Contains("must be positive", Tool.RunWithInput("x,y,w\n1,2,1\n2,3,-1\n3,5,1\n4,4,2\n", [.. fit, "--weights", "w"]).AssertBadInput());
        Assert.Contains("not a finite number", Tool.RunWithInput("x,y,w\n1,2,1\n2,3,heavy\n3,5,1\n4,4,2\n", [.. fit, "--weights", "w"]).AssertBadInput());
        Assert.Contains("--missing drop", Tool.RunWithInput("x,y,w\n1,2,1\n2,3,\n3,5,1\n4,4,2\n5,7,1\n", [.. fit, "--weights", "w"]).AssertBadInput());
        Assert.Contains("no column 'v'", Tool.RunWithInput("x,y,w\n1,2,1\n2,3,1\n3,5,1\n4,4,2\n", [.. fit, "--weights", "v"]).AssertBadInput());
        Assert.Contains("the target", Tool.RunWithInput("x,y,w\n1,2,1\n2,3,1\n3,5,1\n4,4,2\n", [.. fit, "--weights", "y"]).AssertBadInput());
        Assert.Contains("a feature", Tool.RunWithInput("x,y,w\n1,2,1\n2,3,1\n3,5,1\n4,4,2\n", [.. fit, "--weights", "w", "--features", "x,w"]).AssertBadInput());
        Assert.Contains("a feature", Tool.RunWithInput("x,y,w\n1,2,1\n2,3,1\n3,5,1\n4,4,2\n", [.. fit, "--weights", "w", "--terms", "x + w"]).AssertBadInput());
        Assert.Contains("--model svm", Tool.RunWithInput("x,y,w\n1,a,1\n2,b,1\n", "fit", "--data", "-", "--target", "y", "--model", "svm", "--weights", "w").AssertBadInput());
        Assert.Contains("must be positive", Tool.RunWithInput("x,y,w\n1,a,1\n2,b,0\n3,c,1\n4,a,1\n", "fit", "--data", "-", "--target", "y", "--model", "softmax", "--weights", "w").AssertBadInput());
    }

    [Fact]
    public void WithMissingDropARowWithoutItsWeightIsLeftOut()
    {
        var json = Tool.RunWithInput("x,y,w\n1,2,1\n2,3,\n3,5,1\n4,4,2\n5,7,1\n", "fit", "--data", "-", "--target", "y", "--model", "linear", "--weights", "w", "--missing", "drop", "--json").Json();
        Assert.Equal(4, json.GetProperty("data").GetProperty("rows").GetInt32());
        Assert.Equal([3], json.GetProperty("data").GetProperty("missing").GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()));
        Assert.Equal(5.0, json.GetProperty("data").GetProperty("weights").GetProperty("sum").GetDouble());
    }
}
