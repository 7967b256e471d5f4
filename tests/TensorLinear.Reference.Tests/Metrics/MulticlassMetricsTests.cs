using TensorLinear.Reference.Metrics;

namespace TensorLinear.Reference.Tests.Metrics;

public class MulticlassMetricsTests
{
    // Six rows of three classes, worked by hand. Confusion (rows true, columns predicted):
    //   class 0: [2, 1, 0]   class 1: [0, 1, 1]   class 2: [0, 0, 1]
    // Precision = diagonal / column sums: 2/2, 1/2, 1/2; recall = diagonal / row sums: 2/3, 1/2, 1/1;
    // F1 = 2TP/(2TP + FP + FN): 4/5, 2/4, 2/3; accuracy 4/6.
    private static readonly int[] Labels = [0, 0, 0, 1, 1, 2];
    private static readonly int[] Predictions = [0, 0, 1, 1, 2, 2];

    [Fact]
    public void EveryRateOfASmallCaseIsWorkedByHand()
    {
        var m = MulticlassMetrics.Of(Labels, Predictions, 3);

        Assert.Equal(new[,] { { 2, 1, 0 }, { 0, 1, 1 }, { 0, 0, 1 } }, m.Confusion());
        Assert.Equal([1.0, 0.5, 0.5], m.Precision.ToArray());
        Assert.Equal([2.0 / 3, 0.5, 1.0], m.Recall.ToArray());
        Assert.Equal([0.8, 0.5, 2.0 / 3], m.F1.ToArray());
        Assert.Equal(4.0 / 6, m.Accuracy);
        // Means of three doubles: one or two roundings each.
        Assert.Equal((1.0 + 0.5 + 0.5) / 3, m.MacroPrecision, 1e-15);
        Assert.Equal((2.0 / 3 + 0.5 + 1.0) / 3, m.MacroRecall, 1e-15);
        Assert.Equal((0.8 + 0.5 + 2.0 / 3) / 3, m.MacroF1, 1e-15);
        Assert.Equal(m.Accuracy, m.MicroF1);
    }

    [Fact]
    public void AClassNeverPredictedHasPrecisionZero()
    {
        var m = MulticlassMetrics.Of([0, 1, 2], [0, 1, 1], 3);
        Assert.Equal(0.0, m.Precision[2]);
        Assert.Equal(0.0, m.Recall[2]);
        Assert.Equal(0.0, m.F1[2]);
    }

    [Fact]
    public void TheLogLossIsTheMeanNegativeLogOfEachRowsClassProbability()
    {
        double[,] p = { { 0.5, 0.25, 0.25 }, { 0.1, 0.8, 0.1 }, { 0.0, 0.0, 1.0 } };
        Assert.Equal(-(Math.Log(0.5) + Math.Log(0.8) + 0.0) / 3, MulticlassMetrics.LogLoss([0, 1, 2], p), 1e-15);
        Assert.Equal(100.0 / 3, MulticlassMetrics.LogLoss([0, 1, 0], new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }), 1e-13); // log 0 floored at −100
    }

    [Fact]
    public void BadInputRaisesTypedErrors()
    {
        Assert.Throws<EmptyInputException>(() => MulticlassMetrics.Of([], [], 3));
        Assert.Throws<DimensionMismatchException>(() => MulticlassMetrics.Of([0, 1], [0], 3));
        Assert.Throws<OutOfDomainException>(() => MulticlassMetrics.Of([0, 3], [0, 1], 3));
        Assert.Throws<OutOfDomainException>(() => MulticlassMetrics.Of([0], [0], 1));
        Assert.Throws<OutOfDomainException>(() => MulticlassMetrics.LogLoss([0], new double[,] { { 1.5, 0 } }));
    }
}
