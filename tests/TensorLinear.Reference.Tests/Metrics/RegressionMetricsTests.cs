using TensorLinear.Reference.Metrics;

namespace TensorLinear.Reference.Tests.Metrics;

public class RegressionMetricsTests
{
    // Hand-worked: residuals ŷ − y = (0.5, 0, −1, 1); ȳ = 2.5, TSS = 2.25 + 0.25 + 0.25 + 2.25 = 5, Σy² = 30.
    private static readonly double[] Targets = [1.0, 2.0, 3.0, 4.0];
    private static readonly double[] Predictions = [1.5, 2.0, 2.0, 5.0];

    [Fact]
    public void MeanSquaredErrorIsTheMeanOfTheSquaredResiduals() =>
        Assert.Equal(0.5625, RegressionMetrics.MeanSquaredError(Targets, Predictions)); // (0.25 + 0 + 1 + 1)/4

    [Fact]
    public void RootMeanSquaredErrorIsTheRootOfTheMeanSquaredError() =>
        Assert.Equal(0.75, RegressionMetrics.RootMeanSquaredError(Targets, Predictions)); // √0.5625

    [Fact]
    public void MeanAbsoluteErrorIsTheMeanOfTheAbsoluteResiduals() =>
        Assert.Equal(0.625, RegressionMetrics.MeanAbsoluteError(Targets, Predictions)); // (0.5 + 0 + 1 + 1)/4

    [Fact]
    public void RSquaredIsOneMinusRssOverTss() =>
        Assert.Equal(0.55, RegressionMetrics.RSquared(Targets, Predictions), 1e-15); // 1 − 2.25/5

    [Fact]
    public void UncentredRSquaredComparesWithPredictingZero() =>
        Assert.Equal(0.925, RegressionMetrics.UncentredRSquared(Targets, Predictions), 1e-15); // 1 − 2.25/30

    [Fact]
    public void PredictingTheMeanGivesAnRSquaredOfZeroAndWorseIsNegative()
    {
        Assert.Equal(0.0, RegressionMetrics.RSquared(Targets, [2.5, 2.5, 2.5, 2.5]));      // RSS = TSS
        Assert.Equal(-3.0, RegressionMetrics.RSquared(Targets, [4.0, 3.0, 2.0, 1.0]), 1e-15); // RSS = 9 + 1 + 1 + 9 = 20 = 4·TSS
    }

    [Fact]
    public void RootMeanSquaredErrorDoesNotOverflowForHugeResiduals() =>
        // √(((1e200)² + (1e200)²)/2) = 1e200; squaring first would give ∞.
        Assert.Equal(1e200, RegressionMetrics.RootMeanSquaredError([0.0, 0.0], [1e200, -1e200]), 1e185);

    [Fact]
    public void ConstantTargetsLeaveRSquaredUndefined()
    {
        // Ten 0.1s average to 0.09999999999999999: a TSS computed from that mean would be 1e-34, not 0.
        var tenths = Enumerable.Repeat(0.1, 10).ToArray();
        Assert.Equal("targets", Assert.Throws<DegenerateInputException>(() => RegressionMetrics.RSquared(tenths, tenths)).ArgumentName);
        Assert.Throws<DegenerateInputException>(() => RegressionMetrics.UncentredRSquared([0.0, 0.0], [1.0, 2.0]));
    }

    [Fact]
    public void MismatchedEmptyOrNonFiniteInputsAreRejectedNamingTheArgument()
    {
        Assert.Equal("predictions", Assert.Throws<DimensionMismatchException>(() => RegressionMetrics.MeanSquaredError([1.0, 2.0], [1.0])).ArgumentName);
        Assert.Equal("targets", Assert.Throws<EmptyInputException>(() => RegressionMetrics.MeanAbsoluteError([], [])).ArgumentName);
        Assert.Equal("predictions", Assert.Throws<NonFiniteInputException>(() => RegressionMetrics.RootMeanSquaredError([1.0], [double.NaN])).ArgumentName);
        Assert.Equal("targets", Assert.Throws<NonFiniteInputException>(() => RegressionMetrics.RSquared([double.PositiveInfinity, 1.0], [1.0, 1.0])).ArgumentName);
    }
}
