using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using TensorLinear.Verification;
using TensorLinear.Verification.Checks;

namespace TensorLinear.Cli.Output;

/// <summary>
/// The output of <c>tensorlinear verify</c>: one row per derivation with the largest relative error on values and on
/// gradients beside the bound at that element, the verdict, the failures in full, and a summary line.
/// </summary>
internal static class VerifyOutput
{
    public static void Write(IAnsiConsole console, VerificationReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn(new Text("derivation")))
            .AddColumn(new TableColumn(new Text("cases")).RightAligned())
            .AddColumn(new TableColumn(new Text("values: rel. error ≤ bound")).RightAligned())
            .AddColumn(new TableColumn(new Text("gradients: rel. error ≤ bound")).RightAligned())
            .AddColumn(new TableColumn(new Text("verdict")));
        foreach (var d in report.Derivations)
        {
            table.AddRow(
                new Text(d.Name),
                Right(d.Cases.ToString(CultureInfo.InvariantCulture)),
                Right(Cell(d.Values)),
                Right(Cell(d.Gradients)),
                new Text(d.Passed ? "agrees" : "DISAGREES: " + string.Join(", ", d.Checks.Where(c => !c.Passed).Select(Verdict))));
        }
        console.Write(table);
        foreach (var failure in report.Failures)
        {
            console.WriteLine();
            foreach (var line in Abridged(failure.Result.ToString())) console.Profile.Out.Writer.WriteLine(line);
        }
        console.WriteLine();
        console.WriteLine(Summary(report));
    }

    // A failure's report names the check, the worst elements and the input that replays it; the input of a data-set
    // case runs to thousands of numbers, so the table shows the first lines, each cut short, and --json carries it all.
    private const int FailureLines = 12, LineWidth = 220;

    private static IEnumerable<string> Abridged(string report)
    {
        var lines = report.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        foreach (var line in lines.Take(FailureLines))
            yield return line.Length <= LineWidth ? line : line[..LineWidth] + " …";
        if (lines.Count > FailureLines) yield return $"… {lines.Count - FailureLines} more lines (--json has the whole report)";
    }

    /// <summary>The closing line: how much ran, how long it took, and the verdict.</summary>
    public static string Summary(VerificationReport report)
    {
        var failed = report.Derivations.Count(d => !d.Passed);
        return FormattableString.Invariant(
            $"{report.Derivations.Count} derivations, {report.TotalCases} cases, {report.TotalChecks} checks, seed {report.Seed}, {report.Elapsed.TotalSeconds:F1} s: ") +
            (failed == 0 ? "everything agrees" : $"{failed} derivation{(failed == 1 ? "" : "s")} disagree{(failed == 1 ? "s" : "")} ({report.Failures.Count} failing case{(report.Failures.Count == 1 ? "" : "s")} shown above)");
    }

    // A failed check by name, with the cases it ran when it ran fewer than asked.
    private static string Verdict(CheckSummary c) =>
        c.Shortfall == 0 ? Name(c.Kind) : FormattableString.Invariant($"{Name(c.Kind)} (ran {c.Cases} of {c.Asked} cases)");

    public static JsonObject Json(VerificationReport report) => new()
    {
        ["command"] = "verify",
        ["cases"] = report.CasesPerDerivation,
        ["seed"] = report.Seed,
        ["passed"] = report.Passed,
        ["seconds"] = Output.Json.Number(report.Elapsed.TotalSeconds),
        ["derivations"] = new JsonArray([.. report.Derivations.Select(d => (JsonNode)new JsonObject
        {
            ["name"] = d.Name,
            ["formula"] = d.Formula,
            ["references"] = new JsonArray([.. d.References.Select(r => (JsonNode)r)]),
            ["twins"] = new JsonArray([.. d.Twins.Select(t => (JsonNode)t)]),
            ["input"] = d.Input,
            ["cases"] = d.Cases,
            ["passed"] = d.Passed,
            ["values"] = Worst(d.Values),
            ["gradients"] = Worst(d.Gradients),
            // Each engine's error against the truth (the entry's definition in double-double), beside its own bound.
            ["referenceVsTruth"] = Worst(d.Find(CheckKind.ReferenceTruth)),
            ["twinVsTruth"] = Worst(d.Find(CheckKind.TwinTruth)),
            ["forwardMode"] = Worst(d.Find(CheckKind.ForwardMode)),
            ["checks"] = new JsonArray([.. d.Checks.Select(c => (JsonNode)new JsonObject
            {
                ["kind"] = Name(c.Kind),
                ["asked"] = c.Asked,
                ["cases"] = c.Cases,
                ["skipped"] = c.Skipped,
                ["skippedAtKink"] = c.SkippedAtKink,
                ["shortfall"] = c.Shortfall,
                ["failures"] = c.Failures,
                ["passed"] = c.Passed,
            })]),
            ["failures"] = new JsonArray([.. d.Failures.Select(f => (JsonNode)new JsonObject
            {
                ["check"] = Name(f.Check),
                ["case"] = f.Case,
                ["replay"] = f.Result.Replay,
                ["report"] = f.Result.ToString(),
            })]),
        })]),
        ["summary"] = new JsonObject
        {
            ["derivations"] = report.Derivations.Count,
            ["failedDerivations"] = report.Derivations.Count(d => !d.Passed),
            ["cases"] = report.TotalCases,
            ["checks"] = report.TotalChecks,
        },
    };

    // The element with the largest error relative to its scale, and the bound relative to the same scale.
    private static JsonObject? Worst(CheckSummary? summary) => summary is null ? null : new JsonObject
    {
        ["check"] = Name(summary.Kind),
        ["relativeError"] = Output.Json.Number(summary.LargestRelativeError?.RelativeError),
        ["relativeBound"] = Output.Json.Number(summary.LargestRelativeError?.RelativeBound),
        ["element"] = summary.LargestRelativeError?.Element,
        ["failures"] = summary.Failures,
    };

    private static string Cell(CheckSummary? summary) =>
        summary?.LargestRelativeError is not ElementCheck e ? "—"
        // Every element exact: the bound beside the first of them says nothing.
        : e.RelativeError == 0.0 ? "0"
        : $"{Format.Difference(e.RelativeError)} ≤ {Format.Difference(e.RelativeBound)}";

    // camelCase check names, as in JSON elsewhere: "values", "finiteDifferences".
    private static string Name(CheckKind kind) => char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];

    private static Text Right(string value) => new(value) { Justification = Justify.Right };
}
