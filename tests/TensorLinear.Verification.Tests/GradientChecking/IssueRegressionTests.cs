using TensorLinear.Verification.Catalog;
using TensorLinear.Verification.GradientChecking;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.GradientChecking;

/// <summary>The cases of issue 13, each with the verdict it must get.</summary>
public sealed class IssueRegressionTests(ITestOutputHelper output)
{
    [Fact]
    public void TheNormAtTinyInputsWithAWrongSignFailsAgainstAutograd()
    {
        // ‖x‖₂ at (6e-9, −8e-9): the gradient is (0.6, −0.8); the claim (0.6, +0.8) passed when the step was 3.8e-6.
        var report = GradientChecker.CheckWithAutograd(t => t.norm(), _ => [0.6, 0.8], [6e-9, -8e-9]);

        output.WriteLine(report.ToString());
        Assert.Equal(Verdict.Disagrees, report.Verdict);
        Assert.Equal(Verdict.Disagrees, report.Coordinates[1].Verdict);
        Assert.Contains(ComparedPairs.ClaimedVersusAutograd, report.Coordinates[1].DisagreeingPairs);
        Assert.False(report.Coordinates[1].AtKink);
    }

    [Theory]
    [InlineData(1e-7)]
    [InlineData(1e-8)]
    public void AZeroClaimForTheNormAtTinyInputsFails(double scale)
    {
        var report = GradientChecker.CheckWithAutograd(t => t.norm(), _ => [0.0, 0.0], [0.6 * scale, -0.8 * scale]);

        Assert.Equal(Verdict.Disagrees, report.Verdict);
    }

    [Fact]
    public void AFastOscillationAtItsOwnScaleWithTheRightDerivativePasses()
    {
        // 1e-7·sin(x/1e-7) at x = 3e-7 with its derivative cos(x/1e-7): FAILED while the Taylor order was 2.28.
        var report = GradientChecker.Check(x => 1e-7 * Math.Sin(x[0] / 1e-7), x => [Math.Cos(x[0] / 1e-7)], [3e-7]);

        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void MaxAtATieWithAClaimOutsideTheSubdifferentialFails()
    {
        // max(x₀, x₁) at (1, 1): ∂f = {(t, 1 − t) : t ∈ [0, 1]}. (1, 1) lies between the one-sided slopes along each
        // axis but not along (1, 1), where its slope 2 exceeds f′(x; d) = 1.
        var wrong = GradientChecker.Check(x => Math.Max(x[0], x[1]), _ => [1.0, 1.0], [1.0, 1.0]);
        var half = GradientChecker.Check(x => Math.Max(x[0], x[1]), _ => [0.5, 0.5], [1.0, 1.0]);
        var corner = GradientChecker.Check(x => Math.Max(x[0], x[1]), _ => [1.0, 0.0], [1.0, 1.0]);

        output.WriteLine(wrong.ToString());
        Assert.Equal(Verdict.Disagrees, wrong.KinkTest.Verdict);
        Assert.Equal(Verdict.Disagrees, wrong.Verdict);
        Assert.True(half.Passed, half.ToString());
        Assert.True(corner.Passed, corner.ToString());
    }

    [Fact]
    public void TheAbsoluteValueNearZeroWithTheWrongSignFails()
    {
        // |x| at 1e-7, claim −1: "Agrees" beside a finite difference of 0.061 when the step crossed the kink.
        var report = GradientChecker.Check(x => Math.Abs(x[0]), _ => [-1.0], [1e-7]);

        Assert.Equal(Verdict.Disagrees, report.Verdict);
        Assert.Equal(1.0, report.Coordinates[0].FiniteDifference, 1e-9);
    }

    [Fact]
    public void ScalarProjectionCase560OfSeed1AgreesInVerify()
    {
        // verify --cases 2000 --seed 1 exited 1 with "scalar projection DISAGREES: finiteDifferences" at y ≈ 5e-8.
        var results = Verifier.Replay(DerivationCatalog.Get("scalar projection"), seed: 1, caseIndex: 560, cases: 2000);

        Assert.All(results, r => Assert.True(r.Passed, r.ToString()));
    }

    [Fact]
    public void AnInconclusiveTaylorTestIsNoPass()
    {
        // A Taylor test that cannot tell (here: not run, every coordinate a kink) no longer passes a report by itself;
        // the kink test decides.
        var report = GradientChecker.Check(x => Math.Abs(x[0]), _ => [0.25], [0.0]);

        Assert.False(report.Taylor.WasRun);
        Assert.True(report.KinkTest.WasRun);
        Assert.Equal(Verdict.Agrees, report.KinkTest.Verdict);
        Assert.True(report.Passed, report.ToString());
    }
}
