using System.Runtime.InteropServices;

namespace TensorLinear.Autograd.Native;

// Mirrors native/tensor.cpp.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)] internal static partial void tl_dispose(IntPtr t);
    [LibraryImport(Library)] internal static partial int tl_from_doubles(double* data, long* shape, int ndim, int dtype, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_scalar(double value, int dtype, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_full(long* shape, int ndim, double value, int dtype, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_randn(long* shape, int ndim, int dtype, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_rand(long* shape, int ndim, int dtype, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_to_doubles(IntPtr t, double* destination, long count);
    [LibraryImport(Library)] internal static partial int tl_item(IntPtr t, out double value);
    [LibraryImport(Library)] internal static partial int tl_ndim(IntPtr t, out int ndim);
    [LibraryImport(Library)] internal static partial int tl_shape(IntPtr t, long* destination);
    [LibraryImport(Library)] internal static partial int tl_dtype(IntPtr t, out int dtype);
    [LibraryImport(Library)] internal static partial int tl_to_dtype(IntPtr t, int dtype, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_clone(IntPtr t, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_detach(IntPtr t, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_to_string(IntPtr t, out IntPtr s);
}
