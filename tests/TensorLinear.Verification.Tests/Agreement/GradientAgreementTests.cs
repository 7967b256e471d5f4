using TensorLinear.Verification.Catalog;
using TensorLinear.Verification.Checks;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.Agreement;

// Check 2: the hand-derived gradient (or Jacobian) agrees with libtorch autograd's, entry by entry, within the sum of
// the two sides' derived bounds.
public sealed class GradientAgreementTests(ITestOutputHelper output)
{
    public static TheoryData<string> Entries => Properties.EntriesWith(CheckKind.Gradients);

    [Theory]
    [MemberData(nameof(Entries))]
    public void HandGradientAgreesWithAutograd(string derivation)
    {
        var d = DerivationCatalog.Get(derivation);
        Properties.Check(d, "hand vs autograd", input => AgreementChecks.Run(CheckKind.Gradients, d, input), output);
    }
}
