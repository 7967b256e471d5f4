using System.Reflection;
using System.Runtime.InteropServices;

namespace TensorLinear.Autograd.Native;

/// <summary>
/// Finds the bridge at run time without environment variables: beside this assembly (the build copies it there),
/// then the application's folder, then <c>TENSORLINEAR_NATIVE</c> if a user set it. libtorch itself is found through
/// the bridge's RPATH. A failure names every path tried, the loader's reason for each, and the fix.
/// </summary>
internal static class NativeLibraryLoader
{
    private const string FileName = "libtensorlinear_native.so";

    /// <summary>Installs the resolver for this assembly; <see cref="NativeMethods"/>'s static constructor calls it before any native call.</summary>
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != NativeMethods.Library) return IntPtr.Zero;
        var failures = new List<string>();
        foreach (var path in Candidates().Distinct())
        {
            if (!File.Exists(path)) { failures.Add($"  {path}: no such file"); continue; }
            try { return NativeLibrary.Load(path); }
            catch (DllNotFoundException e) { failures.Add($"  {path}: {e.Message}"); }
        }
        throw new NativeLibraryException(
            $"The TensorLinear native bridge ({FileName}) could not be loaded. Looked for:{Environment.NewLine}" +
            string.Join(Environment.NewLine, failures) + Environment.NewLine +
            "The bridge is built by CMake against libtorch during 'dotnet build'. To install libtorch and rebuild, run " +
            "./scripts/bootstrap.sh from the repository (apt packages libtorch-dev cmake g++ libopenblas0-pthread), " +
            "or set LIBTORCH=/path/to/libtorch before building.");
    }

    private static IEnumerable<string> Candidates()
    {
        var here = Path.GetDirectoryName(typeof(NativeLibraryLoader).Assembly.Location);
        if (!string.IsNullOrEmpty(here)) yield return Path.Combine(here, FileName);
        yield return Path.Combine(AppContext.BaseDirectory, FileName);
        if (Environment.GetEnvironmentVariable("TENSORLINEAR_NATIVE") is { Length: > 0 } custom) yield return custom;
    }
}
