using TensorLinear.Verification.Catalog;
using TensorLinear.Verification.Checks;
using TensorLinear.Verification.Tests.Agreement;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.Identities;

// Check 6: the identities the mathematics implies — ‖unit(x)‖ = 1; projection idempotent, its residual orthogonal to y;
// Cauchy–Schwarz; a signed distance unchanged by scaling (w, w₀) by c > 0; the foot on the hyperplane; a gradient step
// of 1/L lowering the loss by ‖∇f‖²/(4L) — each on both sides, within its derived rounding bound.
public sealed class IdentityTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Entries
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var d in DerivationCatalog.All)
                foreach (var identity in d.Identities) data.Add(d.Name, identity.Name);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void IdentityHoldsOnBothSides(string derivation, string identity)
    {
        var d = DerivationCatalog.Get(derivation);
        var i = d.Identities.Single(x => x.Name == identity);
        Properties.Check(d, $"identity: {identity}", input => AgreementChecks.Identity(d, i, input), output);
    }
}
