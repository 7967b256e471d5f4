namespace TensorLinear.Autograd.Native;

/// <summary>
/// Applies a <see cref="ThreadPolicy"/>: libtorch's intra-op threads, OpenBLAS's threads, and the thread count of the
/// one-pass kernel. The libraries' own choices are recorded once, at load, before anything is changed, so that
/// <see cref="ThreadPolicy.LibraryDefaults"/> can restore them.
/// </summary>
internal static class ThreadSettings
{
    private static readonly object Gate = new();
    private static int _libraryIntraOp;
    private static int _libraryBlas;

    /// <summary>The policy in force.</summary>
    internal static ThreadPolicy Policy { get; private set; } = ThreadPolicy.OnePoolAtATime;

    /// <summary>How many threads the one-pass kernel splits its rows over.</summary>
    internal static int KernelThreads { get; private set; } = 1;

    /// <summary>Called once by <see cref="NativeMethods"/>'s static constructor, after the bridge is loadable.</summary>
    internal static void ApplyAtLoad()
    {
        // The bridge's first call loads libtorch and OpenBLAS, which is when they pick their thread counts.
        NativeMethods.Check(NativeMethods.tl_get_num_threads(out _libraryIntraOp), "Threads");
        NativeMethods.Check(NativeMethods.tl_blas_get_num_threads(out _libraryBlas), "BlasThreads");
        Apply(Policy);
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
            if (_libraryBlas > 0) NativeMethods.Check(NativeMethods.tl_blas_set_num_threads(Math.Max(1, blas)), "ThreadPolicy");
            KernelThreads = Math.Max(1, kernel);
            Policy = policy;
        }
    }
}
