using System.Runtime.InteropServices;

namespace TensorLinear.Autograd.Native;

// Mirrors native/autograd.cpp.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)] internal static partial int tl_set_requires_grad(IntPtr t, int requires);
    [LibraryImport(Library)] internal static partial int tl_requires_grad(IntPtr t, out int requires);
    [LibraryImport(Library)] internal static partial int tl_backward(IntPtr t, IntPtr upstream, int retainGraph, int createGraph);
    [LibraryImport(Library)] internal static partial int tl_grad(IntPtr t, out IntPtr result);
    [LibraryImport(Library)] internal static partial int tl_zero_grad(IntPtr t);
    [LibraryImport(Library)] internal static partial int tl_autograd_grad(IntPtr* outputs, int nOutputs, IntPtr* inputs, int nInputs, IntPtr* upstream, int retainGraph, int createGraph, IntPtr* results);
}
