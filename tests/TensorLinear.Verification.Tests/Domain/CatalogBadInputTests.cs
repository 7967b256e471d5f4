using TensorLinear.Verification.Catalog;
using TensorLinear.Autograd;
using static TorchSharp.torch;

namespace TensorLinear.Verification.Tests.Domain;

// Bad input, entry by entry from the catalog: a NaN in any one variable of a well-posed case must be refused with a
// typed error by the reference and by the twin alike — never a crash, never a silent NaN; an infinity must be refused
// by both too, or (where the domain includes it, as σ(±∞) = 1, 0) give the same finite limit on both sides.
public sealed class CatalogBadInputTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var d in DerivationCatalog.All)
            for (var variable = 0; variable < 2; variable++) data.Add(d.Name, variable);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ANonFiniteVariableIsRefusedWithATypedErrorOnBothSides(string entry, int variable)
    {
        var derivation = DerivationCatalog.Get(entry);
        var input = Verifier.Generate(derivation, seed: 3, caseIndex: 10, cases: 20);
        var problem = derivation.Pose(input);
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity })
        {
            var theta = (double[])problem.Point.Clone();
            theta[Math.Min(variable, theta.Length - 1)] = bad;
            double[]? referenceValues = null, twinValues = null;
            var reference = Record.Exception(() => referenceValues = problem.Reference(theta));
            var twin = Record.Exception(() => twinValues = Twin(problem.Twin, theta));
            var what = $"{entry}, θ[{variable}] = {bad}";
            if (reference is null && twinValues is not null && double.IsInfinity(bad))
            {
                Assert.True(referenceValues!.All(double.IsFinite), $"{what}: the reference returned {string.Join(", ", referenceValues!)}");
                Assert.Equal(referenceValues, twinValues);
                continue;
            }
            Assert.True(reference is InvalidInputException, $"{what}: the reference {(reference is null ? "returned " + string.Join(", ", referenceValues!) : "threw " + reference.GetType().Name)}");
            Assert.True(twin is InvalidInputException, $"{what}: the twin {(twin is null ? "returned " + string.Join(", ", twinValues!) : "threw " + twin.GetType().Name + ": " + twin.Message)}");
        }
    }

    private static double[] Twin(Func<Tensor, Tensor> twin, double[] theta)
    {
        Torch.Initialize();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return twin(tensor(theta)).ToDoubles();
    }
}
