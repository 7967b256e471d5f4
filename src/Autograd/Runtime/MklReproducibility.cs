using System.Runtime.InteropServices;

namespace TensorLinear.Autograd.Runtime;

/// <summary>
/// Asks libtorch's bundled MKL for results that repeat run to run (MKL's "conditional numerical reproducibility",
/// <c>MKL_CBWR=AUTO,STRICT</c>), unless the user has chosen a mode with <c>MKL_CBWR</c> already.
/// </summary>
/// <remarks>
/// Without it MKL picks code paths by the alignment of each array, so the same dot product of the same values came out
/// one ulp apart in two runs with the same seed (measured in <c>tensorlinear verify</c>: an error of 1.6e-16 in one run,
/// 0 in the next). STRICT keeps the fastest instruction set (AUTO) and fixes the order of operations. MKL reads the
/// variable when it initialises, at its first call, so it must be in the process environment before any tensor
/// operation; on Linux and macOS .NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not
/// reach native code, so libc's <c>setenv</c> is called.
/// </remarks>
internal static partial class MklReproducibility
{
    private const string Variable = "MKL_CBWR";
    private const string Mode = "AUTO,STRICT";

    /// <summary>Sets the mode if the process has none; call before the first libtorch operation.</summary>
    internal static void Request()
    {
        if (OperatingSystem.IsWindows())
        {
            if (Environment.GetEnvironmentVariable(Variable) is null) Environment.SetEnvironmentVariable(Variable, Mode);
            return;
        }
        _ = setenv(Variable, Mode, overwrite: 0); // 0: a value the user set stays
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
