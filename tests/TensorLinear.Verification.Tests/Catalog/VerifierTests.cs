using TensorLinear.Verification.Catalog;
using TensorLinear.Verification.Checks;

namespace TensorLinear.Verification.Tests.Catalog;

// The verification entry point: one row per derivation, progress, seeds that replay.
public sealed class VerifierTests
{
    [Fact]
    public void RunReportsOneRowPerDerivationAndProgressToTheEnd()
    {
        var entries = new[] { DerivationCatalog.Get("dot"), DerivationCatalog.Get("sigmoid"), DerivationCatalog.Get("linear regression") };
        var seen = new List<VerificationProgress>();
        var report = Verifier.Run(entries, cases: 4, seed: 3, new SynchronousProgress(seen.Add));

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(["dot", "sigmoid", "linear regression"], report.Derivations.Select(d => d.Name));
        Assert.All(report.Derivations, d => Assert.Equal(4, d.Cases));
        Assert.Equal(12, report.TotalCases);
        Assert.True(report.CasesPerSecond > 0);
        Assert.Equal(12, seen.Count);
        Assert.Equal(1.0, seen[^1].Fraction);
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.Fraction < p.Second.Fraction));

        var linear = report.Derivations[2];
        Assert.Equal([CheckKind.Values, CheckKind.Gradients, CheckKind.FiniteDifferences, CheckKind.Hessian, CheckKind.Descent, CheckKind.Identities, CheckKind.Taylor,
                      CheckKind.ReferenceTruth, CheckKind.TwinTruth, CheckKind.ForwardMode],
            linear.Checks.Select(c => c.Kind));
        Assert.NotNull(linear.Values!.LargestRelativeError);
        Assert.True(linear.Values.LargestRelativeError!.RelativeError <= linear.Values.LargestRelativeError.RelativeBound);
        var text = report.ToString();
        Assert.Contains("linear regression", text);
        Assert.Contains("all passed", text);
    }

    [Fact]
    public void TheSameSeedGeneratesTheSameCasesAndAnotherSeedOthers()
    {
        var dot = DerivationCatalog.Get("dot");
        var first = Verifier.Generate(dot, seed: 11, caseIndex: 5, cases: 50).ToString();
        Assert.Equal(first, Verifier.Generate(dot, seed: 11, caseIndex: 5, cases: 50).ToString());
        Assert.NotEqual(first, Verifier.Generate(dot, seed: 12, caseIndex: 5, cases: 50).ToString());
        var replayed = Verifier.Replay(dot, seed: 11, caseIndex: 5, cases: 50);
        Assert.All(replayed, r => Assert.Equal(first, r.Input.ToString()));
        Assert.All(replayed, r => Assert.Contains("seed: 11, caseIndex: 5", r.Replay));
    }

    [Fact]
    public void EveryEntryHasAUniqueNameAndAtLeastTheValueCheck()
    {
        var names = DerivationCatalog.All.Select(d => d.Name).ToArray();
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.All(DerivationCatalog.All, d => Assert.Equal(CheckKind.Values, d.Checks[0]));
        Assert.Throws<KeyNotFoundException>(() => DerivationCatalog.Get("no such derivation"));
        Assert.Throws<OutOfDomainException>(() => Verifier.Run(cases: 0));
    }

    private sealed class SynchronousProgress(Action<VerificationProgress> report) : IProgress<VerificationProgress>
    {
        public void Report(VerificationProgress value) => report(value);
    }
}
