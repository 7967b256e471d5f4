using System.Runtime.InteropServices;

namespace TensorLinear.Autograd.Runtime;

/// <summary>
/// Settings libtorch's bundled MKL and OpenMP read from the environment when they initialise, put there before
/// libtorch's first operation — each only where the user has not set it already.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>MKL_CBWR=AUTO,STRICT</c>: results that repeat run to run. Without it MKL picks code paths by the alignment
/// of each array, and the same dot product of the same values came out one ulp apart in two runs of
/// <c>tensorlinear verify</c> with one seed (1.6e-16 in one, 0 in the next). STRICT keeps the fastest instruction set
/// (AUTO) and fixes the order of operations.</item>
/// <item><c>OMP_WAIT_POLICY=PASSIVE</c>: OpenMP's idle threads sleep instead of spinning. Spinning threads take a core
/// from whatever runs next — our own loops, the next small libtorch call, another process: measured here, 50 cases per
/// derivation of <c>tensorlinear verify</c> took 16.4 s of CPU with two spinning threads beside another busy process,
/// 5.9 s with passive ones (6.0 s with one thread). A sleeping thread costs one wake-up per parallel region, which is
/// nothing next to the large products that use the pool.</item>
/// </list>
/// The libraries read the variables from the C runtime's environment; on Linux and macOS
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach it, so libc's <c>setenv</c> is called.
/// </remarks>
internal static partial class NativeEnvironment
{
    private static readonly (string Name, string Value)[] Settings = [("MKL_CBWR", "AUTO,STRICT"), ("OMP_WAIT_POLICY", "PASSIVE")];

    /// <summary>Sets each variable the process does not have; call before the first libtorch operation.</summary>
    internal static void Prepare()
    {
        foreach (var (name, value) in Settings)
        {
            if (OperatingSystem.IsWindows())
            {
                if (Environment.GetEnvironmentVariable(name) is null) Environment.SetEnvironmentVariable(name, value);
            }
            else _ = setenv(name, value, overwrite: 0); // 0: a value the user set stays
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
