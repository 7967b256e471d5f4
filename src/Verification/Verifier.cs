using TensorLinear.Verification.Cases;
using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using TensorLinear.Verification.Catalog;
using TensorLinear.Verification.Checks;

namespace TensorLinear.Verification;

/// <summary>
/// The verification entry point: runs every check of every catalog entry on generated cases and returns a report
/// with one row per derivation, for the command-line tool (<c>tensorlinear verify --cases N --seed S</c>) to print.
/// </summary>
/// <example>
/// C#: <c>var report = Verifier.Run(cases: 200, seed: 1); Console.WriteLine(report);</c><br/>
/// F#: <c>let report = Verifier.Run(200, 1, null)</c>
/// </example>
public static class Verifier
{
    /// <summary>How many failures of each check a derivation report keeps in full (the count is always exact).</summary>
    public const int MaxFailuresPerCheck = 3;

    /// <summary>Runs the whole catalog (<see cref="DerivationCatalog.All"/>).</summary>
    /// <param name="cases">Cases per derivation (≥ 1).</param>
    /// <param name="seed">The seed; the same seed generates the same cases.</param>
    /// <param name="progress">Told after every case.</param>
    public static VerificationReport Run(int cases = 200, int seed = 1, IProgress<VerificationProgress>? progress = null) =>
        Run(DerivationCatalog.All, cases, seed, progress);

    /// <summary>Runs the given derivations.</summary>
    /// <param name="derivations">The entries to check (the catalog's, or your own).</param>
    /// <param name="cases">Cases per derivation (≥ 1).</param>
    /// <param name="seed">The seed; the same seed generates the same cases.</param>
    /// <param name="progress">Told after every case.</param>
    /// <exception cref="OutOfDomainException"><paramref name="cases"/> is below 1.</exception>
    public static VerificationReport Run(IReadOnlyList<Derivation> derivations, int cases, int seed, IProgress<VerificationProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(derivations);
        if (cases < 1) throw new OutOfDomainException(nameof(cases), FormattableString.Invariant($"is {cases}; at least one case per derivation is needed"));
        var clock = Stopwatch.StartNew();
        var reports = new List<DerivationReport>(derivations.Count);
        for (var k = 0; k < derivations.Count; k++)
        {
            var index = k;
            reports.Add(RunDerivation(derivations[k], cases, seed,
                done => progress?.Report(new VerificationProgress(derivations[index].Name, index, derivations.Count, done, cases))));
        }
        return new VerificationReport { Derivations = reports, CasesPerDerivation = cases, Seed = seed, Elapsed = clock.Elapsed };
    }

    /// <summary>
    /// Case <paramref name="caseIndex"/> of a run with the given seed and number of cases, as the run generated it:
    /// its FsCheck seed comes from (seed, derivation, case) and its size ramps from 0 to 100 over the run, as in FsCheck.
    /// </summary>
    public static CaseInput Generate(Derivation derivation, int seed, int caseIndex, int cases)
    {
        ArgumentNullException.ThrowIfNull(derivation);
        var rnd = new Rnd(CaseSeed(seed, derivation.Name, caseIndex), 0x9E3779B97F4A7C15UL);
        var size = cases <= 1 ? 100 : (int)Math.Round(100.0 * caseIndex / (cases - 1));
        return derivation.Cases.Sample(1, rnd, size)[0];
    }

    /// <summary>Replays one case of a run: regenerates it and runs every check on it.</summary>
    public static IReadOnlyList<CheckResult> Replay(Derivation derivation, int seed, int caseIndex, int cases)
    {
        var input = Generate(derivation, seed, caseIndex, cases);
        return [.. AgreementChecks.RunAll(derivation, input).Select(r => r with { Replay = ReplayText(derivation, seed, caseIndex, cases) })];
    }

    private static DerivationReport RunDerivation(Derivation derivation, int cases, int seed, Action<int> done)
    {
        var clock = Stopwatch.StartNew();
        var results = new List<(int Case, CheckResult Result)>();
        for (var k = 0; k < cases; k++)
        {
            var input = Generate(derivation, seed, k, cases);
            var replay = ReplayText(derivation, seed, k, cases);
            var index = k;
            results.AddRange(AgreementChecks.RunAll(derivation, input).Select(r => (index, r with { Replay = replay })));
            done(k + 1);
        }
        var summaries = derivation.Checks.Select(kind => Summarise(kind, [.. results.Select(r => r.Result).Where(r => r.Kind == kind)],
            kind == CheckKind.Identities ? cases * derivation.Identities.Count : cases)).ToArray();
        var failures = results.Where(r => !r.Result.Passed).GroupBy(r => r.Result.Kind)
            .SelectMany(g => g.Take(MaxFailuresPerCheck))
            .Select(r => new FailureDetail
            {
                Derivation = derivation.Name, Check = r.Result.Kind, Case = r.Case, Seed = seed, Cases = cases, Result = r.Result,
            }).ToArray();
        return new DerivationReport
        {
            Name = derivation.Name, Formula = derivation.Formula, References = derivation.ReferenceNames, Twins = derivation.TwinNames, Input = derivation.InputType.Name,
            Cases = cases, Checks = summaries, Failures = failures, Elapsed = clock.Elapsed,
        };
    }

    private static CheckSummary Summarise(CheckKind kind, List<CheckResult> results, int asked)
    {
        var ran = results.Where(r => !r.Skipped).ToList();
        var elements = ran.SelectMany(r => r.Elements).ToList();
        var orders = ran.Select(r => r.ObservedOrder).OfType<double>().Where(o => !double.IsNaN(o)).ToList();
        return new CheckSummary
        {
            Kind = kind,
            Cases = ran.Count,
            Skipped = results.Count - ran.Count,
            SkippedAtKink = results.Count(r => r.SkippedAtKink),
            Asked = asked,
            Failures = ran.Count(r => !r.Passed),
            Worst = elements.Count == 0 ? null : elements.MaxBy(e => e.Ratio),
            LargestRelativeError = elements.Count == 0 ? null : elements.MaxBy(e => e.RelativeError),
            LowestOrder = kind != CheckKind.Taylor ? null : orders.Count == 0 ? double.NaN : orders.Min(),
            AtRoundingLevel = kind != CheckKind.Taylor ? 0 : ran.Count(r => r.ObservedOrder is double o && double.IsNaN(o) && r.Passed),
        };
    }

    // (seed, derivation, case) → a 64-bit seed by SplitMix64 over the three, so that cases are independent and each
    // derivation's sequence does not depend on which other derivations run.
    private static ulong CaseSeed(int seed, string derivation, int caseIndex)
    {
        var h = (ulong)(uint)seed;
        foreach (var ch in derivation) h = Mix(h ^ ch);
        return Mix(h ^ (ulong)(uint)caseIndex * 0xD1B54A32D192ED03UL);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static string ReplayText(Derivation derivation, int seed, int caseIndex, int cases) =>
        FormattableString.Invariant($"Verifier.Replay(DerivationCatalog.Get(\"{derivation.Name}\"), seed: {seed}, caseIndex: {caseIndex}, cases: {cases})");
}
