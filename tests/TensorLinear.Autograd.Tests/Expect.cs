using TensorLinear.Tests.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Tests;

/// <summary>
/// Assertions for floating-point results. <c>Exact</c> is for operations that are exact in
/// IEEE arithmetic (small integers, halvings, correctly rounded single operations); <c>WithinUlps</c> is for
/// results that carry a few roundings, each call site saying why; <c>Within</c> takes a bound derived at the
/// call site (e.g. γₙ Σ|xᵢ| for a sum).
/// </summary>
internal static class Expect
{
    /// <summary>The tensor's elements equal <paramref name="expected"/> bit for bit (up to the sign of zero).</summary>
    public static void Exact(double[] expected, Tensor actual) => Assert.Equal(expected, actual.ToDoubles());

    /// <summary>The tensor is a matrix whose elements equal <paramref name="expected"/> exactly.</summary>
    public static void Exact(double[,] expected, Tensor actual) => Assert.Equal(expected, actual.ToMatrix());

    /// <summary>The distance between two doubles in units in the last place: how many doubles lie between them.</summary>
    public static long UlpDistance(double a, double b)
    {
        if (a == b) return 0; // also +0 and −0
        if (double.IsNaN(a) || double.IsNaN(b)) return long.MaxValue;
        static long Ordered(double x)
        {
            var bits = BitConverter.DoubleToInt64Bits(x);
            return bits < 0 ? long.MinValue - bits : bits; // negative doubles map below zero, in order
        }
        var d = (decimal)Ordered(a) - Ordered(b);
        return d > long.MaxValue ? long.MaxValue : (long)Math.Abs(d);
    }

    /// <summary><paramref name="actual"/> is within <paramref name="ulps"/> units in the last place of <paramref name="expected"/>.</summary>
    public static void WithinUlps(double expected, double actual, int ulps)
    {
        var d = UlpDistance(expected, actual);
        Assert.True(d <= ulps, $"expected {expected:R}, got {actual:R}: {d} ulps apart, allowed {ulps}");
    }

    /// <summary>Each element is within <paramref name="ulps"/> units in the last place of the expected one.</summary>
    public static void WithinUlps(double[] expected, double[] actual, int ulps)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var d = UlpDistance(expected[i], actual[i]);
            Assert.True(d <= ulps, $"element {i}: expected {expected[i]:R}, got {actual[i]:R}: {d} ulps apart, allowed {ulps}");
        }
    }

    /// <summary>Each element of the tensor is within <paramref name="ulps"/> units in the last place of the expected one.</summary>
    public static void WithinUlps(double[] expected, Tensor actual, int ulps) => WithinUlps(expected, actual.ToDoubles(), ulps);

    /// <summary>|actual − expected| ≤ bound.</summary>
    public static void Within(double expected, double actual, double bound) =>
        Assert.True(Math.Abs(actual - expected) <= bound, $"expected {expected:R}, got {actual:R}: off by {Math.Abs(actual - expected):R}, allowed {bound:R}");

    /// <summary>libtorch still works: a small operation gives the right answer after whatever came before.</summary>
    public static void EngineStillWorks()
    {
        using var scope = NewDisposeScope();
        Exact([2.0, 3.0], tensor(new[] { 1.0, 2.0 }).Plus(Held.One)); // 1 + 1, 2 + 1: exact
    }
}
