using TensorLinear.Verification.Catalog;
using TensorLinear.Verification.Checks;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.Agreement;

// Check 3: both the hand gradient and autograd's agree with the gradient checker's finite differences of the reference
// function, within the finite difference's own truncation and rounding error plus the gradient's bound; at a kink,
// both lie between the one-sided slopes.
public sealed class FiniteDifferenceAgreementTests(ITestOutputHelper output)
{
    public static TheoryData<string> Entries => Properties.EntriesWith(CheckKind.FiniteDifferences);

    [Theory]
    [MemberData(nameof(Entries))]
    public void HandAndAutogradGradientsAgreeWithFiniteDifferences(string derivation)
    {
        var d = DerivationCatalog.Get(derivation);
        Properties.Check(d, "finite differences", input => AgreementChecks.Run(CheckKind.FiniteDifferences, d, input), output);
    }
}
