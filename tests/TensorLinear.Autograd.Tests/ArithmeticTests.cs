using TensorLinear.Autograd;
using TensorLinear.Numerics;

namespace TensorLinear.Autograd.Tests;

// + − × ÷ with broadcasting, numbers on either side, powers and products. The inputs are small integers, halves
// and quarters, so that every result is exact in IEEE arithmetic unless a comment says otherwise.
public sealed class ArithmeticTests
{
    private static Tensor Matrix23() => Tensor.FromMatrix(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });

    [Fact]
    public void AddingAVectorToAMatrixBroadcastsItOverTheRows()
    {
        using var scope = Torch.NewScope();
        var sum = Matrix23() + Tensor.FromArray([10, 20, 30]);
        Assert.Equal([2L, 3L], sum.Shape);
        Expect.Exact(new double[,] { { 11, 22, 33 }, { 14, 25, 36 } }, sum); // by hand: row i + [10, 20, 30]
    }

    [Fact]
    public void SubtractingMultiplyingAndDividingBroadcastLikeAdding()
    {
        using var scope = Torch.NewScope();
        var v = Tensor.FromArray([1, 2, 4]);
        Expect.Exact(new double[,] { { 0, 0, -1 }, { 3, 3, 2 } }, Matrix23() - v); // [1−1, 2−2, 3−4], [4−1, 5−2, 6−4]
        Expect.Exact(new double[,] { { 1, 4, 12 }, { 4, 10, 24 } }, Matrix23() * v); // [1·1, 2·2, 3·4], [4·1, 5·2, 6·4]
        Expect.Exact(new double[,] { { 1, 1, 0.75 }, { 4, 2.5, 1.5 } }, Matrix23() / v); // 3/4, 5/2, 6/4: exact binary fractions
    }

    [Fact]
    public void AColumnAndARowBroadcastToTheirOuterSum()
    {
        using var scope = Torch.NewScope();
        var column = Tensor.FromArray([1, 2], [2, 1]);
        var row = Tensor.FromArray([10, 20, 30]);
        Expect.Exact(new double[,] { { 11, 21, 31 }, { 12, 22, 32 } }, column + row); // [2,1] + [3] → [2,3]: a_i + b_j
    }

    [Fact]
    public void DivisionIsCorrectlyRoundedLikeDotNets()
    {
        using var scope = Torch.NewScope();
        // IEEE division is correctly rounded, so libtorch and C# must produce the same double for 1/3 and 2/3: exact.
        Expect.Exact([1.0 / 3.0, 2.0 / 3.0], Tensor.FromArray([1, 2]) / Tensor.FromArray([3, 3]));
    }

    [Fact]
    public void ANumberCanStandOnEitherSideOfEveryOperator()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2, 4]);
        Expect.Exact([2, 4, 8], 2.0 * x); // by hand
        Expect.Exact([2, 4, 8], x * 2.0);
        Expect.Exact([2.5, 3.5, 5.5], x + 1.5);
        Expect.Exact([2.5, 3.5, 5.5], 1.5 + x);
        Expect.Exact([0, 1, 3], x - 1.0);
        Expect.Exact([0, -1, -3], 1.0 - x); // the number minus each element, not the reverse
        Expect.Exact([0.25, 0.5, 1], x / 4.0);
        Expect.Exact([1, 0.5, 0.25], 1.0 / x); // the number divided by each element
    }

    [Fact]
    public void NegationFlipsEverySign()
    {
        using var scope = Torch.NewScope();
        Expect.Exact([-1, 2, -0.0], -Tensor.FromArray([1, -2, 0]));
        Expect.Exact([-3, 3], Tensor.FromArray([3, -3]).Negate());
    }

    [Fact]
    public void TheNamedFormsMatchTheOperators()
    {
        using var scope = Torch.NewScope();
        var a = Tensor.FromArray([6, 8]);
        var b = Tensor.FromArray([2, 4]);
        Expect.Exact([8, 12], a.Add(b)); // 6+2, 8+4
        Expect.Exact([4, 4], a.Subtract(b));
        Expect.Exact([12, 32], a.Multiply(b));
        Expect.Exact([3, 2], a.Divide(b));
    }

    [Fact]
    public void PowRaisesToANumberOrToEachExponent()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2, 3]);
        Expect.Exact([1, 4, 9], x.Pow(2)); // squares
        Expect.Exact([1, 8, 27], x.Pow(3)); // cubes: small integers, exact
        Expect.Exact([1, 0.5, 0.25], Tensor.FromArray([1, 4, 16]).Pow(-0.5)); // 1/√x at perfect squares
        Expect.Exact([1, 4, 3], x.Pow(Tensor.FromArray([0, 2, 1]))); // 1⁰, 2², 3¹ elementwise
    }

    [Fact]
    public void MatMulOfTwoMatricesIsTheirProduct()
    {
        using var scope = Torch.NewScope();
        var a = Matrix23();
        var b = Tensor.FromMatrix(new double[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } });
        // By hand: row 0 [1,2,3]·columns [1,0,1] = 4 and [0,1,1] = 5; row 1 [4,5,6] gives 10 and 11. Integer sums: exact.
        Expect.Exact(new double[,] { { 4, 5 }, { 10, 11 } }, a.MatMul(b));
    }

    [Fact]
    public void MatMulOfAMatrixAndAVectorIsAVector()
    {
        using var scope = Torch.NewScope();
        var product = Matrix23().MatMul(Tensor.FromArray([1, -1, 2]));
        Assert.Equal([2L], product.Shape);
        Expect.Exact([5, 11], product); // 1 − 2 + 6 = 5; 4 − 5 + 12 = 11
    }

    [Fact]
    public void MatVecMultipliesAMatrixByAVector()
    {
        using var scope = Torch.NewScope();
        Expect.Exact([5, 11], Matrix23().MatVec(Tensor.FromArray([1, -1, 2]))); // as above
    }

    [Fact]
    public void DotIsTheSumOfProducts()
    {
        using var scope = Torch.NewScope();
        var d = Tensor.FromArray([1, 2, 3]).Dot(Tensor.FromArray([4, -5, 6]));
        Assert.Empty(d.Shape); // a scalar
        Assert.Equal(12.0, d.ToScalar()); // 4 − 10 + 18
    }

    [Fact]
    public void ADotProductOfInexactValuesIsWithinTheDotProductErrorBound()
    {
        using var scope = Torch.NewScope();
        const int n = 1000;
        var x = Enumerable.Range(0, n).Select(i => Math.Sin(i) * 0.1).ToArray();
        var y = Enumerable.Range(0, n).Select(i => Math.Cos(0.5 * i) + 0.3).ToArray();
        var reference = 0.0;
        var magnitude = 0.0;
        for (var i = 0; i < n; i++)
        {
            reference += x[i] * y[i];
            magnitude += Math.Abs(x[i] * y[i]);
        }
        // Both libtorch (BLAS, its own order) and this loop are within γₙ Σ|xᵢyᵢ| of the exact value, so they are
        // within 2γₙ Σ|xᵢyᵢ| of each other (Higham §3.1).
        var bound = 2 * FloatingPoint.Gamma(n) * magnitude;
        Expect.Within(reference, Tensor.FromArray(x).Dot(Tensor.FromArray(y)).ToScalar(), bound);
    }

    [Fact]
    public void SubtractInPlaceTakesAScaledStep()
    {
        using var scope = Torch.NewScope();
        var w = Tensor.FromArray([1, 2]).RequireGrad();
        using (Torch.NoGrad()) w.SubtractInPlace(Tensor.FromArray([4, -2]), alpha: 0.5);
        Expect.Exact([-1, 3], w); // 1 − 0.5·4, 2 − 0.5·(−2)
        Assert.True(w.RequiresGrad); // still a parameter
    }

    [Fact]
    public void CopyFromOverwritesTheElements()
    {
        using var scope = Torch.NewScope();
        var w = Tensor.Zeros([3]);
        w.CopyFrom(Tensor.FromArray([7, 8, 9]));
        Expect.Exact([7, 8, 9], w);
    }
}
