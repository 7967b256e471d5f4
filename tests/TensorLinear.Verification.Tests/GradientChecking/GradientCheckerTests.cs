using TensorLinear.Verification.GradientChecking;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.GradientChecking;

public sealed class GradientCheckerTests(ITestOutputHelper output)
{
    public static TheoryData<string, double> SmoothFunctionsAcrossMagnitudes()
    {
        var data = new TheoryData<string, double>();
        foreach (var name in new[] { "quadratic", "exp", "log-sum-exp", "Rosenbrock" })
            foreach (var scale in new[] { 1e-3, 1e-2, 1e-1, 1.0, 1e1, 1e2, 1e3 })
                data.Add(name, scale);
        return data;
    }

    private static TestFunction Make(string name, int n, double scale) => name switch
    {
        "quadratic" => TestFunction.Quadratic(n, seed: 11),
        "exp" => TestFunction.Exponential(n, scale, seed: 12),
        "log-sum-exp" => TestFunction.LogSumExp,
        "Rosenbrock" => TestFunction.Rosenbrock,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(SmoothFunctionsAcrossMagnitudes))]
    public void CorrectGradientOfSmoothFunctionPassesAtEveryMagnitude(string name, double scale)
    {
        const int n = 5;
        var function = Make(name, n, scale);
        var x = TestFunction.Point(n, scale, seed: 13);

        var report = GradientChecker.Check(function.Value, function.Gradient, x);

        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        Assert.All(report.Coordinates, c => Assert.Equal(Verdict.Agrees, c.Verdict));
        Assert.All(report.Coordinates, c => Assert.True(c.AbsoluteError <= c.Bound));
        Assert.True(report.Taylor.WasRun);
        Assert.True(report.Taylor.AtRoundingLevel || report.Taylor.ObservedOrder >= TaylorTest.DecidingOrder, report.Taylor.Reason);
    }

    [Theory]
    [MemberData(nameof(SmoothFunctionsAcrossMagnitudes))]
    public void SignErrorFailsNamingTheDisagreeingPairWithTaylorOrderOne(string name, double scale)
    {
        const int n = 5;
        var function = Make(name, n, scale);
        var x = TestFunction.Point(n, scale, seed: 13);

        var report = GradientChecker.Check(function.Value, TestFunction.SignError(function.Gradient), x);

        Assert.False(report.Passed);
        Assert.Equal(Verdict.Disagrees, report.Worst.Verdict);
        Assert.Equal([ComparedPairs.ClaimedVersusFiniteDifference], report.Worst.DisagreeingPairs);
        Assert.InRange(report.Taylor.ObservedOrder, 0.8, 1.2);
        Assert.False(report.Taylor.Passed);
        // No coordinate whose true derivative stands clear of its bound may pass (it disagrees, or is inconclusive when a
        // finer step's wider bound cannot tell).
        var exact = function.Gradient(x);
        foreach (var c in report.Coordinates.Where(c => 2 * Math.Abs(exact[c.Index]) > 2 * c.Bound))
            Assert.NotEqual(Verdict.Agrees, c.Verdict);
    }

    [Theory]
    [MemberData(nameof(SmoothFunctionsAcrossMagnitudes))]
    public void MissingFactorTwoFailsWithTaylorOrderOne(string name, double scale)
    {
        const int n = 5;
        var function = Make(name, n, scale);
        var x = TestFunction.Point(n, scale, seed: 13);

        var report = GradientChecker.Check(function.Value, TestFunction.MissingFactorTwo(function.Gradient), x);

        Assert.False(report.Passed);
        Assert.Equal([ComparedPairs.ClaimedVersusFiniteDifference], report.Worst.DisagreeingPairs);
        Assert.InRange(report.Taylor.ObservedOrder, 0.8, 1.2);
    }

    [Fact]
    public void AGradientWrongInOneCoordinateFailsThatCoordinateOnly()
    {
        var function = TestFunction.Rosenbrock;
        double[] x = [1.2, -0.7, 0.4, 2.0];
        var report = GradientChecker.Check(function.Value, v =>
        {
            var g = function.Gradient(v);
            g[2] *= 1.0 + 1e-6; // a relative error of one part in a million
            return g;
        }, x);

        Assert.False(report.Passed);
        Assert.Equal(2, report.Worst.Index);
        Assert.Single(report.Disagreements);
    }

    [Fact]
    public void AbsoluteValueAtZeroIsAKinkNotAFailure()
    {
        var report = GradientChecker.Check(x => Math.Abs(x[0]), x => [Math.Sign(x[0])], [0.0]);

        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        var c = Assert.Single(report.Coordinates);
        Assert.True(c.AtKink && c.Verdict == Verdict.Agrees, c.ToString());
        Assert.Equal(-1.0, c.LeftSlope!.Value, 1e-9);
        Assert.Equal(1.0, c.RightSlope!.Value, 1e-9);
    }

    [Fact]
    public void AbsoluteValueAtZeroWithAClaimOutsideTheSubdifferentialFails()
    {
        var report = GradientChecker.Check(x => Math.Abs(x[0]), x => [2.0], [0.0]);

        Assert.False(report.Passed);
        Assert.Equal(Verdict.Disagrees, report.Worst.Verdict);
        Assert.Equal([ComparedPairs.ClaimedVersusFiniteDifference], report.Worst.DisagreeingPairs);
        Assert.Equal(1.0, report.Worst.AbsoluteError, 1e-6); // 2 lies 1 beyond the interval [−1, 1]
    }

    [Fact]
    public void AbsoluteValueAwayFromZeroIsSmooth()
    {
        var report = GradientChecker.Check(x => Math.Abs(x[0]), x => [Math.Sign(x[0])], [-0.25]);

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(Verdict.Agrees, report.Coordinates[0].Verdict);
    }

    [Fact]
    public void L1NormWithAZeroComponentIsAKinkThereAndSmoothElsewhere()
    {
        static double L1(double[] x) => x.Sum(Math.Abs);
        static double[] Sign(double[] x) => x.Select(v => (double)Math.Sign(v)).ToArray();
        double[] x = [1.5, 0.0, -2.0, 3.0];

        var report = GradientChecker.Check(L1, Sign, x);

        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        Assert.True(report.Coordinates[1].AtKink && report.Coordinates[1].Verdict == Verdict.Agrees, report.Coordinates[1].ToString());
        Assert.All(report.Coordinates.Where(c => c.Index != 1), c => Assert.Equal(Verdict.Agrees, c.Verdict));
        Assert.Equal(0.0, report.TaylorDirection[1]); // the kink coordinate is left out of the Taylor direction
        Assert.True(report.Taylor.Passed, report.Taylor.Reason);
    }

    [Fact]
    public void MaxAtATieIsAKinkForEveryConventionBetweenTheOneSidedSlopes()
    {
        static double Max(double[] x) => x.Max();
        double[] x = [0.5, 0.5, -1.0];
        // libtorch splits the gradient among ties; an argmax takes the first; both are subgradients.
        Func<double[], double[]>[] conventions = [_ => [0.5, 0.5, 0.0], _ => [1.0, 0.0, 0.0]];

        foreach (var claimed in conventions)
        {
            var report = GradientChecker.Check(Max, claimed, x);
            Assert.True(report.Passed, report.ToString());
            Assert.True(report.Coordinates[0].AtKink && report.Coordinates[0].Verdict == Verdict.Agrees, report.Coordinates[0].ToString());
            Assert.True(report.Coordinates[1].AtKink && report.Coordinates[1].Verdict == Verdict.Agrees, report.Coordinates[1].ToString());
            Assert.Equal(Verdict.Agrees, report.Coordinates[2].Verdict);
        }
    }

    [Fact]
    public void MaxAtATieWithTheWholeSlopeOnTheLosingCoordinateFails()
    {
        var report = GradientChecker.Check(x => x.Max(), _ => [0.0, 0.0, 1.0], [0.5, 0.5, -1.0]);

        Assert.False(report.Passed);
        Assert.Equal(2, report.Worst.Index);
    }

    [Fact]
    public void KinkDetectionCanBeTurnedOff()
    {
        var report = GradientChecker.Check(x => x.Sum(Math.Abs), x => x.Select(v => (double)Math.Sign(v)).ToArray(), [1.0, 0.0],
            new GradientCheckOptions { DetectKinks = false });

        Assert.DoesNotContain(report.Coordinates, c => c.AtKink);
        Assert.False(report.Taylor.Passed); // across a kink the remainder is O(h)
    }

    [Fact]
    public void TextFormListsTheWorstCoordinateFirst()
    {
        var function = TestFunction.Quadratic(6, seed: 3);
        var x = TestFunction.Point(6, 1.0, seed: 4);
        var report = GradientChecker.Check(function.Value, v =>
        {
            var g = function.Gradient(v);
            g[4] += 1.0;
            return g;
        }, x);

        var text = report.ToString();
        output.WriteLine(text);
        var lines = text.Split('\n');
        var header = Array.FindIndex(lines, l => l.TrimStart().StartsWith("i ", StringComparison.Ordinal));
        Assert.True(header > 0, text);
        Assert.StartsWith("4 ", lines[header + 1].TrimStart());
        Assert.Contains("Disagrees", lines[header + 1]);
        Assert.Contains("claimed vs finite difference", lines[header + 1]);
        Assert.StartsWith("Gradient check FAILED", text);
        Assert.Contains("worst: coordinate 4", text);
    }

    [Fact]
    public void ReportsAreReproducibleForOneSeedAndDifferForAnother()
    {
        var function = TestFunction.Quadratic(4, seed: 5);
        var x = TestFunction.Point(4, 1.0, seed: 6);

        var a = GradientChecker.Check(function.Value, function.Gradient, x, new GradientCheckOptions { Seed = 1 });
        var b = GradientChecker.Check(function.Value, function.Gradient, x, new GradientCheckOptions { Seed = 1 });
        var c = GradientChecker.Check(function.Value, function.Gradient, x, new GradientCheckOptions { Seed = 2 });

        Assert.Equal(a.TaylorDirection, b.TaylorDirection);
        Assert.Equal(a.ToString(), b.ToString());
        Assert.NotEqual(a.TaylorDirection, c.TaylorDirection);
    }

    [Fact]
    public void ToleranceOverrideReplacesTheDerivedBound()
    {
        var function = TestFunction.Quadratic(3, seed: 7);
        var x = TestFunction.Point(3, 1.0, seed: 8);
        Func<double[], double[]> slightlyOff = v => function.Gradient(v).Select(g => g + 1e-4).ToArray();

        var derived = GradientChecker.Check(function.Value, slightlyOff, x, new GradientCheckOptions { RunTaylorTest = false });
        var loose = GradientChecker.Check(function.Value, slightlyOff, x, new GradientCheckOptions { RunTaylorTest = false, Tolerance = 1e-3 });

        Assert.False(derived.Passed);
        Assert.True(loose.Passed, loose.ToString());
        Assert.All(loose.Coordinates, c => Assert.Equal(1e-3 * Math.Max(1, Math.Abs(c.FiniteDifference)), c.Bound, 1e-15));
        Assert.False(loose.Taylor.WasRun);
    }

    [Fact]
    public void DerivedBoundIsBuiltFromItsParts()
    {
        var function = TestFunction.Exponential(3, 1.0, seed: 9);
        var report = GradientChecker.Check(function.Value, function.Gradient, [0.3, -0.2, 0.9]);

        Assert.All(report.Coordinates, c =>
        {
            Assert.Equal(c.Truncation + c.Rounding + c.ValueRounding, c.Bound, 1e-12 * c.Bound);
            Assert.True(c.Bound < 1e-8 * Math.Max(1, Math.Abs(c.FiniteDifference)), "the bound is tight enough to catch an error of 1e-8");
        });
    }

    [Fact]
    public void NearTheEdgeOfTheDomainTheStepIsReduced()
    {
        // log(x − 1) at x = 1 + 2⁻²⁸: the step relative to x (≈ u^(1/5) ≈ 6.6e-4) would step out of the domain.
        var x0 = 1 + Math.ScaleB(1, -28);
        var report = GradientChecker.Check(x => Math.Log(x[0] - 1), x => [1 / (x[0] - 1)], [x0]);

        Assert.True(report.Passed, report.ToString());
        Assert.True(report.Coordinates[0].Step < x0 - 1);
        Assert.Contains("step reduced", report.Coordinates[0].Note);
    }

    [Fact]
    public void AFunctionThatIsNaNAtXIsATypedError()
    {
        var error = Assert.Throws<OutOfDomainException>(() => GradientChecker.Check(x => Math.Log(x[0]), x => [1 / x[0]], [-1.0]));
        Assert.Equal("f", error.ArgumentName);
        Assert.Contains("NaN", error.Message);
    }

    [Fact]
    public void BadInputsAreTypedErrors()
    {
        Func<double[], double> f = x => x[0];
        Func<double[], double[]> g = _ => [1.0];
        Assert.Throws<EmptyInputException>(() => GradientChecker.Check(f, g, []));
        Assert.Throws<NonFiniteInputException>(() => GradientChecker.Check(f, g, [double.NaN]));
        Assert.Throws<DimensionMismatchException>(() => GradientChecker.Check(f, _ => [1.0, 2.0], [1.0]));
        Assert.Throws<OutOfDomainException>(() => GradientChecker.Check(f, g, [1.0], new GradientCheckOptions { Tolerance = -1 }));
        Assert.Throws<ArgumentNullException>(() => GradientChecker.Check((Func<double[], double>)null!, g, [1.0]));
    }

    [Fact]
    public void AClaimedNaNIsADisagreementNotACrash()
    {
        var report = GradientChecker.Check(x => x[0] * x[1], _ => [double.NaN, 1.0], [1.0, 1.0]);

        Assert.False(report.Passed);
        Assert.Equal(0, report.Worst.Index);
        Assert.Equal(Verdict.Disagrees, report.Worst.Verdict);
        Assert.False(report.Taylor.WasRun);
    }

    [Fact]
    public void AnAffineFunctionPassesTheTaylorTestAtRoundingLevel()
    {
        var report = GradientChecker.Check(x => 3 * x[0] - 2 * x[1] + 1, _ => [3.0, -2.0], [0.4, 7.0]);

        Assert.True(report.Passed, report.ToString());
        Assert.True(report.Taylor.AtRoundingLevel, report.Taylor.Reason);
    }

    [Fact]
    public void AnAffineFunctionWithAWrongSlopeFails()
    {
        var report = GradientChecker.Check(x => 3 * x[0] - 2 * x[1] + 1, _ => [3.0, -2.001], [0.4, 7.0]);

        Assert.False(report.Passed);
        Assert.Equal(1, report.Worst.Index);
        Assert.InRange(report.Taylor.ObservedOrder, 0.9, 1.1);
    }

    [Fact]
    public void TheFunctionMayNotCorruptTheStencilByWritingIntoItsInput()
    {
        var report = GradientChecker.Check(x =>
        {
            var v = x[0] * x[0];
            x[0] = 1e9; // a careless f
            return v;
        }, x => [2 * x[0]], [1.5]);

        Assert.True(report.Passed, report.ToString());
    }
}
