using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using TensorLinear.Cli.Fitting;
using TensorLinear.Models;
using TensorLinear.Reference.Inference;

namespace TensorLinear.Cli.Output;

/// <summary>
/// The coefficient table and model statistics in the text report of <c>tensorlinear fit</c>: the table of the first
/// engine's fit (the engines' estimates agree to the digits the agreement line gives), the statistics side by side.
/// </summary>
internal static class InferenceText
{
    public static void Write(IAnsiConsole console, FitReport report)
    {
        var fits = report.Fits.Where(f => f.Inference is not null).ToList();
        if (fits.Count == 0) return;
        var first = fits[0];
        var table = first.Inference!.Coefficients;
        console.WriteLine();
        console.WriteLine($"Coefficient table ({first.Engine}: {Describe(table)})");
        console.Write(Table(table));
        console.WriteLine();
        console.WriteLine("Model statistics");
        console.Write(Statistics(report, fits));
    }

    private static string Describe(CoefficientTable table)
    {
        var statistic = table.Statistic == TestStatistic.T
            ? $"t on {table.DegreesOfFreedom} degrees of freedom"
            : "z, asymptotically normal";
        var errors = table.Robust == RobustCovariance.None ? "classical standard errors" : $"{table.Robust.ToString().ToUpperInvariant()} robust standard errors";
        return $"{statistic}, {errors}, {Percent(table.Level)} intervals";
    }

    private static Table Table(CoefficientTable table)
    {
        var name = table.Statistic == TestStatistic.T ? "t" : "z";
        var result = FitText.NewTable("name");
        foreach (var header in new[] { "estimate", "std. error", name, $"P>|{name}|", $"lower {Percent(table.Level)}", $"upper {Percent(table.Level)}" })
            result.AddColumn(FitText.RightColumn(header));
        foreach (var c in table.Coefficients)
            result.AddRow(new IRenderable[]
            {
                new Text(c.Name), FitText.Right(Format.Value(c.Estimate)), FitText.Right(Format.Value(c.StandardError)),
                FitText.Right(Format.Short(c.Statistic)), FitText.Right(Format.Short(c.PValue)),
                FitText.Right(Format.Value(c.Lower)), FitText.Right(Format.Value(c.Upper)),
            });
        return result;
    }

    private static Table Statistics(FitReport report, List<EngineFit> fits)
    {
        var result = FitText.NewTable("");
        foreach (var fit in fits) result.AddColumn(FitText.RightColumn(fit.Engine));
        var all = fits.Select(f => f.Inference!.Statistics).ToList();
        void Row(string name, Func<ModelStatistics, string> value) => FitText.AddRow(result, name, all.Select(value));
        static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
        var s0 = all[0];
        Row("observations", s => Count(s.RowCount));
        Row("parameters", s => Count(s.ParameterCount));
        Row("residual df", s => Count(s.ResidualDegreesOfFreedom));
        if (report.Settings.Model == ModelKind.Linear)
        {
            Row(report.Settings.FitIntercept ? "R²" : "R² (uncentred)", s => Format.Value(s.RSquared));
            Row("adjusted R²", s => Format.Value(s.AdjustedRSquared));
            Row($"F ({s0.ModelDegreesOfFreedom}, {s0.ResidualDegreesOfFreedom} df)", s => Format.Value(s.FStatistic));
            Row("P(F)", s => s.FPValue is double p ? Format.Short(p) : "—");
        }
        Row("log-likelihood", s => Format.Value(s.LogLikelihood));
        Row("null log-likelihood", s => Format.Value(s.NullLogLikelihood));
        Row(report.Settings.Model == ModelKind.Linear ? "deviance (RSS)" : "deviance", s => Format.Value(s.Deviance));
        Row("null deviance", s => Format.Value(s.NullDeviance));
        Row("AIC", s => Format.Value(s.Aic));
        Row("BIC", s => Format.Value(s.Bic));
        if (report.Settings.Model == ModelKind.Logistic) Row("pseudo-R² (McFadden)", s => Format.Value(s.PseudoRSquared));
        Row($"LR χ² ({s0.ModelDegreesOfFreedom} df)", s => Format.Value(s.LikelihoodRatio));
        Row("P(LR)", s => Format.Short(s.LikelihoodRatioPValue));
        return result;
    }

    private static string Percent(double level) => (100 * level).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
