using TensorLinear.Verification.Cases;
using FsCheck;
using FsCheck.Fluent;
using TensorLinear.Verification.Catalog;
using TensorLinear.Verification.Checks;

namespace TensorLinear.Verification.Tests.Truth;

// Checks 8–10 against defects the engines share, which every comparison of one engine with the other passes: a value
// both sides get wrong in the same way, and a derivative that hand and autograd agree on but that is not the
// derivative of the definition. Agreement is not truth.
public sealed class TruthCheckTests
{
    private static IEnumerable<CaseInput> Inputs(Derivation entry) =>
        entry.Cases.Sample(10, new Rnd(11UL, 0x9E3779B97F4A7C15UL), 20).Where(entry.Admits);

    // Both sides return (1 + 2⁻²⁰)·f: the values agree exactly, the truth disagrees by 1e-6 of the value.
    private static Derivation SharedValueDefect(Derivation entry) => entry.Rebound(p =>
    {
        const double factor = 1 + 1.0 / (1 << 20);
        return p with
        {
            Reference = t => [.. p.Reference(t).Select(v => v * factor)],
            Twin = t => { using TorchSharp.Scalar s = factor; return p.Twin(t).mul(s); },
        };
    });

    [Theory]
    [InlineData("dot")]
    [InlineData("angle")]
    [InlineData("bce (logits)")]
    [InlineData("logistic regression")]
    public void TheShippedEntriesAgreeWithTheTruthAndWithForwardMode(string name)
    {
        var entry = DerivationCatalog.Get(name);
        foreach (var input in Inputs(entry))
            foreach (var kind in new[] { CheckKind.ReferenceTruth, CheckKind.TwinTruth, CheckKind.ForwardMode })
            {
                var result = AgreementChecks.Run(kind, entry, input);
                Assert.True(result.Passed, result.ToString());
            }
    }

    [Theory]
    [InlineData("dot")]
    [InlineData("norm2")]
    [InlineData("mse")]
    [InlineData("linear regression")]
    public void AValueBothEnginesGetWrongTheSameWayPassesTheValuesCheckAndFailsTheTruth(string name)
    {
        var planted = SharedValueDefect(DerivationCatalog.Get(name));
        var visible = 0;
        foreach (var input in Inputs(planted))
        {
            Assert.True(AgreementChecks.Run(CheckKind.Values, planted, input).Passed, "the engines agree with each other");
            // The defect, 2⁻²⁰·|f|, shows where it exceeds the bound (not for a dot product that cancels to nearly 0,
            // whose bound scales with Σ|xᵢyᵢ|): there both truth checks must fail.
            var p = planted.Pose(input);
            var values = p.Reference(p.Point);
            var bounds = p.ValueError(p.Point);
            if (!values.Where((v, i) => Math.Abs(v) / (1 << 20) > 2 * bounds[i].Value).Any()) continue;
            visible++;
            Assert.False(AgreementChecks.Run(CheckKind.ReferenceTruth, planted, input).Passed);
            Assert.False(AgreementChecks.Run(CheckKind.TwinTruth, planted, input).Passed);
        }
        Assert.True(visible >= 5, $"only {visible} cases where the defect exceeds the bound");
    }

    [Fact]
    public void ADerivativeNotOfTheDefinitionFailsForwardModeEvenWhereNoHandDerivativeExists()
    {
        // The decision score's only derivative is autograd's of the twin. A twin of 2·wᵀx passes "values" against a
        // reference that is wrong the same way, and its autograd derivative, 2·(w, x), is then what finite differences of
        // the (wrong) reference see too; only the definition, s = wᵀx, says it is wrong.
        var entry = DerivationCatalog.Get("decision score");
        var doubled = entry.Rebound(p => p with
        {
            Reference = t => [.. p.Reference(t).Select(v => 2 * v)],
            Twin = t => { using TorchSharp.Scalar two = 2.0; return p.Twin(t).mul(two); },
        });
        foreach (var input in Inputs(doubled))
        {
            Assert.True(AgreementChecks.Run(CheckKind.Values, doubled, input).Passed);
            var forward = AgreementChecks.Run(CheckKind.ForwardMode, doubled, input);
            Assert.False(forward.Passed);
            Assert.Contains(AgreementChecks.AutogradVersusForwardMode, forward.ToString());
        }
    }

    [Theory]
    [InlineData("parallel")]
    [InlineData("perpendicular")]
    [InlineData("decision rule")]
    public void AVerdictBothEnginesFlipPassesTheValuesCheckAndFailsTheTruth(string name)
    {
        // Both sides answer 1 − verdict: they agree with each other on every case; the exact verdict says otherwise
        // wherever the case is not within rounding of its threshold.
        var flipped = DerivationCatalog.Get(name).Rebound(p => p with
        {
            Reference = t => [.. p.Reference(t).Select(v => 1 - v)],
            Twin = t => { using var one = TorchSharp.torch.ones(1, TorchSharp.torch.ScalarType.Float64); return one.sub(p.Twin(t)); },
        });
        var rejected = 0;
        foreach (var input in Inputs(flipped))
        {
            Assert.True(AgreementChecks.Run(CheckKind.Values, flipped, input).Passed, "the engines agree with each other");
            if (!AgreementChecks.Run(CheckKind.ReferenceTruth, flipped, input).Passed && !AgreementChecks.Run(CheckKind.TwinTruth, flipped, input).Passed) rejected++;
        }
        Assert.True(rejected >= 5, $"only {rejected} flipped verdicts rejected");
    }
}
