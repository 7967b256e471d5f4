using System.Globalization;
using TensorLinear.Autograd;
using TensorLinear.Benchmarks;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine($"libtorch {Torch.Version}, {Torch.Threads} intra-op thread(s), BLAS {Torch.BlasLibrary}");
Console.WriteLine($"{Environment.ProcessorCount} logical cores, .NET {Environment.Version}");
Console.WriteLine();

var tiny = EngineBenchmarks.TinyRoundTrip();
Report(tiny, 1e6, "µs");
var matvec = EngineBenchmarks.MatrixVector(out var bytes);
Report(matvec, 1e3, "ms");
Console.WriteLine($"  effective read bandwidth {bytes / matvec.Median / 1e9:F2} GB/s (median)");

static void Report(Measurement m, double scale, string unit) =>
    Console.WriteLine($"{m.Name}: median {m.Median * scale:F2} {unit}, min {m.Min * scale:F2}, max {m.Max * scale:F2} ({m.Seconds.Length} runs)");
