using System.Runtime.CompilerServices;

namespace TensorLinear.Autograd.Loading;

/// <summary>
/// Prepares the process for TorchSharp as soon as this assembly is loaded, before any TorchSharp call of ours: the
/// MKL and OpenMP settings, the resolver of our own calls into TorchSharp's native library, then the libstdc++ fix.
/// </summary>
internal static class ModuleLoad
{
    // A module initializer in a library is usually a smell (CA2255); here it is the point: a caller who touches any
    // TensorLinear type before calling TorchSharp gets a loadable TorchSharp. Neither step throws.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void Load()
    {
        Runtime.NativeEnvironment.Prepare();
        Runtime.LibTorchSharpExports.RegisterResolver();
        LibStdCxxCompatibility.Apply();
    }
#pragma warning restore CA2255
}
