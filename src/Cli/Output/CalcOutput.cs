using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using TensorLinear.Cli.Calc;

namespace TensorLinear.Cli.Output;

/// <summary>
/// The output of <c>tensorlinear calc</c>: every number with all its digits ("R"), since the point is to see how far
/// the two sides agree.
/// </summary>
internal static class CalcOutput
{
    public static void Write(IAnsiConsole console, Calculation calculation)
    {
        console.WriteLine($"calc   {calculation.Operation}: {calculation.Description}");
        foreach (var input in calculation.Inputs)
            console.WriteLine($"{input.Name,-6} {(input.Values.Length == 1 && input.Name == "w0" ? R(input.Values[0]) : Vector(input.Values))}");
        console.WriteLine();

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn(new Text("")))
            .AddColumn(new TableColumn(new Text("reference (by hand)")))
            .AddColumn(new TableColumn(new Text("libtorch (autograd)")))
            .AddColumn(new TableColumn(new Text("largest difference")).RightAligned());
        foreach (var quantity in (IEnumerable<Derivative>)[calculation.Value, .. calculation.Gradients])
        {
            table.AddRow(new Text(quantity.Label), new Text(Cell(quantity.Reference, quantity.IsScalar)), new Text(Cell(quantity.Torch, quantity.IsScalar)),
                         new Text(quantity.Difference is double d ? Format.Difference(d) : "—") { Justification = Justify.Right });
        }
        console.Write(table);
        foreach (var group in calculation.Gradients.Where(g => g.Reference.Declined is not null).GroupBy(g => g.Reference.Declined))
            console.WriteLine($"{string.Join(", ", group.Select(g => g.Label))}: undefined by hand here, since {group.Key}; libtorch returns its own convention.");
    }

    public static JsonObject Json(Calculation calculation)
    {
        var inputs = new JsonObject();
        foreach (var input in calculation.Inputs)
            inputs[input.Name] = input.Name == "w0" ? Output.Json.Number(input.Values[0]) : Output.Json.Numbers(input.Values);
        var gradients = new JsonObject();
        foreach (var (g, input) in calculation.Gradients.Zip(calculation.Inputs))
            gradients[input.Name] = Quantity(g);
        return new JsonObject
        {
            ["command"] = "calc",
            ["operation"] = calculation.Operation,
            ["description"] = calculation.Description,
            ["inputs"] = inputs,
            ["value"] = Quantity(calculation.Value),
            ["gradients"] = gradients,
        };
    }

    private static JsonObject Quantity(Derivative quantity) => new()
    {
        ["reference"] = Node(quantity.Reference, quantity.IsScalar),
        ["torch"] = Node(quantity.Torch, quantity.IsScalar),
        ["difference"] = Output.Json.Number(quantity.Difference),
        ["declined"] = quantity.Reference.Declined ?? quantity.Torch.Declined,
    };

    // A scalar as a number, a vector as an array, a Jacobian as an array of rows; null when the side declined.
    private static JsonNode? Node(Outcome outcome, bool scalar) => outcome.Rows switch
    {
        null => null,
        [var row] when scalar => Output.Json.Number(row[0]),
        [var row] => Output.Json.Numbers(row),
        var rows => new JsonArray([.. rows.Select(r => (JsonNode)Output.Json.Numbers(r))]),
    };

    private static string Cell(Outcome outcome, bool scalar) => outcome.Rows switch
    {
        null => "undefined",
        [var row] when scalar => R(row[0]),
        [var row] => Vector(row),
        var rows => string.Join("\n", rows.Select(Vector)),
    };

    private static string Vector(double[] values) => $"({string.Join(", ", values.Select(R))})";

    // Every digit, and a lower-case exponent as in the other tables.
    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
}
