using System.Globalization;
using Spectre.Console;
using TensorLinear.Cli.Fitting;
using TensorLinear.Reference.Softmax;

namespace TensorLinear.Cli.Output;

/// <summary>The human-readable report of <c>tensorlinear fit --model softmax</c>: coefficients, the run, the k-class metrics.</summary>
internal static class SoftmaxText
{
    public static void Write(IAnsiConsole console, SoftmaxReport report)
    {
        var labels = report.Labels.Labels;
        var data = report.Input.Data;
        var first = report.Fits[0];
        console.WriteLine($"fit    softmax (multinomial logistic) regression by {Method(first.Fit.Method)} on {report.Input.Source}");
        console.WriteLine($"solve  minimise (1/n) Σ [log Σ_c e^(z_ic) − z_(i,yᵢ)]{(report.Settings.L2 > 0 ? $" + {Format.Value(report.Settings.L2)}‖W‖²" : "")}, z_ic = w_cᵀxᵢ + b_c");
        var weights = WeightsSummary.Sentence(report.Settings.Source.Weights, data) is string sentence ? $"; {sentence}" : "";
        console.WriteLine($"data   {data.RowCount} rows; target '{data.TargetName}' with {labels.Length} classes {string.Join(", ", labels.Select((l, c) => $"{c} = '{l}'"))}; features {string.Join(", ", data.FeatureNames)}{weights}");
        if (DroppedRows.Sentence(report.Input.DroppedLines) is string dropped) console.WriteLine($"       {dropped}");
        console.WriteLine($"       class 0 ('{labels[0]}') is the reference category: its weights are 0, and each other class's are its log-odds against it");
        console.WriteLine();

        console.WriteLine("Coefficients (standard errors from the inverse observed information (n·∇²L)⁻¹)");
        var coefficients = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn(new Text("class: name")));
        foreach (var f in report.Fits) coefficients.AddColumn(RightColumn(f.Fit.Engine)).AddColumn(RightColumn("std. error"));
        var names = report.ParameterNames;
        var thetas = report.Fits.Select(f => f.Fit.Model.ToParameterVector()).ToArray();
        for (var t = 0; t < names.Count; t++)
        {
            var cells = new List<Text> { new(names[t]) };
            for (var e = 0; e < report.Fits.Length; e++)
            {
                cells.Add(Right(Format.Value(thetas[e][t])));
                cells.Add(Right(report.Fits[e].Fit.HasStandardErrors ? Format.Value(report.Fits[e].Fit.StandardErrors[t]) : "—"));
            }
            coefficients.AddRow(cells);
        }
        console.Write(coefficients);
        console.WriteLine();

        console.WriteLine("Run and fit (on the training data" + (report.Settings.Source.Weights is not null ? "; the loss weighted, the log-loss and the rates counting every row once)" : ")"));
        var run = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn(new Text("")));
        foreach (var f in report.Fits) run.AddColumn(RightColumn(f.Fit.Engine));
        AddRow(run, "loss (penalised)", report.Fits.Select(f => Format.Value(f.Fit.FinalLoss)));
        AddRow(run, "log-loss", report.Fits.Select(f => Format.Value(f.LogLoss)));
        AddRow(run, "accuracy", report.Fits.Select(f => Format.Value(f.Metrics.Accuracy)));
        AddRow(run, "macro F1", report.Fits.Select(f => Format.Value(f.Metrics.MacroF1)));
        AddRow(run, first.Fit.Method == SoftmaxMethod.Newton ? "iterations" : "epochs", report.Fits.Select(f => f.Fit.Iterations.ToString(CultureInfo.InvariantCulture)));
        AddRow(run, "converged", report.Fits.Select(f => f.Fit.Converged ? "yes" : "no"));
        if (first.Fit.LearningRate is not null) AddRow(run, "learning rate", report.Fits.Select(f => Format.Value(f.Fit.LearningRate)));
        AddRow(run, "time", report.Fits.Select(f => Format.Seconds(f.Seconds)));
        console.Write(run);
        console.WriteLine();

        var metrics = first.Metrics;
        console.WriteLine($"Confusion matrix ({first.Fit.Engine}; rows the true class, columns the predicted one)");
        var confusion = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn(new Text("true \\ predicted")));
        foreach (var l in labels) confusion.AddColumn(RightColumn(l));
        for (var c = 0; c < labels.Length; c++)
            confusion.AddRow([new Text(labels[c]), .. Enumerable.Range(0, labels.Length).Select(m => Right(metrics.Count(c, m).ToString(CultureInfo.InvariantCulture)))]);
        console.Write(confusion);
        console.WriteLine();

        console.WriteLine("Per class (a class never predicted has precision 0)");
        var perClass = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn(new Text("class")))
            .AddColumn(RightColumn("precision")).AddColumn(RightColumn("recall")).AddColumn(RightColumn("F1"));
        for (var c = 0; c < labels.Length; c++)
            perClass.AddRow(new Text(labels[c]), Right(Format.Value(metrics.Precision[c])), Right(Format.Value(metrics.Recall[c])), Right(Format.Value(metrics.F1[c])));
        perClass.AddRow(new Text("macro average"), Right(Format.Value(metrics.MacroPrecision)), Right(Format.Value(metrics.MacroRecall)), Right(Format.Value(metrics.MacroF1)));
        perClass.AddRow(new Text("micro average"), Right(Format.Value(metrics.MicroPrecision)), Right(Format.Value(metrics.MicroRecall)), Right(Format.Value(metrics.MicroF1)));
        console.Write(perClass);

        if (report.Agreement is { } agreement)
        {
            console.WriteLine();
            console.WriteLine($"agreement  the engines' coefficients differ by at most {Format.Difference(agreement.Difference)}, within the derived bound {Format.Difference(agreement.Bound)}{(agreement.Agrees ? "" : " — NOT within it")}");
        }
        foreach (var f in report.Fits.Where(f => !f.Fit.Converged))
            console.WriteLine($"warning    {f.Fit.Engine}: did not converge within the iteration limit (raise --epochs)");
    }

    internal static string Method(SoftmaxMethod method) => method == SoftmaxMethod.Newton ? "Newton's method" : "gradient descent";

    private static void AddRow(Table table, string name, IEnumerable<string> values) =>
        table.AddRow([new Text(name), .. values.Select(Right)]);

    private static TableColumn RightColumn(string header) => new TableColumn(new Text(header)).RightAligned();

    private static Text Right(string value) => new(value, Style.Plain) { Justification = Justify.Right };
}
