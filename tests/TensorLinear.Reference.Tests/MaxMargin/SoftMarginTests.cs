using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.MaxMargin;

namespace TensorLinear.Reference.Tests.MaxMargin;

public class SoftMarginTests
{
    // The seed with a −1 point (3, 3) placed on the +1 class's hull: no hard margin, so C decides.
    private static readonly DataSet Overlapping = DataSet.FromRows([.. SeedPoints.Rows, [3.0, 3.0]], [.. SeedPoints.Labels, -1.0]);

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(100.0)]
    public void TheSoftMarginIsOptimalByWeakDualityComputedHere(double c)
    {
        var fit = MaxMarginSolver.FitSoftMargin(Overlapping, c);
        // Independent certificate: any α with 0 ≤ α ≤ C and Σ αᵢyᵢ = 0 gives the lower bound D(α) = Σα − ½‖Σ αᵢyᵢxᵢ‖² on
        // every P(w, b). Computed here from the rows, with P from the objective itself.
        var rows = Overlapping.ToRows();
        var y = Overlapping.TargetArray();
        var alpha = fit.Alphas.ToArray();
        Assert.All(alpha, a => Assert.InRange(a, 0.0, c));
        Assert.Equal(0.0, alpha.Zip(y, (a, v) => a * v).Sum(), 1e-14 * c);
        var combination = new double[2];
        for (var i = 0; i < rows.Length; i++)
            for (var j = 0; j < 2; j++) combination[j] += alpha[i] * y[i] * rows[i][j];
        var dual = alpha.Sum() - 0.5 * combination.Sum(v => v * v);
        var primal = SoftMarginObjective.Value(Overlapping, fit.Model, c);
        // P − D cancels terms of size Σα + ½‖w‖² (about 2P here): rounding at 1e-13 of them, so 1e-12 relative.
        Assert.InRange(primal - dual, -1e-12 * primal, 1e-12 * primal);
        Assert.True(fit.Polished);
        Assert.True(fit.Kkt.Largest <= 1e-12, fit.Kkt.ToString());
    }

    [Fact]
    public void NoNearbyPointHasASmallerObjective()
    {
        // A second, blunt method: the convex objective at 2000 random nearby (w, b) is never below the fit's.
        const double c = 1.0;
        var fit = MaxMarginSolver.FitSoftMargin(Overlapping, c);
        var best = SoftMarginObjective.Value(Overlapping, fit.Model, c);
        var random = new Random(15);
        var theta = fit.Model.ToParameterVector();
        for (var k = 0; k < 2000; k++)
        {
            var step = Math.Pow(10, -random.Next(1, 7));
            var moved = theta.Select(t => t + step * (2 * random.NextDouble() - 1)).ToArray();
            Assert.True(SoftMarginObjective.Value(Overlapping, LinearModel.FromParameterVector(moved), c) >= best * (1 - 1e-15));
        }
    }

    [Fact]
    public void OnSeparableDataALargeCGivesTheHardMargin()
    {
        // C above every hard-margin multiplier (max α = ¼) leaves them all free: the same line.
        var fit = MaxMarginSolver.FitSoftMargin(SeedPoints.Data, 10.0);
        for (var j = 0; j < 2; j++) Assert.Equal(SeedPoints.Weights[j], fit.Model.Weights[j], 1e-14);
        Assert.Equal(SeedPoints.Bias, fit.Model.Bias, 1e-13);
        Assert.Equal(SeedPoints.SupportVectors, fit.SupportVectors);
    }

    [Fact]
    public void ANonPositiveCIsOutOfDomain() =>
        Assert.Throws<OutOfDomainException>(() => MaxMarginSolver.FitSoftMargin(Overlapping, 0.0));

    [Fact]
    public void TheHardMarginRefusesTheOverlappingData() =>
        Assert.Throws<NotSeparableException>(() => MaxMarginSolver.FitHardMargin(Overlapping));
}
