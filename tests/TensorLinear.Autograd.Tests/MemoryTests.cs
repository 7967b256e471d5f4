using TensorLinear.Tests.Torch;
using System.Diagnostics;
using TensorLinear.Autograd.Models;
using TensorLinear.Data;
using TensorLinear.Models;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Tests;

/// <summary>Tests that read the process's resident memory run alone, so that no other test's allocations blur it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ResidentMemoryCollection
{
    public const string Name = "Resident memory";
}

// Long loops, measured two ways: the process's resident memory (/proc/self/status), which sees native memory that no
// .NET object accounts for, and TorchSharp's count of live tensors (Tensor.TotalCount), exact but blind to it.
// Dispose scopes must release what they own, and our gradients, which set .grad aside and put it back, everything
// they make.
[Collection(ResidentMemoryCollection.Name)]
public sealed class ResidentMemoryTests(ITestOutputHelper output)
{
    private const double MB = 1024 * 1024;

    // The bound on growth, 8 MB: after the warm-up, what can still grow without a leak is a drift of the GC's budgets
    // (jumps of up to 4 MB were measured on loops that leak nothing) and of glibc's fragmentation. A leaked 3-element
    // tensor costs 270–750 B of RSS (measured: the .NET wrapper, the torch::Tensor box, TensorImpl, StorageImpl and
    // its data; the low end where glibc reuses freed chunks), so 62,500 leaked tensors cost ≥ 16 MB: the planted
    // leak below shows the bound catches them.
    private const double Bound = 8 * MB;

    /// <summary>VmRSS from /proc/self/status, in bytes.</summary>
    private static long ResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024; // reported in kB
    }

    /// <summary>Live TorchSharp tensors once every abandoned one has been finalized (tests before this one leave some).</summary>
    private static long LiveTensors()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Tensor.TotalCount;
    }

    /// <summary>
    /// <paramref name="scopes"/> times: open a dispose scope and do 1000 small operations in it — a parameter vector,
    /// 499 steps of y ← 0.5·y + 1 (two operations each, all recorded by autograd), the sum, and backward — then read
    /// the gradient. With <paramref name="leaked"/>, every 4th step's y is taken out of the scope and kept: a leak.
    /// </summary>
    private static void RunScopedOperations(int scopes, List<Tensor>? leaked = null)
    {
        for (var s = 0; s < scopes; s++)
        {
            using var scope = NewDisposeScope();
            var x = tensor(new[] { 1.0, 2.0, 3.0 }, requires_grad: true);
            var y = x;
            for (var i = 0; i < 499; i++)
            {
                y = (y * Held.Half).Plus(Held.One);
                if (leaked is not null && i % 4 == 0) leaked.Add(y.detach().DetachFromDisposeScope());
            }
            y.sum().backward();
            _ = x.grad!.ToDoubles();
        }
    }

    /// <summary>
    /// Repeats <paramref name="warmUp"/> until the process has settled — JIT, libtorch's lazy initialisation, glibc's
    /// arenas, the GC's gen0 budget: at least three rounds and two ordinary gen0 collections (forced ones decommit GC
    /// regions that the next loop touches again, 10–15 MB that is no leak), and a last round that grew RSS by under
    /// 0.25 MB — then runs <paramref name="work"/> once, measured.
    /// </summary>
    private (long Growth, long LiveTensors, TimeSpan Time) Measure(string what, Action warmUp, Action work)
    {
        // Counted first: the forced collections of the count decommit GC regions, which the warm-up then settles again.
        var live = LiveTensors();
        var gen0 = GC.CollectionCount(0);
        var rounds = 0;
        for (long grew = long.MaxValue; rounds < 3 || ((GC.CollectionCount(0) - gen0 < 2 || grew > MB / 4) && rounds < 20); rounds++)
        {
            var start = ResidentBytes();
            warmUp();
            grew = ResidentBytes() - start;
        }
        var before = ResidentBytes();
        var clock = Stopwatch.StartNew();
        work();
        clock.Stop();
        var growth = ResidentBytes() - before;
        var liveGrowth = LiveTensors() - live;
        output.WriteLine($"{what}: {rounds} warm-up rounds; RSS before {before / MB:F1} MB, growth {growth / MB:F2} MB; " +
                         $"live tensors {liveGrowth:+#;-#;0}; {clock.Elapsed.TotalSeconds:F1} s");
        return (growth, liveGrowth, clock.Elapsed);
    }

    [Fact]
    public void AMillionOperationsInDisposeScopesKeepResidentMemoryFlat()
    {
        var (growth, live, time) = Measure("1,000,000 scoped operations", () => RunScopedOperations(100), () => RunScopedOperations(1000));
        Assert.Equal(0, live);
        Assert.True(growth < Bound, $"resident memory grew by {growth / MB:F2} MB over 1,000,000 scoped operations");
        Assert.True(time < TimeSpan.FromSeconds(90), $"the loop took {time.TotalSeconds:F1} s");
    }

    [Fact]
    public void APlantedLeakOfOneTensorInEightOperationsBreaksTheSameBound()
    {
        // The control: without it the test above could pass because neither measure sees what it is meant to see.
        var leaked = new List<Tensor>();
        var (growth, live, _) = Measure("500,000 operations leaking 62,500 tensors", () => RunScopedOperations(100), () => RunScopedOperations(500, leaked));
        foreach (var t in leaked) t.Dispose();
        Assert.Equal(62_500, leaked.Count);
        Assert.Equal(62_500, live);
        Assert.True(growth > Bound, $"a leak of {leaked.Count:N0} tensors grew resident memory by only {growth / MB:F2} MB");
    }

    [Fact]
    public void TenThousandGradientsLeaveResidentMemoryFlatAndGradAsItWas()
    {
        // Each call sets x.grad aside, runs a restricted backward pass, and puts .grad back: neither the grad set aside
        // nor the one made may outlive the caller's scope.
        using var outer = NewDisposeScope();
        var x = tensor(new[] { 1.0, 2.0, 3.0 }, requires_grad: true);
        (x * Held.Two).sum().backward(); // a .grad to set aside and restore every time
        void Gradients(int calls)
        {
            for (var k = 0; k < calls; k++)
            {
                using var scope = NewDisposeScope();
                _ = Torch.Gradients([(x * x).sum()], [x])[0].ToDoubles();
                _ = Torch.Gradient(x.pow(Held.Three).sum(), x, createGraph: true).ToDoubles();
            }
        }
        var (growth, live, _) = Measure("10,000 × (Gradients + Gradient with createGraph)", () => Gradients(1000), () => Gradients(10_000));
        Assert.Equal(0, live);
        Assert.True(growth < Bound, $"resident memory grew by {growth / MB:F2} MB over 10,000 gradient calls");
        Assert.Equal([2, 2, 2], x.grad!.ToDoubles());
    }

    [Fact]
    public void TenThousandEngineGradientsLeaveResidentMemoryFlat()
    {
        var data = DataSet.FromRows([[1.0, 2.0], [3.0, 5.0], [4.0, 4.0], [0.5, -1.0]], [1.0, 0.0, 1.0, 0.0]);
        var model = new LinearModel([0.25, -0.5], 0.125);
        void Gradients(int calls)
        {
            for (var k = 0; k < calls; k++) _ = TorchEngine.Instance.Gradient(ModelKind.Logistic, data, model, new Penalty(l2: 0.1));
        }
        var (growth, live, _) = Measure("10,000 TorchEngine.Gradient", () => Gradients(1000), () => Gradients(10_000));
        Assert.Equal(0, live);
        Assert.True(growth < Bound, $"resident memory grew by {growth / MB:F2} MB over 10,000 engine gradients");
    }
}
