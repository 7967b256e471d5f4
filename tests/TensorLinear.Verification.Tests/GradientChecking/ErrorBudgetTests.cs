using TensorLinear.Verification.GradientChecking;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.GradientChecking;

/// <summary>
/// Regression tests for the parts of the error budget that random testing showed were needed: the term scale T̂ for
/// functions whose terms cancel, the measured noise σ̂ for noisy functions, the kink screening of the noise probe, and
/// the inconclusive Taylor verdict.
/// </summary>
public sealed class ErrorBudgetTests(ITestOutputHelper output)
{
    [Fact]
    public void TheCSharpOneLinerFromTheDocsPasses()
    {
        var report = GradientChecker.Check(x => x[0] * x[0] + 3 * x[1], x => [2 * x[0], 3.0], [1.5, -2.0]);

        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        Assert.False(report.HasAutograd);
    }

    [Fact]
    public void TheTensorOneLinerFromTheDocsPassesThreeWays()
    {
        var report = GradientChecker.CheckWithAutograd(t => t.exp().sum(), x => x.Select(Math.Exp).ToArray(), [0.5, -1.0]);

        Assert.True(report.Passed, report.ToString());
        Assert.True(report.HasAutograd);
    }

    [Fact]
    public void AnArrayLambdaNeedsNoTypeAnnotation()
    {
        // The array and tensor forms have different names, so a lambda's parameter type comes from the one method
        // named (F# infers it only then); x.Max() here is LINQ's over double[].
        var report = GradientChecker.Check(x => x.Max(), _ => [0.0, 1.0], [0.5, 2.0]);

        Assert.False(report.HasAutograd);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void AQuadraticWhoseTermsCancelPasses()
    {
        // Found by random testing: f(x) = 5.5e-8 is the difference of terms of 7e-5, so f's rounding error is
        // u·7e-5, a thousand times u·|f|; the rounding errors of x + k·h are a sawtooth, linear over the stencil, which
        // no fourth difference sees. T̂ = Σ|xⱼ·∂f/∂xⱼ| measures the terms and keeps the bound honest.
        var a = new[,] { { 0.000768344, -0.000131399 }, { -0.000131399, -0.000510261 } };
        var f = TestFunction.Quadratic(a, [0.000515063, -0.000860376]);
        double[] x = [0.0676034, 0.0415076];

        var report = GradientChecker.Check(f.Value, f.Gradient, x);

        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        Assert.True(report.TermScale > 1000 * Math.Abs(report.FunctionValue));
        Assert.False(GradientChecker.Check(f.Value, TestFunction.MissingFactorTwo(f.Gradient), x).Passed);
    }

    [Fact]
    public void MeasuredNoiseWidensTheBoundSoANoisyFunctionPassesAndAWrongGradientStillFails()
    {
        // f(x) = Σxᵢ² plus a deterministic noise of size 1e-9, rough at every scale (a hash of the bits of x), as from
        // an inner solver with that tolerance. The rounding model cannot know it: the central difference is off by up
        // to ~1e-9/h ≈ 1e-4.
        static double Noise(double[] x)
        {
            var hash = 14695981039346656037UL;
            foreach (var v in x)
            {
                hash = (hash ^ (ulong)BitConverter.DoubleToInt64Bits(v)) * 1099511628211UL;
                hash ^= hash >> 29;
            }
            return 1e-9 * ((hash >> 11) * (1.0 / (1UL << 53)) - 0.5);
        }
        double F(double[] x) => x.Sum(v => v * v) + Noise(x);
        Func<double[], double[]> gradient = x => x.Select(v => 2 * v).ToArray();
        double[] x = [0.7, -1.1, 0.3];

        var right = GradientChecker.Check(F, gradient, x);
        var wrong = GradientChecker.Check(F, v => gradient(v).Select((g, i) => i == 1 ? g * 1.01 : g).ToArray(), x);

        output.WriteLine(right.ToString());
        Assert.True(right.NoiseLevel > 1e-11, $"σ̂ = {right.NoiseLevel}");
        Assert.True(right.Passed, right.ToString());
        Assert.False(wrong.Passed);
        Assert.Equal(1, wrong.Worst.Index);
    }

    [Fact]
    public void AGreaterFunctionRelativeErrorWidensTheBound()
    {
        var f = TestFunction.Exponential(3, 1.0, seed: 51);
        double[] x = [0.1, 0.2, 0.3];

        var derived = GradientChecker.Check(f.Value, f.Gradient, x);
        var declared = GradientChecker.Check(f.Value, f.Gradient, x, new GradientCheckOptions { FunctionRelativeError = 1e-10 });

        Assert.Equal(1e-10, declared.FunctionRelativeError);
        // At the balancing step the bound c·h⁴ + 3δ/h grows like δ^(4/5): ρ 4.5e5 times larger gives ~3e4 in theory.
        Assert.All(declared.Coordinates, c => Assert.True(c.Bound > 100 * derived.Coordinates[c.Index].Bound, $"{c.Bound} vs {derived.Coordinates[c.Index].Bound}"));
    }

    [Theory]
    [InlineData(new[] { -0.009291041623, 1.378202346e-05 })]
    [InlineData(new[] { 0.0, 0.0006637198393, -1.104405569e-05, 0.0, 0.00010625991 })]
    public void AKinkJustOutsideTheStepDoesNotLoosenTheBounds(double[] x)
    {
        // L1 with components within a few steps of 0: the noise probe must not cross those kinks.
        var report = GradientChecker.Check(v => v.Sum(Math.Abs), v => v.Select(a => (double)Math.Sign(a)).ToArray(), x);

        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        Assert.All(report.Coordinates.Where(c => c.Verdict == Verdict.Agrees && !c.AtKink), c => Assert.True(c.Bound < 1e-8, $"bound {c.Bound}"));
    }

    [Fact]
    public void MaxNearATieIsSmoothWithTightBounds()
    {
        double[] x = [0.0009808982322, -0.0001295797662, 0.0001624050332, 0.0009861138267, -4.574907434e-05, 0.0004546963849];

        var report = GradientChecker.Check((double[] v) => v.Max(), v => v.Select(a => a == v.Max() ? 1.0 : 0.0).ToArray(), x);

        Assert.True(report.Passed, report.ToString());
        Assert.All(report.Coordinates, c => Assert.True(c.Bound < 1e-8, $"bound {c.Bound}"));
        Assert.True(report.Taylor.Passed, report.Taylor.Reason);
    }

    [Fact]
    public void TaylorTestTellsASaturatedLogSumExpsRightGradientFromAWrongOne()
    {
        // log-sum-exp at magnitude 1e3: softmax is saturated (weights 1e-10), so along a direction scaled by |x| the
        // remainder shrinks like a saturated exponential before it is lost in rounding of f ≈ 972: orders between 1
        // and 2. The right gradient's stay nearer 2 (Agrees); the wrong one's O(h) remainder persists (Disagrees).
        double[] x = [534.9249176, 427.1276581, -833.9548771, -148.038629, 972.3049523, 948.4109003];
        var f = TestFunction.LogSumExp;

        var right = GradientChecker.Check(f.Value, f.Gradient, x);
        var wrong = GradientChecker.Check(f.Value, TestFunction.SignError(f.Gradient), x);

        output.WriteLine(right.ToString());
        Assert.True(right.Passed, right.ToString());
        Assert.Equal(Verdict.Agrees, right.Taylor.Verdict);
        Assert.False(wrong.Passed);
        Assert.True(wrong.Taylor.Conclusive);
        Assert.False(wrong.Taylor.Passed);
    }
}
