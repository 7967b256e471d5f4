using TorchSharp;
using TensorLinear.Tests.Torch;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Tests;

// Each operation's gradient from Torch.Gradient(s) against its derivative worked by hand. Most are exact: the backward
// formulas multiply small integers, halves and quarters. Where a rounding enters, the comment counts it.
public sealed class GradientTests
{
    public GradientTests() => Torch.Initialize();

    /// <summary>
    /// ∇f(x) for scalar f by Torch.Gradient, checked to be bit for bit what libtorch's own backward() leaves in .grad:
    /// our gradient is a restricted backward pass, so it must not differ from the plain one.
    /// </summary>
    private static double[] GradientOf(Func<Tensor, Tensor> f, params double[] x)
    {
        using var scope = NewDisposeScope();
        var input = tensor(x, requires_grad: true);
        var ours = Torch.Gradient(f(input), input).ToDoubles();
        f(input).backward();
        Assert.Equal(input.grad!.ToDoubles(), ours);
        return ours;
    }

    private static (double[], double[]) Both(Tensor a, Tensor b, Tensor f)
    {
        var g = Torch.Gradients([f], [a, b]);
        return (g[0].ToDoubles(), g[1].ToDoubles());
    }

    [Fact]
    public void TheGradientOfTheSumOfSquaresIsTwiceX()
    {
        Assert.Equal([2, -4, 6], GradientOf(x => (x * x).sum(), 1, -2, 3)); // d/dx Σx² = 2x
        Assert.Equal([2, -4, 6], GradientOf(x => x.pow(Held.Two).sum(), 1, -2, 3));
    }

    [Fact]
    public void TheGradientOfACubeIsThreeXSquared()
    {
        Assert.Equal([3, 12, 3], GradientOf(x => x.pow(Held.Three).sum(), 1, 2, -1)); // d x³ = 3x²
    }

    [Fact]
    public void TheGradientsOfTheArithmeticOperatorsAreTheTextbookOnes()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { 1, 2 }, requires_grad: true);
        var b = tensor(new double[] { 2, 4 }, requires_grad: true);
        var (da, db) = Both(a, b, (a / b).sum());
        Assert.Equal([0.5, 0.25], da); // ∂(a/b)/∂a = 1/b
        Assert.Equal([-0.25, -0.125], db); // ∂(a/b)/∂b = −a/b²: −1/4, −2/16
        (da, db) = Both(a, b, (a * b).sum());
        Assert.Equal([2, 4], da); // ∂(ab)/∂a = b
        Assert.Equal([1, 2], db); // ∂(ab)/∂b = a
        (da, db) = Both(a, b, (a - b).sum());
        Assert.Equal([1, 1], da);
        Assert.Equal([-1, -1], db);
        (da, db) = Both(a, b, (-a).Plus(b).sum());
        Assert.Equal([-1, -1], da); // negation
        Assert.Equal([1, 1], db);
    }

    [Fact]
    public void TheGradientsOfTheOperatorsWithANumberAreTheTextbookOnes()
    {
        // The numbers as held Scalars: 2.0 * x and 1.0 - x make temporaries libtorch may read after they are freed.
        Assert.Equal([2, 2], GradientOf(x => (Held.Two * x).sum(), 1, 3)); // d(2x) = 2
        Assert.Equal([-1, -1], GradientOf(x => x.neg().Plus(Held.One).sum(), 1, 3)); // d(1 − x) = −1
        Assert.Equal([-1, -0.25], GradientOf(x => (Held.One / x).sum(), 1, 2)); // d(1/x) = −1/x²
        Assert.Equal([0.25, 0.25], GradientOf(x => (x / Held.Four).Plus(Held.Seven).sum(), 1, 2)); // d(x/4 + 7) = 1/4
    }

    [Fact]
    public void ABroadcastOperandCollectsTheGradientOfEveryPlaceItWasUsed()
    {
        using var scope = NewDisposeScope();
        var m = tensor(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }, requires_grad: true);
        var v = tensor(new double[] { 10, 20, 30 }, requires_grad: true);
        var g = Torch.Gradients([(m * v).sum()], [m, v]);
        Assert.Equal([5, 7, 9], g[1].ToDoubles()); // ∂/∂vⱼ Σᵢⱼ mᵢⱼvⱼ = Σᵢ mᵢⱼ: summed over the two rows v was broadcast to
        Expect.Exact(new double[,] { { 10, 20, 30 }, { 10, 20, 30 } }, g[0]); // ∂/∂mᵢⱼ = vⱼ
    }

    [Fact]
    public void TheGradientOfSigmoidIsSigmaTimesOneMinusSigma()
    {
        double[] x = [0, 2, -2];
        double[] s;
        using (NewDisposeScope()) s = tensor(x).sigmoid().ToDoubles();
        var g = GradientOf(t => t.sigmoid().sum(), x);
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
        using (NewDisposeScope()) e = tensor(x).exp().ToDoubles();
        Assert.Equal(e, GradientOf(t => t.exp().sum(), x)); // libtorch's backward multiplies the upstream 1 by the saved result: exact
    }

    [Fact]
    public void TheGradientsOfLogAndLog1pAreReciprocals()
    {
        Assert.Equal([1, 0.5, 0.25], GradientOf(x => x.log().sum(), 1, 2, 4)); // d ln x = 1/x
        Assert.Equal([1, 0.5, 0.25], GradientOf(x => x.log1p().sum(), 0, 1, 3)); // d ln(1 + x) = 1/(1 + x): 1/1, 1/2, 1/4
        // 1/(1 + 0.1): the sum and the quotient round once each, on both sides: within 2 ulps.
        Expect.WithinUlps(1 / (1 + 0.1), GradientOf(x => x.log1p().sum(), 0.1)[0], 2);
    }

    [Fact]
    public void TheGradientOfSqrtIsOneOverTwiceTheRoot()
    {
        Assert.Equal([0.5, 0.25, 0.125], GradientOf(x => x.sqrt().sum(), 1, 4, 16)); // 1/(2√x): 1/2, 1/4, 1/8
    }

    [Fact]
    public void TheGradientOfAbsIsTheSignAndZeroAtZero()
    {
        Assert.Equal([-1, 0, 1], GradientOf(x => x.abs().sum(), -2, 0, 3)); // libtorch's convention: sign(0) = 0
        Assert.Equal([0, 0, 0], GradientOf(x => x.sign().sum(), -2, 0, 3)); // sign is piecewise constant
    }

    [Fact]
    public void TheGradientOfTheTwoNormIsTheUnitVector()
    {
        // ∂‖x‖₂/∂x = x/‖x‖ = [3/5, 4/5]. One division (or a product with a rounded reciprocal): within 2 ulps.
        Expect.WithinUlps([3.0 / 5.0, 4.0 / 5.0], GradientOf(x => VectorNorm.Of(x, 2), 3, 4), 2);
    }

    [Fact]
    public void TheGradientOfTheOneNormIsTheSignIncludingZeroAtAZeroComponent()
    {
        Assert.Equal([-1, 0, 1], GradientOf(x => VectorNorm.Of(x, 1), -2, 0, 3)); // ∂‖x‖₁ = sign(x); at the kink libtorch gives 0
    }

    [Fact]
    public void TheGradientOfTheInfinityNormFallsOnTheLargestMagnitude()
    {
        Assert.Equal([0, -1, 0], GradientOf(x => VectorNorm.Of(x, double.PositiveInfinity), 3, -4, 1)); // sign(x₂) at the argmax |x|
    }

    [Fact]
    public void TheGradientOfTheThreeNormIsXTimesAbsXOverTheNormSquared()
    {
        // ∂‖x‖₃/∂xᵢ = xᵢ|xᵢ|/‖x‖₃², ‖x‖₃² = 9^(2/3) = ∛81 for x = [1, 2]: [1/∛81, 4/∛81]. A pow, a square and a
        // division on libtorch's side and a cube root and a division here, each within an ulp: within 8 ulps.
        var c = Math.Cbrt(81);
        Expect.WithinUlps([1 / c, 4 / c], GradientOf(x => VectorNorm.Of(x, 3), 1, 2), 8);
    }

    [Fact]
    public void TheGradientOfRowNormsIsEachRowsUnitVector()
    {
        // Both rows point the same way: [0.6, 0.8] (3/5 and 6/10 are the same rounded quotient): within 2 ulps.
        Expect.WithinUlps([0.6, 0.8, 0.6, 0.8], GradientOf(x => VectorNorm.Of(x.reshape(2, 2), 2, dim: 1).sum(), 3, 4, 6, 8), 2);
    }

    [Fact]
    public void TheGradientOfLogSigmoidIsSigmaOfMinusX()
    {
        // d ln σ(x) = 1 − σ(x) = σ(−x): ½ at 0, and exactly 0 and 1 at ±1000 where σ saturates.
        Assert.Equal([0.5, 0, 1], GradientOf(x => nn.functional.logsigmoid(x).sum(), 0, 1000, -1000));
    }

    [Fact]
    public void TheGradientOfClampIsOneInsideTheBoundsIncludingThemAndZeroOutside()
    {
        Assert.Equal([0, 1, 1, 1, 0], GradientOf(x => x.clamp(Held.Zero, Held.One).sum(), -1, 0, 0.5, 1, 2)); // libtorch: [lo, hi] closed
    }

    [Fact]
    public void TheGradientOfMaximumGoesToTheLargerAndIsSplitOnATie()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { 1, 2, 3 }, requires_grad: true);
        var b = tensor(new double[] { 1, 1, 4 }, requires_grad: true);
        var (da, db) = Both(a, b, a.maximum(b).sum());
        Assert.Equal([0.5, 1, 0], da); // tie at 0: half each; a wins at 1; b at 2
        Assert.Equal([0.5, 0, 1], db);
        (da, db) = Both(a, b, a.minimum(b).sum());
        Assert.Equal([0.5, 0, 1], da);
        Assert.Equal([0.5, 1, 0], db);
    }

    [Fact]
    public void TheGradientOfMaxFallsOnTheLargestElementAndIsSharedByTies()
    {
        Assert.Equal([0, 0.5, 0.5], GradientOf(x => x.max(), 1, 3, 3)); // two maxima: ½ each
        Assert.Equal([1, 0, 0], GradientOf(x => x.min(), 1, 3, 3));
    }

    [Fact]
    public void TheGradientOfWhereFlowsOnlyIntoTheChosenBranch()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { 1, -2, 3 }, requires_grad: true);
        var b = tensor(new double[] { 10, 20, 30 }, requires_grad: true);
        var (da, db) = Both(a, b, where(a.gt(Held.Zero), a, b).sum());
        Assert.Equal([1, 0, 1], da); // the mask
        Assert.Equal([0, 1, 0], db); // its complement
    }

    [Fact]
    public void TheGradientOfAMatrixVectorProductIsTheTransposeTimesTheUpstream()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }, requires_grad: true);
        var w = tensor(new double[] { 1, -1 }, requires_grad: true);
        var u = tensor(new double[] { 1, 2, 3 });
        var g = Torch.Gradients([x.matmul(w)], [x, w], [u]); // the vector–Jacobian product uᵀ ∂(Xw)
        Assert.Equal([22, 28], g[1].ToDoubles()); // ∂(uᵀXw)/∂w = Xᵀu = [1 + 6 + 15, 2 + 8 + 18]
        Expect.Exact(new double[,] { { 1, -1 }, { 2, -2 }, { 3, -3 } }, g[0]); // ∂(uᵀXw)/∂X = u wᵀ
    }

    [Fact]
    public void TheGradientOfMatVecAndDotAreTheOtherFactor()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[,] { { 1, 2 }, { 3, 4 } }, requires_grad: true);
        var w = tensor(new double[] { 5, 6 }, requires_grad: true);
        var g = Torch.Gradients([x.mv(w).sum()], [x, w]);
        Expect.Exact(new double[,] { { 5, 6 }, { 5, 6 } }, g[0]); // ∂(1ᵀXw)/∂X = 1 wᵀ
        Assert.Equal([4, 6], g[1].ToDoubles()); // ∂(1ᵀXw)/∂w = Xᵀ1: column sums
        var y = tensor(new double[] { 7, -8 });
        Assert.Equal([7, -8], Torch.Gradient(w.dot(y), w).ToDoubles()); // ∂(w·y)/∂w = y
    }

    [Fact]
    public void TheGradientOfAMatrixProductIsUpstreamTimesTheOtherTransposed()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[,] { { 1, 2 }, { 3, 4 } }, requires_grad: true);
        var b = tensor(new double[,] { { 1, 0, 2 }, { -1, 1, 0 } }, requires_grad: true);
        var g = Torch.Gradients([a.matmul(b).sum()], [a, b]);
        // With upstream G = ones(2×3): ∂/∂A = G Bᵀ (row sums of B in every row), ∂/∂B = Aᵀ G (column sums of A).
        Expect.Exact(new double[,] { { 3, 0 }, { 3, 0 } }, g[0]);
        Expect.Exact(new double[,] { { 4, 4, 4 }, { 6, 6, 6 } }, g[1]);
    }

    [Fact]
    public void TheGradientOfAMeanIsOneOverN()
    {
        Assert.Equal([0.25, 0.25, 0.25, 0.25], GradientOf(x => x.mean(), 1, 2, 3, 4)); // 1/4: exact
        Assert.Equal([1, 1, 1, 1], GradientOf(x => x.reshape(2, 2).sum(0, keepdim: false).sum(), 1, 2, 3, 4)); // sum(0) alone would be sum(dtype: Byte)
        Assert.Equal([0.5, 0.5, 0.5, 0.5], GradientOf(x => x.reshape(2, 2).mean([1]).sum(), 1, 2, 3, 4)); // mean of 2
    }

    [Fact]
    public void GradientsFlowBackThroughSlicesSelectionsAndJoins()
    {
        // Σ of rows 1–2 of a 3×2 matrix: ones on those rows, zeros on row 0.
        Assert.Equal([0, 0, 1, 1, 1, 1], GradientOf(x => x.reshape(3, 2).narrow(0, 1, 2).sum(), 1, 2, 3, 4, 5, 6));
        // Σ of column 0: ones where the column is.
        Assert.Equal([1, 0, 1, 0, 1, 0], GradientOf(x => x.reshape(3, 2).select(1, 0).sum(), 1, 2, 3, 4, 5, 6));
        // Σ (xᵀ ⊙ W) with W = [[1, 2, 3], [4, 5, 6]]: the gradient is Wᵀ read in x's order.
        Assert.Equal([1, 4, 2, 5, 3, 6],
            GradientOf(x => (x.reshape(3, 2).t() * tensor(new double[] { 1, 2, 3, 4, 5, 6 }, [2, 3])).sum(), 1, 2, 3, 4, 5, 6));
        // Σ ([x, x] ⊙ [1, 2, 3, 4]): x is used twice, so its gradient is the sum of both uses.
        Assert.Equal([4, 6], GradientOf(x => (cat([x, x], 0) * tensor(new double[] { 1, 2, 3, 4 })).sum(), 1, 1));
    }

    [Fact]
    public void AFloat32OutputOfAFloat64InputGivesAFloat64Gradient()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        var g = Torch.Gradient((x.to_type(ScalarType.Float32) * Held.Three).sum(), x); // the upstream 1 is float32, like the output
        Assert.Equal(ScalarType.Float64, g.dtype);
        Assert.Equal([3, 3], g.ToDoubles());
    }

    [Fact]
    public void DetachStopsTheGradient()
    {
        Assert.Equal([1, 2], GradientOf(x => (x * x.detach()).sum(), 1, 2)); // d(x·c)/dx = c with c = x held constant, not 2x
    }
}
