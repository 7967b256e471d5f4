using System.Runtime.InteropServices;

namespace TensorLinear.Autograd.Native;

// Mirrors native/onepass.cpp.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)] internal static partial int tl_onepass_sums(int kind, IntPtr x, IntPtr y, IntPtr w, IntPtr b, long start, long count, double* sums);
}
