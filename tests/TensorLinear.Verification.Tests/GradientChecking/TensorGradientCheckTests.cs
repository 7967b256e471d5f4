using TensorLinear.Tests.Torch;
using TensorLinear.Verification.GradientChecking;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace TensorLinear.Verification.Tests.GradientChecking;

public sealed class TensorGradientCheckTests(ITestOutputHelper output)
{
    // f(x) = Σ exp(xᵢ) + Σ xᵢ²: ∂f/∂xᵢ = exp(xᵢ) + 2xᵢ.
    private static Tensor ExpPlusSquares(Tensor t) => t.exp().sum().Plus((t * t).sum());

    private static double[] ExpPlusSquaresGradient(double[] x) => x.Select(v => Math.Exp(v) + 2 * v).ToArray();

    // f(x) = log Σ exp(xᵢ), stably: m + log Σ exp(xᵢ − m) with m = max xᵢ; ∂f/∂xᵢ = softmax(x)ᵢ.
    private static Tensor LogSumExp(Tensor t)
    {
        var m = t.max().detach();
        return (t - m).exp().sum().log().Plus(m);
    }

    [Fact]
    public void RightGradientAgreesThreeWays()
    {
        double[] x = [0.3, -1.2, 2.0, 0.0];

        var report = GradientChecker.CheckWithAutograd(ExpPlusSquares, ExpPlusSquaresGradient, x);

        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        Assert.True(report.HasAutograd);
        var expected = ExpPlusSquaresGradient(x);
        Assert.All(report.Coordinates, c =>
        {
            Assert.Equal(Verdict.Agrees, c.Verdict);
            Assert.NotNull(c.Autograd);
            Assert.Equal(expected[c.Index], c.Autograd!.Value, 1e-12 * Math.Max(1, Math.Abs(expected[c.Index])));
        });
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1.0)]
    [InlineData(1e3)]
    public void LogSumExpWrittenWithTensorsAgreesWithItsHandGradientAtEveryMagnitude(double scale)
    {
        var x = TestFunction.Point(6, scale, seed: 21);

        var report = GradientChecker.CheckWithAutograd(LogSumExp, TestFunction.LogSumExp.Gradient, x);

        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void WhenOnlyTheClaimIsWrongTheReportNamesTheClaimAgainstBothOthers()
    {
        double[] x = [0.3, -1.2, 2.0];

        var report = GradientChecker.CheckWithAutograd(ExpPlusSquares, TestFunction.SignError(ExpPlusSquaresGradient), x);

        output.WriteLine(report.ToString());
        Assert.False(report.Passed);
        Assert.All(report.Coordinates, c =>
        {
            Assert.Equal(Verdict.Disagrees, c.Verdict);
            Assert.Contains(ComparedPairs.ClaimedVersusAutograd, c.DisagreeingPairs);
            Assert.Contains(ComparedPairs.ClaimedVersusFiniteDifference, c.DisagreeingPairs);
            Assert.DoesNotContain(ComparedPairs.AutogradVersusFiniteDifference, c.DisagreeingPairs);
            Assert.Contains("autograd and finite difference agree", c.Note);
            Assert.True(Math.Abs(c.Autograd!.Value - c.FiniteDifference) <= c.Bound);
        });
        Assert.InRange(report.Taylor.ObservedOrder, 0.8, 1.2);
    }

    [Fact]
    public void WhenAutogradIsTheOddOneOutTheReportSaysSo()
    {
        // x·detach(x) has the value x² but autograd sees only one factor: it returns x, not 2x.
        double[] x = [1.5, -0.5];

        var report = GradientChecker.CheckWithAutograd(t => (t * t.detach()).sum(), v => v.Select(a => 2 * a).ToArray(), x);

        output.WriteLine(report.ToString());
        Assert.False(report.Passed);
        Assert.All(report.Coordinates, c =>
        {
            Assert.Contains(ComparedPairs.AutogradVersusFiniteDifference, c.DisagreeingPairs);
            Assert.DoesNotContain(ComparedPairs.ClaimedVersusFiniteDifference, c.DisagreeingPairs);
            Assert.Contains("autograd differs", c.Note);
        });
        Assert.True(report.Taylor.Passed, report.Taylor.Reason); // the claim itself is right
    }

    [Fact]
    public void L1NormWrittenWithTensorsIsAKinkForClaimAndAutograd()
    {
        double[] x = [1.0, 0.0, -2.0];

        var report = GradientChecker.CheckWithAutograd(t => t.abs().sum(), v => v.Select(a => (double)Math.Sign(a)).ToArray(), x);

        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        Assert.True(report.Coordinates[1].AtKink && report.Coordinates[1].Verdict == Verdict.Agrees, report.Coordinates[1].ToString());
        Assert.Equal(0.0, report.Coordinates[1].Autograd); // libtorch: sign(0) = 0, a subgradient
    }

    [Fact]
    public void ReluAtZeroIsAKinkWithOneSidedSlopesZeroAndOne()
    {
        var report = GradientChecker.CheckWithAutograd(t => t.clamp_min(Held.Zero).sum(), v => v.Select(a => a > 0 ? 1.0 : 0.0).ToArray(), [0.0, 2.0]);

        Assert.True(report.Passed, report.ToString());
        var kink = report.Coordinates[0];
        Assert.True(kink.AtKink && kink.Verdict == Verdict.Agrees, kink.ToString());
        Assert.Equal(0.0, kink.LeftSlope!.Value, 1e-9);
        Assert.Equal(1.0, kink.RightSlope!.Value, 1e-9);
    }

    [Fact]
    public void EveryTensorTheFunctionCreatesIsReleased()
    {
        var made = new List<Tensor>();
        Tensor F(Tensor t)
        {
            var y = (t * t).sum();
            made.Add(t);
            made.Add(y);
            return y;
        }

        var report = GradientChecker.CheckWithAutograd(F, v => v.Select(a => 2 * a).ToArray(), [1.0, 2.0]);

        Assert.True(report.Passed, report.ToString());
        Assert.NotEmpty(made);
        Assert.All(made, t => Assert.True(t.IsInvalid));
    }

    [Fact]
    public void AConstantTensorFunctionHasAZeroAutogradGradient()
    {
        var report = GradientChecker.CheckWithAutograd(t => tensor(4.0, dtype: ScalarType.Float64), v => [0.0, 0.0], [1.0, 2.0]);

        Assert.True(report.Passed, report.ToString());
        Assert.All(report.Coordinates, c => Assert.Equal(0.0, c.Autograd));
    }

    [Fact]
    public void TheTensorFormComparesAutogradTooWhereTheArrayFormCannot()
    {
        double[] x = [0.1, 0.2];
        var withAutograd = GradientChecker.CheckWithAutograd(ExpPlusSquares, ExpPlusSquaresGradient, x);
        var withoutAutograd = GradientChecker.Check(v => v.Sum(a => Math.Exp(a) + a * a), ExpPlusSquaresGradient, x);

        Assert.True(withAutograd.HasAutograd);
        Assert.False(withoutAutograd.HasAutograd);
        Assert.True(withAutograd.Passed && withoutAutograd.Passed, withAutograd + Environment.NewLine + withoutAutograd);
    }
}
