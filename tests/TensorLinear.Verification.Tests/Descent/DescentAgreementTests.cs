using TensorLinear.Verification.Catalog;
using TensorLinear.Verification.Checks;
using TensorLinear.Verification.Tests.Agreement;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.Descent;

// Check 5: k epochs of gradient descent from the same start with the same step give the same weights, epoch by epoch,
// on the reference engine and on both paths of the torch engine (the canonical autograd loop and the one-pass kernel),
// and the same loss history.
public sealed class DescentAgreementTests(ITestOutputHelper output)
{
    public static TheoryData<string> Entries => Properties.EntriesWith(CheckKind.Descent);

    [Theory]
    [MemberData(nameof(Entries))]
    public void BothEnginesTakeTheSameStepsEpochByEpoch(string derivation)
    {
        var d = DerivationCatalog.Get(derivation);
        Properties.Check(d, "gradient descent", input => AgreementChecks.Run(CheckKind.Descent, d, input), output);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void BothTorchPathsAreCompared(string derivation)
    {
        var d = DerivationCatalog.Get(derivation);
        var result = AgreementChecks.Run(CheckKind.Descent, d, Verifier.Generate(d, seed: 1, caseIndex: 3, cases: 5));
        Assert.True(result.Passed, result.ToString());
        Assert.Equal(["reference engine vs torch engine", "reference engine vs torch-onepass engine"], result.Elements.Select(e => e.Pair).Distinct());
    }
}
