namespace TensorLinear.Autograd.Native;

/// <summary>
/// Applies a <see cref="ThreadPolicy"/>: libtorch's intra-op threads, OpenBLAS's threads, and the thread count of
/// TensorLinear's own parallel loops (the one-pass kernel, the blocked QR). The libraries' own choices are recorded once, at load, before anything is changed, so that
/// <see cref="ThreadPolicy.LibraryDefaults"/> can restore them.
/// </summary>
internal static class ThreadSettings
{
    private static readonly object Gate = new();
    private static int _libraryIntraOp;
    private static int _libraryBlas;
    private static int _kernelSections;     // open KernelsOwnTheCores sections
    private static int _blasBeforeKernels;  // OpenBLAS's count to restore when the last one closes

    /// <summary>The policy in force.</summary>
    internal static ThreadPolicy Policy { get; private set; } = ThreadPolicy.OnePoolAtATime;

    /// <summary>How many threads TensorLinear's own parallel loops use.</summary>
    internal static int KernelThreads { get; private set; } = 1;

    /// <summary>Called once by <see cref="NativeMethods"/>'s static constructor, after the bridge is loadable.</summary>
    internal static void ApplyAtLoad()
    {
        // The bridge's first call loads libtorch and OpenBLAS, which is when they pick their thread counts.
        NativeMethods.Check(NativeMethods.tl_get_num_threads(out _libraryIntraOp), "Threads");
        NativeMethods.Check(NativeMethods.tl_blas_get_num_threads(out _libraryBlas), "BlasThreads");
        Apply(Policy);
    }

    /// <summary>
    /// For a parallel loop of TensorLinear's own whose threads call BLAS (the blocked QR): while it runs, OpenBLAS is
    /// set to one thread, so that the two pools do not each put a thread on every core, and the policy's count comes
    /// back when the last such loop ends. Dispose the result to end the section.
    /// </summary>
    internal static IDisposable KernelsOwnTheCores()
    {
        lock (Gate)
        {
            if (_kernelSections++ == 0 && _libraryBlas > 0)
            {
                NativeMethods.Check(NativeMethods.tl_blas_get_num_threads(out _blasBeforeKernels), "BlasThreads");
                if (_blasBeforeKernels > 1) NativeMethods.Check(NativeMethods.tl_blas_set_num_threads(1), "BlasThreads");
            }
        }
        return new Section();
    }

    private sealed class Section : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) != 0) return;
            lock (Gate)
            {
                if (--_kernelSections == 0 && _libraryBlas > 0 && _blasBeforeKernels > 1)
                    NativeMethods.Check(NativeMethods.tl_blas_set_num_threads(_blasBeforeKernels), "BlasThreads");
            }
        }
    }

    internal static void Apply(ThreadPolicy policy)
    {
        var cores = Math.Max(1, Environment.ProcessorCount);
        lock (Gate)
        {
            var (intraOp, blas, kernel) = policy switch
            {
                ThreadPolicy.OnePoolAtATime => (1, cores, cores),
                ThreadPolicy.SingleThread => (1, 1, 1),
                ThreadPolicy.LibraryDefaults => (_libraryIntraOp, _libraryBlas, _libraryIntraOp),
                _ => throw new OutOfDomainException(nameof(policy), $"is {policy}, which is not a thread policy"),
            };
            NativeMethods.Check(NativeMethods.tl_set_num_threads(Math.Max(1, intraOp)), "ThreadPolicy");
            if (_libraryBlas > 0 && _kernelSections > 0) _blasBeforeKernels = Math.Max(1, blas); // set when the kernels end
            else if (_libraryBlas > 0) NativeMethods.Check(NativeMethods.tl_blas_set_num_threads(Math.Max(1, blas)), "ThreadPolicy");
            KernelThreads = Math.Max(1, kernel);
            Policy = policy;
        }
    }
}
