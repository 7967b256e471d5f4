using TensorLinear.Autograd.MaxMargin;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Tests;

// TensorHinge: values by hand, and which subgradient autograd gives at the kink y·s = 1.
public sealed class HingeTests
{
    public HingeTests() => Torch.Initialize();

    [Fact]
    public void AutogradsSubgradientIsMinusYOverNInsideTheMarginAndZeroAtTheKink()
    {
        using var scope = NewDisposeScope();
        // Rows (y, s): (1, 0.5) inside, (−1, 0.5) inside, (1, 1) and (−1, −1) exactly on the margin (kinks), (−1, −2) outside.
        // Mean hinge = (0.5 + 1.5 + 0 + 0 + 0)/5 = 0.4; subgradient −yᵢ/5 inside, 0 at the kinks (relu's backward at 0) and outside.
        var y = tensor(new[] { 1.0, -1.0, 1.0, -1.0, -1.0 });
        var s = tensor(new[] { 0.5, 0.5, 1.0, -1.0, -2.0 }).requires_grad_();
        var loss = TensorHinge.Mean(y, s);
        Assert.Equal(0.4, loss.item<double>(), 1e-16);
        Assert.Equal([-0.2, 0.2, 0.0, 0.0, 0.0], Torch.Gradient(loss, s).ToDoubles());
    }

    [Fact]
    public void TheSoftMarginObjectiveAtTheSeedsLineIsHalfTheSquaredNorm()
    {
        using var scope = NewDisposeScope();
        // At w = −(1, 1)/2, b = 4 every margin is ≥ 1 (three exactly 1: kinks), so P = ½‖w‖² = ¼ and ∇_w P = w, ∂P/∂b = 0.
        var x = tensor(new double[,] { { 5, 5 }, { 2, 4 }, { 6, 6 }, { 3, 2 }, { 7, 4 }, { 5, 1 } });
        var y = tensor(new[] { -1.0, 1, -1, 1, -1, 1 });
        var w = tensor(new[] { -0.5, -0.5 }).requires_grad_();
        var b = tensor(new[] { 4.0 }).requires_grad_();
        var p = TensorHinge.SoftMarginObjective(x, y, w, b, 10.0);
        Assert.Equal(0.25, p.item<double>());
        var g = Torch.Gradients([p], [w, b]);
        Assert.Equal([-0.5, -0.5], g[0].ToDoubles());
        Assert.Equal([0.0], g[1].ToDoubles());
    }

    [Fact]
    public void LabelsThatAreNotPlusOrMinusOneAreRefused()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<OutOfDomainException>(() => TensorHinge.Mean(tensor(new[] { 0.0 }), tensor(new[] { 1.0 })));
        Assert.Throws<DimensionMismatchException>(() => TensorHinge.Mean(tensor(new[] { 1.0 }), tensor(new[] { 1.0, 2.0 })));
    }
}
