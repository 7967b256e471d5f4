using System.Diagnostics;
using System.Globalization;
using TensorLinear;
using TensorLinear.Autograd;
using TensorLinear.Benchmarks;

// The benchmark harness: every workload of docs/benchmarks.md in one run, then the tables (and, with --write-docs,
// the results section of docs/benchmarks.md and its plot). Not part of the test run. Options:
//   --write-docs   rewrite the results section of docs/benchmarks.md and docs/benchmarks-scaling.svg
//   --quick        smaller problems (a smoke test of the harness; the figures mean little)
//   --no-python    skip the PyTorch peer
//   --engine       only the engine's two basic costs: a 2-element round trip and a 1,000,000×64 matrix–vector product
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var writeDocs = args.Contains("--write-docs");
var quick = args.Contains("--quick");
var python = !args.Contains("--no-python");
var total = Stopwatch.StartNew();

var big = quick ? (Rows: 100_000, Features: 64) : (Rows: 1_000_000, Features: 64);
var mid = quick ? (Rows: 10_000, Features: 16) : (Rows: 100_000, Features: 16);
int[] sweep = quick ? [100, 1_000, 10_000, 100_000] : [100, 316, 1_000, 3_162, 10_000, 31_623, 100_000, 316_228, 1_000_000];

var results = new Results();
var loadBefore = Machine.LoadAverage;
foreach (var line in Machine.Describe()) Console.WriteLine(line);
Console.WriteLine($"load average {loadBefore}");
Console.WriteLine();

if (args.Contains("--engine"))
{
    results.Add("engine/tiny", EngineBenchmarks.TwoElementRoundTrip(), 1e6, "µs");
    var matvec = EngineBenchmarks.MatrixVector();
    results.Add("engine/matvec", matvec);
    Console.WriteLine($"  effective read bandwidth {1_000_000 * 64 * sizeof(double) / matvec.Median / 1e9:F1} GB/s");
    return;
}

// The PyTorch peer runs section by section, right after the same section here, so that each ratio compares figures
// measured minutes apart at most (another process on the machine moves them by more than any engine difference).
string? pythonNote = null;
if (!python) pythonNote = "skipped (--no-python)";
else if (PythonPeer.Unavailable() is { } why) pythonNote = why;
void Peer(params string[] arguments)
{
    if (pythonNote is not null) return;
    var (peer, info) = PythonPeer.Measure(arguments);
    foreach (var (key, m) in peer) results.Add(key, m, echo: false);
    results.PythonInfo = info;
}

// The read-bandwidth probe and the tiny round trip first, while nothing large is allocated.
foreach (var (key, probe) in EngineBenchmarks.ReadBandwidth()) results.Add(key, probe);
results.Add("tiny/torchsharp", TorchSharpByHand.TinyRoundTrip(), 1e6, "µs");
results.Add("tiny/engine", EngineBenchmarks.TinyRoundTripThroughEngine(), 1e6, "µs");
Peer("--probe", "--tiny");

// (a) One epoch on each workload: every path at the default thread policy, then the thread-policy comparison. The
// canonical loop by hand in TorchSharp runs right after TensorLinear's, so that their ratio compares figures measured
// seconds apart. Short epochs are noisier: more of them.
var workloads = new List<Workload>();
foreach (var (rows, features) in new[] { big, mid })
{
    var (linear, logistic) = Workloads.Pair(rows, features);
    var (runs, warmup) = linear.FeatureBytes >= 64 << 20 ? (15, 2) : (25, 5);
    Measurement Epoch(ILinearModelEngine engine, Workload w) => EpochBenchmarks.Epoch(engine, w, runs, warmup);
    foreach (var w in new[] { linear, logistic })
    {
        workloads.Add(w);
        var key = Results.Key(w);
        // Twice each, alternating, so that a slow spell of the machine falls on both sides of their ratio.
        var (canonical, byHand) = Alternating(() => Epoch(EpochBenchmarks.Canonical, w), () => TorchSharpByHand.Epoch(w, runs, warmup));
        results.Add($"epoch/canonical/{key}", canonical);
        results.Add($"epoch/byhand/{key}", byHand);
        Peer("--sizes", $"{rows}x{features}", "--kinds", key.Split('/')[0], "--runs", $"{runs}", "--warmup", $"{warmup}");
        results.Add($"epoch/onepass/{key}", Epoch(EpochBenchmarks.OnePass, w));
        results.Add($"epoch/reference/{key}", Epoch(EpochBenchmarks.Reference, w));
        // The same epoch with sample weights (X shared, not copied): the cost of weighting on each engine. The one-pass
        // path takes the canonical loop for weighted data, so it is not measured again.
        var weighted = w with { Data = w.Data.WithSampleWeights(Workloads.SampleWeights(w.Rows)) };
        results.Add($"epoch/reference-weighted/{key}", Epoch(EpochBenchmarks.Reference, weighted));
        results.Add($"epoch/canonical-weighted/{key}", Epoch(EpochBenchmarks.Canonical, weighted));
        WithPolicy(ThreadPolicy.SingleThread, () =>
        {
            results.Add($"epoch/canonical-1t/{key}", Epoch(EpochBenchmarks.Canonical, w));
            results.Add($"epoch/onepass-1t/{key}", Epoch(EpochBenchmarks.OnePass, w));
        });
        WithPolicy(ThreadPolicy.LibraryDefaults, () => results.Add($"epoch/canonical-libdefault/{key}", Epoch(EpochBenchmarks.Canonical, w)));
    }

    // (c) Closed-form least squares of the large problem, while its data are here.
    if ((rows, features) == big)
    {
        results.Add($"lstsq/tsqr/{Results.Key(linear)}", EngineBenchmarks.LeastSquares(linear), 1, "s");
        Peer("--lstsq", $"{rows}x{features}");
    }
}

// The scaling sweep of the plot: linear regression on 64 features, from 100 rows to the large problem.
foreach (var rows in sweep)
{
    var w = rows == big.Rows ? workloads[0] : Workloads.Pair(rows, 64).Linear;
    var key = Results.Key(w);
    foreach (var (path, engine) in new[] { ("reference", EpochBenchmarks.Reference), ("canonical", EpochBenchmarks.Canonical), ("onepass", EpochBenchmarks.OnePass) })
    {
        if (results.Has($"epoch/{path}/{key}")) continue;
        var (runs, warmup) = w.FeatureBytes >= 64 << 20 ? (15, 2) : (25, 5);
        results.Add($"epoch/{path}/{key}", EpochBenchmarks.Epoch(engine, w, runs, warmup));
    }
}
workloads.Clear();
GC.Collect();

// (d) The agreement suite's throughput.
results.Add("agreement", AgreementThroughput.Measure(), 1, "s");

results.LoadBefore = loadBefore;
results.LoadAfter = Machine.LoadAverage;
results.PythonNote = pythonNote;
results.Sizes = [big, mid];
results.Sweep = sweep;
results.Elapsed = total.Elapsed;
var report = new Report(results);
Console.WriteLine();
foreach (var line in report.Markdown()) Console.WriteLine(line);
if (writeDocs)
{
    var (docs, svg) = report.Write();
    Console.WriteLine($"wrote {docs} and {svg}");
}

// Runs a, b, a, b and pools each side's samples.
static (Measurement A, Measurement B) Alternating(Func<Measurement> a, Func<Measurement> b)
{
    var (a1, b1, a2, b2) = (a(), b(), a(), b());
    return (Measurement.FromSamples(a1.Name, a1.Seconds.Concat(a2.Seconds)), Measurement.FromSamples(b1.Name, b1.Seconds.Concat(b2.Seconds)));
}

static void WithPolicy(ThreadPolicy policy, Action action)
{
    var before = Torch.ThreadPolicy;
    try
    {
        Torch.ThreadPolicy = policy;
        action();
    }
    finally
    {
        Torch.ThreadPolicy = before;
    }
}
