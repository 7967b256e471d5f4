using System.Diagnostics;
using System.Globalization;
using TensorLinear.Autograd;
using TensorLinear.Benchmarks;

// The benchmark harness: every workload of docs/benchmarks.md in one run, then the tables (and, with --write-docs,
// the results section of docs/benchmarks.md and its plot). Not part of the test run. Options:
//   --write-docs   rewrite the results section of docs/benchmarks.md and docs/benchmarks-scaling.svg
//   --quick        smaller problems (a smoke test of the harness; the figures mean little)
//   --no-python    skip the PyTorch peer
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

// The read-bandwidth probe and the tiny round trip first, while nothing large is allocated.
var (probeOne, probeAll) = EngineBenchmarks.ReadBandwidth();
results.Add("probe/1", probeOne);
results.Add("probe/all", probeAll);
results.Add("tiny/tensors", EngineBenchmarks.TinyRoundTrip(), 1e6, "µs");
results.Add("tiny/engine", EngineBenchmarks.TinyRoundTripThroughEngine(), 1e6, "µs");

// (a) One epoch on each workload: every path at the default thread policy, then the thread-policy comparison.
var workloads = new List<Workload>();
foreach (var (rows, features) in new[] { big, mid })
{
    var (linear, logistic) = Workloads.Pair(rows, features);
    foreach (var w in new[] { linear, logistic })
    {
        workloads.Add(w);
        var key = Results.Key(w);
        results.Add($"epoch/reference/{key}", EpochBenchmarks.Epoch(EpochBenchmarks.Reference, w));
        results.Add($"epoch/canonical/{key}", EpochBenchmarks.Epoch(EpochBenchmarks.Canonical, w));
        results.Add($"epoch/onepass/{key}", EpochBenchmarks.Epoch(EpochBenchmarks.OnePass, w));
        WithPolicy(ThreadPolicy.SingleThread, () =>
        {
            results.Add($"epoch/canonical-1t/{key}", EpochBenchmarks.Epoch(EpochBenchmarks.Canonical, w));
            results.Add($"epoch/onepass-1t/{key}", EpochBenchmarks.Epoch(EpochBenchmarks.OnePass, w));
        });
        WithPolicy(ThreadPolicy.LibraryDefaults, () => results.Add($"epoch/canonical-libdefault/{key}", EpochBenchmarks.Epoch(EpochBenchmarks.Canonical, w)));
        // Both pools with a thread per core: what forcing libtorch's intra-op count up, on top of OpenBLAS's, does.
        WithPolicy(ThreadPolicy.OnePoolAtATime, () =>
        {
            Torch.Threads = Environment.ProcessorCount;
            results.Add($"epoch/canonical-bothpools/{key}", EpochBenchmarks.Epoch(EpochBenchmarks.Canonical, w));
        });
    }

    // (c) Closed-form least squares of the large problem, while its data are here.
    if ((rows, features) == big) results.Add($"lstsq/tsqr/{Results.Key(linear)}", EngineBenchmarks.LeastSquares(linear), 1, "s");
}

// The scaling sweep of the plot: linear regression on 64 features, from 100 rows to the large problem.
foreach (var rows in sweep)
{
    var w = rows == big.Rows ? workloads[0] : Workloads.Pair(rows, 64).Linear;
    var key = Results.Key(w);
    foreach (var (path, engine) in new[] { ("reference", EpochBenchmarks.Reference), ("canonical", EpochBenchmarks.Canonical), ("onepass", EpochBenchmarks.OnePass) })
    {
        if (results.Has($"epoch/{path}/{key}")) continue;
        var many = rows <= 100_000 ? 25 : 7; // short epochs: more of them
        results.Add($"epoch/{path}/{key}", EpochBenchmarks.Epoch(engine, w, runs: many, warmup: rows <= 100_000 ? 5 : 2));
    }
}
workloads.Clear();
GC.Collect();

// (d) The agreement suite's throughput: a hook until the suite exists.
if (AgreementThroughput.Measure() is { } agreement) results.Add("agreement", agreement, 1, "s");
else Console.WriteLine("(d) agreement suite throughput: not measured yet (hook: bench/TensorLinear.Benchmarks/AgreementThroughput.cs)");

// The PyTorch peer, last, with the .NET side's large arrays released.
string? pythonNote = null;
if (!python) pythonNote = "skipped (--no-python)";
else if (PythonPeer.Unavailable() is { } why) pythonNote = why;
else
{
    Console.WriteLine($"PyTorch peer: {PythonPeer.Interpreter} bench/python/bench.py");
    var (peer, info) = PythonPeer.Measure([
        "--sizes", $"{big.Rows}x{big.Features},{mid.Rows}x{mid.Features}",
        "--lstsq", $"{big.Rows}x{big.Features}"]);
    foreach (var (key, m) in peer) results.Add(key, m, echo: false);
    results.PythonInfo = info;
}

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
