using TensorLinear.Reference.Metrics;

namespace TensorLinear.Reference.Tests.Metrics;

public class ConfusionMatrixTests
{
    // Hand count: rows 0–1 are TP, rows 2–3 FN (label 1 predicted 0), row 4 FP, rows 5–9 TN.
    private static readonly double[] Labels = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
    private static readonly double[] Predictions = [1, 1, 0, 0, 1, 0, 0, 0, 0, 0];

    [Fact]
    public void TheFourCountsAreTallied() =>
        Assert.Equal(new ConfusionMatrix(truePositives: 2, falsePositives: 1, trueNegatives: 5, falseNegatives: 2),
                     ConfusionMatrix.Of(Labels, Predictions));

    [Fact]
    public void TheRatesFollowFromTheCounts()
    {
        var m = ConfusionMatrix.Of(Labels, Predictions);
        Assert.Equal(10, m.Total);
        Assert.Equal(0.7, m.Accuracy());          // (2 + 5)/10
        Assert.Equal(2.0 / 3.0, m.Precision());   // 2/(2 + 1)
        Assert.Equal(0.5, m.Recall());            // 2/(2 + 2)
        Assert.Equal(4.0 / 7.0, m.F1Score());     // 2·2/(4 + 1 + 2), the harmonic mean 2·(2/3)(1/2)/(2/3 + 1/2)
    }

    [Fact]
    public void PrecisionWithNoPositivePredictionsIsUndefinedButF1IsZero()
    {
        var m = ConfusionMatrix.Of([1, 0], [0, 0]);
        Assert.Equal("predictions", Assert.Throws<DegenerateInputException>(() => m.Precision()).ArgumentName);
        Assert.Equal(0.0, m.F1Score()); // 2·0/(0 + 0 + 1)
    }

    [Fact]
    public void RecallWithNoPositiveLabelsIsUndefined() =>
        Assert.Equal("labels", Assert.Throws<DegenerateInputException>(() => ConfusionMatrix.Of([0, 0], [1, 0]).Recall()).ArgumentName);

    [Fact]
    public void F1WithNoPositivesAnywhereIsUndefined() =>
        Assert.Throws<DegenerateInputException>(() => ConfusionMatrix.Of([0, 0], [0, 0]).F1Score());

    [Fact]
    public void LabelsOrPredictionsThatAreNotZeroOrOneAreRejectedNamingThem()
    {
        Assert.Equal("labels", Assert.Throws<OutOfDomainException>(() => ConfusionMatrix.Of([2, 0], [1, 0])).ArgumentName);
        Assert.Equal("predictions", Assert.Throws<OutOfDomainException>(() => ConfusionMatrix.Of([1, 0], [0.7, 0])).ArgumentName);
        Assert.Throws<DimensionMismatchException>(() => ConfusionMatrix.Of([1, 0], [1]));
        Assert.Throws<EmptyInputException>(() => ConfusionMatrix.Of([], []));
    }

    [Fact]
    public void CountsMustBeNonNegativeAndNotAllZero()
    {
        Assert.Equal("falsePositives", Assert.Throws<OutOfDomainException>(() => new ConfusionMatrix(1, -1, 0, 0)).ArgumentName);
        Assert.Throws<EmptyInputException>(() => new ConfusionMatrix(0, 0, 0, 0));
    }
}
