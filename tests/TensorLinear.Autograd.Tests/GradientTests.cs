using TensorLinear.Autograd;

namespace TensorLinear.Autograd.Tests;

// Each operation's gradient from autograd against its derivative worked by hand. Most are exact: the backward
// formulas multiply small integers, halves and quarters. Where a rounding enters, the comment counts it.
public sealed class GradientTests
{
    /// <summary>∇f(x) by Backward() and Grad, for scalar f.</summary>
    private static double[] GradientOf(Func<Tensor, Tensor> f, params double[] x)
    {
        using var scope = Torch.NewScope();
        var input = Tensor.FromArray(x).RequireGrad();
        f(input).Backward();
        return input.Grad!.ToArray();
    }

    /// <summary>∇f(x) by Torch.Gradient, which leaves Grad alone.</summary>
    private static double[] GradientByTorchGradient(Func<Tensor, Tensor> f, params double[] x)
    {
        using var scope = Torch.NewScope();
        var input = Tensor.FromArray(x).RequireGrad();
        return Torch.Gradient(f(input), input).ToArray();
    }

    [Fact]
    public void TheGradientOfTheSumOfSquaresIsTwiceX()
    {
        Assert.Equal([2, -4, 6], GradientOf(x => (x * x).Sum(), 1, -2, 3)); // d/dx Σx² = 2x
        Assert.Equal([2, -4, 6], GradientOf(x => x.Pow(2).Sum(), 1, -2, 3));
        Assert.Equal([2, -4, 6], GradientByTorchGradient(x => x.Pow(2).Sum(), 1, -2, 3));
    }

    [Fact]
    public void TheGradientOfACubeIsThreeXSquared()
    {
        Assert.Equal([3, 12, 3], GradientOf(x => x.Pow(3).Sum(), 1, 2, -1)); // d x³ = 3x²
    }

    [Fact]
    public void TheGradientsOfTheArithmeticOperatorsAreTheTextbookOnes()
    {
        using var scope = Torch.NewScope();
        var a = Tensor.FromArray([1, 2]).RequireGrad();
        var b = Tensor.FromArray([2, 4]).RequireGrad();
        var (da, db) = Both(a, b, (a / b).Sum());
        Assert.Equal([0.5, 0.25], da); // ∂(a/b)/∂a = 1/b
        Assert.Equal([-0.25, -0.125], db); // ∂(a/b)/∂b = −a/b²: −1/4, −2/16
        (da, db) = Both(a, b, (a * b).Sum());
        Assert.Equal([2, 4], da); // ∂(ab)/∂a = b
        Assert.Equal([1, 2], db); // ∂(ab)/∂b = a
        (da, db) = Both(a, b, (a - b).Sum());
        Assert.Equal([1, 1], da);
        Assert.Equal([-1, -1], db);
        (da, db) = Both(a, b, (-a + b).Sum());
        Assert.Equal([-1, -1], da); // negation
        Assert.Equal([1, 1], db);

        static (double[], double[]) Both(Tensor a, Tensor b, Tensor f)
        {
            var g = Torch.Gradients([f], [a, b]);
            return (g[0].ToArray(), g[1].ToArray());
        }
    }

    [Fact]
    public void TheGradientsOfTheNumberFormsOfTheOperatorsAreTheTextbookOnes()
    {
        Assert.Equal([2, 2], GradientOf(x => (2.0 * x).Sum(), 1, 3)); // d(2x) = 2
        Assert.Equal([-1, -1], GradientOf(x => (1.0 - x).Sum(), 1, 3)); // d(1 − x) = −1
        Assert.Equal([-1, -0.25], GradientOf(x => (1.0 / x).Sum(), 1, 2)); // d(1/x) = −1/x²
        Assert.Equal([0.25, 0.25], GradientOf(x => (x / 4.0 + 7.0).Sum(), 1, 2)); // d(x/4 + 7) = 1/4
    }

    [Fact]
    public void ABroadcastOperandCollectsTheGradientOfEveryPlaceItWasUsed()
    {
        using var scope = Torch.NewScope();
        var m = Tensor.FromMatrix(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }).RequireGrad();
        var v = Tensor.FromArray([10, 20, 30]).RequireGrad();
        var g = Torch.Gradients([(m * v).Sum()], [m, v]);
        Assert.Equal([5, 7, 9], g[1].ToArray()); // ∂/∂vⱼ Σᵢⱼ mᵢⱼvⱼ = Σᵢ mᵢⱼ: summed over the two rows v was broadcast to
        Expect.Exact(new double[,] { { 10, 20, 30 }, { 10, 20, 30 } }, g[0]); // ∂/∂mᵢⱼ = vⱼ
    }

    [Fact]
    public void TheGradientOfSigmoidIsSigmaTimesOneMinusSigma()
    {
        double[] x = [0, 2, -2];
        double[] s;
        using (Torch.NewScope()) s = Tensor.FromArray(x).Sigmoid().ToArray();
        var g = GradientOf(t => t.Sigmoid().Sum(), x);
        Assert.Equal(0.25, g[0]); // σ(0)(1 − σ(0)) = 0.5 · 0.5: exact
        // σ(1 − σ) from σ's own forward value: libtorch's backward does the same subtraction and product, two
        // roundings at most: within 2 ulps.
        Expect.WithinUlps(s.Select(v => v * (1 - v)).ToArray(), g, 2);
    }

    [Fact]
    public void TheGradientOfExpIsExpItself()
    {
        double[] x = [0, 1, -1.5];
        double[] e;
        using (Torch.NewScope()) e = Tensor.FromArray(x).Exp().ToArray();
        Assert.Equal(e, GradientOf(t => t.Exp().Sum(), x)); // libtorch's backward multiplies the upstream 1 by the saved result: exact
    }

    [Fact]
    public void TheGradientsOfLogAndLog1pAreReciprocals()
    {
        Assert.Equal([1, 0.5, 0.25], GradientOf(x => x.Log().Sum(), 1, 2, 4)); // d ln x = 1/x
        Assert.Equal([1, 0.5, 0.25], GradientOf(x => x.Log1p().Sum(), 0, 1, 3)); // d ln(1 + x) = 1/(1 + x): 1/1, 1/2, 1/4
        // 1/(1 + 0.1): the sum and the quotient round once each, on both sides: within 2 ulps.
        Expect.WithinUlps(1 / (1 + 0.1), GradientOf(x => x.Log1p().Sum(), 0.1)[0], 2);
    }

    [Fact]
    public void TheGradientOfSqrtIsOneOverTwiceTheRoot()
    {
        Assert.Equal([0.5, 0.25, 0.125], GradientOf(x => x.Sqrt().Sum(), 1, 4, 16)); // 1/(2√x): 1/2, 1/4, 1/8
    }

    [Fact]
    public void TheGradientOfAbsIsTheSignAndZeroAtZero()
    {
        Assert.Equal([-1, 0, 1], GradientOf(x => x.Abs().Sum(), -2, 0, 3)); // libtorch's convention: sign(0) = 0
        Assert.Equal([0, 0, 0], GradientOf(x => x.Sign().Sum(), -2, 0, 3)); // sign is piecewise constant
    }

    [Fact]
    public void TheGradientOfTheTwoNormIsTheUnitVector()
    {
        // ∂‖x‖₂/∂x = x/‖x‖ = [3/5, 4/5]. One division (or a product with a rounded reciprocal): within 2 ulps.
        Expect.WithinUlps([3.0 / 5.0, 4.0 / 5.0], GradientOf(x => x.Norm(), 3, 4), 2);
        Expect.WithinUlps([3.0 / 5.0, 4.0 / 5.0], GradientByTorchGradient(x => x.Norm(2), 3, 4), 2);
    }

    [Fact]
    public void TheGradientOfTheOneNormIsTheSignIncludingZeroAtAZeroComponent()
    {
        Assert.Equal([-1, 0, 1], GradientOf(x => x.Norm(1), -2, 0, 3)); // ∂‖x‖₁ = sign(x); at the kink libtorch gives 0
    }

    [Fact]
    public void TheGradientOfTheInfinityNormFallsOnTheLargestMagnitude()
    {
        Assert.Equal([0, -1, 0], GradientOf(x => x.Norm(double.PositiveInfinity), 3, -4, 1)); // sign(x₂) at the argmax |x|
    }

    [Fact]
    public void TheGradientOfTheThreeNormIsXTimesAbsXOverTheNormSquared()
    {
        // ∂‖x‖₃/∂xᵢ = xᵢ|xᵢ|/‖x‖₃², ‖x‖₃² = 9^(2/3) = ∛81 for x = [1, 2]: [1/∛81, 4/∛81]. A pow, a square and a
        // division on libtorch's side and a cube root and a division here, each within an ulp: within 8 ulps.
        var c = Math.Cbrt(81);
        Expect.WithinUlps([1 / c, 4 / c], GradientOf(x => x.Norm(3), 1, 2), 8);
    }

    [Fact]
    public void TheGradientOfRowNormsIsEachRowsUnitVector()
    {
        using var scope = Torch.NewScope();
        var m = Tensor.FromMatrix(new double[,] { { 3, 4 }, { 6, 8 } }).RequireGrad();
        m.Norm(2, 1).Sum().Backward();
        // Both rows point the same way: [0.6, 0.8] (3/5 and 6/10 are the same rounded quotient): within 2 ulps.
        var g = m.Grad!.ToArray();
        Expect.WithinUlps([0.6, 0.8, 0.6, 0.8], g, 2);
    }

    [Fact]
    public void TheGradientOfSoftplusIsSigmoid()
    {
        var g = GradientOf(x => x.Softplus().Sum(), 0, 1);
        Assert.Equal(0.5, g[0]); // σ(0)
        Expect.WithinUlps(1 / (1 + Math.Exp(-1)), g[1], 4); // σ(1): exp, add, divide here, libtorch's own few there
    }

    [Fact]
    public void TheGradientOfLogSigmoidIsSigmaOfMinusX()
    {
        // d ln σ(x) = 1 − σ(x) = σ(−x): ½ at 0, and exactly 0 and 1 at ±1000 where σ saturates.
        Assert.Equal([0.5, 0, 1], GradientOf(x => x.LogSigmoid().Sum(), 0, 1000, -1000));
    }

    [Fact]
    public void TheGradientOfClampIsOneInsideTheBoundsIncludingThemAndZeroOutside()
    {
        Assert.Equal([0, 1, 1, 1, 0], GradientOf(x => x.Clamp(0, 1).Sum(), -1, 0, 0.5, 1, 2)); // libtorch: [lo, hi] closed
    }

    [Fact]
    public void TheGradientOfMaximumGoesToTheLargerAndIsSplitOnATie()
    {
        using var scope = Torch.NewScope();
        var a = Tensor.FromArray([1, 2, 3]).RequireGrad();
        var b = Tensor.FromArray([1, 1, 4]).RequireGrad();
        var g = Torch.Gradients([a.Maximum(b).Sum()], [a, b]);
        Assert.Equal([0.5, 1, 0], g[0].ToArray()); // tie at 0: half each (libtorch 1.13's rule); a wins at 1; b at 2
        Assert.Equal([0.5, 0, 1], g[1].ToArray());
        g = Torch.Gradients([a.Minimum(b).Sum()], [a, b]);
        Assert.Equal([0.5, 0, 1], g[0].ToArray());
        Assert.Equal([0.5, 1, 0], g[1].ToArray());
    }

    [Fact]
    public void TheGradientOfMaxFallsOnTheLargestElementAndIsSharedByTies()
    {
        Assert.Equal([0, 0.5, 0.5], GradientOf(x => x.Max(), 1, 3, 3)); // two maxima: ½ each
        Assert.Equal([1, 0, 0], GradientOf(x => x.Min(), 1, 3, 3));
    }

    [Fact]
    public void TheGradientOfWhereFlowsOnlyIntoTheChosenBranch()
    {
        using var scope = Torch.NewScope();
        var a = Tensor.FromArray([1, -2, 3]).RequireGrad();
        var b = Tensor.FromArray([10, 20, 30]).RequireGrad();
        var g = Torch.Gradients([Tensor.Where(a.Greater(0), a, b).Sum()], [a, b]);
        Assert.Equal([1, 0, 1], g[0].ToArray()); // the mask
        Assert.Equal([0, 1, 0], g[1].ToArray()); // its complement
    }

    [Fact]
    public void TheGradientOfAMatrixVectorProductIsTheTransposeTimesTheUpstream()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromMatrix(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }).RequireGrad();
        var w = Tensor.FromArray([1, -1]).RequireGrad();
        var u = Tensor.FromArray([1, 2, 3]);
        var xw = x.MatMul(w);
        xw.Backward(u); // the vector–Jacobian product uᵀ ∂(Xw)
        Assert.Equal([22, 28], w.Grad!.ToArray()); // ∂(uᵀXw)/∂w = Xᵀu = [1 + 6 + 15, 2 + 8 + 18]
        Expect.Exact(new double[,] { { 1, -1 }, { 2, -2 }, { 3, -3 } }, x.Grad!); // ∂(uᵀXw)/∂X = u wᵀ
    }

    [Fact]
    public void TheGradientOfMatVecAndDotAreTheOtherFactor()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromMatrix(new double[,] { { 1, 2 }, { 3, 4 } }).RequireGrad();
        var w = Tensor.FromArray([5, 6]).RequireGrad();
        var g = Torch.Gradients([x.MatVec(w).Sum()], [x, w]);
        Expect.Exact(new double[,] { { 5, 6 }, { 5, 6 } }, g[0]); // ∂(1ᵀXw)/∂X = 1 wᵀ
        Assert.Equal([4, 6], g[1].ToArray()); // ∂(1ᵀXw)/∂w = Xᵀ1: column sums
        var y = Tensor.FromArray([7, -8]);
        Assert.Equal([7, -8], Torch.Gradient(w.Dot(y), w).ToArray()); // ∂(w·y)/∂w = y
    }

    [Fact]
    public void TheGradientOfAMatrixProductIsUpstreamTimesTheOtherTransposed()
    {
        using var scope = Torch.NewScope();
        var a = Tensor.FromMatrix(new double[,] { { 1, 2 }, { 3, 4 } }).RequireGrad();
        var b = Tensor.FromMatrix(new double[,] { { 1, 0, 2 }, { -1, 1, 0 } }).RequireGrad();
        var g = Torch.Gradients([a.MatMul(b).Sum()], [a, b]);
        // With upstream G = ones(2×3): ∂/∂A = G Bᵀ (row sums of B in every row), ∂/∂B = Aᵀ G (column sums of A).
        Expect.Exact(new double[,] { { 3, 0 }, { 3, 0 } }, g[0]);
        Expect.Exact(new double[,] { { 4, 4, 4 }, { 6, 6, 6 } }, g[1]);
    }

    [Fact]
    public void TheGradientOfAMeanIsOneOverN()
    {
        Assert.Equal([0.25, 0.25, 0.25, 0.25], GradientOf(x => x.Mean(), 1, 2, 3, 4)); // 1/4: exact
        Assert.Equal([1, 1, 1, 1], GradientOf(x => x.Reshape(2, 2).Sum(0).Sum(), 1, 2, 3, 4));
        Assert.Equal([0.5, 0.5, 0.5, 0.5], GradientOf(x => x.Reshape(2, 2).Mean(1).Sum(), 1, 2, 3, 4)); // mean of 2
    }

    [Fact]
    public void GradientsFlowBackThroughSlicesSelectionsAndJoins()
    {
        // Σ of rows 1–2 of a 3×2 matrix: ones on those rows, zeros on row 0.
        Assert.Equal([0, 0, 1, 1, 1, 1], GradientOf(x => x.Reshape(3, 2).Rows(1, 2).Sum(), 1, 2, 3, 4, 5, 6));
        // Σ of column 0: ones where the column is.
        Assert.Equal([1, 0, 1, 0, 1, 0], GradientOf(x => x.Reshape(3, 2).Select(1, 0).Sum(), 1, 2, 3, 4, 5, 6));
        // Σ (xᵀ ⊙ W) with W = [[1, 2, 3], [4, 5, 6]]: the gradient is Wᵀ read in x's order.
        Assert.Equal([1, 4, 2, 5, 3, 6], GradientOf(x => (x.Reshape(3, 2).T * Tensor.FromArray([1, 2, 3, 4, 5, 6], [2, 3])).Sum(), 1, 2, 3, 4, 5, 6));
        // Σ ([x, x] ⊙ [1, 2, 3, 4]): x is used twice, so its gradient is the sum of both uses.
        Assert.Equal([4, 6], GradientOf(x => (Tensor.Concatenate([x, x]) * Tensor.FromArray([1, 2, 3, 4])).Sum(), 1, 1));
    }

    [Fact]
    public void AConversionToFloat32PassesTheGradientBackInFloat64()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2]).RequireGrad();
        (x.To(ScalarType.Float32) * 3.0).Sum().Backward();
        Assert.Equal(ScalarType.Float64, x.Grad!.Dtype);
        Assert.Equal([3, 3], x.Grad!.ToArray());
    }

    [Fact]
    public void DetachStopsTheGradient()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2]).RequireGrad();
        ((x * x.Detach()).Sum()).Backward();
        Assert.Equal([1, 2], x.Grad!.ToArray()); // d(x·c)/dx = c with c = x held constant, not 2x
        Assert.False(x.Detach().RequiresGrad);
    }
}
