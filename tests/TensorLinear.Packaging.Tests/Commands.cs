using System.Diagnostics;

namespace TensorLinear.Packaging.Tests;

/// <summary>What a command printed and how it ended.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>Fails with the command's whole output unless it exited 0.</summary>
    public CommandResult AssertSucceeded()
    {
        Assert.True(ExitCode == 0, $"{Command} exited {ExitCode} after {Elapsed.TotalSeconds:F1} s:\n{Output}");
        return this;
    }
}

/// <summary>Runs dotnet and the other commands the packaging tests need, as a user's shell would.</summary>
public static class Commands
{
    /// <summary>Runs <paramref name="file"/> in <paramref name="directory"/> with <paramref name="environment"/> on top of a cleaned copy of this process's.</summary>
    public static CommandResult Run(string file, IEnumerable<string> arguments, string directory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // dotnet test hands its own MSBuild and test-host settings down to the test; a user's fresh shell has none,
        // and the consumer's build must not pick up the repository's MSBuild instance or properties through them.
        foreach (var name in start.Environment.Keys.Where(k =>
                     k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) ||
                     k.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        var command = $"{Path.GetFileName(file)} {string.Join(' ', arguments)}";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        // Both streams read at once, so neither pipe fills while the other is awaited.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new CommandResult(command, -1, $"timed out after {timeout.TotalSeconds} s\n{output.Result}{error.Result}", clock.Elapsed);
        }
        return new CommandResult(command, process.ExitCode, output.Result + error.Result, clock.Elapsed);
    }
}
