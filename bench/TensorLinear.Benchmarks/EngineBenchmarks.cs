using TensorLinear.Autograd;

namespace TensorLinear.Benchmarks;

/// <summary>The engine's two basic costs: the fixed cost of one tiny autograd round trip, and a large matrix–vector product.</summary>
internal static class EngineBenchmarks
{
    /// <summary>A 2-element tensor from an array, one operation (the norm), backward, the gradient read back.</summary>
    public static Measurement TinyRoundTrip()
    {
        double[] x = [3.0, 4.0];
        return Measurement.Of("tiny round trip (2 elements: from array, norm, backward, grad to array)", () =>
        {
            using var scope = Torch.NewScope();
            var t = Tensor.FromArray(x).RequireGrad();
            t.Norm().Backward();
            _ = t.Grad!.ToArray();
        }, runs: 9, iterations: 20_000);
    }

    /// <summary>Xw for X of 1,000,000×64 float64 and w of 64: 512 MB of X read once.</summary>
    public static Measurement MatrixVector(out double bytesRead)
    {
        const long rows = 1_000_000, columns = 64;
        Torch.ManualSeed(42);
        using var scope = Torch.NewScope();
        var matrix = Tensor.RandomNormal([rows, columns]);
        var vector = Tensor.RandomNormal([columns]);
        bytesRead = rows * columns * sizeof(double);
        return Measurement.Of("matrix-vector product 1,000,000×64 float64", () =>
        {
            using var inner = Torch.NewScope();
            _ = matrix.MatVec(vector);
        }, runs: 9, iterations: 5);
    }
}
