using System.Runtime.InteropServices;

namespace TensorLinear.Autograd.Native;

// Mirrors native/runtime.cpp. Every export returns 0 on success and 1 on failure (see NativeMethods.Check).
internal static partial class NativeMethods
{
    internal const string Library = "tensorlinear_native";

    // An explicit static constructor runs before the first native call, so the resolver is always in place and the
    // default thread policy is applied before any tensor exists. A bridge that cannot be loaded must not throw from
    // here — that would break this type for good behind a TypeInitializationException — so the failure is left to
    // the first native call, where the resolver raises it again as a NativeLibraryException with its message.
    static NativeMethods()
    {
        NativeLibraryLoader.Register();
        try { ThreadSettings.ApplyAtLoad(); }
        catch (NativeLibraryException) { }
    }

    [LibraryImport(Library)] internal static partial IntPtr tl_take_error();
    [LibraryImport(Library)] internal static partial void tl_free_string(IntPtr s);
    [LibraryImport(Library)] internal static partial int tl_version(out IntPtr s);
    [LibraryImport(Library)] internal static partial int tl_get_num_threads(out int n);
    [LibraryImport(Library)] internal static partial int tl_set_num_threads(int n);
    [LibraryImport(Library)] internal static partial int tl_blas_get_num_threads(out int n);
    [LibraryImport(Library)] internal static partial int tl_blas_set_num_threads(int n);
    [LibraryImport(Library)] internal static partial int tl_manual_seed(ulong seed);
    [LibraryImport(Library)] internal static partial int tl_parallel_info(out IntPtr s);
    [LibraryImport(Library)] internal static partial int tl_get_grad_enabled(out int enabled);
    [LibraryImport(Library)] internal static partial int tl_set_grad_enabled(int enabled);
}
