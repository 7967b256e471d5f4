using System.Diagnostics;
using System.Text;

namespace TensorLinear.Cli.Tests;

/// <summary>
/// An output the system refuses — stdout on a full disk or closed, a plot in a missing directory — is one line on
/// stderr and exit code 4, never a stack trace; a plot that would overwrite an input, or is a directory, is refused.
/// </summary>
public class OutputFailureTests
{
    public static TheoryData<string> Commands() => new()
    {
        "engine",
        "engine --json",
        "calc dot 1,2 3,4",
        "calc dot 1,2 3,4 --json",
        "verify --cases 1",
        "verify --cases 1 --json",
        "fit --data Examples/houses.csv --target price --model linear",
        "fit --data Examples/houses.csv --target price --model linear --json",
        "--help",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void AFullStdoutIsOneLineAndExitCodeFour(string command)
    {
        var error = new StringWriter();
        var code = CliApp.Run(command.Split(' '), new FullWriter(), error);
        Assert.Equal(4, code);
        Assert.Equal("tensorlinear: cannot write to stdout: No space left on device", error.ToString().TrimEnd());
    }

    [Theory]
    [InlineData("engine --json", "> /dev/full", "No space left on device")]
    [InlineData("calc dot 1,2 3,4", "> /dev/full", "No space left on device")]
    [InlineData("fit --data Examples/houses.csv --target price --model linear --engine reference --json", "> /dev/full", "No space left on device")]
    [InlineData("fit --data Examples/houses.csv --target price --model linear --engine reference", ">&-", "Bad file descriptor")]
    [InlineData("engine", ">&-", "Bad file descriptor")]
    public void AsAProcessAStdoutThatRefusesIsOneLineAndExitCodeFour(string command, string redirect, string reason)
    {
        if (!OperatingSystem.IsLinux()) return;
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec \"$0\" tensorlinear.dll {command} {redirect}");
        start.ArgumentList.Add(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.True(process.ExitCode == 4, $"exit code {process.ExitCode}: {error}");
        Assert.Equal($"tensorlinear: cannot write to stdout: {reason}", error.TrimEnd());
    }

    [Fact]
    public void APlotInAMissingDirectoryIsExitCodeFour()
    {
        var result = Tool.Run("fit", "--data", Tool.Example("houses.csv"), "--target", "price", "--model", "linear", "--plot", "/no/such/directory/plot.svg");
        Assert.Equal("tensorlinear: --plot /no/such/directory/plot.svg: cannot be written: no such directory", result.AssertOneLineFailure(4));
    }

    [Fact]
    public void APlotNeverOverwritesTheInputFileEvenThroughASymbolicLink()
    {
        var directory = Directory.CreateTempSubdirectory("tensorlinear-");
        try
        {
            var data = Path.Combine(directory.FullName, "data.svg");
            File.Copy(Tool.Example("houses.csv"), data);
            var before = File.ReadAllBytes(data);
            var link = Path.Combine(directory.FullName, "link.svg");
            File.CreateSymbolicLink(link, data);
            foreach (var plot in new[] { data, link, Path.Combine(directory.FullName, ".", "data.svg") })
            {
                var line = Tool.Run("fit", "--data", data, "--target", "price", "--model", "linear", "--plot", plot).AssertBadInput();
                Assert.Contains("is the input file", line);
            }
            Assert.Equal(before, File.ReadAllBytes(data));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("", "--plot is empty; give it a file name")]
    [InlineData("/tmp", "--plot /tmp: is a directory")]
    [InlineData("plot.pdf", "--plot plot.pdf: the format is chosen by the extension")]
    [InlineData("plot", "--plot plot: the format is chosen by the extension")]
    public void APlotNameThatCannotBeAPlotIsRefusedBeforeFitting(string plot, string message) =>
        Assert.Contains(message, Tool.Run("fit", "--data", Tool.Example("houses.csv"), "--target", "price", "--model", "linear", "--plot", plot).AssertBadInput());

    [Fact]
    public void AWriteThatFailsHalfwayLeavesThePreviousFileAndNoTemporaryFile()
    {
        var directory = Directory.CreateTempSubdirectory("tensorlinear-");
        try
        {
            var plot = Path.Combine(directory.FullName, "plot.svg");
            File.WriteAllText(plot, "the plot that was there");
            // The disk fills after the first bytes: the rename over the old plot never happens.
            var failure = Assert.Throws<Output.OutputException>(() => Output.OutputFile.Write("--plot", plot, stream =>
            {
                stream.Write("<svg"u8);
                throw new IOException("No space left on device : '/tmp/x'");
            }));
            Assert.Equal($"--plot {plot}: cannot be written: No space left on device", failure.Message);
            Assert.Equal("the plot that was there", File.ReadAllText(plot));
            Assert.Single(Directory.GetFiles(directory.FullName));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    // A stdout on a full disk: every write refused as the system refuses it.
    private sealed class FullWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device : '/dev/stdout'");
    }
}
