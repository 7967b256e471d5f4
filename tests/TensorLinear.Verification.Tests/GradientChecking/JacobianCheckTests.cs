using TensorLinear.Verification.GradientChecking;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace TensorLinear.Verification.Tests.GradientChecking;

public sealed class JacobianCheckTests(ITestOutputHelper output)
{
    // f(x, y, z) = (x·y, exp(z), x² − 3z, sin(y)): Jacobian rows (y, x, 0), (0, 0, eᶻ), (2x, 0, −3), (0, cos y, 0).
    private static double[] F(double[] v) => [v[0] * v[1], Math.Exp(v[2]), v[0] * v[0] - 3 * v[2], Math.Sin(v[1])];

    private static double[,] J(double[] v) => new[,]
    {
        { v[1], v[0], 0 },
        { 0, 0, Math.Exp(v[2]) },
        { 2 * v[0], 0, -3 },
        { 0, Math.Cos(v[1]), 0 },
    };

    [Fact]
    public void RightJacobianPassesEntryByEntry()
    {
        var report = GradientChecker.CheckJacobian(F, J, [0.7, -1.3, 0.4]);

        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(4, report.Rows);
        Assert.Equal(3, report.Columns);
        Assert.Equal(12, report.Entries.Count);
        Assert.All(report.Entries, e => Assert.Equal(Verdict.Agrees, e.Verdict));
        Assert.True(report.Taylor.ObservedOrder >= TaylorTest.DecidingOrder, report.Taylor.Reason);
    }

    [Fact]
    public void AWrongEntryFailsAndIsTheWorst()
    {
        var report = GradientChecker.CheckJacobian(F, v =>
        {
            var j = J(v);
            j[2, 0] = v[0]; // forgot the 2 of d(x²)/dx
            return j;
        }, [0.7, -1.3, 0.4]);

        output.WriteLine(report.ToString());
        Assert.False(report.Passed);
        Assert.Equal((2, 0), (report.Worst.Row, report.Worst.Column));
        Assert.Single(report.Disagreements);
        Assert.Equal([ComparedPairs.ClaimedVersusFiniteDifference], report.Worst.DisagreeingPairs);
        Assert.InRange(report.Taylor.ObservedOrder, 0.8, 1.2);
        Assert.Contains("(2, 0)", report.ToString());
    }

    [Fact]
    public void ElementwiseAbsoluteValueHasKinksOnTheDiagonalAtZero()
    {
        var report = GradientChecker.CheckJacobian(v => v.Select(Math.Abs).ToArray(), v =>
        {
            var j = new double[v.Length, v.Length];
            for (var i = 0; i < v.Length; i++) j[i, i] = Math.Sign(v[i]);
            return j;
        }, [0.0, 2.0]);

        Assert.True(report.Passed, report.ToString());
        Assert.True(report.Entries.Single(e => e.Row == 0 && e.Column == 0).AtKink && report.Entries.Single(e => e.Row == 0 && e.Column == 0).Verdict == Verdict.Agrees, report.Entries.Single(e => e.Row == 0 && e.Column == 0).ToString());
        Assert.Single(report.Kinks);
    }

    [Fact]
    public void TensorJacobianIsCheckedThreeWays()
    {
        // f(t) = (t₀·t₁, exp(t₂)) written with tensors.
        static Tensor G(Tensor t) => cat([(t[0] * t[1]).reshape(1), t[2].exp().reshape(1)], 0);
        double[] x = [0.5, 2.0, -1.0];
        var right = new[,] { { 2.0, 0.5, 0 }, { 0, 0, Math.Exp(-1.0) } };
        var wrong = new[,] { { 2.0, 0.5, 0 }, { 0, 0, -Math.Exp(-1.0) } };

        var good = GradientChecker.CheckJacobianWithAutograd(G, _ => right, x);
        var bad = GradientChecker.CheckJacobianWithAutograd(G, _ => wrong, x);

        Assert.True(good.Passed, good.ToString());
        Assert.True(good.HasAutograd);
        Assert.Equal(Math.Exp(-1.0), good.Autograd![1, 2], 1e-15);
        Assert.False(bad.Passed);
        Assert.Equal((1, 2), (bad.Worst.Row, bad.Worst.Column));
        Assert.Contains(ComparedPairs.ClaimedVersusAutograd, bad.Worst.DisagreeingPairs);
        Assert.DoesNotContain(ComparedPairs.AutogradVersusFiniteDifference, bad.Worst.DisagreeingPairs);
    }

    [Fact]
    public void AJacobianOfTheWrongShapeIsATypedError()
    {
        Assert.Throws<DimensionMismatchException>(() => GradientChecker.CheckJacobian(F, _ => new double[3, 3], [0.7, -1.3, 0.4]));
    }

    [Fact]
    public void AFunctionWhoseOutputLengthChangesIsATypedError()
    {
        Assert.Throws<DimensionMismatchException>(() =>
            GradientChecker.CheckJacobian(v => v[0] > 1 ? [v[0]] : [v[0], v[0]], _ => new double[2, 1], [1.0]));
    }
}
