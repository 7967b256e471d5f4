using TensorLinear.Autograd;
using TensorLinear.Numerics;

namespace TensorLinear.Autograd.Tests;

// Sums, means, extremes and norms, whole and along a dimension. Integer inputs keep every partial sum exact; the
// inexact cases bound the difference from a .NET loop with γₙ Σ|xᵢ| (Higham §4.2).
public sealed class ReductionTests
{
    private static Tensor Matrix23() => Tensor.FromMatrix(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });

    [Fact]
    public void SumOfAllElementsIsAScalar()
    {
        using var scope = Torch.NewScope();
        var s = Matrix23().Sum();
        Assert.Empty(s.Shape);
        Assert.Equal(21.0, s.ToScalar()); // 1 + … + 6 = 21
    }

    [Fact]
    public void SumAlongADimensionCollapsesIt()
    {
        using var scope = Torch.NewScope();
        Expect.Exact([5, 7, 9], Matrix23().Sum(0)); // column sums: 1+4, 2+5, 3+6
        Expect.Exact([6, 15], Matrix23().Sum(1)); // row sums
        Expect.Exact([6, 15], Matrix23().Sum(-1)); // −1 is the last dimension
        Assert.Equal([2L, 1L], Matrix23().Sum(1, keepDimension: true).Shape); // kept with size 1, for broadcasting back
    }

    [Fact]
    public void MeanIsTheSumOverTheCount()
    {
        using var scope = Torch.NewScope();
        Assert.Equal(3.5, Matrix23().Mean().ToScalar()); // 21/6
        Expect.Exact([2.5, 3.5, 4.5], Matrix23().Mean(0)); // column means: 5/2, 7/2, 9/2
        Expect.Exact([2, 5], Matrix23().Mean(1)); // 6/3, 15/3
        Assert.Equal([1L, 3L], Matrix23().Mean(0, keepDimension: true).Shape);
    }

    [Fact]
    public void MaxAndMinFindTheExtremes()
    {
        using var scope = Torch.NewScope();
        Assert.Equal(6.0, Matrix23().Max().ToScalar());
        Assert.Equal(-2.0, Tensor.FromArray([3, -2, 0]).Min().ToScalar());
    }

    [Fact]
    public void ASumOfInexactValuesIsWithinTheSummationErrorBound()
    {
        using var scope = Torch.NewScope();
        const int n = 1000;
        var x = Enumerable.Range(1, n).Select(i => Math.Sin(i) / i + 0.1).ToArray();
        double reference = 0, magnitude = 0;
        foreach (var v in x)
        {
            reference += v;
            magnitude += Math.Abs(v);
        }
        // Recursive summation is within γₙ₋₁ Σ|xᵢ| of the exact sum, and libtorch's (vectorised, pairwise) order at
        // least as good, so the two are within 2γₙ₋₁ Σ|xᵢ| of each other.
        Expect.Within(reference, Tensor.FromArray(x).Sum().ToScalar(), 2 * FloatingPoint.Gamma(n - 1) * magnitude);
        // The mean divides once more (one more rounding, relative u): within 2γₙ Σ|xᵢ|/n.
        Expect.Within(reference / n, Tensor.FromArray(x).Mean().ToScalar(), 2 * FloatingPoint.Gamma(n) * magnitude / n);
    }

    [Fact]
    public void TheOneNormSumsAbsoluteValues()
    {
        using var scope = Torch.NewScope();
        Assert.Equal(7.0, Tensor.FromArray([3, -4, 0]).Norm(1).ToScalar()); // 3 + 4 + 0
    }

    [Fact]
    public void TheTwoNormIsTheDefault()
    {
        using var scope = Torch.NewScope();
        Assert.Equal(5.0, Tensor.FromArray([3, 4]).Norm().ToScalar()); // √(9 + 16) = √25: exact
        Assert.Equal(5.0, Tensor.FromArray([3, 4]).Norm(2).ToScalar());
    }

    [Fact]
    public void TheThreeNormIsTheCubeRootOfTheSumOfCubes()
    {
        using var scope = Torch.NewScope();
        // (1 + 8)^(1/3) = ∛9. libtorch raises to the rounded exponent 1/3 (its error moves the result by 9^δ − 1 ≈
        // 4e-17, under half an ulp) with a pow good to 1 ulp; Math.Cbrt is good to 1 ulp: within 4 ulps.
        Expect.WithinUlps(Math.Cbrt(9), Tensor.FromArray([1, -2]).Norm(3).ToScalar(), 4);
    }

    [Fact]
    public void TheInfinityNormIsTheLargestMagnitude()
    {
        using var scope = Torch.NewScope();
        Assert.Equal(4.0, Tensor.FromArray([3, -4, 1]).Norm(double.PositiveInfinity).ToScalar()); // max(3, 4, 1)
    }

    [Fact]
    public void NormsAlongADimensionTakeOneNormPerRowOrColumn()
    {
        using var scope = Torch.NewScope();
        var m = Tensor.FromMatrix(new double[,] { { 3, -4 }, { -6, 8 } });
        Expect.Exact([5, 10], m.Norm(2, 1)); // row norms √25, √100
        Expect.Exact([Math.Sqrt(45), Math.Sqrt(80)], m.Norm(2, 0)); // 9 + 36 and 16 + 64 exact, √ correctly rounded
        Expect.Exact([7, 14], m.Norm(1, 1)); // 3 + 4, 6 + 8
        Expect.Exact([6, 8], m.Norm(double.PositiveInfinity, 0)); // column maxima of |·|
        Assert.Equal([2L, 1L], m.Norm(2, 1, keepDimension: true).Shape);
    }

    [Fact]
    public void ANegativeDimensionCountsFromTheEndForNormsAsForSums()
    {
        using var scope = Torch.NewScope();
        var m = Tensor.FromMatrix(new double[,] { { 3, 4, 0 }, { 0, 0, 1 } });
        // Row norms 5 and 1. −1 used to mean "all elements" to the bridge, giving the whole norm √26 instead.
        Expect.Exact([5, 1], m.Norm(2, -1));
        Expect.Exact(m.Sum(-1).ToArray(), m.Sum(1)); // the convention the norm now shares
    }

    [Fact]
    public void NormsOfHugeAndTinyVectorsNeitherOverflowNorUnderflow()
    {
        using var scope = Torch.NewScope();
        // By hand: ‖(a, a)‖₂ = a√2 and ‖(3a, 4a)‖₂ = 5a. Summing squares directly gives ∞ at a = 1e200 (1e400 overflows)
        // and 0 at a = 1e-200 (libtorch 1.13 did both); the bridge scales by a power of two first (exact). Left: √2 and
        // the product round once each, right: squares, sum, root: within 4 ulps.
        Expect.WithinUlps(Math.Sqrt(2) * 1e200, Tensor.FromArray([1e200, 1e200]).Norm().ToScalar(), 4);
        Expect.WithinUlps(5 * 1e-200, Tensor.FromArray([3e-200, 4e-200]).Norm().ToScalar(), 4); // 3e-200 etc. are rounded inputs: 4 ulps
        Expect.WithinUlps(Math.Cbrt(2) * 1e200, Tensor.FromArray([1e200, -1e200]).Norm(3).ToScalar(), 4); // (2a³)^(1/3)
        Assert.Equal(2e200, Tensor.FromArray([1e200, -1e200]).Norm(1).ToScalar()); // the sum of two equal terms: exact
        var rows = Tensor.FromMatrix(new double[,] { { 1e200, 1e200 }, { 3, 4 } }).Norm(2, 1).ToArray();
        Expect.WithinUlps([Math.Sqrt(2) * 1e200, 5], rows, 4); // each row scaled by its own power of two
        Assert.Equal(0.0, Tensor.Zeros([3]).Norm().ToScalar()); // nothing to scale by: still 0
        Assert.Equal(double.PositiveInfinity, Tensor.FromArray([1, double.PositiveInfinity]).Norm().ToScalar());
    }

    [Fact]
    public void TheGradientOfAHugeVectorsNormIsStillItsUnitVector()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([3e200, 4e200]).RequireGrad();
        x.Norm().Backward();
        // x/‖x‖ = (0.6, 0.8); unscaled, libtorch computed x/∞ = 0. The inputs 3e200, 4e200 are rounded, and the
        // quotient rounds: within 4 ulps.
        Expect.WithinUlps([0.6, 0.8], x.Grad!, 4);
    }
}
