using System.CommandLine;
using TensorLinear.Cli.Data;
using TensorLinear.Cli.Output;
using TensorLinear.Cli.Predicting;

namespace TensorLinear.Cli.Commands;

/// <summary>
/// <c>tensorlinear predict</c>: a model saved by <c>fit --save</c> applied to new rows — values, probabilities and
/// classes, and metrics when the file holds the target (docs/cli.md).
/// </summary>
internal static class PredictCommand
{
    internal static Command Create(Terminal terminal)
    {
        var model = new Option<string>("--model") { Description = "The model file fit --save wrote.", Required = true, HelpName = "FILE.json" };
        var data = new Option<string>("--data") { Description = "The CSV file of rows to predict: the model's columns (others ignored), and its target for metrics; - reads standard input.", Required = true, HelpName = "FILE.csv|-" };
        var delimiter = new Option<char>("--delimiter") { Description = "The character between fields: one character, or tab (default ,).", DefaultValueFactory = _ => ',', HelpName = "C", CustomParser = Arguments.Delimiter };
        var output = new Option<string?>("--output") { Description = "Write the predictions as CSV to this file (the summary then goes to standard output); default: standard output, the summary to standard error.", HelpName = "FILE.csv" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document (schema in docs/cli.md): every row's prediction and the metrics." };
        var missing = Arguments.MissingOption();
        var command = new Command("predict", "Predict new rows with a model saved by fit --save: values, probabilities and classes, and metrics when the file has the target.")
        {
            model, data, delimiter, output, missing, json,
        };
        command.SetAction(parse => CliApp.Guard(terminal, () =>
        {
            var settings = new PredictSettings
            {
                ModelFile = parse.GetValue(model)!,
                DataFile = parse.GetValue(data)!,
                Delimiter = parse.GetValue(delimiter),
                Missing = parse.GetValue(missing),
                OutputFile = parse.GetValue(output),
                Json = parse.GetValue(json),
            };
            var report = PredictRunner.Run(settings, terminal);
            if (settings.OutputFile is string file) PredictionsCsv.Write(file, report);
            if (settings.Json) Json.Write(terminal.Output, PredictJson.Build(report));
            else if (settings.OutputFile is not null) PredictText.Write(terminal.Display, report);
            else
            {
                // The predictions are the output, on stdout, and the summary is about them: on stderr, out of a pipe's way.
                PredictionsCsv.Write(terminal.Output, report);
                PredictText.Write(terminal.ErrorDisplay, report);
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
