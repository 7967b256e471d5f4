using TensorLinear.Autograd;
using System.CommandLine;
using TensorLinear.Cli.Output;
using TensorLinear.Cli.Runtime;
using TensorLinear.Verification;
using TensorLinear.Verification.Catalog;

namespace TensorLinear.Cli.Commands;

/// <summary>
/// <c>tensorlinear verify</c>: runs the agreement catalog — every derivation, hand-derived against libtorch, on
/// generated cases — and exits 0 only when everything agrees within its bound (docs/cli.md).
/// </summary>
internal static class VerifyCommand
{
    internal static Command Create(Terminal terminal)
    {
        var cases = new Option<int>("--cases") { Description = "Cases generated per derivation.", DefaultValueFactory = _ => 200, HelpName = "N", CustomParser = Arguments.WholeNumber("--cases") };
        var seed = new Option<int>("--seed") { Description = "The seed: the same seed generates the same cases.", DefaultValueFactory = _ => 1, HelpName = "S", CustomParser = Arguments.WholeNumber("--seed") };
        var json = new Option<bool>("--json") { Description = "Print one JSON document (schema in docs/cli.md) instead of the table." };
        var command = new Command("verify", "Check every derivation: the hand-derived reference against libtorch on generated cases, values and gradients within derived bounds.")
        {
            cases, seed, json,
        };
        command.SetAction(parse => CliApp.Guard(terminal, () => Run(terminal, parse.GetValue(cases), parse.GetValue(seed), parse.GetValue(json))));
        return command;
    }

    internal static int Run(Terminal terminal, int cases, int seed, bool json) => Run(terminal, DerivationCatalog.All, cases, seed, json);

    // The command on a given catalog: the shipped one, or (in the tests) one built with a planted wrong derivation.
    internal static int Run(Terminal terminal, IReadOnlyList<Derivation> catalog, int cases, int seed, bool json)
    {
        if (cases < 1) throw new UsageException($"--cases is {cases}; at least one case per derivation is needed");
        Torch.Initialize();
        var total = catalog.Count * cases;
        var report = terminal.WithProgress("verify", json, bar =>
        {
            var steps = bar.Task($"{catalog.Count} derivations × {cases} cases", total);
            return Verifier.Run(catalog, cases, seed, new Progress(steps));
        });
        if (json) Json.Write(terminal.Output, VerifyOutput.Json(report));
        else VerifyOutput.Write(terminal.Display, report);
        return report.Passed ? ExitCodes.Success : ExitCodes.Disagreement;
    }

    // Cases done over the whole run, for the bar.
    private sealed class Progress(IProgress<int> bar) : IProgress<VerificationProgress>
    {
        public void Report(VerificationProgress value) => bar.Report(value.DerivationIndex * value.Cases + value.CasesDone);
    }
}
