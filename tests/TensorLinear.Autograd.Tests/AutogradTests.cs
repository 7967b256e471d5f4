using TensorLinear.Autograd;

namespace TensorLinear.Autograd.Tests;

// How autograd is driven: leaves, Backward with and without an upstream gradient, accumulation and ZeroGrad, the
// no-grad mode, Torch.Gradients with createGraph for second derivatives, Hessians and Hessian–vector products.
// Every expected value is a polynomial's derivative at small integers or halves: exact.
public sealed class AutogradTests
{
    [Fact]
    public void OnlyMarkedLeavesAndWhatIsComputedFromThemRequireGradients()
    {
        using var scope = Torch.NewScope();
        var c = Tensor.FromArray([1, 2]);
        Assert.False(c.RequiresGrad); // off by default
        var x = Tensor.FromArray([1, 2]).RequireGrad();
        Assert.True(x.RequiresGrad);
        Assert.True((x * c).RequiresGrad); // recorded: depends on x
        Assert.False((c * c).RequiresGrad); // constants only
        x.RequiresGrad = false;
        Assert.False(x.RequiresGrad);
    }

    [Fact]
    public void GradIsNullBeforeAnyBackward()
    {
        using var scope = Torch.NewScope();
        Assert.Null(Tensor.FromArray([1]).RequireGrad().Grad);
    }

    [Fact]
    public void BackwardOfANonScalarTakesAnUpstreamGradient()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2, 3]).RequireGrad();
        (x * x).Backward(Tensor.FromArray([1, 0.5, -1]));
        Assert.Equal([2, 2, -6], x.Grad!.ToArray()); // vᵀ ∂(x²) = 2x ⊙ v = [2·1·1, 2·2·0.5, 2·3·(−1)]
    }

    [Fact]
    public void GradientsAccumulateAcrossTwoBackwardCalls()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2]).RequireGrad();
        (x * x).Sum().Backward();
        Assert.Equal([2, 4], x.Grad!.ToArray()); // 2x
        (3.0 * x).Sum().Backward();
        Assert.Equal([5, 7], x.Grad!.ToArray()); // 2x + 3: the second pass adds to the first
    }

    [Fact]
    public void ZeroGradClearsTheAccumulatedGradient()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2]).RequireGrad();
        x.ZeroGrad(); // before any backward: nothing to clear, no error
        Assert.Null(x.Grad);
        (x * x).Sum().Backward();
        x.ZeroGrad();
        Assert.Equal([0, 0], x.Grad!.ToArray());
        (x * x).Sum().Backward();
        Assert.Equal([2, 4], x.Grad!.ToArray()); // 2x afresh, not 4x
    }

    [Fact]
    public void RetainGraphAllowsASecondBackwardThroughTheSameGraph()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2]).RequireGrad();
        var y = (x * x).Sum();
        y.Backward(retainGraph: true);
        y.Backward();
        Assert.Equal([4, 8], x.Grad!.ToArray()); // 2x twice
    }

    [Fact]
    public void NoGradTurnsRecordingOffAndRestoresItAfterwards()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2]).RequireGrad();
        Assert.True(Torch.IsGradEnabled);
        using (Torch.NoGrad())
        {
            Assert.False(Torch.IsGradEnabled);
            Assert.False((x * x).RequiresGrad); // not recorded
            using (Torch.NoGrad()) Assert.False(Torch.IsGradEnabled);
            Assert.False(Torch.IsGradEnabled); // the inner scope restored "off", what it found
        }
        Assert.True(Torch.IsGradEnabled);
        Assert.True((x * x).RequiresGrad);
    }

    [Fact]
    public void DisposingANoGradScopeTwiceRestoresOnlyOnce()
    {
        var outer = Torch.NoGrad();
        var inner = Torch.NoGrad();
        inner.Dispose();
        outer.Dispose();
        inner.Dispose(); // a second Dispose must not switch recording back off
        Assert.True(Torch.IsGradEnabled);
    }

    [Fact]
    public void GradientsLeaveGradUntouched()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2]).RequireGrad();
        Assert.Equal([2, 4], Torch.Gradient((x * x).Sum(), x).ToArray()); // 2x
        Assert.Null(x.Grad);
    }

    [Fact]
    public void AnInputTheOutputDoesNotDependOnGetsZeros()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2]).RequireGrad();
        var unused = Tensor.FromArray([5, 6, 7]).RequireGrad();
        var g = Torch.Gradients([(x * x).Sum()], [x, unused]);
        Assert.Equal([2, 4], g[0].ToArray());
        Assert.Equal([0, 0, 0], g[1].ToArray()); // ∂/∂unused = 0, with unused's shape
    }

    [Fact]
    public void GradientsOfANonScalarOutputTakeAnUpstreamGradient()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2, 3]).RequireGrad();
        var g = Torch.Gradients([x * x], [x], [Tensor.FromArray([1, 0.5, -1])]);
        Assert.Equal([2, 2, -6], g[0].ToArray()); // 2x ⊙ v
    }

    [Fact]
    public void GradientsOfSeveralOutputsAreSummed()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2]).RequireGrad();
        var g = Torch.Gradients([(x * x).Sum(), (4.0 * x).Sum()], [x]);
        Assert.Equal([6, 8], g[0].ToArray()); // 2x + 4
    }

    [Fact]
    public void CreateGraphGivesSecondAndThirdDerivatives()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, -2, 0.5]).RequireGrad();
        var first = Torch.Gradient(x.Pow(4).Sum(), x, createGraph: true);
        Assert.Equal([4, -32, 0.5], first.ToArray()); // 4x³
        var second = Torch.Gradients([first], [x], [Tensor.Ones([3])], createGraph: true)[0];
        Assert.Equal([12, 48, 3], second.ToArray()); // 12x²
        var third = Torch.Gradient(second.Sum(), x);
        Assert.Equal([24, -48, 12], third.ToArray()); // 24x
    }

    [Fact]
    public void BackwardWithCreateGraphLeavesAGradThatCanBeDifferentiated()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2]).RequireGrad();
        x.Pow(3).Sum().Backward(createGraph: true);
        var g = x.Grad!;
        Assert.Equal([3, 12], g.ToArray()); // 3x²
        Assert.Equal([6, 12], Torch.Gradient(g.Sum(), x).ToArray()); // d/dx Σ3x² = 6x
    }

    [Fact]
    public void TheHessianOfASumOfCubesIsDiagonalSixX()
    {
        var h = Torch.Hessian(x => x.Pow(3).Sum(), [1, -2, 0.5]);
        Assert.Equal(new double[,] { { 6, 0, 0 }, { 0, -12, 0 }, { 0, 0, 3 } }, h); // ∂²Σx³ = diag(6x)
    }

    [Fact]
    public void TheHessianOfAQuadraticFormIsTheSymmetricPartOfItsMatrix()
    {
        var a = new double[,] { { 1, 2 }, { 0, 3 } }; // not symmetric
        var h = Torch.Hessian(x => 0.5 * x.Dot(Tensor.FromMatrix(a).MatVec(x)), [0.7, -1.3]);
        Assert.Equal(new double[,] { { 1, 1 }, { 1, 3 } }, h); // ∇²(½xᵀAx) = (A + Aᵀ)/2 at every x
    }

    [Fact]
    public void TheHessianHasTheMixedPartialsOffTheDiagonal()
    {
        // f = x₀²x₁: ∂²f/∂x₀² = 2x₁, ∂²f/∂x₀∂x₁ = 2x₀, ∂²f/∂x₁² = 0; at (1, 2).
        var h = Torch.Hessian(x => x.Select(0, 0).Pow(2) * x.Select(0, 1), [1, 2]);
        Assert.Equal(new double[,] { { 4, 2 }, { 2, 0 } }, h);
    }

    [Fact]
    public void TheHessianOfALinearFunctionIsZero()
    {
        // ∇(Σ 3xᵢ) = 3 has no graph (pytorch issue 32304); the Hessian used to throw "does not require grad" here.
        Assert.Equal(new double[2, 2], Torch.Hessian(x => (3.0 * x).Sum(), [1, 2]));
        Assert.Equal(new double[2], Torch.HessianVectorProduct(x => (3.0 * x).Sum(), [1, 2], [1, 1]));
    }

    [Fact]
    public void TheHessianVectorProductEqualsTheHessianTimesTheVector()
    {
        // f = Σxᵢ³ + x₀x₁: H = diag(6x) + (e₀e₁ᵀ + e₁e₀ᵀ). At x = (1, 2, 3), v = (1, −1, 2):
        // Hv = (6·1 − 1, 12·(−1) + 1, 18·2) = (5, −11, 36).
        static Tensor F(Tensor x) => x.Pow(3).Sum() + x.Select(0, 0) * x.Select(0, 1);
        double[] x = [1, 2, 3], v = [1, -1, 2];
        var hv = Torch.HessianVectorProduct(F, x, v);
        Assert.Equal([5, -11, 36], hv);
        var h = Torch.Hessian(F, x);
        var product = new double[3];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++) product[i] += h[i, j] * v[j];
        Assert.Equal(product, hv); // the same, from the full Hessian
    }

    [Fact]
    public void AHessianVectorProductNeedsAVectorOfTheSameLength()
    {
        Assert.Throws<DimensionMismatchException>(() => Torch.HessianVectorProduct(x => x.Pow(2).Sum(), [1, 2], [1]));
    }
}
