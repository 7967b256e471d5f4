using Spectre.Console;
using Spectre.Console.Rendering;
using TensorLinear.Cli.Fitting;
using TensorLinear.Models;
using TensorLinear.Reference.Training;

namespace TensorLinear.Cli.Output;

/// <summary>The human-readable report of <c>tensorlinear fit</c>: a heading, tables side by side per engine, and sentences.</summary>
internal static class FitText
{
    public static void Write(IAnsiConsole console, FitReport report)
    {
        var settings = report.Settings;
        var fits = report.Fits;
        console.WriteLine($"fit    {ModelName(settings.Model)} by {SolverName(settings.Solver)} on {report.Input.Source}");
        console.WriteLine($"data   {Describe(report)}");
        console.WriteLine();

        var separated = fits.FirstOrDefault(f => f.IsSeparated);
        if (separated is not null)
        {
            WriteSeparation(console, report, separated);
        }
        else
        {
            console.WriteLine("Coefficients" + (settings.Standardize ? " (fitted on standardised features, shown in original units)" : ""));
            console.Write(Coefficients(report));
            InferenceText.Write(console, report);
        }
        if (settings.Model == ModelKind.Logistic && !settings.Penalty.IsNone)
            console.WriteLine("(a penalty keeps the estimate finite even when the classes are separated, so separation is not checked)");
        console.WriteLine();

        console.WriteLine("Run");
        console.Write(Run(report));
        console.WriteLine();

        console.WriteLine("Metrics on the training data" + (separated is not null ? " (of the last iterate, which separates the classes)" : "")
                          + (settings.Source.Weights is not null ? " (unweighted: every row counts once)" : ""));
        console.Write(settings.Model == ModelKind.Linear ? RegressionMetrics(report) : ClassificationMetrics(report));
        if (settings.Model == ModelKind.Logistic)
        {
            console.WriteLine();
            console.WriteLine($"Confusion matrix ({fits[0].Engine})");
            console.Write(Confusion(report, fits[0]));
        }

        if (report.Agreement is Agreement agreement)
        {
            console.WriteLine();
            console.WriteLine($"agreement  the engines' coefficients differ by at most {Format.Difference(agreement.MaxAbsoluteDifference)} " +
                              $"(relative {Format.Difference(agreement.MaxRelativeDifference)}); their final losses by {Format.Difference(agreement.LossDifference)}");
        }
        if (report.HessianCheck is HessianCheck hessian)
        {
            if (report.Agreement is null) console.WriteLine();
            console.WriteLine($"hessian    hand-derived against libtorch's double backward at the solution: largest difference {Format.Difference(hessian.MaxAbsoluteDifference)} " +
                              $"(relative to the largest entry {Format.Difference(hessian.RelativeDifference)})");
        }
        if (report.Warnings.Length > 0) console.WriteLine();
        foreach (var warning in report.Warnings) console.WriteLine($"warning    {warning}");
        if (settings.PlotFile is not null) console.WriteLine($"plot       {settings.PlotFile}");
    }

    private static string Describe(FitReport report)
    {
        var data = report.Features;
        var text = $"{data.RowCount} rows; target '{data.TargetName}'";
        if (report.Input.Classes is { } classes) text += $" (class 1 = '{classes.One}', class 0 = '{classes.Zero}')";
        text += $"; features {string.Join(", ", data.FeatureNames)}";
        if (WeightsSummary.Sentence(report.Settings.Source.Weights, data) is string weights) text += $"; {weights}";
        return DroppedRows.Sentence(report.Input.DroppedLines) is string dropped ? $"{text}; {dropped}" : text;
    }

    private static void WriteSeparation(IAnsiConsole console, FitReport report, EngineFit fit)
    {
        var separation = fit.Separation!;
        var hyperplane = separation.Hyperplane!;
        var names = report.Features.FeatureNames;
        var classes = report.Input.Classes;
        var one = classes is null ? "1" : $"'{classes.One}'";
        var zero = classes is null ? "0" : $"'{classes.Zero}'";
        var lines = new List<string>();
        if (separation.Kind == SeparationKind.Complete)
        {
            lines.Add($"The classes are perfectly separable: the hyperplane {Format.Hyperplane(hyperplane, names)} has every class-1 row ({one}) on its positive side and every class-0 row ({zero}) on its negative side; the closest row is {Format.Short(separation.Margin)} from it.");
        }
        else
        {
            lines.Add($"The classes are quasi-completely separated: the hyperplane {Format.Hyperplane(hyperplane, names)} has every class-1 row ({one}) on its positive side or on it, every class-0 row ({zero}) on its negative side or on it, and only {separation.RowsOnHyperplane} rows on it.");
        }
        lines.Add("So the log-likelihood has no maximum: the weights grow without bound along the hyperplane's normal while the loss keeps falling, and no maximum-likelihood coefficients or standard errors exist.");
        lines.Add(report.Settings.Solver == Solver.Newton
            ? $"Newton–Raphson stopped after {fit.Iterations} step{(fit.Iterations == 1 ? "" : "s")}, when it found the separation."
            : fit.Converged
                ? $"Gradient descent stopped after {fit.Iterations} epochs because the gradient fell below the tolerance, not at a minimum, which does not exist: the loss flattens as ‖w‖ grows (‖w‖ = {Format.Short(Norm(fit.Model))} there); the numbers it reached estimate nothing."
                : $"Gradient descent ran {fit.Iterations} epochs and stopped at its limit with ‖w‖ = {Format.Short(Norm(fit.Model))} and growing; the numbers it reached estimate nothing.");
        lines.Add(separation.Kind == SeparationKind.Complete
            ? "For finite estimates, add a ridge penalty (--l2); the data are separable: `--model svm` gives the maximum-margin line."
            : "For finite estimates, add a ridge penalty (--l2). No line separates the classes with room to spare: `--model svm --margin soft` gives the soft-margin line.");
        foreach (var line in lines)
            foreach (var wrapped in Wrap(line, ParagraphWidth)) console.WriteLine(wrapped);
        console.WriteLine();

        console.WriteLine("Separating hyperplane (unit normal: each score wᵀx + b is a row's signed distance)");
        var table = NewTable("name");
        foreach (var f in report.Fits) table.AddColumn(RightColumn(f.Engine));
        var rows = names.Select((name, j) => (name, Values: report.Fits.Select(f => f.Separation?.Hyperplane?.Weights[j])))
            .Append((FitRunner.InterceptName, report.Fits.Select(f => f.Separation?.Hyperplane?.Bias)));
        foreach (var (name, values) in rows)
            table.AddRow([new Text(name), .. values.Select(v => Right(Format.Value(v)))]);
        console.Write(table);
    }

    private static double Norm(LinearModel model) => Math.Sqrt(model.Weights.Sum(w => w * w));

    private static Table Coefficients(FitReport report)
    {
        var table = NewTable("name");
        var hasErrors = report.Fits.Select(f => f.StandardErrors is not null).ToArray();
        foreach (var (fit, k) in report.Fits.Select((f, k) => (f, k)))
        {
            table.AddColumn(RightColumn(fit.Engine));
            if (hasErrors[k]) table.AddColumn(RightColumn("std. error"));
        }
        for (var j = 0; j < report.ParameterNames.Length; j++)
        {
            var cells = new List<IRenderable> { new Text(report.ParameterNames[j]) };
            foreach (var (fit, k) in report.Fits.Select((f, k) => (f, k)))
            {
                cells.Add(Right(Format.Value(fit.Parameters(report.Settings.FitIntercept)[j])));
                if (hasErrors[k]) cells.Add(Right(Format.Value(fit.StandardErrors!.Value[j])));
            }
            table.AddRow(cells);
        }
        return table;
    }

    private static Table Run(FitReport report)
    {
        var table = EngineTable(report);
        AddRow(table, "final loss", report.Fits.Select(f => Format.Value(f.Loss)));
        if (report.Settings.Solver != Solver.Qr)
            AddRow(table, report.Settings.Solver == Solver.Gd ? "epochs" : "iterations", report.Fits.Select(f => f.Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        AddRow(table, "stopped", report.Fits.Select(f => f.StopReason));
        if (report.Settings.Solver == Solver.Gd)
            AddRow(table, "learning rate", report.Fits.Select(f => Format.Value(f.LearningRate) + (report.Settings.LearningRate is null ? " (1/L)" : "")));
        AddRow(table, "time", report.Fits.Select(f => Format.Seconds(f.Seconds)));
        return table;
    }

    private static Table RegressionMetrics(FitReport report)
    {
        var table = EngineTable(report);
        AddRow(table, report.Settings.FitIntercept ? "R²" : "R² (uncentred)", report.Fits.Select(f => Format.Value(f.Regression!.RSquared)));
        AddRow(table, "RMSE", report.Fits.Select(f => Format.Value(f.Regression!.RootMeanSquaredError)));
        AddRow(table, "MAE", report.Fits.Select(f => Format.Value(f.Regression!.MeanAbsoluteError)));
        AddRow(table, "residual std. dev.", report.Fits.Select(f => Format.Value(f.Regression!.ResidualStandardDeviation)));
        return table;
    }

    private static Table ClassificationMetrics(FitReport report)
    {
        var table = EngineTable(report);
        AddRow(table, "accuracy", report.Fits.Select(f => Format.Value(f.Classification!.Accuracy)));
        AddRow(table, "precision", report.Fits.Select(f => Format.Value(f.Classification!.Precision)));
        AddRow(table, "recall", report.Fits.Select(f => Format.Value(f.Classification!.Recall)));
        AddRow(table, "F1", report.Fits.Select(f => Format.Value(f.Classification!.F1)));
        AddRow(table, "ROC-AUC", report.Fits.Select(f => Format.Value(f.Classification!.RocAuc)));
        AddRow(table, "log-likelihood", report.Fits.Select(f => Format.Value(f.Classification!.LogLikelihood)));
        return table;
    }

    private static Table Confusion(FitReport report, EngineFit fit)
    {
        var matrix = fit.Classification!.Confusion;
        var classes = report.Input.Classes;
        string Label(int c) => classes is null ? $"{c}" : $"{c} ('{(c == 1 ? classes.One : classes.Zero)}')";
        var table = NewTable("");
        table.AddColumn(RightColumn($"predicted {Label(0)}"));
        table.AddColumn(RightColumn($"predicted {Label(1)}"));
        table.AddRow(new Text($"actual {Label(0)}"), Right($"{matrix.TrueNegatives}"), Right($"{matrix.FalsePositives}"));
        table.AddRow(new Text($"actual {Label(1)}"), Right($"{matrix.FalseNegatives}"), Right($"{matrix.TruePositives}"));
        return table;
    }

    internal static Table EngineTable(FitReport report)
    {
        var table = NewTable("");
        foreach (var fit in report.Fits) table.AddColumn(RightColumn(fit.Engine));
        return table;
    }

    internal static void AddRow(Table table, string name, IEnumerable<string> values) =>
        table.AddRow([new Text(name), .. values.Select(Right)]);

    internal static Table NewTable(string firstColumn) =>
        new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn(new Text(firstColumn)));

    internal static TableColumn RightColumn(string header) => new TableColumn(new Text(header)).RightAligned();

    internal static Text Right(string value) => new(value, Style.Plain) { Justification = Justify.Right };

    // Sentences wrap at a width that reads well in a terminal and in docs, the same whether or not output is redirected.
    private const int ParagraphWidth = 100;

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }

    internal static string ModelName(ModelKind kind) => kind == ModelKind.Linear ? "linear regression" : "logistic regression";

    internal static string SolverName(Solver solver) => solver switch
    {
        Solver.Gd => "gradient descent",
        Solver.Qr => "least squares (Householder QR)",
        _ => "Newton–Raphson (IRLS)",
    };
}
