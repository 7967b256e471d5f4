using System.Text.Json;
using TensorLinear.Cli.Commands;
using TensorLinear.Verification.Catalog;

namespace TensorLinear.Cli.Tests;

// verify's verdict is the product's promise: the shipped catalog agrees (exit 0), a planted wrong derivation does not
// (exit 1, the entry named), and the JSON names each entry's bound functions and the cases every check ran.
public class VerifyCommandTests
{
    [Fact]
    public void TheShippedCatalogAgreesExitsZeroAndReportsEveryEntryWithItsBoundFunctions()
    {
        var result = Tool.Run("verify", "--cases", "3", "--seed", "5");
        var json = Tool.Run("verify", "--cases", "3", "--seed", "5", "--json").Json();

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("everything agrees", result.Output);
        Assert.True(json.GetProperty("passed").GetBoolean());
        var derivations = json.GetProperty("derivations").EnumerateArray().ToList();
        Assert.Equal(DerivationCatalog.All.Select(d => d.Name), derivations.Select(d => d.GetProperty("name").GetString()));
        foreach (var (entry, d) in DerivationCatalog.All.Zip(derivations))
        {
            Assert.Contains(entry.Name, result.Output);
            Assert.Equal(entry.ReferenceNames, d.GetProperty("references").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal(entry.TwinNames, d.GetProperty("twins").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(entry.InputType.Name, d.GetProperty("input").GetString());
            var checks = d.GetProperty("checks").EnumerateArray().ToList();
            Assert.Equal(entry.Checks.Count, checks.Count);
            Assert.All(checks, c => Assert.Equal(0, c.GetProperty("shortfall").GetInt32()));
            Assert.All(checks, c => Assert.True(c.GetProperty("asked").GetInt32() >= 3));
        }
        Assert.Equal(DerivationCatalog.All.Count, json.GetProperty("summary").GetProperty("derivations").GetInt32());
        Assert.Contains($"{derivations.Count} derivations, {3 * derivations.Count} cases", result.Output);
    }

    [Fact]
    public void AnAngleGradientWithItsSignReversedMakesVerifyExitOneAndNameTheAngle()
    {
        var shipped = ReferenceFunctions.Shipped;
        var wrong = DerivationCatalog.Build(shipped with { AngleGradientX = (x, y) => [.. shipped.AngleGradientX(x, y).Select(g => -g)] });
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = VerifyCommand.Run(new Terminal(TextReader.Null, output, error, outputIsConsole: false), wrong, cases: 5, seed: 1, json: true);

        Assert.Equal(ExitCodes.Disagreement, exit);
        var json = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.False(json.GetProperty("passed").GetBoolean());
        var failed = json.GetProperty("derivations").EnumerateArray().Where(d => !d.GetProperty("passed").GetBoolean()).ToList();
        Assert.Equal([EntryNames.Angle], failed.Select(d => d.GetProperty("name").GetString()));
        Assert.Contains("replacement", failed[0].GetProperty("references")[1].GetString());
    }

    [Fact]
    public void TheSameSeedGivesTheSameVerdictAndErrors()
    {
        var first = Tool.Run("verify", "--cases", "2", "--seed", "11", "--json").Json();
        var second = Tool.Run("verify", "--cases", "2", "--seed", "11", "--json").Json();

        static string Errors(JsonElement run) => string.Join(";", run.GetProperty("derivations").EnumerateArray()
            .Select(d => d.GetProperty("values").ValueKind == JsonValueKind.Null ? "—" : d.GetProperty("values").GetProperty("relativeError").ToString()));
        Assert.Equal(Errors(first), Errors(second));
        Assert.True(first.GetProperty("passed").GetBoolean());
    }
}
