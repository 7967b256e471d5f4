using TensorLinear.Verification.GradientChecking;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.GradientChecking;

/// <summary>
/// The battery: smooth functions at input scales 1e-12 … 1e12, each checked with its correct gradient and with four
/// planted wrong ones — a sign error, a factor 2 in one coordinate, a uniform half, two coordinates swapped. A correct
/// gradient must pass (Agrees), a wrong one must not (Disagrees): the counts go to the test log.
/// </summary>
public sealed class BatteryTests(ITestOutputHelper output)
{
    private const int N = 4;

    private static readonly double[] Scales = [1e-12, 1e-9, 1e-6, 1e-3, 1.0, 1e3, 1e6, 1e9, 1e12];

    /// <summary>The functions at scale S, each with its gradient derived by hand.</summary>
    private static IEnumerable<TestFunction> Functions(double scale)
    {
        yield return TestFunction.Quadratic(N, seed: 21);
        yield return TestFunction.Exponential(N, scale, seed: 22);
        yield return TestFunction.LogSumExp;
        yield return TestFunction.Rosenbrock;
        // ‖x‖₂; ∇ = x/‖x‖₂ (the false pass at 1e-8).
        yield return new TestFunction("‖x‖₂", x => Math.Sqrt(x.Sum(v => v * v)), x =>
        {
            var norm = Math.Sqrt(x.Sum(v => v * v));
            return x.Select(v => v / norm).ToArray();
        });
        // S·Σ sin(xᵢ/S); ∂/∂xᵢ = cos(xᵢ/S) (the false fail at 1e-7).
        yield return new TestFunction("S·Σ sin(x/S)", x => scale * x.Sum(v => Math.Sin(v / scale)), x => x.Select(v => Math.Cos(v / scale)).ToArray());
    }

    /// <summary>The planted errors: each a claim that differs from g by far more than rounding (null when it would not).</summary>
    private static IEnumerable<(string Name, double[] Claim)> Wrong(double[] g)
    {
        var largest = Enumerable.Range(0, g.Length).MaxBy(i => Math.Abs(g[i]));
        var smallest = Enumerable.Range(0, g.Length).MinBy(i => Math.Abs(g[i]));
        yield return ("sign", g.Select(v => -v).ToArray());
        var doubled = (double[])g.Clone();
        doubled[largest] *= 2;
        yield return ("factor 2 in one coordinate", doubled);
        yield return ("uniform half", g.Select(v => v / 2).ToArray());
        if (Math.Abs(g[largest] - g[smallest]) > 1e-3 * Math.Abs(g[largest]))
        {
            var swapped = (double[])g.Clone();
            (swapped[largest], swapped[smallest]) = (swapped[smallest], swapped[largest]);
            yield return ("two coordinates swapped", swapped);
        }
    }

    [Fact]
    public void NoFalsePassAndNoFalseFailAcrossTwentyFourOrdersOfMagnitude()
    {
        int right = 0, wrong = 0, falseFails = 0, falsePasses = 0, rightInconclusive = 0, wrongInconclusive = 0;
        var problems = new List<string>();
        foreach (var scale in Scales)
            foreach (var f in Functions(scale))
            {
                var x = TestFunction.Point(N, scale, seed: 23);
                var g = f.Gradient(x);
                var report = GradientChecker.Check(f.Value, f.Gradient, x);
                right++;
                if (report.Verdict == Verdict.Disagrees) falseFails++;
                if (report.Verdict == Verdict.Inconclusive) rightInconclusive++;
                if (!report.Passed) problems.Add($"{f} at scale {scale:G2}, correct gradient: {report.Summary}");
                foreach (var (name, claim) in Wrong(g))
                {
                    var planted = GradientChecker.Check(f.Value, _ => claim, x);
                    wrong++;
                    if (planted.Passed) falsePasses++;
                    if (planted.Verdict == Verdict.Inconclusive) wrongInconclusive++;
                    if (planted.Verdict != Verdict.Disagrees) problems.Add($"{f} at scale {scale:G2}, {name}: {planted.Summary}");
                }
            }
        output.WriteLine($"battery: {Scales.Length} scales 1e-12 … 1e12 × 6 functions, n = {N}");
        output.WriteLine($"  correct gradients: {right} checked, {falseFails} false fails (Disagrees), {rightInconclusive} inconclusive");
        output.WriteLine($"  planted wrong gradients: {wrong} checked, {falsePasses} false passes, {wrongInconclusive} inconclusive");
        foreach (var p in problems) output.WriteLine("  " + p);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
