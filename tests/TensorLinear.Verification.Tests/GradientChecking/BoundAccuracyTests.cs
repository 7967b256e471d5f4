using TensorLinear.Verification.GradientChecking;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.GradientChecking;

/// <summary>
/// How accurate the finite differences are and how tight their bounds: over 200 seeded points per function, the median
/// relative error of the estimate against the exact derivative, and the ratio bound/error (which must never fall
/// below 1, and whose median must stay within 10: a bound far above the error would hide wrong gradients).
/// </summary>
public sealed class BoundAccuracyTests(ITestOutputHelper output)
{
    private const int Points = 200;

    public static TheoryData<string> Functions => ["exp", "sin(3x)", "log(1+x²)"];

    private static (Func<double, double> F, Func<double, double> Derivative) Function(string name) => name switch
    {
        "exp" => (Math.Exp, Math.Exp),                                              // (eˣ)′ = eˣ
        "sin(3x)" => (x => Math.Sin(3 * x), x => 3 * Math.Cos(3 * x)),              // (sin 3x)′ = 3 cos 3x
        "log(1+x²)" => (x => Math.Log(1 + x * x), x => 2 * x / (1 + x * x)),        // (log(1 + x²))′ = 2x/(1 + x²)
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Functions))]
    public void BoundsHoldAndAreWithinTenTimesTheMeasuredError(string name)
    {
        var (f, derivative) = Function(name);
        var random = new Random(2026);
        var errors = new double[Points];
        var ratios = new double[Points];
        for (var k = 0; k < Points; k++)
        {
            var x = 4 * random.NextDouble() - 2; // [−2, 2]
            var estimate = FiniteDifferences.GradientWithErrors(v => f(v[0]), [x]);
            var exact = derivative(x);
            var error = Math.Abs(estimate.Values[0] - exact);
            Assert.True(error <= estimate.ErrorBounds[0], $"{name} at x = {x:R}: error {error:E2} exceeds bound {estimate.ErrorBounds[0]:E2}");
            errors[k] = error / Math.Max(Math.Abs(exact), double.Epsilon);
            ratios[k] = error == 0 ? double.PositiveInfinity : estimate.ErrorBounds[0] / error;
        }
        var medianError = Median(errors);
        var medianRatio = Median(ratios);
        output.WriteLine($"{name}: median relative error {medianError:E2} over {Points} points in [−2, 2]; bound/error median {medianRatio:F1}, min {ratios.Min():F2}");
        Assert.True(medianRatio <= 10, $"{name}: the median bound is {medianRatio:F1} times the error");
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return 0.5 * (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]);
    }
}
