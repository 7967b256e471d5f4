using System.Diagnostics;

namespace TensorLinear.Autograd.Tests;

/// <summary>
/// Runs <c>tensorlinear-probe</c> (tests/TensorLinear.Autograd.Probe), copied beside this assembly by the project
/// reference, as a child process: a case that aborted in-process would take the whole test run with it.
/// </summary>
internal static class ProbeProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>The probe's path; fails with what to do if the build did not copy it.</summary>
    internal static string Dll
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "tensorlinear-probe.dll");
            if (!File.Exists(path) || !File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")))
                throw new FileNotFoundException($"tensorlinear-probe.dll and its runtimeconfig.json must be beside the tests ({AppContext.BaseDirectory}); "
                                                + "build tests/TensorLinear.Autograd.Tests, whose project reference to the probe copies them", path);
            return path;
        }
    }

    /// <summary>Starts the probe on <paramref name="probeCase"/>, with extra environment variables, without waiting.</summary>
    internal static Process Start(string probeCase, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Dll);
        info.ArgumentList.Add(probeCase);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet could not be started");
    }

    /// <summary>Waits for a started probe and collects what it printed; kills it after two minutes.</summary>
    internal static ProbeRun Finish(Process process)
    {
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"tensorlinear-probe did not finish within {Timeout.TotalSeconds} s");
            }
            process.WaitForExit(); // let the output readers drain
            return new ProbeRun(process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    /// <summary>Runs the probe on one case and waits for it.</summary>
    internal static ProbeRun Run(string probeCase, IReadOnlyDictionary<string, string>? environment = null) =>
        Finish(Start(probeCase, environment));
}

/// <summary>What one run printed and how it ended.</summary>
/// <param name="ExitCode">0 if the process lived; 134 is SIGABRT (libtorch's uncaught c10::Error), 139 SIGSEGV.</param>
/// <param name="Stdout">Everything the probe wrote to standard output.</param>
/// <param name="Stderr">Everything it, the runtime or libtorch wrote to standard error.</param>
internal sealed record ProbeRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The outcome line and anything printed after it, trimmed: a message of several lines stays whole.</summary>
    public string Outcome
    {
        get
        {
            var at = Stdout.IndexOf("outcome: ", StringComparison.Ordinal);
            return at < 0 ? "" : Stdout[at..].Trim();
        }
    }

    /// <summary>A summary for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout: {Stdout}{Environment.NewLine}stderr: {Stderr}";
}
