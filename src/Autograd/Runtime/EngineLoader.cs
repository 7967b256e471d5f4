using System.Runtime.InteropServices;
using TensorLinear.Autograd.Loading;
using TorchSharp;

namespace TensorLinear.Autograd.Runtime;

/// <summary>
/// Loads TorchSharp once per process: the libstdc++ fix first (TorchSharp's native library must not be probed before
/// it), then one TorchSharp call that loads libtorch, then the default thread policy. A failure is kept and raised
/// again, with the same message, by every later call.
/// </summary>
internal static class EngineLoader
{
    private static readonly Lazy<Exception?> Failure = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Loads the engine if it is not loaded yet.</summary>
    /// <exception cref="NativeLibraryException">TorchSharp's native libraries cannot be loaded.</exception>
    internal static void Ensure()
    {
        if (Failure.Value is { } failure) throw new NativeLibraryException(failure.Message, failure.InnerException);
    }

    private static Exception? Load()
    {
        NativeEnvironment.Prepare();
        var fix = LibStdCxxCompatibility.Apply();
        // TorchSharp writes its whole loading trace (tens of lines) to stdout before it throws; the exception's first
        // line, which the message below keeps, says what failed. So stdout is held back during the one call that loads.
        var stdout = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            ThreadSettings.ApplyAtLoad(torch.get_num_threads());
            return null;
        }
        catch (Exception e) when (e is TypeInitializationException or NotSupportedException or DllNotFoundException or EntryPointNotFoundException or ExternalException)
        {
            var cause = e is TypeInitializationException { InnerException: { } inner } ? inner : e;
            return new NativeLibraryException(
                $"TorchSharp {Torch.TorchSharpVersion} could not load libtorch: {FirstLine(cause.Message)}{Environment.NewLine}" +
                $"  libstdc++ fix: {fix.Kind} — {fix.Reason}{Environment.NewLine}" +
                "  TorchSharp-cpu needs Linux x64 with glibc ≥ 2.34 (Debian 12, Ubuntu 22.04 or newer), Windows x64 or macOS arm64, " +
                "and the package TorchSharp-cpu 0.107.0 referenced by the application so that its libtorch-cpu files are copied beside it. " +
                "Rebuild with 'dotnet build' (or run ./scripts/bootstrap.sh in the repository).", cause);
        }
        finally
        {
            Console.SetOut(stdout);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
