using System.Globalization;
using TensorLinear.Autograd;

namespace TensorLinear.Benchmarks;

/// <summary>
/// The tables of a run, as Markdown: printed, and with --write-docs put between the results markers of
/// docs/benchmarks.md, with the scaling plot beside it as docs/benchmarks-scaling.svg.
/// </summary>
internal sealed class Report(Results r)
{
    public const string Begin = "<!-- results:begin (written by bench/run.sh; edit outside these markers) -->";
    public const string End = "<!-- results:end -->";
    private const string PlotFile = "benchmarks-scaling.svg";

    private static readonly string[] Kinds = ["linear", "logistic"];

    // The machine's read bandwidth: the fastest run of the fastest probe. A probe's median moves with whatever else
    // shares the memory bus during its runs; its best run is the closest to what the machine can do.
    private double ProbeBandwidth => Probes().Select(p => BestBandwidth(r[p.Key])).DefaultIfEmpty(0).Max();

    private static double Bandwidth(Measurement? m) => m is null ? 0 : EngineBenchmarks.ProbeBytes / m.Median / 1e9;

    private static double BestBandwidth(Measurement? m) => m is null ? 0 : EngineBenchmarks.ProbeBytes / m.Min / 1e9;

    // The probes of this machine: libtorch's sum and the .NET loop, on one thread and on every core.
    private static IEnumerable<(string Key, string Name, string Peer)> Probes()
    {
        foreach (var threads in new[] { 1, Environment.ProcessorCount }.Distinct())
        {
            var count = threads == 1 ? "1 thread" : $"{threads} threads";
            yield return ($"probe/torch/{threads}", $"libtorch `sum`, {count}", $"py/probe/{threads}");
            yield return ($"probe/dotnet/{threads}", $".NET `Vector256` loop, {count}", "");
        }
    }

    public IEnumerable<string> Markdown()
    {
        var cores = Environment.ProcessorCount;
        yield return "### Machine and run";
        yield return "";
        foreach (var line in Machine.Describe()) yield return $"- {line}";
        yield return $"- Load average (1, 5, 15 min) before the run {r.LoadBefore}, after {r.LoadAfter}; the run took {r.Elapsed:m\\:ss}.";
        yield return r.PythonNote is null
            ? $"- PyTorch peer: {PythonPeer.Interpreter}, {PeerVersions()}"
            : $"- PyTorch peer: not run — {r.PythonNote}.";
        yield return "- Times: median (min–max) of the runs after warm-up: 15 epochs after 2 on the large problems and 25 after 5 on the others, 9 runs of 20,000 round trips after 1, 3 fits after 1 for least squares, 15 sums after 2 for the probe. The canonical loop and the same loop by hand in TorchSharp run twice each, alternating, and pool their epochs; the PyTorch peer runs each workload right after them.";
        yield return "";

        yield return "### Read bandwidth: the probe";
        yield return "";
        yield return "| sum of a 512 MB float64 tensor | time (ms) | GB/s (median) | GB/s (best run) | PyTorch (`torch.ones`, median) |";
        yield return "|---|---|---|---|---|";
        foreach (var (key, name, peer) in Probes())
            yield return $"| {name} | {Ms(r[key])} | {Bandwidth(r[key]):F1} | {BestBandwidth(r[key]):F1} | {(peer.Length == 0 ? "—" : PeerGbs(peer))} |";
        yield return "";
        yield return $"The probe's tensor is made from a .NET array, like a data set's features (`DataTensors.Features`: libtorch copies it into its own memory), so it sits in the same kind of pages; the .NET loop reads that memory in place, as the one-pass kernel does. An epoch's effective bandwidth below is the bytes of X divided by its time, and its fraction is of the best run of the fastest probe, {ProbeBandwidth:F1} GB/s: one pass over X at that speed is the floor for any epoch, and the canonical loop, reading X twice, cannot pass 50%.";
        yield return "";

        yield return "### (a) One gradient-descent epoch, float64 (ms)";
        yield return "";
        yield return "Default thread policy. Reference: the scalar loops of `TensorLinear.Reference` (`GradientDescent`). Canonical: `TorchEngine`'s autograd loop. By hand: the same loop written directly in TorchSharp, without TensorLinear. One pass: `TrainingPath.OnePass`. PyTorch: the same loop in Python.";
        yield return "";
        yield return "| workload | reference (scalar loops) | torch, canonical autograd | TorchSharp by hand | torch, one pass | PyTorch (Python) | canonical ÷ by hand | canonical ÷ PyTorch | canonical ÷ one pass |";
        yield return "|---|---|---|---|---|---|---|---|---|";
        foreach (var (key, name) in Workloads())
        {
            var canonical = r[$"epoch/canonical/{key}"];
            var byHand = r[$"epoch/byhand/{key}"];
            var onePass = r[$"epoch/onepass/{key}"];
            var peer = r[$"py/epoch/{key}"];
            yield return $"| {name} | {Ms(r[$"epoch/reference/{key}"])} | {Ms(canonical)} | {Ms(byHand)} | {Ms(onePass)} | {Ms(peer)} | {Ratio(canonical, byHand)} | {Ratio(canonical, peer)} | {Ratio(canonical, onePass)} |";
        }
        yield return "";

        yield return "### Effective bandwidth of an epoch (GB/s, and fraction of the read probe)";
        yield return "";
        yield return "| workload | X | torch, canonical | TorchSharp by hand | torch, one pass | PyTorch |";
        yield return "|---|---|---|---|---|---|";
        foreach (var (key, name) in Workloads())
        {
            var bytes = Bytes(key);
            yield return $"| {name} | {bytes / 1e6:N0} MB | {Gbs(bytes, r[$"epoch/canonical/{key}"])} | {Gbs(bytes, r[$"epoch/byhand/{key}"])} | {Gbs(bytes, r[$"epoch/onepass/{key}"])} | {Gbs(bytes, r[$"py/epoch/{key}"])} |";
        }
        yield return "";

        yield return "### At one thread (ms)";
        yield return "";
        yield return "The reference is scalar and single-threaded; here the tensor paths are too (`ThreadPolicy.SingleThread`: libtorch 1, kernels 1).";
        yield return "";
        yield return "| workload | reference (scalar loops) | torch, canonical, 1 thread | torch, one pass, 1 thread | reference ÷ canonical |";
        yield return "|---|---|---|---|---|";
        foreach (var (key, name) in Workloads())
        {
            var reference = r[$"epoch/reference/{key}"];
            var canonical = r[$"epoch/canonical-1t/{key}"];
            yield return $"| {name} | {Ms(reference)} | {Ms(canonical)} | {Ms(r[$"epoch/onepass-1t/{key}"])} | {Ratio(reference, canonical)} |";
        }
        yield return "";

        yield return "### Sample weights: the same epoch weighted (ms)";
        yield return "";
        yield return "ωᵢ = 1 + (i mod 3)/2 (`DataSet.WithSampleWeights`, X shared). The reference multiplies each row's ℓ′ᵢ by ωᵢ in its one loop; libtorch's canonical loop adds the product ω ⊙ ℓ and its sum to the graph; the one-pass kernel sums unweighted rows only, so weighted data take the canonical loop.";
        yield return "";
        yield return "| workload | reference | reference, weighted | torch, canonical | torch, canonical, weighted | weighted ÷ unweighted (reference) | weighted ÷ unweighted (canonical) |";
        yield return "|---|---|---|---|---|---|---|";
        foreach (var (key, name) in Workloads())
        {
            Measurement? reference = r[$"epoch/reference/{key}"], canonical = r[$"epoch/canonical/{key}"];
            Measurement? weightedReference = r[$"epoch/reference-weighted/{key}"], weightedCanonical = r[$"epoch/canonical-weighted/{key}"];
            yield return $"| {name} | {Ms(reference)} | {Ms(weightedReference)} | {Ms(canonical)} | {Ms(weightedCanonical)} | {Ratio(weightedReference, reference)} | {Ratio(weightedCanonical, canonical)} |";
        }
        yield return "";

        yield return "### Thread policy: the canonical epoch under each (ms)";
        yield return "";
        yield return $"Settings here — `LibraryDefaults` (libtorch's own choice at load): {Settings(ThreadPolicy.LibraryDefaults)}; `OnePoolAtATime` (the default): {Settings(ThreadPolicy.OnePoolAtATime)}; `SingleThread`: {Settings(ThreadPolicy.SingleThread)}. libtorch 2.10 runs MKL and its own kernels on one OpenMP pool.";
        yield return "";
        yield return "| workload | LibraryDefaults | OnePoolAtATime (default) | SingleThread | default ÷ library defaults |";
        yield return "|---|---|---|---|---|";
        foreach (var (key, name) in Workloads())
        {
            var library = r[$"epoch/canonical-libdefault/{key}"];
            var policy = r[$"epoch/canonical/{key}"];
            yield return $"| {name} | {Ms(library)} | {Ms(policy)} | {Ms(r[$"epoch/canonical-1t/{key}"])} | {Ratio(policy, library)} |";
        }
        yield return "";

        var big = r.Sizes.Length > 0 ? $"{r.Sizes[0].Rows}x{r.Sizes[0].Features}" : "";
        var bigName = r.Sizes.Length > 0 ? $"{r.Sizes[0].Rows:N0}×{r.Sizes[0].Features}" : "";
        yield return "### (b) Tiny round trip, (c) least squares, (d) agreement suite";
        yield return "";
        yield return "| measurement | TensorLinear | peer | TensorLinear ÷ peer |";
        yield return "|---|---|---|---|";
        yield return $"| (b) 6×2 round trip: arrays → tensors, MSE, backward, gradient back, through `TorchEngine.Gradient` (µs) | {Us(r["tiny/engine"])} | TorchSharp by hand {Us(r["tiny/torchsharp"])} | {Ratio(r["tiny/engine"], r["tiny/torchsharp"])} |";
        yield return $"| | | PyTorch {Us(r["py/tiny"])} | {Ratio(r["tiny/engine"], r["py/tiny"])} |";
        yield return $"| (c) least squares {bigName} with intercept, TSQR (s) | {S(r[$"lstsq/tsqr/linear/{big}"])} | NumPy `lstsq` {S(r[$"py/lstsq/numpy/{big}"])} | {Ratio(r[$"lstsq/tsqr/linear/{big}"], r[$"py/lstsq/numpy/{big}"])} |";
        yield return $"| | | `torch.linalg.lstsq` (gels) {S(r[$"py/lstsq/torch-gels/{big}"])} | {Ratio(r[$"lstsq/tsqr/linear/{big}"], r[$"py/lstsq/torch-gels/{big}"])} |";
        yield return r["agreement"] is { } agreement
            ? $"| (d) agreement suite (cases/s) | {AgreementThroughput.CasesPerRun / agreement.Median:N0} | — | |"
            : "| (d) agreement suite (cases/s) | not measured | — | |";
        yield return "";

        yield return "### Scaling: scalar loops against tensors";
        yield return "";
        yield return $"![epoch time against rows, reference and tensor engines]({PlotFile})";
        yield return "";
        yield return "Linear regression, 64 features, one epoch (ms), default thread policy.";
        yield return "";
        yield return "| rows | reference (scalar loops) | torch, canonical | torch, one pass | reference ÷ canonical | reference ÷ one pass |";
        yield return "|---|---|---|---|---|---|";
        foreach (var rows in r.Sweep)
        {
            var key = $"linear/{rows}x64";
            var reference = r[$"epoch/reference/{key}"];
            yield return $"| {rows:N0} | {Ms(reference)} | {Ms(r[$"epoch/canonical/{key}"])} | {Ms(r[$"epoch/onepass/{key}"])} | {Ratio(reference, r[$"epoch/canonical/{key}"])} | {Ratio(reference, r[$"epoch/onepass/{key}"])} |";
        }
        yield return "";

        yield return "### Targets";
        yield return "";
        yield return "| target | measured | verdict |";
        yield return "|---|---|---|";
        foreach (var line in Targets(big)) yield return line;
    }

    private IEnumerable<string> Targets(string big)
    {
        foreach (var kind in Kinds)
        {
            var key = $"{kind}/{big}";
            var canonical = r[$"epoch/canonical/{key}"];
            var onePass = r[$"epoch/onepass/{key}"];
            yield return Target($"canonical epoch ≤ 1.05× the same loop by hand in TorchSharp ({kind})", canonical, r[$"epoch/byhand/{key}"], 1.05, "canonical ÷ by hand");
            yield return Target($"one pass ≥ 2× faster than canonical ({kind})", onePass, canonical, 1 / 2.0, "one pass ÷ canonical");
            if (onePass is not null)
            {
                var fraction = Bytes(key) / onePass.Median / 1e9 / ProbeBandwidth;
                yield return $"| one pass ≥ 60% of the read probe ({kind}) | {fraction:P0} of {ProbeBandwidth:F1} GB/s | {(fraction >= 0.6 ? "met" : $"missed by {0.6 - fraction:P0}")} |";
            }
            yield return Target($"reference within 2× of canonical at one thread ({kind})", r[$"epoch/reference/{key}"], r[$"epoch/canonical-1t/{key}"], 2.0, "reference ÷ canonical");
        }
        yield return Target("tiny round trip through the engine ≤ 1.1× TorchSharp by hand", r["tiny/engine"], r["tiny/torchsharp"], 1.1, "engine ÷ by hand");
        var tiny = r["tiny/engine"];
        if (tiny is not null)
            yield return $"| tiny round trip ≤ 30 µs | {tiny.Median * 1e6:F1} µs | {(tiny.Median <= 30e-6 ? "met" : $"missed by {tiny.Median / 30e-6 - 1:P0}")} |";
        yield return Target("least squares ≤ NumPy's lstsq", r[$"lstsq/tsqr/linear/{big}"], r[$"py/lstsq/numpy/{big}"], 1.0, "TSQR ÷ NumPy");
        // The canonical loop runs no kernel of TensorLinear's: only libtorch's count matters to it.
        static string Pool(string settings) => settings[..settings.LastIndexOf(", kernels", StringComparison.Ordinal)];
        var same = Pool(Settings(ThreadPolicy.LibraryDefaults)) == Pool(Settings(ThreadPolicy.OnePoolAtATime));
        foreach (var (key, name) in Workloads())
        {
            Measurement? ours = r[$"epoch/canonical/{key}"], theirs = r[$"epoch/canonical-libdefault/{key}"];
            if (ours is null || theirs is null) continue;
            var ratio = ours.Median / theirs.Median;
            var verdict = ratio <= 1.0 ? "met"
                : same ? "met: the same settings on this machine, so the difference is noise"
                : ours.Min <= theirs.Max ? $"within noise (ratio {ratio:F2}, the ranges overlap)"
                : $"missed by {ratio - 1:P0}";
            yield return $"| default policy no slower than libtorch's own ({name}) | default ÷ library default = {ratio:F2} | {verdict} |";
        }
    }

    // The thread counts a policy sets on this machine.
    private static string Settings(ThreadPolicy policy)
    {
        var before = Torch.ThreadPolicy;
        try
        {
            Torch.ThreadPolicy = policy;
            return $"libtorch {Torch.Threads}, kernels {Torch.KernelThreads}";
        }
        finally
        {
            Torch.ThreadPolicy = before;
        }
    }

    private static string Target(string what, Measurement? ours, Measurement? theirs, double limit, string ratioName)
    {
        if (ours is null || theirs is null) return $"| {what} | — | not measured |";
        var ratio = ours.Median / theirs.Median;
        return $"| {what} | {ratioName} = {ratio:F3} | {(ratio <= limit ? "met" : $"missed by {ratio / limit - 1:P1}")} |";
    }

    /// <summary>Writes the results section into docs/benchmarks.md and the plot beside it; returns both paths.</summary>
    public (string Docs, string Plot) Write()
    {
        var root = RepositoryRoot();
        var docs = Path.Combine(root, "docs", "benchmarks.md");
        var plot = Path.Combine(root, "docs", PlotFile);
        File.WriteAllText(plot, Plot());
        var text = File.Exists(docs) ? File.ReadAllText(docs) : $"# Benchmarks\n\n{Begin}\n{End}\n";
        int begin = text.IndexOf(Begin, StringComparison.Ordinal), end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin) throw new InvalidOperationException($"{docs} has no results markers ({Begin} … {End})");
        var section = string.Join("\n", Markdown());
        File.WriteAllText(docs, text[..(begin + Begin.Length)] + "\n\n" + section + "\n\n" + text[end..]);
        return (docs, plot);
    }

    public string Plot()
    {
        Series Line(string path, string name, string colour, bool dashed = false) => new(name, colour,
            r.Sweep.Select(n => (Rows: (double)n, M: r[$"epoch/{path}/linear/{n}x64"]))
                   .Where(p => p.M is not null).Select(p => (p.Rows, p.M!.Median)).ToList(), dashed);
        return ScalingPlot.Render("One epoch of gradient descent: scalar loops against tensors",
            $"linear regression (MSE), 64 features, float64; median of several epochs; {Machine.Cpu}, {Environment.ProcessorCount} cores",
            [
                Line("reference", "reference (scalar loops)", "#c0392b"),
                Line("canonical", "torch, canonical autograd", "#2471a3"),
                Line("onepass", "torch, one pass", "#1e8449", dashed: true),
            ]);
    }

    private IEnumerable<(string Key, string Name)> Workloads() =>
        r.Sizes.SelectMany(s => Kinds.Select(k => ($"{k}/{s.Rows}x{s.Features}",
            $"{(k == "linear" ? "linear (MSE)" : "logistic (log-loss)")} {s.Rows:N0}×{s.Features}")));

    private static double Bytes(string key)
    {
        var size = key.Split('/')[1].Split('x');
        return double.Parse(size[0], CultureInfo.InvariantCulture) * double.Parse(size[1], CultureInfo.InvariantCulture) * sizeof(double);
    }

    private string Gbs(double bytes, Measurement? m) =>
        m is null ? "—" : $"{bytes / m.Median / 1e9:F1} ({bytes / m.Median / 1e9 / ProbeBandwidth:P0})";

    private string PeerGbs(string key) => r[key] is { } m ? $"{Bandwidth(m):F1} GB/s" : "—";

    private string PeerVersions()
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(r.PythonInfo);
            var root = json.RootElement;
            return $"torch {root.GetProperty("torch").GetString()}, NumPy {root.GetProperty("numpy").GetString()}, {root.GetProperty("threads").GetInt32()} intra-op thread(s) (its default)";
        }
        catch (System.Text.Json.JsonException)
        {
            return "(no version information)";
        }
    }

    private static string Ms(Measurement? m) => m is null ? "—" : $"{m.Median * 1e3:G4} ({m.Min * 1e3:G3}–{m.Max * 1e3:G3})";

    private static string Us(Measurement? m) => m is null ? "—" : $"{m.Median * 1e6:F1} ({m.Min * 1e6:F1}–{m.Max * 1e6:F1})";

    private static string S(Measurement? m) => m is null ? "—" : $"{m.Median:F2} ({m.Min:F2}–{m.Max:F2})";

    private static string Ratio(Measurement? a, Measurement? b) => a is null || b is null ? "—" : $"{a.Median / b.Median:F2}";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TensorLinear.sln"))) return dir.FullName;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TensorLinear.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository (TensorLinear.sln) above the current folder");
    }
}
