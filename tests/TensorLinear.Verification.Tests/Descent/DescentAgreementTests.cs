using TensorLinear.Verification.Catalog;
using TensorLinear.Verification.Checks;
using TensorLinear.Verification.Tests.Agreement;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.Descent;

// Check 5: k epochs of gradient descent from the same start with the same step give the same weights, epoch by epoch,
// on the reference engine and the torch engine (canonical autograd loop), and the same loss history.
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
}
