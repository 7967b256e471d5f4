namespace TensorLinear.Autograd;

/// <summary>
/// How the engine shares the machine's cores between libtorch's thread pool and TensorLinear's own parallel loops
/// (the one-pass training kernel, the blocked QR). Set it with <see cref="Torch.ThreadPolicy"/>;
/// <see cref="OnePoolAtATime"/> is applied when the engine loads.
/// </summary>
/// <remarks>
/// libtorch 2.10 (TorchSharp-cpu) runs its elementwise kernels and its bundled MKL on one OpenMP pool. TensorLinear's
/// loops run between libtorch calls, and the blocked QR, whose threads call LAPACK through libtorch, sets libtorch to
/// one thread while it runs, so exactly one pool has the cores at any moment: two pools each spinning a thread per
/// core made mid-size problems up to 13× slower on a 2-core machine.
/// </remarks>
public enum ThreadPolicy
{
    /// <summary>
    /// The default: libtorch gets every core (the matrix–vector products Xw and Xᵀr, where the time goes), and so do
    /// TensorLinear's own loops, which run when libtorch's threads are idle.
    /// </summary>
    OnePoolAtATime,

    /// <summary>
    /// One thread everywhere: libtorch 1, TensorLinear's loops 1. For timings per core, and for results that do not
    /// depend on the machine's core count (the one-pass kernel's sums are added in an order set by its thread count).
    /// </summary>
    SingleThread,

    /// <summary>
    /// libtorch as it set itself up when loaded (its guess of the physical cores, or <c>OMP_NUM_THREADS</c>), and the
    /// same count for TensorLinear's loops. For comparison with the default.
    /// </summary>
    LibraryDefaults,
}
