namespace TensorLinear.Cli.Tests;

/// <summary>Each command run as the real executable, <c>dotnet tensorlinear.dll</c>: arguments, output and exit code end to end.</summary>
public class ProcessTests(ToolWithoutLibtorch libtorchMissing) : IClassFixture<ToolWithoutLibtorch>
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

    [Theory]
    [InlineData("engine")]
    [InlineData("calc dot 1,2 3,4")]
    [InlineData("fit --data Examples/houses.csv --target price --model linear --engine torch")]
    [InlineData("verify --cases 1")]
    public void WithoutLibtorchACommandThatNeedsItSaysWhyInOneLine(string command)
    {
        // One line, exit code 3, nothing on stdout (TorchSharp prints its loading trace there) and no stack trace.
        var line = libtorchMissing.Run(command.Split(' ')).AssertOneLineFailure(3);
        Assert.Contains("could not load libtorch", line);
        Assert.Contains("libstdc++ fix: ", line);
    }

    [Fact]
    public void WithoutLibtorchTheReferenceEngineStillFits()
    {
        var result = libtorchMissing.Run("fit", "--data", "Examples/houses.csv", "--target", "price", "--model", "linear", "--engine", "reference");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Error);
        Assert.Contains("least squares", result.Output);
    }
}
