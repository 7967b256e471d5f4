using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using TensorLinear.Models;
using TorchSharp;

namespace TensorLinear.Autograd.Models;

/// <summary>
/// The kernel of the one-pass training path (<see cref="TrainingPath.OnePass"/>): the data loss and its gradient in
/// one sweep of X, read in place from the tensors' memory.
/// </summary>
/// <remarks>
/// <para>The canonical autograd epoch reads X twice: z = Xw in the forward pass and Xᵀℓ′ in the backward pass, each a
/// full sweep of memory. This kernel reads each row xᵢ once and uses it twice while it is in L1: its score
/// zᵢ = xᵢ·w + b, its loss ℓ(zᵢ, yᵢ) and slope ℓ′(zᵢ, yᵢ), then its contribution ℓ′ᵢ·(xᵢ, 1) to the gradient. The
/// formulas are the reference's (src/Reference/Losses, src/Reference/Models/EmpiricalRisk.cs).</para>
/// <para>Each thread owns one contiguous range of rows and walks it in chunks of about 1 MB of X. A chunk is summed
/// recursively; the chunk sums are added into the thread's sums, and the threads' sums are added in thread order. So a
/// sum over n rows is formed in three levels — within a chunk of c rows, over the n/(cT) chunks of a thread, over the
/// T threads — and its rounding error is at most γ_c + γ_{n/(cT)} + γ_T (γₖ = ku/(1 − ku)) times the sum of the
/// terms' magnitudes, instead of γₙ for one long recursive sum. The order depends only on n, d and T, never on
/// scheduling, so on a given machine the result repeats exactly for a given thread count.</para>
/// </remarks>
internal static unsafe class OnePassKernel
{
    /// <summary>About 1 MB of X per chunk. For a million rows of 64 features, c = 2,048 and n/c ≈ 500 are both near
    /// √n, where γ_c + γ_{n/c} is least, and the d + 2 additions per chunk cost nothing next to the chunk.</summary>
    private const long ChunkBytes = 1 << 20;

    /// <summary>How far ahead the kernel asks for rows: 16 rows (8 KB at d = 64). The hardware prefetcher follows a
    /// stream only within a 4 KB page; asking across the page boundary keeps the next rows coming.</summary>
    private const long PrefetchRows = 16;

    /// <summary>
    /// The data loss L = (1/n)Σℓᵢ and its gradient ((1/n)Σℓ′ᵢxᵢ, (1/n)Σℓ′ᵢ) at w, b: returns d + 2 values,
    /// ∂L/∂w₁ … ∂L/∂w_d, ∂L/∂b, L.
    /// </summary>
    /// <param name="kind">The model, which fixes the loss: squared error or log-loss.</param>
    /// <param name="x">The features, a contiguous float64 n×d matrix on the CPU (read in place, never copied).</param>
    /// <param name="y">The targets, a contiguous float64 vector of n.</param>
    /// <param name="w">The weights, a contiguous float64 vector of d.</param>
    /// <param name="b">The bias, one float64 element.</param>
    /// <param name="threads">The kernel's thread count (at most n/4 are used); it fixes the order of the sums.</param>
    internal static double[] LossAndGradient(ModelKind kind, torch.Tensor x, torch.Tensor y, torch.Tensor w, torch.Tensor b, int threads)
    {
        var (n, d) = Validate(kind, x, y, w, b, threads);
        var rows = new Rows(Address(x), Address(y), Address(w), *Address(b), d);
        var result = kind == ModelKind.Linear ? Sum<SquaredError>(rows, n, threads) : Sum<LogLoss>(rows, n, threads);
        // The pointers are into libtorch's memory: the tensors must outlive the sweep even if this was their last use.
        GC.KeepAlive(x); GC.KeepAlive(y); GC.KeepAlive(w); GC.KeepAlive(b);
        return result;
    }

    /// <summary>The sums over all n rows, within a chunk, over a thread's chunks, over the threads — in that fixed
    /// order — divided by n.</summary>
    private static double[] Sum<TLoss>(Rows rows, long n, int threads) where TLoss : ILoss
    {
        var width = (int)rows.D + 2;
        threads = (int)Math.Min(threads, Math.Max(1, n / 4)); // at least four rows each
        // Chunks and thread ranges start at multiples of four rows, so that only the last chunk has a scalar tail.
        var chunk = Math.Max(4, ChunkBytes / (Math.Max(1, rows.D) * sizeof(double))) & ~3L;
        long Boundary(int t) => t == threads ? n : (n * t / threads) & ~3L;
        var partial = new double[threads][];

        void Range(int t)
        {
            var sums = new double[width];
            var chunkSums = new double[width];
            fixed (double* c = chunkSums)
            {
                for (long start = Boundary(t), end = Boundary(t + 1); start < end; start += chunk)
                {
                    var stop = Math.Min(start + chunk, end);
                    new Span<double>(c, width).Clear();
                    var tail = Avx2.IsSupported && Fma.IsSupported ? SumsVector<TLoss>(rows, start, stop, c) : start;
                    SumsScalar<TLoss>(rows, tail, stop, c); // all rows without AVX2 and FMA, else the last 0–3
                    for (var k = 0; k < width; k++) sums[k] += c[k];
                }
            }
            partial[t] = sums;
        }

        if (threads == 1) Range(0);
        else
        {
            try { Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, Range); }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1) { ExceptionDispatchInfo.Throw(e.InnerExceptions[0]); }
        }

        var result = partial[0];
        for (var t = 1; t < threads; t++)
            for (var k = 0; k < width; k++) result[k] += partial[t][k];
        for (var k = 0; k < width; k++) result[k] /= n;
        return result;
    }

    /// <summary>Adds to <paramref name="sums"/> (d + 2 doubles) the sums of rows [begin, end): Σℓ′ᵢxᵢ, Σℓ′ᵢ, Σℓᵢ —
    /// one row at a time. It fuses no multiply-add: without FMA hardware, Math.FusedMultiplyAdd is a slow software
    /// emulation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one call is a whole chunk: no tier-0 start
    private static void SumsScalar<TLoss>(in Rows r, long begin, long end, double* sums) where TLoss : ILoss
    {
        var d = r.D;
        for (var i = begin; i < end; i++)
        {
            var xi = r.X + i * d;
            var z = r.B;
            for (long j = 0; j < d; j++) z += xi[j] * r.W[j];
            var (value, slope) = TLoss.At(z, r.Y[i]);
            for (long j = 0; j < d; j++) sums[j] += slope * xi[j];
            sums[d] += slope;
            sums[d + 1] += value;
        }
    }

    /// <summary>
    /// The sums of <see cref="SumsScalar{TLoss}"/>, four rows at a time: their four scores, the loss and slope of all
    /// four in vector lanes, then four updates of the gradient sums. The rows (4·d doubles) stay in L1 between the
    /// scores and the updates. Every multiply-add is fused. Returns the first row not done (fewer than four remain).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one call is a whole chunk: no tier-0 start
    private static long SumsVector<TLoss>(in Rows r, long begin, long end, double* sums) where TLoss : ILoss
    {
        var d = r.D;
        var bias = Vector256.Create(r.B);
        Vector256<double> values = Vector256<double>.Zero, slopes = Vector256<double>.Zero;
        var i = begin;
        for (; i + 4 <= end; i += 4)
        {
            var x0 = r.X + i * d;
            // The four rows 16 ahead, within the range: one 64-byte line per 8 doubles.
            var stop = r.X + Math.Min(i + PrefetchRows + 4, end) * d;
            for (var p = r.X + Math.Min(i + PrefetchRows, end) * d; p < stop; p += 8) Sse.Prefetch0(p);
            var z = bias + Vector256.Create(Dot(x0, r.W, d), Dot(x0 + d, r.W, d), Dot(x0 + 2 * d, r.W, d), Dot(x0 + 3 * d, r.W, d));
            var (value, slope) = TLoss.At(z, Vector256.Load(r.Y + i));
            values += value;
            slopes += slope;
            Axpy4(slope, x0, d, sums);
        }
        sums[d] += HorizontalSum(slopes);
        sums[d + 1] += HorizontalSum(values);
        return i;
    }

    /// <summary>x·w with eight partial sums (two four-lane accumulators: two FMA chains in flight), then the tail.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Dot(double* x, double* w, long d)
    {
        Vector256<double> a0 = Vector256<double>.Zero, a1 = Vector256<double>.Zero;
        long j = 0;
        for (; j + 8 <= d; j += 8)
        {
            a0 = Fma.MultiplyAdd(Vector256.Load(x + j), Vector256.Load(w + j), a0);
            a1 = Fma.MultiplyAdd(Vector256.Load(x + j + 4), Vector256.Load(w + j + 4), a1);
        }
        if (j + 4 <= d)
        {
            a0 = Fma.MultiplyAdd(Vector256.Load(x + j), Vector256.Load(w + j), a0);
            j += 4;
        }
        var s = HorizontalSum(a0 + a1);
        for (; j < d; j++) s = Math.FusedMultiplyAdd(x[j], w[j], s);
        return s;
    }

    /// <summary>
    /// g += a₀x₀ + a₁x₁ + a₂x₂ + a₃x₃ for four consecutive rows x₀ … x₃ (d apart), added to g one row after the other —
    /// the order of four single updates, with g loaded and stored once per four rows instead of once per row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Axpy4(Vector256<double> a, double* x0, long d, double* g)
    {
        // Each coefficient broadcast from its lane by one vpermpd, not through memory.
        Vector256<double> a0 = Avx2.Permute4x64(a, 0x00), a1 = Avx2.Permute4x64(a, 0x55),
            a2 = Avx2.Permute4x64(a, 0xAA), a3 = Avx2.Permute4x64(a, 0xFF);
        long j = 0;
        for (; j + 4 <= d; j += 4)
        {
            var sum = Vector256.Load(g + j);
            sum = Fma.MultiplyAdd(a0, Vector256.Load(x0 + j), sum);
            sum = Fma.MultiplyAdd(a1, Vector256.Load(x0 + d + j), sum);
            sum = Fma.MultiplyAdd(a2, Vector256.Load(x0 + 2 * d + j), sum);
            sum = Fma.MultiplyAdd(a3, Vector256.Load(x0 + 3 * d + j), sum);
            sum.Store(g + j);
        }
        for (; j < d; j++)
            for (var k = 0; k < 4; k++) g[j] = Math.FusedMultiplyAdd(a.GetElement(k), x0[k * d + j], g[j]);
    }

    /// <summary>(v₀ + v₂) + (v₁ + v₃): the two halves added, then the two lanes left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double HorizontalSum(Vector256<double> v) => Vector128.Sum(v.GetLower() + v.GetUpper());

    /// <summary>A loss ℓ(z, y) and its slope ℓ′ = ∂ℓ/∂z. Passed as a struct type argument, so that the JIT compiles
    /// one specialised sweep per loss with the loss inlined.</summary>
    private interface ILoss
    {
        /// <summary>The loss and slope at one score z and target y.</summary>
        static abstract (double Value, double Slope) At(double z, double y);

        /// <summary>The loss and slope of four scores and targets, lane by lane.</summary>
        static abstract (Vector256<double> Value, Vector256<double> Slope) At(Vector256<double> z, Vector256<double> y);
    }

    /// <summary>Linear regression's squared error.</summary>
    private readonly struct SquaredError : ILoss
    {
        // ℓ = (z − y)²   ℓ′ = 2(z − y)   so ∇_w = (2/n) Xᵀ(ŷ − y)
        /// <inheritdoc/>
        public static (double Value, double Slope) At(double z, double y)
        {
            var r = z - y;
            return (r * r, r + r);
        }

        /// <inheritdoc/>
        public static (Vector256<double> Value, Vector256<double> Slope) At(Vector256<double> z, Vector256<double> y)
        {
            var r = z - y;
            return (r * r, r + r);
        }
    }

    /// <summary>Logistic regression's log-loss, in a form that neither overflows nor cancels: one e = e^−|z| ∈ [0, 1]
    /// gives both the loss and the slope.</summary>
    private readonly struct LogLoss : ILoss
    {
        // ℓ = c·z + log1p(e)   ℓ′ = σ(z) − y = c ∓ σ(−|z|)   so ∇_w = (1/n) Xᵀ(σ − y)
        // with c = 1 − y for z ≥ 0 and −y for z < 0: c·z = max(z, 0) − y·z ≥ 0 is formed as a product, never as a
        // difference, so ℓ is a sum of two non-negative terms; and σ(z) = 1 − σ(−z) for z ≥ 0 makes the slope for y = 1
        // −σ(−|z|), whose digits σ(z) − 1 would lose (σ(40) rounds to 1). σ(−|z|) = e/(1 + e).
        /// <inheritdoc/>
        public static (double Value, double Slope) At(double z, double y)
        {
            var e = Math.Exp(-Math.Abs(z));
            var s = e / (1 + e);
            // A NaN score takes the z < 0 branch and makes e, and so both results, NaN: divergence stays visible.
            return z >= 0 ? ((1 - y) * z + Log1P(e), (1 - y) - s) : (-y * z + Log1P(e), s - y);
        }

        /// <inheritdoc/>
        /// <remarks>The same steps in four lanes. Vector256.Exp and Vector256.Log are within 2 and 3 ulp of the C
        /// library's exp and log over this domain (measured); Math.Exp and Math.Log lane by lane made the log-loss
        /// sweep twice as slow at d = 5 and 1.3 times at d = 64. A NaN lane fails the comparison and stays NaN through
        /// e. Exp and Log are too large to inline and are tiered like any method: a process's first sweeps of a million
        /// rows run partly on their unoptimised code, some 0.2 s in all.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (Vector256<double> Value, Vector256<double> Slope) At(Vector256<double> z, Vector256<double> y)
        {
            var one = Vector256<double>.One;
            var e = Vector256.Exp(-Vector256.Abs(z));
            var u = one + e;
            var s = e / u;
            var log1p = Vector256.Log(u) - ((u - one) - e) / u; // as in Log1P
            var nonNegative = Vector256.GreaterThanOrEqual(z, Vector256<double>.Zero);
            var c = Vector256.ConditionalSelect(nonNegative, one - y, -y);
            return (Fma.MultiplyAdd(c, z, log1p), c + Vector256.ConditionalSelect(nonNegative, -s, s));
        }

        /// <summary>log(1 + x) for 0 ≤ x ≤ 1 (or NaN), within an ulp or so.</summary>
        /// <remarks>double.LogP1 is Math.Log(x + 1) in .NET 10, which loses x entirely below u (it gives
        /// log1p(1e-17) = 0), and for a confident correct negative score log1p(e) is the whole loss. Here u = 1 + x is
        /// rounded, u = (1 + x)(1 + δ), so log u = log1p(x) + δ + O(δ²). For u ∈ [1, 2] both u − 1 and (u − 1) − x are
        /// exact (Sterbenz; the error of a sum is representable), so ((u − 1) − x)/u is δ to first order, and taking it
        /// off leaves log's own rounding. When u = 1 it gives 0 − (0 − x) = x, as it should.</remarks>
        private static double Log1P(double x)
        {
            var u = 1 + x;
            return Math.Log(u) - ((u - 1) - x) / u;
        }
    }

    /// <summary>The operands of a sweep as raw pointers: x (n×d, row-major), y (n) and w (d), and the bias.</summary>
    private readonly struct Rows(double* x, double* y, double* w, double b, long d)
    {
        /// <summary>The first elements of x, y and w.</summary>
        public readonly double* X = x, Y = y, W = w;
        /// <summary>The bias b.</summary>
        public readonly double B = b;
        /// <summary>The number of features d, the length of a row.</summary>
        public readonly long D = d;
    }

    /// <summary>What onepass.cpp checked — x a matrix, y a vector of n, w of d, b one element, all contiguous float64
    /// on the CPU — and that there is a row to average over. Returns n and d.</summary>
    private static (long N, long D) Validate(ModelKind kind, torch.Tensor x, torch.Tensor y, torch.Tensor w, torch.Tensor b, int threads)
    {
        if (kind is not (ModelKind.Linear or ModelKind.Logistic))
            throw new OutOfDomainException(nameof(kind), $"is {kind}; the kernel knows linear and logistic regression");
        if (threads < 1) throw new OutOfDomainException(nameof(threads), $"is {threads}; it must be ≥ 1");
        Float64OnCpu(x, nameof(x));
        Float64OnCpu(y, nameof(y));
        Float64OnCpu(w, nameof(w));
        Float64OnCpu(b, nameof(b));
        if (x.dim() != 2) throw new DimensionMismatchException(nameof(x), $"has shape {Shape(x)}; it must be a matrix, n rows of d features");
        long n = x.shape[0], d = x.shape[1];
        if (n == 0) throw new EmptyInputException(nameof(x), "has no rows; the mean loss over no rows is undefined");
        if (y.dim() != 1 || y.shape[0] != n)
            throw new DimensionMismatchException(nameof(y), $"has shape {Shape(y)}; it must be a vector of {n}, a target per row of x");
        if (w.dim() != 1 || w.shape[0] != d)
            throw new DimensionMismatchException(nameof(w), $"has shape {Shape(w)}; it must be a vector of {d}, a weight per column of x");
        if (b.numel() != 1) throw new DimensionMismatchException(nameof(b), $"has shape {Shape(b)}; it must hold one element");
        return (n, d);
    }

    /// <summary>Throws unless <paramref name="t"/> is a contiguous float64 CPU tensor, the layout read in place.
    /// </summary>
    private static void Float64OnCpu(torch.Tensor t, string name)
    {
        ArgumentNullException.ThrowIfNull(t, name);
        if (t.dtype != torch.ScalarType.Float64) throw new InvalidInputException(name, $"is {t.dtype}; the kernel reads float64");
        if (t.device_type != DeviceType.CPU) throw new InvalidInputException(name, $"is on {t.device_type}; the kernel reads CPU memory");
        if (!t.is_contiguous()) throw new InvalidInputException(name, $"is not contiguous (strides [{string.Join(", ", t.stride())}])");
    }

    /// <summary>A shape for messages, e.g. [3, 2].</summary>
    private static string Shape(torch.Tensor t) => $"[{string.Join(", ", t.shape)}]";

    /// <summary>The address of the first element of a contiguous CPU tensor, without a copy (null if it is empty).
    /// </summary>
    /// <remarks>Tensor.bytes is TorchSharp's public way to the tensor's own data pointer (libtorch's data_ptr, storage
    /// offset included), as a span. It refuses spans over int.MaxValue bytes, so a larger tensor is reached through a
    /// one-element view of its first element, which has the same address. The memory is libtorch's, not the GC's: it
    /// never moves, and it lives as long as the tensor.</remarks>
    private static double* Address(torch.Tensor t)
    {
        var count = t.numel();
        if (count == 0) return null;
        if (count <= int.MaxValue / sizeof(double)) return (double*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(t.bytes));
        using var flat = t.view(-1);
        using var first = flat.narrow(0, 0, 1);
        return (double*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(first.bytes));
    }
}
