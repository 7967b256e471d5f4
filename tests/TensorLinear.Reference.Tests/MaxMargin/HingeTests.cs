using TensorLinear.Models;
using TensorLinear.Reference.Losses;
using TensorLinear.Reference.MaxMargin;

namespace TensorLinear.Reference.Tests.MaxMargin;

public class HingeTests
{
    [Theory]
    // (y, s, max(0, 1 − ys), subgradient): inside the margin the slope is −y, outside 0, and at the kink ys = 1 the
    // convention is 0 (libtorch's for relu/clamp), one end of the subdifferential {−t·y : t ∈ [0, 1]}.
    [InlineData(1.0, 0.5, 0.5, -1.0)]
    [InlineData(1.0, -2.0, 3.0, -1.0)]
    [InlineData(1.0, 1.0, 0.0, 0.0)]   // the kink
    [InlineData(1.0, 2.0, 0.0, 0.0)]
    [InlineData(-1.0, 0.5, 1.5, 1.0)]
    [InlineData(-1.0, -1.0, 0.0, 0.0)] // the kink
    [InlineData(-1.0, -3.0, 0.0, 0.0)]
    public void HingeAndItsSubgradientByHand(double y, double s, double loss, double slope)
    {
        Assert.Equal(loss, Hinge.Value(y, s));
        Assert.Equal(slope, Hinge.Subgradient(y, s));
    }

    [Fact]
    public void TheMeanAndItsSubgradientAverageTheRows()
    {
        // Rows (y, s): (1, 0.5) → 0.5, slope −1; (−1, 0.5) → 1.5, slope 1; (1, 1) → 0 at the kink, slope 0; (−1, −2) → 0.
        double[] y = [1, -1, 1, -1], s = [0.5, 0.5, 1, -2];
        Assert.Equal(0.5, Hinge.Mean(y, s));
        Assert.Equal([-0.25, 0.25, 0.0, 0.0], Hinge.MeanSubgradient(y, s));
    }

    [Fact]
    public void BadInputIsTyped()
    {
        Assert.Throws<OutOfDomainException>(() => Hinge.Value(0.0, 1.0));
        Assert.Throws<NonFiniteInputException>(() => Hinge.Subgradient(1.0, double.NaN));
        Assert.Throws<DimensionMismatchException>(() => Hinge.Mean([1.0], [1.0, 2.0]));
        Assert.Throws<OutOfDomainException>(() => Hinge.MeanSubgradient([2.0], [1.0]));
    }

    [Fact]
    public void TheSoftMarginObjectiveAtZeroByHand()
    {
        // w = 0, b = 0: every score 0, every hinge 1, so P = 0 + 1·6 = 6; the subgradient is w − C Σ yᵢxᵢ with
        // Σ yᵢxᵢ = −(5,5) + (2,4) − (6,6) + (3,2) − (7,4) + (5,1) = (−8, −8), so (8, 8), and ∂P/∂b = −C Σ yᵢ = 0.
        var zero = new LinearModel([0.0, 0.0], 0.0);
        Assert.Equal(6.0, SoftMarginObjective.Value(SeedPoints.Data, zero, 1.0));
        var g = SoftMarginObjective.Subgradient(SeedPoints.Data, zero, 1.0);
        Assert.Equal([8.0, 8.0], g.Weights.ToArray());
        Assert.Equal(0.0, g.Bias);
    }

    [Fact]
    public void AtTheSeedsMaximumMarginLineEveryHingeIsZeroAndTheKinksGiveZero()
    {
        // Every margin is ≥ 1 and the support vectors' are exactly 1 (kinks): the subgradient is w itself.
        var line = new LinearModel(SeedPoints.Weights, SeedPoints.Bias);
        Assert.Equal(0.25, SoftMarginObjective.Value(SeedPoints.Data, line, 10.0));
        var g = SoftMarginObjective.Subgradient(SeedPoints.Data, line, 10.0);
        Assert.Equal(SeedPoints.Weights, g.Weights.ToArray());
        Assert.Equal(0.0, g.Bias);
    }

    [Fact]
    public void TheDualObjectiveAndItsGradientOnTheSeedByHand()
    {
        // α = 1 on rows 0 and 1 only: w = 1·(−1)·(5, 5) + 1·(+1)·(2, 4) = (−3, −1), ½‖w‖² = 5, Σ cᵢαᵢ = 2 with c = 1,
        // so f = 3; ∇fᵢ = yᵢxᵢᵀw − 1: row 0 −(−15 − 5) − 1 = 19, row 1 (−6 − 4) − 1 = −11, row 2 −(−18 − 6) − 1 = 23.
        using var dual = new ReferenceMarginDual(SeedPoints.Data);
        double[] alpha = [1, 1, 0, 0, 0, 0], c = [1, 1, 1, 1, 1, 1];
        Assert.Equal(3.0, dual.DualObjective(alpha, c));
        Assert.Equal([19.0, -11.0, 23.0], dual.DualGradient(alpha, c)[..3]);
        // c = 0 (the nearest points of the hulls): f = ½‖w‖² alone
        Assert.Equal(5.0, dual.DualObjective(alpha, new double[6]));
    }
}
