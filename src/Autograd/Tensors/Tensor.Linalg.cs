using TensorLinear.Autograd.Native;

namespace TensorLinear.Autograd;

// Factorisations (LAPACK through libtorch).
public sealed partial class Tensor
{
    /// <summary>
    /// The upper-triangular factor R of the reduced Householder QR factorisation A = QR of this m×n matrix
    /// (LAPACK geqrf): min(m, n)×n, batched over any leading dimensions. Q is not formed. Signs follow LAPACK (the
    /// diagonal may be negative).
    /// </summary>
    public Tensor QrR() => FromNative(NativeMethods.tl_linalg_qr_r(Handle, out var r), r, "QrR", this);
}
