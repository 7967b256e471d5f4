using System.Runtime.InteropServices;

namespace TensorLinear.Autograd.Native;

// Mirrors native/ops.cpp.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)] internal static partial int tl_add(IntPtr a, IntPtr b, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_sub(IntPtr a, IntPtr b, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_mul(IntPtr a, IntPtr b, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_div(IntPtr a, IntPtr b, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_pow(IntPtr a, IntPtr b, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_add_scalar(IntPtr a, double s, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_sub_scalar(IntPtr a, double s, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_rsub_scalar(IntPtr a, double s, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_mul_scalar(IntPtr a, double s, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_div_scalar(IntPtr a, double s, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_rdiv_scalar(IntPtr a, double s, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_pow_scalar(IntPtr a, double s, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_neg(IntPtr a, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_matmul(IntPtr a, IntPtr b, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_mv(IntPtr a, IntPtr b, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_dot(IntPtr a, IntPtr b, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_abs(IntPtr a, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_sign(IntPtr a, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_sqrt(IntPtr a, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_exp(IntPtr a, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_log(IntPtr a, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_log1p(IntPtr a, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_sigmoid(IntPtr a, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_log_sigmoid(IntPtr a, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_softplus(IntPtr a, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_atan2(IntPtr a, IntPtr b, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_maximum(IntPtr a, IntPtr b, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_minimum(IntPtr a, IntPtr b, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_clamp(IntPtr a, double lo, double hi, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_where(IntPtr mask, IntPtr a, IntPtr b, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_compare(IntPtr a, IntPtr b, int op, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_compare_scalar(IntPtr a, double s, int op, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_sum(IntPtr a, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_mean(IntPtr a, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_max_all(IntPtr a, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_min_all(IntPtr a, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_sum_dim(IntPtr a, long dim, int keepdim, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_mean_dim(IntPtr a, long dim, int keepdim, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_vector_norm(IntPtr a, double p, int hasDim, long dim, int keepdim, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_transpose(IntPtr a, long d0, long d1, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_reshape(IntPtr a, long* shape, int ndim, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_narrow(IntPtr a, long dim, long start, long length, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_select(IntPtr a, long dim, long index, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_cat(IntPtr* parts, int count, long dim, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_bce_with_logits(IntPtr logits, IntPtr target, int reduction, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_bce(IntPtr probabilities, IntPtr target, int reduction, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_mse_loss(IntPtr input, IntPtr target, int reduction, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_sub_scaled_(IntPtr a, IntPtr b, double alpha);
    [LibraryImport(Library)] internal static partial int tl_copy_(IntPtr a, IntPtr b);
}
