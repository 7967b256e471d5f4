using TorchSharp;
using TensorLinear.Tests.Torch;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Tests;

// What Torch.Gradients promises beyond the gradient itself: .grad left as it was, zeros for what does not depend on
// the inputs, upstream gradients, several outputs, createGraph for higher derivatives; and Torch.Hessian and
// Torch.HessianVectorProduct. Every expected value is a polynomial's derivative at small integers or halves: exact.
public sealed class AutogradTests
{
    public AutogradTests() => Torch.Initialize();

    private static Tensor Vector(params double[] values) => tensor(values, requires_grad: true);

    [Fact]
    public void GradientsLeaveAnEmptyGradEmpty()
    {
        using var scope = NewDisposeScope();
        var x = Vector(1, 2);
        Assert.Equal([2, 4], Torch.Gradient((x * x).sum(), x).ToDoubles()); // 2x
        Assert.Null(x.grad);
        Assert.Equal([2, 4], Torch.Gradient((x * x).sum(), x, createGraph: true).ToDoubles());
        Assert.Null(x.grad);
    }

    [Fact]
    public void GradientsPutBackTheGradThatBackwardHadAccumulated()
    {
        using var scope = NewDisposeScope();
        var x = Vector(1, 2);
        (Held.Three * x).sum().backward();
        Assert.Equal([2, 4], Torch.Gradient((x * x).sum(), x).ToDoubles()); // 2x alone, not 2x + 3
        Assert.Equal([3, 3], x.grad!.ToDoubles()); // what backward left, unchanged
        Assert.Equal([2, 4], Torch.Gradient((x * x).sum(), x, createGraph: true).ToDoubles());
        Assert.Equal([3, 3], x.grad!.ToDoubles());
        (x * x).sum().backward(); // and it still accumulates into the grad that was put back
        Assert.Equal([5, 7], x.grad!.ToDoubles());
    }

    [Fact]
    public void AnInputTheOutputDoesNotDependOnGetsZerosOfItsShape()
    {
        using var scope = NewDisposeScope();
        var x = Vector(1, 2);
        var unused = tensor(new double[,] { { 5, 6, 7 } }, requires_grad: true);
        foreach (var createGraph in new[] { false, true })
        {
            var g = Torch.Gradients([(x * x).sum()], [x, unused], createGraph: createGraph);
            Assert.Equal([2, 4], g[0].ToDoubles());
            Expect.Exact(new double[,] { { 0, 0, 0 } }, g[1]); // ∂/∂unused = 0, with unused's shape
        }
    }

    [Fact]
    public void AnOutputThatRecordsNoGraphHasAZeroGradient()
    {
        using var scope = NewDisposeScope();
        var x = Vector(1, 2);
        var constant = tensor(new double[] { 1, 2 }).sum();
        Assert.Equal([0, 0], Torch.Gradient(constant, x).ToDoubles());
        Assert.Equal([0, 0], Torch.Gradient(constant, x, createGraph: true).ToDoubles());
    }

    [Fact]
    public void GradientsOfANonScalarOutputTakeAnUpstreamGradient()
    {
        using var scope = NewDisposeScope();
        var x = Vector(1, 2, 3);
        var g = Torch.Gradients([x * x], [x], [tensor(new[] { 1, 0.5, -1 })]);
        Assert.Equal([2, 2, -6], g[0].ToDoubles()); // 2x ⊙ v
    }

    [Fact]
    public void GradientsOfSeveralOutputsAreSummed()
    {
        using var scope = NewDisposeScope();
        var x = Vector(1, 2);
        Assert.Equal([6, 8], Torch.Gradients([(x * x).sum(), (Held.Four * x).sum()], [x])[0].ToDoubles()); // 2x + 4
        // One output with a graph and one without: the constant adds nothing.
        Assert.Equal([2, 4], Torch.Gradients([(x * x).sum(), tensor(7.0, dtype: float64)], [x])[0].ToDoubles());
    }

    [Fact]
    public void AnInputGivenTwiceGetsTheSameGradientInBothPlacesWithOrWithoutAGraph()
    {
        // torch.autograd.grad's meaning: each entry is ∂y/∂x, here 2x, whichever way it is computed.
        using var scope = NewDisposeScope();
        var x = Vector(1, 2);
        foreach (var createGraph in new[] { false, true })
        {
            var g = Torch.Gradients([(x * x).sum()], [x, x], createGraph: createGraph);
            Assert.Equal([2, 4], g[0].ToDoubles());
            Assert.Equal([2, 4], g[1].ToDoubles());
        }
    }

    [Fact]
    public void ANonLeafInputGetsTheGradientWithRespectToItself()
    {
        using var scope = NewDisposeScope();
        var x = Vector(3, 4);
        var doubled = x * Held.Two;
        Assert.Equal([12, 16], Torch.Gradient((doubled * doubled).sum(), doubled).ToDoubles()); // ∂(Σd²)/∂d = 2d
    }

    [Fact]
    public void CreateGraphGivesSecondAndThirdDerivatives()
    {
        using var scope = NewDisposeScope();
        var x = Vector(1, -2, 0.5);
        var first = Torch.Gradient(x.pow(Held.Four).sum(), x, createGraph: true);
        Assert.Equal([4, -32, 0.5], first.ToDoubles()); // 4x³
        var second = Torch.Gradients([first], [x], [ones(3, dtype: float64)], createGraph: true)[0];
        Assert.Equal([12, 48, 3], second.ToDoubles()); // 12x²
        Assert.Equal([24, -48, 12], Torch.Gradient(second.sum(), x).ToDoubles()); // 24x
    }

    [Fact]
    public void TheGradientOfAGradThatBackwardRecordedCanBeTaken()
    {
        // x.grad is itself part of the graph differentiated here, and Gradients sets x.grad aside meanwhile.
        using var scope = NewDisposeScope();
        var x = Vector(1, 2);
        x.pow(Held.Three).sum().backward(create_graph: true);
        var g = x.grad!;
        Assert.Equal([3, 12], g.ToDoubles()); // 3x²
        Assert.Equal([6, 12], Torch.Gradient(g.sum(), x).ToDoubles()); // d/dx Σ3x² = 6x
        Assert.Equal([3, 12], x.grad!.ToDoubles());
    }

    [Fact]
    public void TheHessianOfASumOfCubesIsDiagonalSixX()
    {
        var h = Torch.Hessian(x => x.pow(Held.Three).sum(), [1, -2, 0.5]);
        Assert.Equal(new double[,] { { 6, 0, 0 }, { 0, -12, 0 }, { 0, 0, 3 } }, h); // ∂²Σx³ = diag(6x)
    }

    [Fact]
    public void TheHessianOfAQuadraticFormIsTheSymmetricPartOfItsMatrix()
    {
        var a = new double[,] { { 1, 2 }, { 0, 3 } }; // not symmetric
        var h = Torch.Hessian(x => Held.Half * x.dot(tensor(a).mv(x)), [0.7, -1.3]);
        Assert.Equal(new double[,] { { 1, 1 }, { 1, 3 } }, h); // ∇²(½xᵀAx) = (A + Aᵀ)/2 at every x
    }

    [Fact]
    public void TheHessianHasTheMixedPartialsOffTheDiagonal()
    {
        // f = x₀²x₁: ∂²f/∂x₀² = 2x₁, ∂²f/∂x₀∂x₁ = 2x₀, ∂²f/∂x₁² = 0; at (1, 2).
        Assert.Equal(new double[,] { { 4, 2 }, { 2, 0 } }, Torch.Hessian(x => x[0].pow(Held.Two) * x[1], [1, 2]));
    }

    [Fact]
    public void TheHessianOfALinearFunctionIsZero()
    {
        // ∇(Σ 3xᵢ) = 3 has no graph (pytorch issue 32304).
        Assert.Equal(new double[2, 2], Torch.Hessian(x => (Held.Three * x).sum(), [1, 2]));
        Assert.Equal(new double[2], Torch.HessianVectorProduct(x => (Held.Three * x).sum(), [1, 2], [1, 1]));
    }

    [Fact]
    public void AHessianRowWhoseGradientComponentIsConstantIsZero()
    {
        // ∇(x₀² + x₁) = (2x₀, 1): the gradient has a graph, but its second component does not lead back to x.
        Assert.Equal(new double[,] { { 2, 0 }, { 0, 0 } }, Torch.Hessian(x => (x[0] * x[0]).Plus(x[1]), [3, 4]));
    }

    [Fact]
    public void TheHessianIsTheSameWhenTheCallerHasSwitchedGradientsOff()
    {
        // Hessian makes its own leaf and records f on it: a caller's no_grad() must not turn ∂²Σx³ into zeros.
        using var noGrad = no_grad();
        Assert.Equal(new double[,] { { 6, 0 }, { 0, 12 } }, Torch.Hessian(x => x.pow(Held.Three).sum(), [1, 2]));
        Assert.Equal([6, 12], Torch.HessianVectorProduct(x => x.pow(Held.Three).sum(), [1, 2], [1, 1]));
    }

    [Fact]
    public void TheHessianVectorProductEqualsTheHessianTimesTheVector()
    {
        // f = Σxᵢ³ + x₀x₁: H = diag(6x) + (e₀e₁ᵀ + e₁e₀ᵀ). At x = (1, 2, 3), v = (1, −1, 2):
        // Hv = (6·1 − 1, 12·(−1) + 1, 18·2) = (5, −11, 36).
        static Tensor F(Tensor x) => x.pow(Held.Three).sum().Plus(x[0] * x[1]);
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
        Assert.Throws<DimensionMismatchException>(() => Torch.HessianVectorProduct(x => x.pow(Held.Two).sum(), [1, 2], [1]));
    }

    [Fact]
    public void AHessianOfAFunctionWithAVectorValueIsRefused()
    {
        Assert.Throws<DimensionMismatchException>(() => Torch.Hessian(x => x * x, [1, 2]));
    }
}
