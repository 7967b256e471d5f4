using TensorLinear.Verification.Catalog;
using TensorLinear.Verification.Checks;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.Agreement;

// Check 7: along a random direction v (seeded by the case), |f(x + hv) − f(x) − h∇f(x)ᵀv| shrinks like h² as h halves:
// the observed order is about 2, with no tolerance to choose.
public sealed class TaylorTests(ITestOutputHelper output)
{
    public static TheoryData<string> Entries => Properties.EntriesWith(CheckKind.Taylor);

    [Theory]
    [MemberData(nameof(Entries))]
    public void TaylorRemainderOfTheGradientIsSecondOrder(string derivation)
    {
        var d = DerivationCatalog.Get(derivation);
        Properties.Check(d, "Taylor test", input => AgreementChecks.Run(CheckKind.Taylor, d, input), output);
    }
}
