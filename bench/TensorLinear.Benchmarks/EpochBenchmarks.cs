using System.Diagnostics;
using TensorLinear.Autograd.Models;
using TensorLinear.Reference.Models;
using TensorLinear.Training;

namespace TensorLinear.Benchmarks;

/// <summary>
/// One full-batch epoch of gradient descent — forward, loss, gradient, update — timed inside each engine's own
/// <c>Train</c>: the engine reports every epoch to an <see cref="IProgress{T}"/>, and the time between two reports
/// is one epoch of its loop, with nothing of the harness in it. The setup before the loop (copying X into a tensor,
/// the Lipschitz constant) is not timed.
/// </summary>
internal static class EpochBenchmarks
{
    public static readonly ILinearModelEngine Reference = new ReferenceEngine();
    public static readonly ILinearModelEngine Canonical = TorchEngine.Instance;
    public static readonly ILinearModelEngine OnePass = new TorchEngine(new TorchEngineOptions { TrainingPath = TrainingPath.OnePass });

    /// <summary>Trains for <paramref name="warmup"/> + <paramref name="runs"/> epochs and keeps the last <paramref name="runs"/>.</summary>
    public static Measurement Epoch(ILinearModelEngine engine, Workload workload, int runs = 7, int warmup = 2)
    {
        var clock = new EpochClock();
        var options = new TrainingOptions { MaxEpochs = warmup + runs + 1, Tolerance = 0.0 };
        engine.Train(workload.Kind, workload.Data, options, progress: clock);
        var intervals = clock.Intervals();
        return Measurement.FromSamples($"{engine.Name} epoch, {workload.Name}", intervals.Skip(warmup));
    }

    private sealed class EpochClock : IProgress<EpochProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<double> _reports = [];

        public void Report(EpochProgress value) => _reports.Add(_clock.Elapsed.TotalSeconds);

        public double[] Intervals() => _reports.Zip(_reports.Skip(1), (a, b) => b - a).ToArray();
    }
}
