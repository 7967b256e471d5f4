using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Tests;

// VectorNorm.Of: the p-norms over all elements or along a dimension, safe from overflow and underflow.
public sealed class VectorNormTests
{
    public VectorNormTests() => Torch.Initialize();

    private static double Norm(double p, params double[] x)
    {
        using var scope = NewDisposeScope();
        return VectorNorm.Of(tensor(x), p).ToDouble();
    }

    [Fact]
    public void TheOneTwoAndInfinityNormsOfSmallIntegersAreExact()
    {
        Assert.Equal(7.0, Norm(1, 3, -4, 0)); // 3 + 4 + 0
        Assert.Equal(5.0, Norm(2, 3, 4)); // √(9 + 16) = √25
        Assert.Equal(4.0, Norm(double.PositiveInfinity, 3, -4, 1)); // max(3, 4, 1)
    }

    [Fact]
    public void TheThreeNormIsTheCubeRootOfTheSumOfCubes()
    {
        // (1 + 8)^(1/3) = ∛9. libtorch raises to the rounded exponent 1/3 (its error moves the result by 9^δ − 1 ≈
        // 4e-17, under half an ulp) with a pow good to 1 ulp; Math.Cbrt is good to 1 ulp: within 4 ulps.
        Expect.WithinUlps(Math.Cbrt(9), Norm(3, 1, -2), 4);
    }

    [Fact]
    public void NormsAlongADimensionTakeOneNormPerRowOrColumn()
    {
        using var scope = NewDisposeScope();
        var m = tensor(new double[,] { { 3, -4 }, { -6, 8 } });
        Expect.Exact([5, 10], VectorNorm.Of(m, 2, dim: 1)); // row norms √25, √100
        Expect.Exact([Math.Sqrt(45), Math.Sqrt(80)], VectorNorm.Of(m, 2, dim: 0)); // 9 + 36 and 16 + 64 exact, √ correctly rounded
        Expect.Exact([7, 14], VectorNorm.Of(m, 1, dim: 1)); // 3 + 4, 6 + 8
        Expect.Exact([6, 8], VectorNorm.Of(m, double.PositiveInfinity, dim: 0)); // column maxima of |·|
        Assert.Equal([2L, 1L], VectorNorm.Of(m, 2, dim: 1, keepdim: true).shape);
        Expect.Exact([5, 10], VectorNorm.Of(m, 2, dim: -1)); // −1 counts from the end: the rows again
    }

    [Fact]
    public void ADimensionTheTensorDoesNotHaveIsADimensionMismatch()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<DimensionMismatchException>(() => VectorNorm.Of(ones(2, 3, dtype: float64), 2, dim: 2));
        Assert.Contains("a dimension lies in [-2, 1]", e.Message);
        Expect.EngineStillWorks();
    }

    [Fact]
    public void NormsOfHugeAndTinyVectorsNeitherOverflowNorUnderflow()
    {
        // By hand: ‖(a, a)‖₂ = a√2 and ‖(3a, 4a)‖₂ = 5a. Summing squares directly gives ∞ at a = 1e200 (1e400
        // overflows) and 0 at a = 1e-200; scaling by a power of two first is exact. Left: √2 and the product round
        // once each, right: squares, sum, root: within 4 ulps.
        Expect.WithinUlps(Math.Sqrt(2) * 1e200, Norm(2, 1e200, 1e200), 4);
        Expect.WithinUlps(5 * 1e-200, Norm(2, 3e-200, 4e-200), 4); // 3e-200 etc. are rounded inputs: 4 ulps
        Expect.WithinUlps(Math.Cbrt(2) * 1e200, Norm(3, 1e200, -1e200), 4); // (2a³)^(1/3)
        Assert.Equal(2e200, Norm(1, 1e200, -1e200)); // the sum of two equal terms: exact
        Assert.Equal(0.0, Norm(2, 0, 0, 0)); // nothing to scale by: still 0
        Assert.Equal(double.PositiveInfinity, Norm(2, 1, double.PositiveInfinity));
        using var scope = NewDisposeScope();
        var rows = VectorNorm.Of(tensor(new double[,] { { 1e200, 1e200 }, { 3, 4 } }), 2, dim: 1).ToDoubles();
        Expect.WithinUlps([Math.Sqrt(2) * 1e200, 5], rows, 4); // each row scaled by its own power of two
    }

    [Fact]
    public void TheGradientOfAHugeVectorsNormIsStillItsUnitVector()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 3e200, 4e200 }, requires_grad: true);
        // x/‖x‖ = (0.6, 0.8); unscaled, libtorch computes x/∞ = 0. The inputs 3e200, 4e200 are rounded, and the
        // quotient rounds: within 4 ulps.
        Expect.WithinUlps([0.6, 0.8], Torch.Gradient(VectorNorm.Of(x, 2), x), 4);
    }

    [Fact]
    public void AFractionalOrderIsUsedInDoublePrecision()
    {
        // ‖(1, 1)‖ₚ = 2^(1/p). With p rounded to float32, as TorchSharp's Tensor.norm(float) does, the result is
        // 2^(1/float32(p)), about 2e-9 away here; the double order keeps it within a few ulps.
        const double p = 4.109264943380499;
        Expect.WithinUlps(Math.Pow(2, 1 / p), Norm(p, 1, 1), 4);
    }
}
