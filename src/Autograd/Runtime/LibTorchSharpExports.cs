using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Runtime;

/// <summary>
/// Calls into TorchSharp's own native library (<c>libLibTorchSharp</c>) where its managed binding is unsafe: the
/// vector norm, whose order TorchSharp 0.107 passes as a temporary <see cref="Scalar"/> that the garbage collector may
/// free while libtorch still reads it.
/// </summary>
/// <remarks>
/// <para>Every TorchSharp method that takes a number converts it to a <see cref="Scalar"/> — a finalizable wrapper of a
/// native <c>c10::Scalar</c> — reads its handle and passes that to native code, with nothing keeping the wrapper alive
/// for the length of the call. A collection during the call runs its finalizer, which frees the native scalar under
/// libtorch's feet. Measured here with a thread forcing collections: 1 failure ("Unknown scalar type") in 200,000
/// <c>linalg.vector_norm(x, 2.5)</c> calls, 21 in 300,000 of <c>x.mul(2.5)</c>; in the test suite, 3 runs of 10 had one.
/// The other operations of ours take numbers as a <see cref="Scalar"/> held by a <c>using</c> local, which lives until
/// after the call; <c>linalg.vector_norm</c> has no overload that takes one, so it is called here with a native scalar
/// this class creates and frees itself.</para>
/// </remarks>
internal static partial class LibTorchSharpExports
{
    private const string Library = "LibTorchSharp";

    /// <summary>Resolves <see cref="Library"/> for this assembly to the copy TorchSharp itself loaded (the patched one, where the libstdc++ fix applied).</summary>
    internal static void RegisterResolver() =>
        NativeLibrary.SetDllImportResolver(typeof(LibTorchSharpExports).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library) return IntPtr.Zero;
        if (Loading.LibStdCxxCompatibility.Outcome.PatchedCopy is { } copy) return NativeLibrary.Load(copy);
        return NativeLibrary.Load(Library, typeof(torch).Assembly, searchPath);
    }

    /// <summary><c>torch.linalg.vector_norm(x, ord, dims, keepdim)</c>, with the order held alive for the whole call.</summary>
    internal static unsafe Tensor VectorNorm(Tensor x, double ord, long[]? dims, bool keepdim)
    {
        var scalar = THSTorch_float64_to_scalar(ord);
        try
        {
            fixed (long* d = dims)
            {
                var result = THSLinalg_vector_norm(x.Handle, scalar, (IntPtr)d, dims?.Length ?? 0, keepdim);
                GC.KeepAlive(x);
                if (result == IntPtr.Zero) torch.CheckForErrors();
                return Tensor.UnsafeCreateTensor(result);
            }
        }
        finally
        {
            THSTorch_dispose_scalar(scalar);
        }
    }

    [LibraryImport(Library)]
    private static partial IntPtr THSTorch_float64_to_scalar(double value);

    [LibraryImport(Library)]
    private static partial void THSTorch_dispose_scalar(IntPtr handle);

    [LibraryImport(Library)]
    private static partial IntPtr THSLinalg_vector_norm(IntPtr tensor, IntPtr ord, IntPtr dim, int dimLength, [MarshalAs(UnmanagedType.U1)] bool keepdim);
}
