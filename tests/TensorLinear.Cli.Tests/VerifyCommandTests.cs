namespace TensorLinear.Cli.Tests;

public class VerifyCommandTests
{
    [Fact]
    public void VerifyPrintsARowPerDerivationAndASummaryAndItsExitCodeIsTheVerdict()
    {
        var result = Tool.Run("verify", "--cases", "3", "--seed", "5");
        var json = Tool.Run("verify", "--cases", "3", "--seed", "5", "--json").Json();

        var derivations = json.GetProperty("derivations").EnumerateArray().ToList();
        Assert.NotEmpty(derivations);
        foreach (var d in derivations)
        {
            Assert.Contains(d.GetProperty("name").GetString()!, result.Output);
            Assert.Equal(3, d.GetProperty("cases").GetInt32());
        }
        var passed = json.GetProperty("passed").GetBoolean();
        Assert.Equal(passed, derivations.All(d => d.GetProperty("passed").GetBoolean()));
        Assert.Equal(passed ? 0 : 1, result.ExitCode);
        Assert.Contains($"{derivations.Count} derivations, {3 * derivations.Count} cases", result.Output);
        Assert.Contains(passed ? "everything agrees" : "disagree", result.Output);
        Assert.Equal(5, json.GetProperty("seed").GetInt32());
    }

    [Fact]
    public void TheSameSeedGivesTheSameVerdictAndErrors()
    {
        var first = Tool.Run("verify", "--cases", "2", "--seed", "11", "--json").Json();
        var second = Tool.Run("verify", "--cases", "2", "--seed", "11", "--json").Json();

        string Errors(System.Text.Json.JsonElement run) => string.Join(";", run.GetProperty("derivations").EnumerateArray()
            .Select(d => d.GetProperty("values").ValueKind == System.Text.Json.JsonValueKind.Null ? "—" : d.GetProperty("values").GetProperty("relativeError").ToString()));
        Assert.Equal(Errors(first), Errors(second));
    }
}
