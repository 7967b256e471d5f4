using TensorLinear.Verification.Catalog;
using TensorLinear.Verification.Checks;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.Agreement;

// Check 1: for every derivation, the reference's value agrees with the tensor twin's within the sum of their derived
// forward-error bounds.
public sealed class ValueAgreementTests(ITestOutputHelper output)
{
    public static TheoryData<string> Entries => Properties.EntriesWith(CheckKind.Values);

    [Theory]
    [MemberData(nameof(Entries))]
    public void ReferenceAndTwinValuesAgreeWithinTheirRoundingBounds(string derivation)
    {
        var d = DerivationCatalog.Get(derivation);
        Properties.Check(d, "values", input => AgreementChecks.Run(CheckKind.Values, d, input), output);
    }
}
