using System.Collections.Immutable;
using TensorLinear.Cli.Data;
using TensorLinear.Cli.Fitting;
using TensorLinear.Cli.Output;
using TensorLinear.Data;
using TensorLinear.Features;
using TensorLinear.Models;
using TensorLinear.Reference.Models;

namespace TensorLinear.Cli.Predicting;

/// <summary>
/// Runs <c>tensorlinear predict</c>: reads a saved model and a CSV file of new rows, encodes the rows as the model's
/// training data was encoded (its terms, its categorical levels), and predicts each on the reference engine — the same
/// functions fit measured the training data with, so the training file's predictions are its fitted values, bit for bit.
/// </summary>
internal static class PredictRunner
{
    /// <summary>Predicts as <paramref name="settings"/> ask.</summary>
    /// <exception cref="DataFormatException">The model file or the data cannot be read, a column is missing, a level is
    /// new, or a prediction is out of range; with the line and column where there is one.</exception>
    /// <exception cref="UsageException">An output file that cannot be one.</exception>
    public static PredictReport Run(PredictSettings settings, Terminal terminal)
    {
        if (settings.OutputFile is string output)
            Output.OutputFile.Check("--output", output, new[] { settings.DataFile, settings.ModelFile }.Where(f => f != CsvDataReader.StandardInput));
        var saved = ModelFile.Read(settings.ModelFile);
        var read = CsvDataReader.Read(settings.DataFile, settings.Delimiter, terminal.Input);
        if (read.Rows.IsEmpty) throw new DataFormatException(read.Source, null, null, "has a header but no rows to predict");
        // A row is complete in the model's columns; a row whose target is missing is still predicted, and with
        // --missing drop only left out of the metrics, which alone need the target.
        var (table, dropped) = CompleteRows.Of(read, settings.Missing, null, saved.Encoding.Columns);
        var data = Encode(table, saved, new double[table.Rows.Length]);
        var hasTarget = table.Columns.Contains(saved.Target);
        var measured = table;
        ImmutableArray<int>? withoutTarget = null;
        if (hasTarget && settings.Missing == MissingValues.Drop)
        {
            var column = table.IndexOf(saved.Target);
            measured = table with { Rows = [.. table.Rows.Where(r => !MissingRows.IsMissing(r.Cells[column]))] };
            withoutTarget = [.. table.Rows.Where(r => MissingRows.IsMissing(r.Cells[column])).Select(r => r.Line)];
        }
        // The rows measured are all the rows unless some lack their target: then only are they encoded a second time.
        var labelled = !hasTarget || measured.Rows.IsEmpty ? null
            : measured.Rows.Length == table.Rows.Length ? data.WithTargets(Targets(table, saved))
            : Encode(measured, saved, Targets(measured, saved));

        var scores = LinearRegression.Predict(data, saved.Model); // z = wᵀx + b
        for (var i = 0; i < scores.Length; i++)
            if (!double.IsFinite(scores[i]))
                throw new DataFormatException(table.Source, table.Rows[i].Line, null, "the prediction wᵀx + b is out of range (past ±1.8e308); the row's values are far outside the training data's");
        var logistic = saved.Kind == ModelKind.Logistic;
        var predictions = logistic ? LogisticRegression.Predict(data, saved.Model) : scores;
        ImmutableArray<string> classes = logistic ? [.. LogisticRegression.Classify(data, saved.Model).Select(c => saved.Classes[(int)c])] : [];
        return new PredictReport(settings, saved, table.Source, [.. table.Rows.Select(r => r.Line)], dropped, [.. predictions], classes,
            labelled is not null && !logistic ? FitMetrics.Regression(labelled, saved.Model, saved.FitIntercept) : null,
            labelled is not null && logistic ? FitMetrics.Classification(labelled, saved.Model) : null)
        {
            WithoutTargetLines = withoutTarget,
        };
    }

    // The target column, when the file has it: numbers for a linear model, the two saved labels (as 0 and 1) for a logistic one.
    private static double[] Targets(CsvTable table, SavedModel saved)
    {
        var column = table.IndexOf(saved.Target);
        if (saved.Kind == ModelKind.Linear) return LoadedData.ReadColumn(table, column, labels: false).Numbers!;
        var mapping = new LabelMapping(saved.Classes[0], saved.Classes[1]);
        var zero = new LabelMapping(saved.Classes[1], saved.Classes[0]);
        return [.. table.Rows.Select(r =>
        {
            var label = r.Cells[column];
            if (MissingRows.IsMissing(label))
                throw new DataFormatException(table.Source, r.Line, saved.Target, CompleteRows.Problem(label, "the metrics need every row's class label"));
            if (mapping.ClassOf(label) == 1.0) return 1.0;
            if (zero.ClassOf(label) == 1.0) return 0.0;
            throw new DataFormatException(table.Source, r.Line, saved.Target, $"the label '{label}' is neither of the model's classes, '{saved.Classes[0]}' and '{saved.Classes[1]}'");
        })];
    }

    // The table's rows as the model's features (its encoding of the saved columns), with the targets given.
    private static DataSet Encode(CsvTable table, SavedModel saved, double[] targets)
    {
        var columns = saved.Encoding.Columns
            .Select(name => LoadedData.ReadColumn(table, table.IndexOf(name), saved.Encoding.Categorical.Any(c => c.Column == name)))
            .ToList();
        try
        {
            return saved.Encoding.Encode(columns, targets, saved.Target);
        }
        catch (UnseenLevelException e)
        {
            var levels = saved.Encoding.Categorical.First(c => c.Column == e.ArgumentName).Levels;
            throw new DataFormatException(table.Source, table.Rows[e.Row].Line, e.ArgumentName,
                $"the level '{e.Level}' was not in the model's training data (its levels are {string.Join(", ", levels)}), so it has no coefficient");
        }
    }
}
