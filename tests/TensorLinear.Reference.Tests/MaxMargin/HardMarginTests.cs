using TensorLinear.Data;
using TensorLinear.MaxMargin;
using TensorLinear.Reference.MaxMargin;

namespace TensorLinear.Reference.Tests.MaxMargin;

public class HardMarginTests
{
    // Rounding-level agreement for numbers of size about 1: a few ulps of the polished solve (κ∞ of its 4×4 system is small).
    private const double Rounding = 1e-14;

    [Fact]
    public void TheSeedsMaximumMarginLineIsTheHandDerivedOne()
    {
        var fit = MaxMarginSolver.FitHardMargin(SeedPoints.Data);
        Assert.True(fit.Polished);
        Assert.Equal(MarginKind.Hard, fit.Kind);
        for (var j = 0; j < 2; j++) Assert.Equal(SeedPoints.Weights[j], fit.Model.Weights[j], Rounding);
        Assert.Equal(SeedPoints.Bias, fit.Model.Bias, 4 * Rounding);
        Assert.Equal(SeedPoints.Margin, fit.Margin, Rounding);
        Assert.Equal(SeedPoints.Margin, fit.GeometricMargin, Rounding);
        Assert.Equal(SeedPoints.SupportVectors, fit.SupportVectors);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(SeedPoints.Alphas[i], fit.Alphas[i], Rounding);
            Assert.Equal(SeedPoints.SignedDistances[i], fit.SignedDistances[i], 8 * Rounding);
        }
    }

    [Fact]
    public void TheSeedsKktConditionsHoldToRounding()
    {
        var kkt = MaxMarginSolver.FitHardMargin(SeedPoints.Data).Kkt;
        Assert.InRange(kkt.PrimalFeasibility, 0.0, Rounding);
        Assert.InRange(kkt.DualFeasibility, 0.0, Rounding);
        Assert.InRange(kkt.ComplementarySlackness, 0.0, Rounding);
        Assert.InRange(kkt.Stationarity, 0.0, Rounding);
        Assert.InRange(kkt.BiasStationarity, 0.0, Rounding);
        Assert.InRange(Math.Abs(kkt.RelativeDualityGap), 0.0, Rounding);
        Assert.Equal(0.25, kkt.PrimalObjective, Rounding); // ½‖w‖² = ¼
    }

    [Fact]
    public void TheMarginDoesNotDependOnTheDatasUnits()
    {
        // Scaling x by 2⁻³⁰ scales the line's geometry exactly: the margin by 2⁻³⁰, w by 2³⁰, b not at all.
        var scaled = DataSet.FromRows([.. SeedPoints.Rows.Select(r => r.Select(v => Math.ScaleB(v, -30)).ToArray())], SeedPoints.Labels);
        var fit = MaxMarginSolver.FitHardMargin(scaled);
        Assert.True(fit.Polished);
        Assert.Equal(Math.ScaleB(SeedPoints.Margin, -30), fit.Margin, Math.ScaleB(Rounding, -30));
        Assert.Equal(SeedPoints.Bias, fit.Model.Bias, 4 * Rounding);
        Assert.Equal(SeedPoints.SupportVectors, fit.SupportVectors);
    }

    [Fact]
    public void DegenerateSupportVectorsStillGiveTheExactLine()
    {
        // Four support vectors in the plane (one more than a line needs): (0,0), (2,0) at y = −1 and (0,2), (2,2) at +1.
        // The line is x2 = 1, w = (0, 1), b = −1, margin 1; the multipliers are not unique, the line is.
        var data = DataSet.FromRows([[0, 0], [2, 0], [0, 2], [2, 2], [1, 5]], [-1, -1, 1, 1, 1]);
        var fit = MaxMarginSolver.FitHardMargin(data);
        Assert.Equal(0.0, fit.Model.Weights[0], Rounding);
        Assert.Equal(1.0, fit.Model.Weights[1], Rounding);
        Assert.Equal(-1.0, fit.Model.Bias, Rounding);
        Assert.InRange(fit.Kkt.Largest, 0.0, 1e-12);
    }

    [Fact]
    public void OverlappingClassesHaveNoHardMarginAndSaySoTyped()
    {
        // XOR: the hulls of {(0,0), (1,1)} and {(1,0), (0,1)} cross at (½, ½).
        var xor = DataSet.FromRows([[0, 0], [1, 1], [1, 0], [0, 1]], [1, 1, -1, -1]);
        var e = Assert.Throws<NotSeparableException>(() => MaxMarginSolver.FitHardMargin(xor));
        Assert.Contains("soft margin", e.Message);
        Assert.InRange(e.HullDistanceBound, 0.0, 1e-8);
    }

    [Fact]
    public void OneClassOnlyIsDegenerate() =>
        Assert.Throws<DegenerateInputException>(() => MaxMarginSolver.FitHardMargin(DataSet.FromRows([[1, 2], [3, 4]], [1, 1])));

    [Fact]
    public void LabelsThatAreNotPlusOrMinusOneAreOutOfDomain() =>
        Assert.Throws<OutOfDomainException>(() => MaxMarginSolver.FitHardMargin(DataSet.FromRows([[1, 2], [3, 4]], [0, 1])));

    [Fact]
    public void NaNAndMismatchedLengthsAreTypedErrors()
    {
        Assert.Throws<NonFiniteInputException>(() => MaxMarginSolver.FitHardMargin(DataSet.FromRows([[double.NaN, 2], [3, 4]], [1, -1])));
        Assert.Throws<DimensionMismatchException>(() => MaxMarginSolver.FitHardMargin(DataSet.FromRows([[1, 2], [3, 4]], [1, -1, 1])));
    }
}
