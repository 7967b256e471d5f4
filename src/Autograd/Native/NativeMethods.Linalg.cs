using System.Runtime.InteropServices;

namespace TensorLinear.Autograd.Native;

// Mirrors native/linalg.cpp.
internal static partial class NativeMethods
{
    [LibraryImport(Library)] internal static partial int tl_linalg_qr_r(IntPtr a, out IntPtr result);
}
