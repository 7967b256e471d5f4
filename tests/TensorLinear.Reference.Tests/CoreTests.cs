using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Training;

namespace TensorLinear.Reference.Tests;

public class DataSetTests
{
    [Fact]
    public void RowsOfUnequalLengthAreRejectedNamingTheRow()
    {
        var e = Assert.Throws<DimensionMismatchException>(() => DataSet.FromRows([[1.0, 2.0], [3.0]], [0.0, 1.0]));
        Assert.Contains("row 1", e.Message);
    }

    [Fact]
    public void ANaNFeatureIsRejectedNamingRowAndFeature()
    {
        var e = Assert.Throws<NonFiniteInputException>(() => DataSet.FromRows([[1.0, 2.0], [3.0, double.NaN]], [0.0, 1.0]));
        Assert.Contains("row 1, feature 1", e.Message);
    }

    [Fact]
    public void AnEmptyDataSetIsRejected() =>
        Assert.Throws<EmptyInputException>(() => DataSet.FromRows([], []));

    [Fact]
    public void FeaturesAreStoredRowMajorAndCopied()
    {
        double[][] rows = [[1.0, 2.0], [3.0, 4.0]];
        var data = DataSet.FromRows(rows, [5.0, 6.0]);
        rows[1][0] = 99.0;
        Assert.Equal(3.0, data[1, 0]);
        Assert.Equal([1.0, 2.0, 3.0, 4.0], data.Features.ToArray());
        Assert.Equal(["x1", "x2"], data.FeatureNames.ToArray());
    }
}

public class DescentMonitorTests
{
    [Fact]
    public void ALossThatGrowsForPatienceEpochsIsDivergenceNamingTheLearningRateAndBound()
    {
        var monitor = new DescentMonitor(new TrainingOptions { DivergencePatience = 2 }, 0.5, 0.4);
        Assert.False(monitor.Observe(1.0, 1.0));
        Assert.False(monitor.Observe(2.0, 1.0));
        var e = Assert.Throws<DivergenceException>(() => monitor.Observe(3.0, 1.0));
        Assert.Contains("learning rate 0.5", e.Message);
        Assert.Contains("2/L = 0.4", e.Message);
    }

    [Fact]
    public void RisesWithinTheLossRoundingBoundAreNotGrowth()
    {
        // Near a minimum the computed loss wobbles by rounding: rises of one ulp, five times in a row, are not divergence.
        var noise = DescentMonitor.LossNoise(rowCount: 6, featureCount: 2);
        var monitor = new DescentMonitor(new TrainingOptions { DivergencePatience = 2, Tolerance = 0 }, 0.1, null, lossNoise: noise);
        var loss = 0.0722;
        for (var i = 0; i < 5; i++) Assert.False(monitor.Observe(loss = Math.BitIncrement(loss), 1.0));
        // A rise well beyond γ₁₀·loss (about 1e-16 relative) still counts.
        Assert.False(monitor.Observe(loss * (1 + 1e-9), 1.0));
        Assert.Throws<DivergenceException>(() => monitor.Observe(loss * (1 + 2e-9), 1.0));
    }

    [Fact]
    public void ANaNLossIsDivergence() =>
        Assert.Throws<DivergenceException>(() => new DescentMonitor(new TrainingOptions(), 1.0, null).Observe(double.NaN, 1.0));

    [Fact]
    public void AStepNormAtTheToleranceStopsAsConverged()
    {
        var monitor = new DescentMonitor(new TrainingOptions { Tolerance = 1e-3 }, 0.1, null);
        Assert.False(monitor.Observe(1.0, 1.0));
        Assert.True(monitor.Observe(0.5, 1e-3));
        var result = monitor.Finish(LinearModel.Zero(1));
        Assert.Equal(StopReason.Converged, result.StopReason);
        Assert.Equal(1, result.Epochs);
        Assert.Equal([1.0, 0.5], result.LossHistory.ToArray());
    }
}
