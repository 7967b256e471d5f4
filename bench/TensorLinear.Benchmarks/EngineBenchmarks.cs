using TensorLinear.Autograd;
using TensorLinear.Autograd.Models;
using TensorLinear.Data;
using TensorLinear.Models;

namespace TensorLinear.Benchmarks;

/// <summary>The engine's fixed costs and its big single operations: the tiny round trip, the read-bandwidth probe, least squares.</summary>
internal static class EngineBenchmarks
{
    // The 6×2 problem of the round trip: what a property test draws and checks, thousands of times per run.
    private static readonly double[] X6 = [1.0, 2.0, -0.5, 3.0, 2.5, -1.0, 0.0, 4.0, 1.5, 0.5, -2.0, 1.0];
    private static readonly double[] Y6 = [1.0, -2.0, 0.5, 3.0, -1.0, 2.0];
    private static readonly double[] W2 = [0.5, -0.25];
    private const double B = 0.1;

    /// <summary>
    /// The tiny round trip as property tests do it: 6×2 data from arrays into tensors, the forward MSE, backward, the
    /// gradient read back — with the Tensor API, as the Python peer does it.
    /// </summary>
    public static Measurement TinyRoundTrip() =>
        Measurement.Of("tiny round trip (tensors)", () =>
        {
            using var scope = Torch.NewScope();
            var x = Tensor.FromArray(X6, [6, 2]);
            var y = Tensor.FromArray(Y6);
            var w = Tensor.FromArray(W2).RequireGrad();
            var b = Tensor.Scalar(B).RequireGrad();
            Functional.MseLoss(x.MatVec(w) + b, y).Backward();
            _ = w.Grad!.ToArray();
            _ = b.Grad!.ToScalar();
        }, runs: 9, iterations: 20_000, warmup: 1);

    /// <summary>The smallest round trip: a 2-element tensor from an array, one operation (the norm), backward, the gradient read back.</summary>
    public static Measurement TwoElementRoundTrip()
    {
        double[] x = [3.0, 4.0];
        return Measurement.Of("2-element round trip (from array, norm, backward, gradient back)", () =>
        {
            using var scope = Torch.NewScope();
            var t = Tensor.FromArray(x).RequireGrad();
            t.Norm().Backward();
            _ = t.Grad!.ToArray();
        }, runs: 9, iterations: 20_000, warmup: 1);
    }

    /// <summary>Xw for X of 1,000,000×64 float64 and w of 64: 512 MB of X read once.</summary>
    public static Measurement MatrixVector()
    {
        Torch.ManualSeed(42);
        using var scope = Torch.NewScope();
        var matrix = Tensor.RandomNormal([1_000_000, 64]);
        var vector = Tensor.RandomNormal([64]);
        return Measurement.Of("matrix-vector product 1,000,000×64 float64", () =>
        {
            using var inner = Torch.NewScope();
            _ = matrix.MatVec(vector);
        }, runs: 9, iterations: 5);
    }

    /// <summary>The same round trip through the engine: <see cref="TorchEngine.Gradient"/> on a 6×2 data set (checks included).</summary>
    public static Measurement TinyRoundTripThroughEngine()
    {
        var data = DataSet.FromRowMajor(X6, 2, Y6);
        var model = new LinearModel(W2, B);
        return Measurement.Of("tiny round trip (TorchEngine.Gradient)",
            () => TorchEngine.Instance.Gradient(ModelKind.Linear, data, model, Penalty.None),
            runs: 9, iterations: 20_000, warmup: 1);
    }

    /// <summary>
    /// The read-bandwidth probe: the sum of a 512 MB float64 array (libtorch's vectorised sum), on one thread and on
    /// every core. Returns both; the larger bandwidth is what an epoch is compared with. The array is made from a .NET
    /// array, as a data set's features are, so that it sits in the same kind of pages (huge pages where the system
    /// allows them).
    /// </summary>
    public static (Measurement OneThread, Measurement AllCores) ReadBandwidth(long bytes = 512L << 20)
    {
        using var scope = Torch.NewScope();
        var values = new double[bytes / sizeof(double)];
        Array.Fill(values, 1.0);
        var array = Tensor.FromArray(values);
        values = null;
        var policy = Torch.ThreadPolicy;
        try
        {
            Torch.Threads = 1;
            var one = Measurement.Of("read probe: sum of 512 MB, 1 thread", () => { using var s = Torch.NewScope(); _ = array.Sum().ToScalar(); }, runs: 15, warmup: 2);
            Torch.Threads = Environment.ProcessorCount;
            var all = Measurement.Of($"read probe: sum of 512 MB, {Environment.ProcessorCount} threads", () => { using var s = Torch.NewScope(); _ = array.Sum().ToScalar(); }, runs: 15, warmup: 2);
            return (one, all);
        }
        finally
        {
            Torch.ThreadPolicy = policy; // back to the policy's intra-op count
        }
    }

    /// <summary>Closed-form least squares of the workload (intercept included) from its tensors.</summary>
    public static Measurement LeastSquares(Workload workload, long blockRows = 0, int runs = 3)
    {
        using var scope = Torch.NewScope();
        var x = DataTensors.Features(workload.Data);
        var y = DataTensors.Targets(workload.Data);
        var name = blockRows == 0 ? $"least squares {workload.Rows:N0}×{workload.Features} (TSQR)" : $"least squares, blocks of {blockRows}";
        return Measurement.Of(name, () => TensorLeastSquares.Fit(x, y, fitIntercept: true, blockRows), runs: runs, warmup: 1);
    }
}
