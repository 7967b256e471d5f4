using TensorLinear.Verification.Catalog;
using TensorLinear.Verification.Checks;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.Catalog;

// A deliberately wrong hand gradient must not survive the suite: the MSE entry with (1/n)(ŷ − y) in place of
// (2/n)(ŷ − y) — the factor 2 of the square forgotten — is caught three ways, and the report says which pair disagrees.
public sealed class WrongGradientTests(ITestOutputHelper output)
{
    // The shipped gradient halved: (1/n)(ŷ − y), planted through the catalog's seam.
    private static Derivation WrongMse()
    {
        var shipped = ReferenceFunctions.Shipped.MeanSquaredErrorGradient;
        var wrong = ReferenceFunctions.Shipped with { MeanSquaredErrorGradient = (y, p) => [.. shipped(y, p).Select(g => g / 2)] };
        return DerivationCatalog.Get(DerivationCatalog.Build(wrong), EntryNames.MeanSquaredError);
    }

    [Fact]
    public void AnMseGradientWithOneOverNInsteadOfTwoOverNIsCaughtAndReported()
    {
        var report = Verifier.Run([WrongMse()], cases: 20, seed: 7);
        output.WriteLine(report.ToString());

        var d = Assert.Single(report.Derivations);
        Assert.False(report.Passed);
        Assert.True(d.Values!.Passed); // the loss itself is right: only its gradient is wrong
        Assert.False(d.Find(CheckKind.Gradients)!.Passed);
        Assert.False(d.Find(CheckKind.FiniteDifferences)!.Passed);
        Assert.False(d.Find(CheckKind.Taylor)!.Passed);

        // Hand vs autograd: the hand value is half of autograd's, far outside a bound of a few ulps.
        var gradients = d.Failures.First(f => f.Check == CheckKind.Gradients).Result;
        var worst = gradients.Worst!;
        Assert.Equal(AgreementChecks.ReferenceVersusAutograd, worst.Pair);
        Assert.Equal(worst.Autograd!.Value / 2, worst.Reference, Math.Abs(worst.Reference) * 1e-12);
        Assert.Contains("DISAGREE: reference vs autograd", gradients.ToString());
        Assert.Contains("seed: 7", gradients.ToString());

        // Against finite differences it is the hand gradient that is out, while autograd agrees.
        var fd = d.Failures.First(f => f.Check == CheckKind.FiniteDifferences).Result;
        Assert.Contains(fd.Elements, e => !e.Passed && e.Pair == AgreementChecks.ReferenceVersusFiniteDifference);
        Assert.DoesNotContain(fd.Elements, e => !e.Passed && e.Pair == AgreementChecks.AutogradVersusFiniteDifference && e.Note is null);

        // The Taylor test sees the remainder shrink like h, not h²: observed order about 1.
        var taylor = d.Failures.First(f => f.Check == CheckKind.Taylor).Result;
        Assert.InRange(taylor.ObservedOrder!.Value, 0.8, 1.2);
        Assert.Contains("the gradient is wrong", taylor.Detail);
    }

    [Fact]
    public void TheRightMseGradientPassesTheSameCases()
    {
        var report = Verifier.Run([DerivationCatalog.Get(EntryNames.MeanSquaredError)], cases: 20, seed: 7);
        Assert.True(report.Passed, report.ToString());
    }
}
