using System.Globalization;
using System.Text;
using TensorLinear.Verification.Checks;

namespace TensorLinear.Verification;

/// <summary>Where a verification run is: the derivation being checked and how many of its cases are done.</summary>
/// <param name="Derivation">The derivation being checked.</param>
/// <param name="DerivationIndex">Its position in the run (0-based).</param>
/// <param name="DerivationCount">How many derivations the run checks.</param>
/// <param name="CasesDone">Cases of this derivation finished.</param>
/// <param name="Cases">Cases per derivation.</param>
public sealed record VerificationProgress(string Derivation, int DerivationIndex, int DerivationCount, int CasesDone, int Cases)
{
    /// <summary>The fraction of the whole run done, in [0, 1].</summary>
    public double Fraction => DerivationCount == 0 || Cases == 0 ? 1.0 : (DerivationIndex * (double)Cases + CasesDone) / (DerivationCount * (double)Cases);
}

/// <summary>What one check showed over all the cases of one derivation.</summary>
public sealed record CheckSummary
{
    /// <summary>The check.</summary>
    public required CheckKind Kind { get; init; }

    /// <summary>Cases on which the check ran (an entry with several identities counts each identity once per case).</summary>
    public required int Cases { get; init; }

    /// <summary>Cases the check did not run on (<see cref="SkippedAtKink"/> of them at a kink, by declaration).</summary>
    public required int Skipped { get; init; }

    /// <summary>Of <see cref="Skipped"/>, the Taylor test's cases with every variable at a kink (<see cref="CheckResult.SkippedAtKink"/>).</summary>
    public int SkippedAtKink { get; init; }

    /// <summary>Cases the check was asked to run on: the run's cases (times the identities, for <see cref="CheckKind.Identities"/>).</summary>
    public required int Asked { get; init; }

    /// <summary>Cases asked for that the check did not run on and that no declaration excuses: any is a failure.</summary>
    public int Shortfall => Asked - Cases - SkippedAtKink;

    /// <summary>Cases on which the check failed.</summary>
    public required int Failures { get; init; }

    /// <summary>Over all cases, the element with the largest error/bound ratio (null when nothing was compared).</summary>
    public ElementCheck? Worst { get; init; }

    /// <summary>Over all cases, the element with the largest error relative to its scale, with its relative bound.</summary>
    public ElementCheck? LargestRelativeError { get; init; }

    /// <summary>For the Taylor test: the lowest observed order over the cases that observed one (NaN when none did).</summary>
    public double? LowestOrder { get; init; }

    /// <summary>For the Taylor test: how many cases were at rounding level (no order observable; they pass).</summary>
    public int AtRoundingLevel { get; init; }

    /// <summary>True when no case failed and the check ran on every case it was asked for (<see cref="Shortfall"/> = 0).</summary>
    public bool Passed => Failures == 0 && Shortfall == 0;
}

/// <summary>A failed check on one case, with the text report and the seed that replays it.</summary>
public sealed record FailureDetail
{
    /// <summary>The derivation.</summary>
    public required string Derivation { get; init; }

    /// <summary>The check that failed.</summary>
    public required CheckKind Check { get; init; }

    /// <summary>The case's index in the run (0-based).</summary>
    public required int Case { get; init; }

    /// <summary>The run's seed: <c>Verifier.Replay(derivation, Seed, Case, Cases)</c> regenerates the case.</summary>
    public required int Seed { get; init; }

    /// <summary>The run's number of cases per derivation (the case's size depends on it).</summary>
    public required int Cases { get; init; }

    /// <summary>The check's full result: the worst elements, each side's values, the errors and bounds, the input.</summary>
    public required CheckResult Result { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Result.ToString();
}

/// <summary>The verification of one derivation: its checks summarised over all cases, and the failures.</summary>
public sealed record DerivationReport
{
    /// <summary>The derivation's name.</summary>
    public required string Name { get; init; }

    /// <summary>Its formula.</summary>
    public required string Formula { get; init; }

    /// <summary>The reference functions checked, "Type.Method", from the entry's delegates (<see cref="Catalog.Derivation.ReferenceNames"/>).</summary>
    public required IReadOnlyList<string> References { get; init; }

    /// <summary>The tensor twins checked, "Type.Method", from the entry's delegates.</summary>
    public required IReadOnlyList<string> Twins { get; init; }

    /// <summary>The type of the entry's input, e.g. "PairCase" (<see cref="Catalog.Derivation.InputType"/>).</summary>
    public required string Input { get; init; }

    /// <summary>Cases generated.</summary>
    public required int Cases { get; init; }

    /// <summary>One summary per check that applies.</summary>
    public required IReadOnlyList<CheckSummary> Checks { get; init; }

    /// <summary>The failures, at most the first few per check (<see cref="Verifier.MaxFailuresPerCheck"/>).</summary>
    public required IReadOnlyList<FailureDetail> Failures { get; init; }

    /// <summary>How long the derivation took.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>True when every check passed on every case.</summary>
    public bool Passed => Checks.All(c => c.Passed);

    /// <summary>The values check.</summary>
    public CheckSummary? Values => Find(CheckKind.Values);

    /// <summary>The gradient comparison shown in a summary row: hand vs autograd where there is a hand derivative, else autograd vs finite differences.</summary>
    public CheckSummary? Gradients => Find(CheckKind.Gradients) ?? Find(CheckKind.FiniteDifferences);

    /// <summary>The summary of one check, or null when it does not apply.</summary>
    public CheckSummary? Find(CheckKind kind) => Checks.FirstOrDefault(c => c.Kind == kind);
}

/// <summary>
/// The result of <see cref="Verifier.Run(int, int, IProgress{VerificationProgress}?)"/>: one row per derivation (cases, worst relative error on
/// values and on gradients against their bounds, verdict), the totals, and the failures with their replay seeds.
/// </summary>
public sealed record VerificationReport
{
    /// <summary>One report per derivation, in catalog order.</summary>
    public required IReadOnlyList<DerivationReport> Derivations { get; init; }

    /// <summary>Cases per derivation.</summary>
    public required int CasesPerDerivation { get; init; }

    /// <summary>The seed of the run.</summary>
    public required int Seed { get; init; }

    /// <summary>How long the run took.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>True when every derivation passed.</summary>
    public bool Passed => Derivations.All(d => d.Passed);

    /// <summary>Cases generated over all derivations.</summary>
    public int TotalCases => Derivations.Sum(d => d.Cases);

    /// <summary>Checks run over all derivations and cases (each identity counted once).</summary>
    public int TotalChecks => Derivations.Sum(d => d.Checks.Sum(c => c.Cases));

    /// <summary>Cases per second of wall-clock time, all checks of a case included.</summary>
    public double CasesPerSecond => Elapsed.TotalSeconds > 0 ? TotalCases / Elapsed.TotalSeconds : 0;

    /// <summary>Every failure, derivation by derivation.</summary>
    public IReadOnlyList<FailureDetail> Failures => [.. Derivations.SelectMany(d => d.Failures)];

    /// <summary>
    /// The report as text: a table with one row per derivation — cases, the largest relative error on values and on
    /// gradients with the bound at that element, the lowest Taylor order, the verdict — then the totals and the
    /// failures in full.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        var rows = new List<string[]> { new[] { "derivation", "cases", "value rel. error (bound)", "gradient rel. error (bound)", "Taylor order", "verdict" } };
        foreach (var d in Derivations)
        {
            var taylor = d.Find(CheckKind.Taylor);
            rows.Add([
                d.Name, d.Cases.ToString(CultureInfo.InvariantCulture), Cell(d.Values), Cell(d.Gradients),
                taylor?.LowestOrder is double o && !double.IsNaN(o) ? o.ToString("F2", CultureInfo.InvariantCulture) : "—",
                d.Passed ? "ok" : "FAILED (" + string.Join(", ", d.Checks.Where(c => !c.Passed).Select(Verdict)) + ")",
            ]);
        }
        CheckResult.AppendTable(text, rows);
        text.AppendLine(FormattableString.Invariant(
            $"{Derivations.Count} derivations, {TotalCases} cases, {TotalChecks} checks, seed {Seed}: {Elapsed.TotalSeconds:F1} s, {CasesPerSecond:F0} cases/s — {(Passed ? "all passed" : $"{Failures.Count} failure(s)")}"));
        foreach (var failure in Failures)
        {
            text.AppendLine();
            text.Append(failure.Result.ToString());
        }
        return text.ToString();
    }

    // A failed check, and how many cases it ran when it ran fewer than asked.
    private static string Verdict(CheckSummary c) =>
        c.Shortfall == 0 ? c.Kind.ToString() : FormattableString.Invariant($"{c.Kind}: ran {c.Cases} of {c.Asked} cases");

    private static string Cell(CheckSummary? summary)
    {
        if (summary?.LargestRelativeError is not ElementCheck e) return "—";
        return $"{CheckResult.Sci(e.RelativeError)} ({CheckResult.Sci(e.RelativeBound)})";
    }
}
