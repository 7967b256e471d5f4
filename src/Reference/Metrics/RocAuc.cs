using TensorLinear.Numerics;

namespace TensorLinear.Reference.Metrics;

/// <summary>
/// The area under the ROC curve: the probability that a random positive row scores above a random negative row,
/// ties counting one half (docs/derivations/metrics.md).
/// </summary>
public static class RocAuc
{
    /// <summary>
    /// AUC = U/(n₁n₀) with the Mann–Whitney statistic U = R₁ − n₁(n₁ + 1)/2, R₁ the sum of the positives' ranks when
    /// all scores are ranked together and tied scores share their mean rank (midranks).
    /// </summary>
    /// <param name="labels">0/1 labels; both classes must occur.</param>
    /// <param name="scores">Any monotone score of class 1: probabilities, logits, decision values.</param>
    /// <exception cref="InvalidInputException">Empty, NaN/∞ or mismatched inputs.</exception>
    /// <exception cref="OutOfDomainException">A label is not 0 or 1.</exception>
    /// <exception cref="DegenerateInputException">Only one class occurs, so there is no pair to compare.</exception>
    public static double Of(double[] labels, double[] scores)
    {
        Check.Vectors(labels, nameof(labels), scores, nameof(scores));
        Check.BinaryLabels(labels, nameof(labels));
        var positives = labels.Count(y => y == 1.0);
        var negatives = labels.Length - positives;
        if (positives == 0 || negatives == 0)
            throw new DegenerateInputException(nameof(labels), $"hold only class {labels[0]}; the AUC compares positives with negatives and needs both");

        var ranks = MidRanks(scores);
        var positiveRankSum = 0.0;
        for (var i = 0; i < labels.Length; i++)
            if (labels[i] == 1.0) positiveRankSum += ranks[i];
        // R₁ counts, for each positive, the rows at or below it; n₁(n₁ + 1)/2 of that is positives against
        // positives, and the rest is U = #(positive above negative) + ½·#(ties).
        var u = positiveRankSum - positives * (positives + 1.0) / 2.0;
        return u / ((double)positives * negatives);
    }

    // Ranks 1..n in increasing score; a run of k tied scores at positions i+1..i+k each gets their mean i + (k + 1)/2.
    // Ranks are integers or halves, exact in double, so the AUC has only the final division's rounding.
    private static double[] MidRanks(double[] scores)
    {
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[scores.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var midRank = (start + end) / 2.0 + 1.0;
            for (var k = start; k <= end; k++) ranks[order[k]] = midRank;
            start = end + 1;
        }
        return ranks;
    }
}
