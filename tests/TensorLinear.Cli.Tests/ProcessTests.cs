namespace TensorLinear.Cli.Tests;

/// <summary>Each command run as the real executable, <c>dotnet tensorlinear.dll</c>: arguments, output and exit code end to end.</summary>
public class ProcessTests
{
    [Fact]
    public void FitRunsAsAProcess()
    {
        var result = Tool.RunProcess("fit", "--data", Tool.Example("exam.csv"), "--target", "result", "--model", "logistic");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("Newton–Raphson (IRLS)", result.Output);
        Assert.Contains("class 1 = 'pass'", result.Output);
    }

    [Fact]
    public void FitJsonRunsAsAProcess()
    {
        var json = Tool.RunProcess("fit", "--data", Tool.Example("separable.csv"), "--target", "class", "--model", "logistic", "--json").Json();
        Assert.Equal("complete", json.GetProperty("fits")[0].GetProperty("separation").GetProperty("kind").GetString());
    }

    [Fact]
    public void CalcRunsAsAProcess()
    {
        var json = Tool.RunProcess("calc", "cosine", "1,0", "0,1", "--json").Json();
        Assert.Equal(0.0, json.GetProperty("value").GetProperty("reference").GetDouble());
        Assert.Equal(0.0, json.GetProperty("value").GetProperty("torch").GetDouble());
    }

    [Fact]
    public void VerifyRunsAsAProcessAndItsExitCodeIsTheVerdict()
    {
        var result = Tool.RunProcess("verify", "--cases", "2");
        Assert.Contains("derivations", result.Output);
        Assert.Equal(result.Output.Contains("everything agrees") ? 0 : 1, result.ExitCode);
    }

    [Fact]
    public void EngineRunsAsAProcess() => Assert.Equal(0, Tool.RunProcess("engine").ExitCode);

    [Fact]
    public void HelpListsTheCommands()
    {
        var result = Tool.RunProcess("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "verify", "calc", "fit", "engine" }) Assert.Contains(command, result.Output);
    }

    [Fact]
    public void AMissingBridgeIsReportedWithWhereItWasLookedForAndTheFix()
    {
        // A copy of the tool without libtensorlinear_native.so: the loader must say what it looked for, where, and
        // which command fixes it — one line, exit code 3, no stack trace.
        var copy = Directory.CreateTempSubdirectory("tensorlinear-no-bridge").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(AppContext.BaseDirectory))
                if (!file.EndsWith("libtensorlinear_native.so", StringComparison.Ordinal))
                    File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            var result = Tool.RunProcessAt(Path.Combine(copy, "tensorlinear.dll"), "engine");
            Assert.Equal(3, result.ExitCode);
            Assert.Contains($"{copy}/libtensorlinear_native.so: no such file", result.Error);
            Assert.Contains("./scripts/bootstrap.sh", result.Error);
            Assert.DoesNotContain("   at ", result.Error);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}
