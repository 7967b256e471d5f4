using TensorLinear.Reference.Metrics;

namespace TensorLinear.Reference.Tests.Metrics;

public class RocAucTests
{
    [Fact]
    public void AucIsTheShareOfPositiveNegativePairsInOrder() =>
        // Pairs (positive, negative): 0.35 > 0.1, 0.35 < 0.4, 0.8 > 0.1, 0.8 > 0.4: 3 of 4 (scikit-learn's roc_auc_score example).
        Assert.Equal(0.75, RocAuc.Of([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]));

    [Fact]
    public void ATiedPairCountsOneHalf() =>
        // Positives {0.5, 0.9}, negatives {0.5, 0.2}: 0.5 = 0.5 counts ½, the other three pairs are in order: 3.5/4.
        Assert.Equal(0.875, RocAuc.Of([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9]));

    [Fact]
    public void AllScoresTiedGiveOneHalf() =>
        Assert.Equal(0.5, RocAuc.Of([0, 1, 1, 0, 1], [3.0, 3.0, 3.0, 3.0, 3.0]));

    [Fact]
    public void PerfectAndReversedRankingsGiveOneAndZero()
    {
        Assert.Equal(1.0, RocAuc.Of([0, 0, 1, 1], [-2.0, -1.0, 1.0, 2.0]));
        Assert.Equal(0.0, RocAuc.Of([1, 1, 0, 0], [-2.0, -1.0, 1.0, 2.0]));
    }

    [Fact]
    public void MidranksAgreeWithCountingEveryPairWhenThereAreManyTies()
    {
        // Scores on a coarse grid so most of them tie; the definition counted pair by pair is the expected value.
        var random = new Random(7);
        var labels = Enumerable.Range(0, 200).Select(_ => (double)random.Next(2)).ToArray();
        var scores = labels.Select(y => Math.Round(random.NextDouble() * 4 + y)).ToArray();
        double inOrder = 0, pairs = 0;
        for (var i = 0; i < labels.Length; i++)
            for (var j = 0; j < labels.Length; j++)
                if (labels[i] == 1 && labels[j] == 0)
                {
                    pairs++;
                    inOrder += scores[i] > scores[j] ? 1.0 : scores[i] == scores[j] ? 0.5 : 0.0;
                }
        Assert.Equal(inOrder / pairs, RocAuc.Of(labels, scores), 1e-15);
    }

    [Fact]
    public void OneClassOnlyHasNoAuc() =>
        Assert.Equal("labels", Assert.Throws<DegenerateInputException>(() => RocAuc.Of([1, 1], [0.2, 0.3])).ArgumentName);

    [Fact]
    public void BadLabelsOrScoresAreRejectedNamingThem()
    {
        Assert.Equal("labels", Assert.Throws<OutOfDomainException>(() => RocAuc.Of([0, 2], [0.2, 0.3])).ArgumentName);
        Assert.Equal("scores", Assert.Throws<NonFiniteInputException>(() => RocAuc.Of([0, 1], [0.2, double.NaN])).ArgumentName);
        Assert.Equal("scores", Assert.Throws<DimensionMismatchException>(() => RocAuc.Of([0, 1], [0.2])).ArgumentName);
    }
}
