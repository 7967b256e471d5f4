using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TensorLinear.Autograd;
using TensorLinear.Autograd.LeastSquares;
using TensorLinear.Autograd.Models;
using TensorLinear.Data;
using TensorLinear.Models;
using TorchSharp;

namespace TensorLinear.Benchmarks;

/// <summary>The engine's fixed costs and its big single operations: the tiny round trip, the read-bandwidth probe, least squares.</summary>
internal static class EngineBenchmarks
{
    /// <summary>The 6×2 problem of the round trip: what a property test draws and checks, thousands of times per run.</summary>
    public static readonly double[] X6 = [1.0, 2.0, -0.5, 3.0, 2.5, -1.0, 0.0, 4.0, 1.5, 0.5, -2.0, 1.0];

    /// <summary>The targets of the 6×2 problem.</summary>
    public static readonly double[] Y6 = [1.0, -2.0, 0.5, 3.0, -1.0, 2.0];

    /// <summary>The weights at which its gradient is taken.</summary>
    public static readonly double[] W2 = [0.5, -0.25];

    /// <summary>The bias at which its gradient is taken.</summary>
    public const double B = 0.1;

    /// <summary>The bytes the read probe sums: 512 MB, as much as X of the large problem.</summary>
    public const long ProbeBytes = 512L << 20;

    /// <summary>The tiny round trip through the engine: <see cref="TorchEngine.Gradient"/> on a 6×2 data set (checks included).</summary>
    public static Measurement TinyRoundTripThroughEngine()
    {
        var data = DataSet.FromRowMajor(X6, 2, Y6);
        var model = new LinearModel(W2, B);
        return Measurement.Of("tiny round trip (TorchEngine.Gradient)",
            () => TorchEngine.Instance.Gradient(ModelKind.Linear, data, model, Penalty.None),
            runs: 9, iterations: 20_000, warmup: 1);
    }

    /// <summary>The smallest round trip: a 2-element tensor from an array, TensorLinear's 2-norm, backward, the gradient read back.</summary>
    public static Measurement TwoElementRoundTrip()
    {
        double[] x = [3.0, 4.0];
        return Measurement.Of("2-element round trip (from array, VectorNorm.Of, backward, gradient back)", () =>
        {
            using var scope = torch.NewDisposeScope();
            var t = torch.tensor(x, requires_grad: true);
            VectorNorm.Of(t, 2).backward();
            _ = t.grad!.ToDoubles();
        }, runs: 9, iterations: 20_000, warmup: 1);
    }

    /// <summary>Xw for X of 1,000,000×64 float64 and w of 64: 512 MB of X read once.</summary>
    public static Measurement MatrixVector()
    {
        Torch.ManualSeed(42);
        using var scope = torch.NewDisposeScope();
        var matrix = torch.randn(1_000_000, 64, dtype: torch.float64);
        var vector = torch.randn(64, dtype: torch.float64);
        return Measurement.Of("matrix-vector product 1,000,000×64 float64", () =>
        {
            using var inner = torch.NewDisposeScope();
            _ = matrix.mv(vector);
        }, runs: 9, iterations: 5);
    }

    /// <summary>
    /// The read-bandwidth probe: the sum of a 512 MB float64 tensor, by libtorch's vectorised sum and by a .NET
    /// Vector256 loop over the tensor's own memory (the one-pass kernel is .NET code reading that memory), each on one
    /// thread and on every core. The tensor is made from a .NET array, as a data set's features are
    /// (<see cref="DataTensors.Features"/>), so it sits in the same kind of pages. The fastest is what an epoch is
    /// compared with.
    /// </summary>
    public static Dictionary<string, Measurement> ReadBandwidth()
    {
        using var scope = torch.NewDisposeScope();
        var values = new double[ProbeBytes / sizeof(double)];
        Array.Fill(values, 1.0);
        var array = torch.tensor(values);
        values = null;
        var cores = Environment.ProcessorCount;
        var policy = Torch.ThreadPolicy;
        var results = new Dictionary<string, Measurement>();
        try
        {
            foreach (var threads in new[] { 1, cores }.Distinct())
            {
                torch.set_num_threads(threads);
                results[$"probe/torch/{threads}"] = Measurement.Of($"read probe: libtorch sum of 512 MB, {threads} thread(s)",
                    () => { using var s = torch.NewDisposeScope(); _ = array.sum().item<double>(); }, runs: 15, warmup: 2);
                results[$"probe/dotnet/{threads}"] = Measurement.Of($"read probe: .NET Vector256 sum of 512 MB, {threads} thread(s)",
                    () => _ = VectorSum(array, threads), runs: 15, warmup: 2);
            }
            return results;
        }
        finally
        {
            Torch.ThreadPolicy = policy; // back to the policy's thread count
        }
    }

    // Σ of a contiguous float64 tensor in `threads` contiguous ranges, four Vector256 accumulators each (so that the
    // loop waits on memory, not on the latency of one chain of additions).
    private static double VectorSum(torch.Tensor t, int threads)
    {
        var count = t.numel();
        var partial = new double[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
        {
            var all = MemoryMarshal.Cast<byte, double>(t.bytes);
            var mine = all[(int)(count * k / threads)..(int)(count * (k + 1) / threads)];
            var vectors = MemoryMarshal.Cast<double, Vector256<double>>(mine);
            Vector256<double> a = default, b = default, c = default, d = default;
            var i = 0;
            for (; i + 4 <= vectors.Length; i += 4)
            {
                a += vectors[i];
                b += vectors[i + 1];
                c += vectors[i + 2];
                d += vectors[i + 3];
            }
            for (; i < vectors.Length; i++) a += vectors[i];
            var sum = Vector256.Sum(a + b + (c + d));
            foreach (var v in mine[(vectors.Length * Vector256<double>.Count)..]) sum += v;
            partial[k] = sum;
        });
        return partial.Sum();
    }

    /// <summary>Closed-form least squares of the workload (intercept included) from its tensors, by TSQR.</summary>
    public static Measurement LeastSquares(Workload workload, int runs = 3)
    {
        using var scope = torch.NewDisposeScope();
        var x = DataTensors.Features(workload.Data);
        var y = DataTensors.Targets(workload.Data);
        return Measurement.Of($"least squares {workload.Rows:N0}×{workload.Features} (TSQR)",
            () => TensorLeastSquares.Fit(x, y, fitIntercept: true), runs: runs, warmup: 1);
    }
}
