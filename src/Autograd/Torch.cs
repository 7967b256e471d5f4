using TensorLinear.Autograd.Native;

namespace TensorLinear.Autograd;

/// <summary>
/// The engine as a whole: version and threads, seeding, memory scopes, gradient mode, and derivatives of tensor
/// functions (gradients, Hessians, Hessian–vector products) from autograd.
/// </summary>
public static class Torch
{
    /// <summary>libtorch's version, e.g. "1.13.1".</summary>
    public static string Version
    {
        get
        {
            NativeMethods.Check(NativeMethods.tl_version(out var s), "Version");
            return NativeMethods.TakeString(s);
        }
    }

    /// <summary>The number of intra-op threads libtorch uses (1 under the default <see cref="ThreadPolicy"/>).</summary>
    public static int Threads
    {
        get
        {
            NativeMethods.Check(NativeMethods.tl_get_num_threads(out var n), "Threads");
            return n;
        }
        set
        {
            if (value < 1) throw new OutOfDomainException(nameof(Threads), $"is {value}; it must be ≥ 1");
            NativeMethods.Check(NativeMethods.tl_set_num_threads(value), "Threads");
        }
    }

    /// <summary>
    /// How the engine divides the cores between libtorch's intra-op pool, the BLAS pool and the one-pass training
    /// kernel; <see cref="Autograd.ThreadPolicy.OnePoolAtATime"/> unless set. Setting it applies it at once (it sets
    /// <see cref="Threads"/> and <see cref="BlasThreads"/>), for the whole process.
    /// </summary>
    public static ThreadPolicy ThreadPolicy
    {
        get
        {
            _ = Version; // loading the bridge applies the default
            return ThreadSettings.Policy;
        }
        set
        {
            _ = Version;
            ThreadSettings.Apply(value);
        }
    }

    /// <summary>
    /// The number of threads OpenBLAS uses for matrix products, or 0 when the BLAS library is not OpenBLAS (whose
    /// threads TensorLinear then leaves alone). Usually set through <see cref="ThreadPolicy"/>.
    /// </summary>
    public static int BlasThreads
    {
        get
        {
            NativeMethods.Check(NativeMethods.tl_blas_get_num_threads(out var n), "BlasThreads");
            return n;
        }
        set
        {
            if (value < 1) throw new OutOfDomainException(nameof(BlasThreads), $"is {value}; it must be ≥ 1");
            NativeMethods.Check(NativeMethods.tl_blas_set_num_threads(value), "BlasThreads");
        }
    }

    /// <summary>
    /// The number of threads TensorLinear's own parallel loops use — the one-pass training kernel and the blocked QR of
    /// <see cref="Models.TensorLeastSquares"/> — set by <see cref="ThreadPolicy"/>.
    /// </summary>
    public static int KernelThreads
    {
        get
        {
            _ = Version;
            return ThreadSettings.KernelThreads;
        }
    }

    /// <summary>libtorch's description of its parallel backends (OpenMP, MKL, thread counts).</summary>
    public static string ParallelInfo
    {
        get
        {
            NativeMethods.Check(NativeMethods.tl_parallel_info(out var s), "ParallelInfo");
            return NativeMethods.TakeString(s);
        }
    }

    /// <summary>
    /// The BLAS library this process has loaded for libtorch's matrix products, read from the process's memory map
    /// (the file <c>libblas.so.3</c> resolves to), or null when none is loaded yet.
    /// </summary>
    public static string? BlasLibrary
    {
        get
        {
            _ = Version; // make sure the bridge, and through it libtorch and BLAS, are loaded
            const string maps = "/proc/self/maps";
            if (!File.Exists(maps)) return null;
            return File.ReadLines(maps)
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(f => f.Length >= 6 && f[5].Contains("blas", StringComparison.OrdinalIgnoreCase))
                .Select(f => f[5])
                .FirstOrDefault();
        }
    }

    /// <summary>Seeds libtorch's random generator, so that random tensors repeat.</summary>
    public static void ManualSeed(ulong seed) => NativeMethods.Check(NativeMethods.tl_manual_seed(seed), "ManualSeed");

    /// <summary>Opens a <see cref="TensorScope"/> that owns every tensor created on this thread until it is disposed.</summary>
    public static TensorScope NewScope() => new();

    /// <summary>Turns gradient recording off on this thread until the returned scope is disposed.</summary>
    public static NoGradScope NoGrad() => new();

    /// <summary>Whether autograd records operations on this thread right now.</summary>
    public static bool IsGradEnabled
    {
        get
        {
            NativeMethods.Check(NativeMethods.tl_get_grad_enabled(out var enabled), "IsGradEnabled");
            return enabled != 0;
        }
    }

    /// <summary>
    /// The gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/> (PyTorch's
    /// <c>torch.autograd.grad</c>), without touching any <see cref="Tensor.Grad"/>. An input the outputs do not
    /// depend on gets zeros.
    /// </summary>
    /// <param name="outputs">Tensors to differentiate; scalars unless <paramref name="upstream"/> is given.</param>
    /// <param name="inputs">Tensors that require gradients.</param>
    /// <param name="upstream">One upstream gradient per output (vector–Jacobian products), or null for scalar outputs.</param>
    /// <param name="createGraph">Record the gradient computation so that it can be differentiated again (second derivatives).</param>
    /// <param name="retainGraph">Keep the graph for another pass; defaults to <paramref name="createGraph"/>.</param>
    public static unsafe Tensor[] Gradients(IReadOnlyList<Tensor> outputs, IReadOnlyList<Tensor> inputs,
                                            IReadOnlyList<Tensor>? upstream = null, bool createGraph = false, bool? retainGraph = null)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(inputs);
        if (upstream is not null && upstream.Count != outputs.Count)
            throw new DimensionMismatchException(nameof(upstream), $"has {upstream.Count} tensors but there are {outputs.Count} outputs");
        var outs = outputs.Select(t => t.Handle).ToArray();
        var ins = inputs.Select(t => t.Handle).ToArray();
        var ups = upstream?.Select(t => t.Handle).ToArray();
        var results = new IntPtr[ins.Length];
        int status;
        fixed (IntPtr* o = outs, i = ins, u = ups, r = results)
            status = NativeMethods.tl_autograd_grad(o, outs.Length, i, ins.Length, u, (retainGraph ?? createGraph) ? 1 : 0, createGraph ? 1 : 0, r);
        if (status != 0)
            throw new TorchException($"Gradients of {outs.Length} output(s) with respect to {ins.Length} input(s)", NativeMethods.TakeError());
        GC.KeepAlive(outputs);
        GC.KeepAlive(inputs);
        GC.KeepAlive(upstream);
        return results.Select(h => Tensor.FromNative(0, h, "Gradients")).ToArray();
    }

    /// <summary>The gradient of a scalar <paramref name="output"/> with respect to <paramref name="input"/>.</summary>
    public static Tensor Gradient(Tensor output, Tensor input, bool createGraph = false) =>
        Gradients([output], [input], null, createGraph)[0];

    /// <summary>
    /// The Hessian of a scalar function f at x (a vector), by double backward: the gradient with its graph kept, then
    /// each of its components differentiated again. Returns an n×n matrix.
    /// </summary>
    public static double[,] Hessian(Func<Tensor, Tensor> f, double[] x)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        using var scope = NewScope();
        var input = Tensor.FromArray(x).RequireGrad();
        var gradient = Gradient(f(input), input, createGraph: true);
        var n = x.Length;
        var hessian = new double[n, n];
        // A gradient with no graph does not depend on x (f is affine; pytorch issue 32304): the Hessian is zero, and
        // differentiating it again would make libtorch throw.
        if (!gradient.RequiresGrad) return hessian;
        for (var i = 0; i < n; i++)
        {
            var row = Gradients([gradient.Select(0, i)], [input], null, createGraph: false, retainGraph: true)[0].ToArray();
            for (var j = 0; j < n; j++) hessian[i, j] = row[j];
        }
        return hessian;
    }

    /// <summary>
    /// The Hessian–vector product ∇²f(x)·v by double backward — the gradient of ∇f(x)ᵀv — without forming the Hessian.
    /// </summary>
    public static double[] HessianVectorProduct(Func<Tensor, Tensor> f, double[] x, double[] v)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(v);
        if (v.Length != x.Length) throw new DimensionMismatchException(nameof(v), $"has length {v.Length} but x has length {x.Length}");
        using var scope = NewScope();
        var input = Tensor.FromArray(x).RequireGrad();
        var gradient = Gradient(f(input), input, createGraph: true);
        if (!gradient.RequiresGrad) return new double[x.Length]; // f is affine: its Hessian, and so ∇²f·v, is zero
        var directional = gradient.Dot(Tensor.FromArray(v));
        return Gradient(directional, input).ToArray();
    }
}
