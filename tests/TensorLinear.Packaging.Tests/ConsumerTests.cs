using Xunit.Abstractions;

namespace TensorLinear.Packaging.Tests;

/// <summary>
/// The three ways the README gives to use TensorLinear, each from the freshly packed feed into the fresh folder with
/// its own package cache: a console project, an F# script, the tool. Each consumer checks its own results and exits
/// non-zero when one is wrong; none has code of its own for loading libtorch, so on a libstdc++ older than GCC 13's
/// (Debian 12) they pass only if the package applies the load-time fix by itself.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ConsumerTests(PackagesFixture packages, ITestOutputHelper output)
{
    private static string Consumer(string file) => Path.Combine(AppContext.BaseDirectory, "Consumer", file);

    [Fact]
    public void A_console_project_that_adds_the_package_checks_a_gradient_and_fits_a_model()
    {
        var project = Path.Combine(packages.Work, "console");
        Step(packages.Run("dotnet", ["new", "console", "--output", project, "--name", "Consumer"]));
        // No --source: it would replace the nuget.config's sources for this restore, leaving TorchSharp-cpu, FsCheck and
        // MathNet.Numerics nowhere to come from; the work folder's nuget.config names the feed.
        Step(packages.Run("dotnet", ["add", "package", "TensorLinear.Verification"], project));
        File.Copy(Consumer("Program.cs"), Path.Combine(project, "Program.cs"), overwrite: true);
        // Hard links instead of copies of libtorch into bin/, as the repository's own builds do: a property of this
        // command line, not of the consumer's project.
        var run = Step(packages.Run("dotnet", ["run", "-c", "Release", "-p:CreateHardLinksForCopyLocalIfPossible=true"], project));
        Assert.Contains("libstdc++ fix:", run.Output);
    }

    [Fact]
    public void An_fsharp_script_that_references_the_package_checks_a_gradient_and_fits_a_model()
    {
        var folder = Directory.CreateDirectory(Path.Combine(packages.Work, "script")).FullName;
        var script = Path.Combine(folder, "check.fsx");
        File.WriteAllText(script, $"#i \"nuget: {packages.Feed}\"\n" + File.ReadAllText(Consumer("check.fsx")));
        var run = Step(packages.Run("dotnet", ["fsi", script], folder));
        Assert.Contains("ok: torch fits (2, -1, 1)", run.Output);
    }

    [Fact]
    public void The_installed_tool_verifies_every_derivation()
    {
        var tools = Path.Combine(packages.Work, "tools");
        // --configfile rather than --add-source: NuGet refuses an extra source beside package source mapping, and the
        // mapping is what keeps TensorLinear.* to the fresh feed.
        Step(packages.Run("dotnet", ["tool", "install", "TensorLinear.Cli", "--version", packages.Version, "--tool-path", tools,
            "--configfile", Path.Combine(packages.Work, "nuget.config")]));
        var verify = Step(packages.Run(Path.Combine(tools, "tensorlinear"), ["verify", "--cases", "20"]));
        Assert.Contains("everything agrees", verify.Output);
    }

    private CommandResult Step(CommandResult result)
    {
        output.WriteLine($"$ {result.Command}   ({result.Elapsed.TotalSeconds:F1} s, exit {result.ExitCode})");
        output.WriteLine(result.Output);
        return result.AssertSucceeded();
    }
}
