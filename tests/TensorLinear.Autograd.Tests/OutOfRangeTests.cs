using TensorLinear.Autograd;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Tests;

// The tensor twins on finite inputs whose results are beyond double's range, or whose plain libtorch evaluation
// overflows though the result is not: out of range is said to be (OutOfDomainException, as the reference says it),
// never returned as ∞ or NaN.
public sealed class OutOfRangeTests
{
    public OutOfRangeTests() => Torch.Initialize();

    private static Tensor V(params double[] values) => tensor(values);

    [Fact]
    public void ADotProductBeyondDoubleIsSaidToBeOutOfRange()
    {
        using var scope = NewDisposeScope();
        // 1e400 + 1: libtorch's dot is ∞ (calc dot printed Infinity with a NaN difference).
        var e = Assert.Throws<OutOfDomainException>(() => TensorVector.Dot(V(1e200, 1), V(1e200, 1)));
        Assert.Contains("xᵀy is out of range", e.Message);
    }

    [Fact]
    public void ADotProductWhosePlainSumOverflowsButCancelsIsExact()
    {
        using var scope = NewDisposeScope();
        // 1e400 − 1e400: libtorch's dot is ∞ − ∞ = NaN; rescaled by 2⁻⁶⁶⁴ each, (1·1 − 1·1)·2¹³²⁸ = 0 exactly.
        Assert.Equal(0.0, TensorVector.Dot(V(1e200, 1e200), V(1e200, -1e200)).ToDouble());
    }

    [Fact]
    public void NormsBeyondDoubleAreSaidToBeOutOfRange()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<OutOfDomainException>(() => TensorVector.Norm1(V(1e308, 1e308)));      // 2e308 (calc norm --p 1)
        Assert.Throws<OutOfDomainException>(() => TensorVector.Norm2(V(1.5e308, 1.5e308)));  // 2.1e308
        Assert.Throws<OutOfDomainException>(() => TensorVector.Distance(V(1e308, 0), V(-1e308, 0), 2.0));
        Assert.Equal(1e308, TensorVector.NormInf(V(1e308, 1e308)).ToDouble());
    }

    [Fact]
    public void AProjectionWhoseScalarOverflowsIsExactAndTheScalarIsOutOfRange()
    {
        using var scope = NewDisposeScope();
        // xᵀŷ = 1.5e308·√2 is beyond double; the projection (1.5e308, 1.5e308, 0) is not, and ∞·ŷ₃ must not make it NaN.
        Assert.Throws<OutOfDomainException>(() => TensorVector.ScalarProjection(V(1.5e308, 1.5e308, 0), V(1, 1, 0)));
        var projection = TensorVector.Project(V(1.5e308, 1.5e308, 0), V(1, 1, 0)).ToDoubles();
        // On the copy scaled by 2⁻¹⁰²³: ŷ 2u, the dot 3u, the product u, each component within 6u.
        Expect.Within(1.5e308, projection[0], 6 * 1.1102230246251565e-16 * 1.5e308);
        Expect.Within(1.5e308, projection[1], 6 * 1.1102230246251565e-16 * 1.5e308);
        Assert.Equal(0.0, projection[2]);
    }

    [Fact]
    public void APointNearTheTopOfTheRangeHasItsDistanceAndSideThoughItsScoreIsOutOfRange()
    {
        using var scope = NewDisposeScope();
        // The reference's case: d = 2e308/√2 = 1.414e308; libtorch's wᵀx is ∞, so d was ∞.
        Tensor w = V(1, 1), b = tensor(0.0), x = V(1e308, 1e308);
        Expect.Within(Math.Sqrt(2) * 1e308, TensorHyperplane.SignedDistance(w, b, x).ToDouble(), 4e-16 * 1.5e308);
        Assert.Equal(1.0, TensorHyperplane.Side(w, b, x).ToDouble());
        Assert.Throws<OutOfDomainException>(() => TensorHyperplane.Evaluate(w, b, x));
    }
}
