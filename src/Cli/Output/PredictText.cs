using System.Globalization;
using Spectre.Console;
using TensorLinear.Cli.Predicting;

namespace TensorLinear.Cli.Output;

/// <summary>
/// The summary of <c>tensorlinear predict</c>: what was predicted with which model, and, when the file holds the
/// target, the model's metrics on it (held-out metrics, where fit's are the training data's).
/// </summary>
internal static class PredictText
{
    /// <summary>Writes the summary to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, PredictReport report)
    {
        var model = report.Model;
        var rows = report.Predictions.Length.ToString(CultureInfo.InvariantCulture);
        console.WriteLine($"Predicted {rows} rows of {report.Source} with the {FitText.ModelName(model.Kind)} of {report.Settings.ModelFile} " +
                          $"({model.Encoding.FeatureNames.Length} features, the {model.Engine} engine's fit){(report.Settings.OutputFile is string o ? $"; predictions in {o}" : "")}.");
        if (DroppedRows.Sentence(report.DroppedLines) is string dropped) console.WriteLine(char.ToUpperInvariant(dropped[0]) + dropped[1..] + ".");
        if (DroppedRows.MetricsSentence(report.WithoutTargetLines) is string unmeasured) console.WriteLine(unmeasured + ".");
        if (report.Regression is { } r)
        {
            console.WriteLine($"On its target '{model.Target}':");
            console.Write(Metrics(report.Source,
                (model.FitIntercept ? "R²" : "R² (uncentred)", Format.Value(r.RSquared)),
                ("RMSE", Format.Value(r.RootMeanSquaredError)),
                ("MAE", Format.Value(r.MeanAbsoluteError))));
        }
        else if (report.Classification is { } c)
        {
            console.WriteLine($"On its target '{model.Target}' (class 1 is '{model.Classes[1]}'):");
            console.Write(Metrics(report.Source,
                ("accuracy", Format.Value(c.Accuracy)), ("precision", Format.Value(c.Precision)), ("recall", Format.Value(c.Recall)),
                ("F1", Format.Value(c.F1)), ("ROC-AUC", Format.Value(c.RocAuc)), ("log-likelihood", Format.Value(c.LogLikelihood)),
                ("confusion (TN FP / FN TP)", FormattableString.Invariant($"{c.Confusion.TrueNegatives} {c.Confusion.FalsePositives} / {c.Confusion.FalseNegatives} {c.Confusion.TruePositives}"))));
        }
        else
            console.WriteLine($"The file has no column '{model.Target}', so there are no metrics.");
    }

    private static Table Metrics(string source, params (string Name, string Value)[] rows)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn(new TableColumn(Markup.Escape("on " + source)).RightAligned());
        foreach (var (name, value) in rows) table.AddRow(new Text(name), new Text(value) { Justification = Justify.Right });
        return table;
    }
}
