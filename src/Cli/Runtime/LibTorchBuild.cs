using System.Runtime.InteropServices;
using TensorLinear.Autograd;

namespace TensorLinear.Cli.Runtime;

/// <summary>
/// What the loaded libtorch says it was built with. TorchSharp has no binding for <c>at::Context::hasMKL()</c> (PyTorch's
/// <c>torch.backends.mkl.is_available()</c>), so it is called through libtorch's exported symbol.
/// </summary>
internal static class LibTorchBuild
{
    // at::Context::hasMKL() is a static member function, no arguments, returning bool: its Itanium (Linux, macOS) and
    // MSVC (Windows) names.
    private static readonly string[] HasMklSymbols = ["_ZN2at7Context6hasMKLEv", "?hasMKL@Context@at@@SA_NXZ"];

    // A C++ bool is one byte (AL on x64): reading a byte ignores whatever the callee left in the rest of the register.
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate byte BoolFunction();

    /// <summary>
    /// Whether libtorch was built with MKL, as libtorch reports it; null when its library or the function cannot be
    /// found (then nothing is claimed). Call only once the engine is loaded (<see cref="Torch.Initialize"/>).
    /// </summary>
    public static bool? HasMkl()
    {
        // By the bare name the loader returns the copy already loaded (matched by its soname), not another one.
        var name = OperatingSystem.IsWindows() ? "torch_cpu.dll" : OperatingSystem.IsMacOS() ? "libtorch_cpu.dylib" : "libtorch_cpu.so";
        if (!NativeLibrary.TryLoad(name, out var library)) return null;
        try
        {
            foreach (var symbol in HasMklSymbols)
                if (NativeLibrary.TryGetExport(library, symbol, out var function))
                    return Marshal.GetDelegateForFunctionPointer<BoolFunction>(function)() != 0;
            return null;
        }
        finally
        {
            NativeLibrary.Free(library); // one reference of ours; TorchSharp keeps its own
        }
    }
}
