using System.Runtime.InteropServices;

namespace TensorLinear.Autograd.Native;

// Turns the bridge's status codes into .NET exceptions carrying libtorch's message.
internal static partial class NativeMethods
{
    /// <summary>Throws a <see cref="TorchException"/> for a failed call, naming the operation.</summary>
    internal static void Check(int status, string operation)
    {
        if (status != 0) throw new TorchException(operation, TakeError());
    }

    /// <summary>The message of the last failed call on this thread, taken from the bridge's slot and freed.</summary>
    internal static string TakeError()
    {
        var p = tl_take_error();
        if (p == IntPtr.Zero) return "libtorch reported a failure without a message";
        try { return Marshal.PtrToStringUTF8(p) ?? string.Empty; }
        finally { tl_free_string(p); }
    }

    /// <summary>Reads and frees a string the bridge allocated for the caller.</summary>
    internal static string TakeString(IntPtr p)
    {
        try { return Marshal.PtrToStringUTF8(p) ?? string.Empty; }
        finally { tl_free_string(p); }
    }
}
