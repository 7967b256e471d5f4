using TensorLinear.Numerics;

namespace TensorLinear.Reference.Metrics;

/// <summary>
/// The four counts of a binary classifier's outcomes against the true labels (class 1 is "positive"), and the rates
/// built from them (docs/derivations/metrics.md).
/// </summary>
public sealed record ConfusionMatrix
{
    /// <summary>Creates the matrix from its four counts, each ≥ 0 and not all 0.</summary>
    /// <exception cref="OutOfDomainException">A negative count.</exception>
    /// <exception cref="EmptyInputException">All four counts are 0.</exception>
    public ConfusionMatrix(int truePositives, int falsePositives, int trueNegatives, int falseNegatives)
    {
        TruePositives = NonNegative(truePositives, nameof(truePositives));
        FalsePositives = NonNegative(falsePositives, nameof(falsePositives));
        TrueNegatives = NonNegative(trueNegatives, nameof(trueNegatives));
        FalseNegatives = NonNegative(falseNegatives, nameof(falseNegatives));
        if (Total == 0) throw new EmptyInputException(nameof(truePositives), "all four counts are 0; a confusion matrix counts at least one row");
    }

    /// <summary>TP: label 1 predicted 1.</summary>
    public int TruePositives { get; }

    /// <summary>FP: label 0 predicted 1.</summary>
    public int FalsePositives { get; }

    /// <summary>TN: label 0 predicted 0.</summary>
    public int TrueNegatives { get; }

    /// <summary>FN: label 1 predicted 0.</summary>
    public int FalseNegatives { get; }

    /// <summary>Counts the outcomes of 0/1 <paramref name="predictions"/> against 0/1 <paramref name="labels"/>.</summary>
    /// <exception cref="InvalidInputException">Empty, NaN/∞ or mismatched inputs.</exception>
    /// <exception cref="OutOfDomainException">A label or prediction is not 0 or 1.</exception>
    public static ConfusionMatrix Of(double[] labels, double[] predictions)
    {
        Check.Vectors(labels, nameof(labels), predictions, nameof(predictions));
        Check.BinaryLabels(labels, nameof(labels));
        Check.BinaryLabels(predictions, nameof(predictions));
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            switch (labels[i], predictions[i])
            {
                case (1.0, 1.0): tp++; break;
                case (0.0, 1.0): fp++; break;
                case (0.0, 0.0): tn++; break;
                default: fn++; break;
            }
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    /// <summary>The number of rows counted, TP + FP + TN + FN.</summary>
    public int Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>Accuracy = (TP + TN)/n: the share of rows classified correctly.</summary>
    public double Accuracy() => (double)(TruePositives + TrueNegatives) / Total;

    /// <summary>Precision = TP/(TP + FP): the share of predicted positives that are positive.</summary>
    /// <exception cref="DegenerateInputException">Nothing was predicted positive (TP + FP = 0).</exception>
    public double Precision() =>
        Ratio(TruePositives, TruePositives + FalsePositives, "predictions", "hold no 1s, so precision = TP/(TP + FP) = 0/0 is undefined");

    /// <summary>Recall = TP/(TP + FN): the share of actual positives found.</summary>
    /// <exception cref="DegenerateInputException">No label is positive (TP + FN = 0).</exception>
    public double Recall() =>
        Ratio(TruePositives, TruePositives + FalseNegatives, "labels", "hold no 1s, so recall = TP/(TP + FN) = 0/0 is undefined");

    /// <summary>
    /// F1 = 2·precision·recall/(precision + recall) = 2TP/(2TP + FP + FN), the harmonic mean of the two; the second
    /// form is defined whenever any row is positive in label or prediction, even when precision is not.
    /// </summary>
    /// <exception cref="DegenerateInputException">No row is positive in label or prediction (2TP + FP + FN = 0).</exception>
    public double F1Score() =>
        Ratio(2 * TruePositives, 2 * TruePositives + FalsePositives + FalseNegatives, "labels",
              "and predictions hold no 1s, so F1 = 2TP/(2TP + FP + FN) = 0/0 is undefined");

    private static int NonNegative(int count, string name) =>
        count >= 0 ? count : throw new OutOfDomainException(name, $"is {count}; a count must be ≥ 0");

    private static double Ratio(int numerator, int denominator, string argument, string problem) =>
        denominator > 0 ? (double)numerator / denominator : throw new DegenerateInputException(argument, problem);
}
