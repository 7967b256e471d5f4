using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Losses;
using TensorLinear.Reference.MaxMargin;
using TensorLinear.Verification.GradientChecking;

namespace TensorLinear.Verification.Tests.MaxMargin;

// A planted wrong hinge subgradient — the sign flipped, +y for −y — must be rejected by the gradient checker, while
// the shipped one passes, also at a point with rows exactly on the margin (kinks).
public sealed class WrongHingeSubgradientTests
{
    private static readonly double[] Labels = [1, -1, 1, -1, 1];

    // Scores inside the margin (0.3, −0.2 for y = −1 → ys = 0.2), outside (2.5) and beyond (−1.7 for y = +1).
    private static readonly double[] Scores = [0.3, 0.2, 2.5, -3.0, -1.7];

    private static double[] Flipped(double[] s) => [.. Hinge.MeanSubgradient(Labels, s).Select(g => -g)];

    [Fact]
    public void TheShippedMeanHingeSubgradientPassesAndTheFlippedOneIsRejected()
    {
        var right = GradientChecker.Check(s => Hinge.Mean(Labels, s), s => Hinge.MeanSubgradient(Labels, s), Scores);
        Assert.True(right.Passed, right.ToString());
        var wrong = GradientChecker.Check(s => Hinge.Mean(Labels, s), Flipped, Scores);
        Assert.False(wrong.Passed);
        Assert.Equal(Verdict.Disagrees, wrong.Verdict);
    }

    [Fact]
    public void AtTheKinkTheShippedZeroLiesBetweenTheOneSidedSlopes()
    {
        // Row 0 has y·s = 1 exactly: the slopes either side are −1/5 and 0, and the shipped 0 is one end.
        double[] s = [1.0, 0.2, 2.5, -3.0, -1.7];
        var right = GradientChecker.Check(v => Hinge.Mean(Labels, v), v => Hinge.MeanSubgradient(Labels, v), s);
        Assert.True(right.Passed, right.ToString());
        Assert.False(GradientChecker.Check(v => Hinge.Mean(Labels, v), Flipped, s).Passed);
    }

    [Fact]
    public void TheSoftMarginObjectivesSubgradientPassesAndItsFlippedHingeTermIsRejected()
    {
        var data = DataSet.FromRows([[5, 5], [2, 4], [6, 6], [3, 2], [7, 4], [5, 1], [3, 3]], [-1, 1, -1, 1, -1, 1, -1]);
        const double c = 0.7;
        double P(double[] theta) => SoftMarginObjective.Value(data, LinearModel.FromParameterVector(theta), c);
        double[] theta = [-0.31, -0.27, 2.9];
        var right = GradientChecker.Check(P, t => SoftMarginObjective.Subgradient(data, LinearModel.FromParameterVector(t), c).ToParameterVector(), theta);
        Assert.True(right.Passed, right.ToString());
        // The hinge term's sign flipped: ∂P = w − C Σ gᵢ(xᵢ, 1) instead of w + C Σ gᵢ(xᵢ, 1).
        double[] Wrong(double[] t)
        {
            var g = SoftMarginObjective.Subgradient(data, LinearModel.FromParameterVector(t), c).ToParameterVector();
            return [2 * t[0] - g[0], 2 * t[1] - g[1], -g[2]];
        }
        Assert.False(GradientChecker.Check(P, Wrong, theta).Passed);
    }
}
