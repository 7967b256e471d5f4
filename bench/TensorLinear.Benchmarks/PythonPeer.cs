using System.Diagnostics;
using System.Text.Json;

namespace TensorLinear.Benchmarks;

/// <summary>
/// Runs bench/python/bench.py with Debian's /usr/bin/python3 (python3-torch: libtorch 1.13, older than TorchSharp's
/// 2.10, with Debian's OpenBLAS) when it exists and imports torch, and collects its results. Another python3 on PATH (pyenv, a virtualenv) usually has no torch, or a
/// different one, so only /usr/bin/python3 is tried unless TENSORLINEAR_PYTHON names another interpreter.
/// </summary>
internal static class PythonPeer
{
    public static string Interpreter => Environment.GetEnvironmentVariable("TENSORLINEAR_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    /// <summary>Why the peer cannot run, or null when it can.</summary>
    public static string? Unavailable()
    {
        if (!File.Exists(Interpreter)) return $"{Interpreter} does not exist";
        var (code, _, error) = Run(["-c", "import torch, numpy"], TimeSpan.FromMinutes(1), echo: false);
        return code == 0 ? null : $"{Interpreter} cannot import torch and numpy ({error.Trim().Split('\n').LastOrDefault()}); install them with: sudo apt-get install python3-torch python3-numpy";
    }

    /// <summary>Runs the peer with the given sections and returns its measurements by key ("py/…"), plus its INFO line.</summary>
    public static (Dictionary<string, Measurement> Results, string Info) Measure(IEnumerable<string> arguments)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "python", "bench.py");
        var (code, output, error) = Run([script, .. arguments], TimeSpan.FromMinutes(8), echo: true);
        if (code != 0) throw new InvalidOperationException($"the Python peer failed (exit {code}): {error}");
        var results = new Dictionary<string, Measurement>();
        var info = "";
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("INFO ", StringComparison.Ordinal)) info = line[5..];
            if (!line.StartsWith("RESULT ", StringComparison.Ordinal)) continue;
            using var json = JsonDocument.Parse(line[7..]);
            var key = "py/" + json.RootElement.GetProperty("key").GetString();
            var seconds = json.RootElement.GetProperty("seconds").EnumerateArray().Select(e => e.GetDouble());
            results[key] = Measurement.FromSamples(key, seconds);
        }
        return (results, info);
    }

    private static string Summary(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var seconds = doc.RootElement.GetProperty("seconds").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return $"{doc.RootElement.GetProperty("key").GetString()}: median {seconds[seconds.Length / 2] * 1e3:G4} ms ({seconds.Length} runs)";
    }

    private static (int Code, string Output, string Error) Run(string[] arguments, TimeSpan timeout, bool echo)
    {
        var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            output.AppendLine(e.Data);
            if (echo && e.Data.StartsWith("RESULT ", StringComparison.Ordinal)) Console.WriteLine($"  python: {Summary(e.Data[7..])}");
        };
        process.BeginOutputReadLine();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output.ToString(), "timed out");
        }
        process.WaitForExit();
        return (process.ExitCode, output.ToString(), error.Result);
    }
}
