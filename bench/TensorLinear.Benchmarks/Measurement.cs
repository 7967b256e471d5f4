using System.Diagnostics;

namespace TensorLinear.Benchmarks;

/// <summary>The spread of several timed runs of one workload, each run the mean over its inner iterations.</summary>
/// <param name="Name">What was measured.</param>
/// <param name="Seconds">Seconds per iteration, one value per run, sorted.</param>
internal sealed record Measurement(string Name, double[] Seconds)
{
    public double Median => Seconds.Length % 2 == 1
        ? Seconds[Seconds.Length / 2]
        : (Seconds[Seconds.Length / 2 - 1] + Seconds[Seconds.Length / 2]) / 2;

    public double Min => Seconds[0];

    public double Max => Seconds[^1];

    /// <summary>
    /// Times <paramref name="workload"/>: <paramref name="warmup"/> untimed runs (JIT, caches, libtorch's lazy
    /// initialisation), then <paramref name="runs"/> timed runs of <paramref name="iterations"/> calls each.
    /// </summary>
    public static Measurement Of(string name, Action workload, int runs = 7, int iterations = 1, int warmup = 2)
    {
        for (var i = 0; i < warmup * iterations; i++) workload();
        var seconds = new double[runs];
        for (var r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++) workload();
            seconds[r] = clock.Elapsed.TotalSeconds / iterations;
        }
        return FromSamples(name, seconds);
    }

    /// <summary>A measurement from samples timed elsewhere (e.g. epoch by epoch inside a training run).</summary>
    public static Measurement FromSamples(string name, IEnumerable<double> seconds)
    {
        var sorted = seconds.ToArray();
        if (sorted.Length == 0) throw new ArgumentException("no samples", nameof(seconds));
        Array.Sort(sorted);
        return new Measurement(name, sorted);
    }
}
