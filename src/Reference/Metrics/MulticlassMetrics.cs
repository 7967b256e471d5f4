using System.Collections.Immutable;
using TensorLinear.Numerics;

namespace TensorLinear.Reference.Metrics;

/// <summary>
/// A k-class classifier's outcomes against the true labels: the k×k confusion matrix (row = true class, column =
/// predicted class), each class's precision, recall and F1, their macro and micro averages, and the accuracy.
/// </summary>
/// <remarks>
/// A class never predicted has precision 0, and a class never present recall 0 (0/0 read as 0, scikit-learn's
/// <c>zero_division=0</c>), so that the macro averages stay defined. With one label per row every misclassification is
/// one false positive and one false negative, so the micro precision, recall and F1 all equal the accuracy.
/// </remarks>
public sealed record MulticlassMetrics
{
    private readonly int[,] _confusion;

    private MulticlassMetrics(int[,] confusion)
    {
        _confusion = confusion;
        var k = confusion.GetLength(0);
        var precision = new double[k];
        var recall = new double[k];
        var f1 = new double[k];
        var correct = 0;
        var total = 0;
        for (var c = 0; c < k; c++)
        {
            int predicted = 0, actual = 0;
            for (var m = 0; m < k; m++)
            {
                predicted += confusion[m, c]; // column c: every row predicted c
                actual += confusion[c, m];    // row c: every row of class c
                total += confusion[c, m];
            }
            var hits = confusion[c, c];
            correct += hits;
            precision[c] = predicted == 0 ? 0.0 : (double)hits / predicted;  // TP/(TP + FP)
            recall[c] = actual == 0 ? 0.0 : (double)hits / actual;           // TP/(TP + FN)
            f1[c] = hits == 0 ? 0.0 : 2.0 * hits / (predicted + actual);     // 2TP/(2TP + FP + FN), the harmonic mean
        }
        Precision = [.. precision];
        Recall = [.. recall];
        F1 = [.. f1];
        Accuracy = (double)correct / total;
    }

    /// <summary>Counts <paramref name="predictions"/> against <paramref name="labels"/>, both class indices 0 … k−1.</summary>
    /// <exception cref="EmptyInputException">No rows.</exception>
    /// <exception cref="DimensionMismatchException">The two arrays differ in length.</exception>
    /// <exception cref="OutOfDomainException">k &lt; 2, or an index outside 0 … k−1.</exception>
    public static MulticlassMetrics Of(int[] labels, int[] predictions, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictions);
        if (classCount < 2) throw new OutOfDomainException(nameof(classCount), FormattableString.Invariant($"is {classCount}; a classifier has at least 2 classes"));
        if (labels.Length == 0) throw new EmptyInputException(nameof(labels), "there are no rows to count");
        Check.SameLength(labels.Length, nameof(labels), predictions.Length, nameof(predictions));
        var confusion = new int[classCount, classCount];
        for (var i = 0; i < labels.Length; i++)
        {
            InRange(labels[i], classCount, nameof(labels), i);
            InRange(predictions[i], classCount, nameof(predictions), i);
            confusion[labels[i], predictions[i]]++;
        }
        return new MulticlassMetrics(confusion);
    }

    /// <summary>
    /// The multi-class log-loss −(1/n) Σᵢ log p_{i,yᵢ} of n×k probabilities, each log floored at −100 as the binary
    /// cross-entropy floors it (so a probability of 0 costs 100, not ∞).
    /// </summary>
    /// <exception cref="EmptyInputException">No rows.</exception>
    /// <exception cref="DimensionMismatchException">Not one row of probabilities per label.</exception>
    /// <exception cref="OutOfDomainException">A label outside 0 … k−1, or a probability outside [0, 1].</exception>
    public static double LogLoss(int[] labels, double[,] probabilities)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (labels.Length == 0) throw new EmptyInputException(nameof(labels), "there are no rows");
        Check.SameLength(labels.Length, nameof(labels), probabilities.GetLength(0), nameof(probabilities));
        var sum = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            InRange(labels[i], probabilities.GetLength(1), nameof(labels), i);
            var p = probabilities[i, labels[i]];
            if (!(p >= 0.0 && p <= 1.0))
                throw new OutOfDomainException(nameof(probabilities), FormattableString.Invariant($"row {i} gives its class probability {p}; a probability lies in [0, 1]"));
            sum += -Math.Max(Math.Log(p), -100.0);
        }
        return sum / labels.Length;
    }

    /// <summary>The number of classes k.</summary>
    public int ClassCount => _confusion.GetLength(0);

    /// <summary>A copy of the k×k counts: entry [c, m] is the number of rows of class c predicted m.</summary>
    public int[,] Confusion() => (int[,])_confusion.Clone();

    /// <summary>The count of rows of class <paramref name="actual"/> predicted <paramref name="predicted"/>.</summary>
    public int Count(int actual, int predicted) => _confusion[actual, predicted];

    /// <summary>Per class c: TP/(TP + FP), the share of rows predicted c that are c.</summary>
    public ImmutableArray<double> Precision { get; }

    /// <summary>Per class c: TP/(TP + FN), the share of rows of class c predicted c.</summary>
    public ImmutableArray<double> Recall { get; }

    /// <summary>Per class c: the harmonic mean of precision and recall, 2TP/(2TP + FP + FN).</summary>
    public ImmutableArray<double> F1 { get; }

    /// <summary>The unweighted mean of the classes' precisions.</summary>
    public double MacroPrecision => Precision.Average();

    /// <summary>The unweighted mean of the classes' recalls.</summary>
    public double MacroRecall => Recall.Average();

    /// <summary>The unweighted mean of the classes' F1 scores (not the F1 of the macro precision and recall).</summary>
    public double MacroF1 => F1.Average();

    /// <summary>ΣTP/(ΣTP + ΣFP) over the classes: with one label per row, the accuracy.</summary>
    public double MicroPrecision => Accuracy;

    /// <summary>ΣTP/(ΣTP + ΣFN) over the classes: with one label per row, the accuracy.</summary>
    public double MicroRecall => Accuracy;

    /// <summary>The micro F1, the harmonic mean of the micro precision and recall: the accuracy.</summary>
    public double MicroF1 => Accuracy;

    /// <summary>The share of rows predicted correctly, trace/n.</summary>
    public double Accuracy { get; }

    private static void InRange(int index, int classCount, string name, int row)
    {
        if (index < 0 || index >= classCount)
            throw new OutOfDomainException(name, FormattableString.Invariant($"row {row} holds class {index}; the classes are 0 … {classCount - 1}"));
    }
}
