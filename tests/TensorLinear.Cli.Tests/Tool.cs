using System.Diagnostics;
using System.Text.Json;

namespace TensorLinear.Cli.Tests;

/// <summary>What a run of the tool produced.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error)
{
    /// <summary>The output parsed as the single JSON document --json promises.</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Output);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the contract for bad input: exit code 2, nothing on stdout, one line on stderr and no stack trace.</summary>
    public string AssertBadInput() => AssertOneLineFailure(2);

    /// <summary>Asserts the contract for a failure: the exit code given, nothing on stdout, one line on stderr and no stack trace.</summary>
    public string AssertOneLineFailure(int exitCode)
    {
        Assert.True(ExitCode == exitCode, $"exit code {ExitCode}, stderr: {Error}");
        Assert.Equal("", Output);
        var lines = Error.TrimEnd().Split('\n');
        Assert.True(lines.Length == 1, $"stderr has {lines.Length} lines:\n{Error}");
        Assert.StartsWith("tensorlinear: ", lines[0]);
        Assert.DoesNotContain("   at ", Error);
        Assert.DoesNotContain("Exception", Error);
        return lines[0];
    }
}

/// <summary>Runs <c>tensorlinear</c> in-process through <see cref="CliApp.Run(string[], TextReader, TextWriter, TextWriter)"/>, or as a process from its built dll.</summary>
public static class Tool
{
    /// <summary>Runs the tool in-process with captured output.</summary>
    public static ToolResult Run(params string[] args) => RunWithInput("", args);

    /// <summary>Runs the tool in-process with <paramref name="input"/> as its standard input.</summary>
    public static ToolResult RunWithInput(string input, params string[] args)
    {
        using StringWriter output = new(), error = new();
        var code = CliApp.Run(args, new StringReader(input), output, error);
        return new ToolResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the tool as a process, <c>dotnet tensorlinear.dll args</c>, from the build output beside the tests.</summary>
    public static ToolResult RunProcess(params string[] args) =>
        RunProcessAt(Path.Combine(AppContext.BaseDirectory, "tensorlinear.dll"), args);

    /// <summary>
    /// Runs the given build of the tool as a process, <c>dotnet path args</c>, in the tests' build output, with
    /// <paramref name="environment"/>'s variables set on top of this process's.
    /// </summary>
    public static ToolResult RunProcessAt(string toolPath, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(toolPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"tensorlinear {string.Join(' ', args)} did not finish in two minutes");
        }
        return new ToolResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>A test data file (tests/TensorLinear.Cli.Tests/Data).</summary>
    public static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    /// <summary>A documented example data file (docs/examples/data).</summary>
    public static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "Examples", name);

    /// <summary>The repository's root, found from the test's build output.</summary>
    public static string Repository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TensorLinear.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("the repository root (TensorLinear.sln) is not above the test output");
    }
}
