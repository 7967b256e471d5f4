using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using TensorLinear.Cli.Predicting;
using TensorLinear.Models;

namespace TensorLinear.Cli.Output;

/// <summary>
/// The predictions of <c>tensorlinear predict</c> as CSV: the row's line in the input file, then the prediction
/// (linear) or the probability of class 1 and the class (logistic), every number in round-trip precision.
/// </summary>
internal static class PredictionsCsv
{
    /// <summary>Writes the CSV to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, PredictReport report)
    {
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        var logistic = report.Model.Kind == ModelKind.Logistic;
        csv.WriteField("line");
        if (logistic)
        {
            csv.WriteField("probability");
            csv.WriteField("class");
        }
        else csv.WriteField("prediction");
        csv.NextRecord();
        for (var i = 0; i < report.Predictions.Length; i++)
        {
            csv.WriteField(report.Lines[i].ToString(CultureInfo.InvariantCulture));
            csv.WriteField(report.Predictions[i].ToString("R", CultureInfo.InvariantCulture));
            if (logistic) csv.WriteField(report.Classes[i]);
            csv.NextRecord();
        }
        csv.Flush();
    }

    /// <summary>Writes the CSV atomically to the file named by --output.</summary>
    /// <exception cref="OutputException">The file cannot be written.</exception>
    public static void Write(string path, PredictReport report) =>
        OutputFile.Write("--output", path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            Write(writer, report);
        });
}
