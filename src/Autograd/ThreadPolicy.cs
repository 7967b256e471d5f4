namespace TensorLinear.Autograd;

/// <summary>
/// How the engine shares the machine's cores between libtorch's intra-op thread pool, the BLAS library's thread pool
/// (OpenBLAS, which does libtorch's matrix products) and TensorLinear's own one-pass training kernel. Set it with
/// <see cref="Torch.ThreadPolicy"/>; <see cref="OnePoolAtATime"/> is applied when the engine loads.
/// </summary>
/// <remarks>
/// <para>The two pools are independent: each starts its own threads, and each keeps them spinning for a while after
/// a parallel region ends, waiting for more work. When both have a thread per core, one pool's spinning threads take
/// the cores the other needs; on a 2-core machine that made mid-size problems up to 13× slower. Exactly one pool
/// therefore gets the cores at any moment.</para>
/// <para>The BLAS pool is controlled only when the BLAS is OpenBLAS (found at run time by its
/// <c>openblas_set_num_threads</c>); other libraries keep their own settings.</para>
/// </remarks>
public enum ThreadPolicy
{
    /// <summary>
    /// The default. BLAS gets every core (the matrix–vector products Xw and Xᵀr, the QR factorisations: where the
    /// time goes), libtorch's intra-op pool one thread (its elementwise work on our problem sizes is small next to
    /// those products), and TensorLinear's own parallel loops every core: the one-pass kernel runs between BLAS calls,
    /// when the BLAS threads are idle, and the blocked QR, whose threads call LAPACK, sets BLAS to one thread while it
    /// runs.
    /// </summary>
    OnePoolAtATime,

    /// <summary>
    /// One thread everywhere: intra-op 1, BLAS 1, one-pass kernel 1. For timings per core, and for results that do not
    /// depend on the machine's core count (the one-pass kernel's sums are added in an order set by its thread count).
    /// </summary>
    SingleThread,

    /// <summary>
    /// libtorch and BLAS as they set themselves up when loaded (libtorch's intra-op count is its guess of the physical
    /// cores, OpenBLAS's is the logical cores or <c>OPENBLAS_NUM_THREADS</c>); the one-pass kernel uses libtorch's
    /// intra-op count. For comparison with the default.
    /// </summary>
    LibraryDefaults,
}
