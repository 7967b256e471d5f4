using System.CommandLine;
using TensorLinear.Cli.Calc;
using TensorLinear.Cli.Data;
using TensorLinear.Cli.Output;

namespace TensorLinear.Cli.Commands;

/// <summary>
/// <c>tensorlinear calc OP ARGS...</c>: a vector or hyperplane function evaluated by the hand-derived reference and by
/// libtorch, value and derivatives side by side (docs/cli.md).
/// </summary>
internal static class CalcCommand
{
    internal static Command Create(Terminal terminal)
    {
        var operation = new Argument<string>("OP") { HelpName = "OP", Description = $"The function: {string.Join(", ", Calculations.Operations)}." };
        operation.AcceptOnlyFromAmong([.. Calculations.Operations]);
        var vectors = new Argument<string[]>("ARGS") { Description = "Its vectors, each written as comma-separated numbers: 1,2,3.", Arity = ArgumentArity.ZeroOrMore };
        var p = new Option<string?>("--p") { Description = "The order p of calc norm and calc distance: a number ≥ 1, or inf (default 2).", HelpName = "P" };
        var plane = new Option<string?>("--plane") { Description = "The hyperplane w0 + w1·x1 + … + wn·xn = 0 of calc 'signed distance' and calc 'hyperplane score', bias first.", HelpName = "w0,w1,...,wn" };
        var degrees = new Option<bool>("--degrees") { Description = "calc angle only: the angle and its gradients in degrees instead of radians." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document (schema in docs/cli.md) instead of a table." };
        var command = new Command("calc", "Evaluate a vector or hyperplane function by the reference and by libtorch, with the gradient with respect to each input from both.")
        {
            operation, vectors, p, plane, degrees, json,
        };
        command.SetAction(parse => CliApp.Guard(terminal, () =>
        {
            var inputs = (parse.GetValue(vectors) ?? []).Select((v, i) => Arguments.Vector(v, $"vector {i + 1}")).ToList();
            var order = parse.GetValue(p) is string text ? Order(text) : (double?)null;
            var hyperplane = parse.GetValue(plane) is string planeText ? Arguments.Vector(planeText, "--plane") : null;
            var calculation = Calculations.Evaluate(parse.GetValue(operation)!, inputs, hyperplane, order);
            if (parse.GetValue(degrees)) calculation = Calculations.InDegrees(calculation);
            if (parse.GetValue(json)) Json.Write(terminal.Output, CalcOutput.Json(calculation));
            else CalcOutput.Write(terminal.Display, calculation);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static double Order(string text)
    {
        if (text is "inf" or "∞" or "Infinity") return double.PositiveInfinity;
        if (Numbers.TryParse(text, out var p)) return p;
        throw new UsageException($"--p is '{text}'; it must be a number ≥ 1 or inf");
    }
}
