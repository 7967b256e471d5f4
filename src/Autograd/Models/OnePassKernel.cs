using TensorLinear.Autograd.Native;
using TensorLinear.Models;

namespace TensorLinear.Autograd.Models;

/// <summary>
/// The C# half of the one-pass path: splits the rows over threads and into chunks, calls the native kernel
/// (<c>native/onepass.cpp</c>) on each chunk, and adds the partial sums in a fixed order.
/// </summary>
/// <remarks>
/// <para>Each thread owns one contiguous range of rows and walks it in chunks of about 1 MB of X. The kernel sums a
/// chunk recursively; the chunk sums are added into the thread's sums, and the threads' sums are added in thread order.
/// So a sum over n rows is formed in three levels — within a chunk of c rows, over the n/(cT) chunks of a thread, over
/// the T threads — and its rounding error is at most γ_c + γ_{n/(cT)} + γ_T (γₖ = ku/(1 − ku)) times the sum of the
/// terms' magnitudes, instead of γₙ for one long recursive sum. The order depends only on n, d and T, so the result
/// repeats exactly for a given <see cref="Torch.KernelThreads"/>.</para>
/// </remarks>
internal static class OnePassKernel
{
    // About 1 MB of X per chunk: 2,048 rows of 64 features.
    private const long ChunkBytes = 1 << 20;

    /// <summary>
    /// The data loss (1/n)Σℓᵢ and its gradient ((1/n)Σℓ′ᵢxᵢ, (1/n)Σℓ′ᵢ) at w, b: returns d + 2 values,
    /// ∂L/∂w₁ … ∂L/∂w_d, ∂L/∂b, L.
    /// </summary>
    public static unsafe double[] LossAndGradient(ModelKind kind, Tensor x, Tensor y, Tensor w, Tensor b)
    {
        var shape = x.Shape;
        long n = shape[0], d = shape[1];
        var width = (int)d + 2;
        var threads = (int)Math.Clamp(Torch.KernelThreads, 1, Math.Max(1, n / 4)); // at least four rows each
        var chunk = Math.Max(4, ChunkBytes / (d * sizeof(double)));
        var partial = new double[threads][];
        IntPtr xh = x.Handle, yh = y.Handle, wh = w.Handle, bh = b.Handle;

        void Range(int t)
        {
            long begin = n * t / threads, end = n * (t + 1) / threads;
            var sums = new double[width];
            var chunkSums = new double[width];
            fixed (double* c = chunkSums)
            {
                for (var start = begin; start < end; start += chunk)
                {
                    NativeMethods.Check(NativeMethods.tl_onepass_sums((int)kind, xh, yh, wh, bh, start, Math.Min(chunk, end - start), c), "OnePass");
                    for (var k = 0; k < width; k++) sums[k] += chunkSums[k];
                }
            }
            partial[t] = sums;
        }

        if (threads == 1) Range(0);
        else
        {
            try { Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, Range); }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }
        }
        GC.KeepAlive(x);
        GC.KeepAlive(y);
        GC.KeepAlive(w);
        GC.KeepAlive(b);

        var result = partial[0];
        for (var t = 1; t < threads; t++)
            for (var k = 0; k < width; k++) result[k] += partial[t][k];
        for (var k = 0; k < width; k++) result[k] /= n;
        return result;
    }
}
