using TensorLinear.Verification.Catalog;
using TensorLinear.Verification.Checks;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.Agreement;

// Check 4: for MSE and log-loss, the hand Hessian agrees with the double-backward Hessian and with finite differences
// of the hand gradient.
public sealed class HessianTests(ITestOutputHelper output)
{
    public static TheoryData<string> Entries => Properties.EntriesWith(CheckKind.Hessian);

    [Theory]
    [MemberData(nameof(Entries))]
    public void HandHessianAgreesWithDoubleBackward(string derivation)
    {
        var d = DerivationCatalog.Get(derivation);
        Properties.Check(d, "Hessian", input => AgreementChecks.Run(CheckKind.Hessian, d, input), output);
    }
}
