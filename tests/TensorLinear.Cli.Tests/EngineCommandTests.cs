using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TensorLinear.Cli.Tests;

/// <summary><c>tensorlinear engine</c>: what it names, that its text and JSON say the same, and its worked example.</summary>
public partial class EngineCommandTests
{
    [Fact]
    public void TheWorkedGradientIsTheHandDerivedOne()
    {
        var result = Tool.Run("engine");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("expected (0.6, 0.8): ok", result.Output);
    }

    [Fact]
    public void ItNamesTheTorchSharpTheRepositoryAsksForAndALibtorchVersion()
    {
        var json = Tool.Run("engine", "--json").Json();
        var packages = XDocument.Load(Path.Combine(Tool.Repository(), "Directory.Packages.props"));
        var asked = packages.Descendants("PackageVersion").Single(p => (string?)p.Attribute("Include") == "TorchSharp-cpu").Attribute("Version")!.Value;

        // A range "[0.107.0, 0.108.0)" (the packages' dependency range), of which restore takes the lowest version.
        var lowest = asked.TrimStart('[').Split(',')[0].Trim();
        Assert.Equal(lowest, json.GetProperty("torchSharp").GetString());
        Assert.Matches(Version(), json.GetProperty("libtorch").GetString()!);
    }

    [Fact]
    public void TheTextSaysWhatTheJsonSays()
    {
        var text = Lines(Tool.Run("engine").Output);
        var json = Tool.Run("engine", "--json").Json();
        var fix = json.GetProperty("libStdCxxFix");

        Assert.Equal(json.GetProperty("torchSharp").GetString(), text["TorchSharp"]);
        Assert.Equal(json.GetProperty("libtorch").GetString(), text["libtorch"]);
        // MKL is claimed only where libtorch confirms it.
        Assert.Equal(json.GetProperty("mkl").ValueKind == JsonValueKind.True, text.ContainsKey("math library"));
        Assert.Equal(
            $"{json.GetProperty("threads").GetInt32()} in libtorch's pool, {json.GetProperty("kernelThreads").GetInt32()} in TensorLinear's own loops " +
            $"(policy {Pascal(json.GetProperty("threadPolicy").GetString()!)})",
            text["threads"]);
        Assert.Equal($"{Pascal(fix.GetProperty("kind").GetString()!)}: {fix.GetProperty("reason").GetString()}", text["libstdc++ fix"]);
        Assert.Equal(fix.GetProperty("patchedCopy").GetString(), text.GetValueOrDefault("patched copy"));
    }

    [Fact]
    public void APatchedCopyIsReportedExactlyWhenTheFixWasAppliedAndItExists()
    {
        var fix = Tool.Run("engine", "--json").Json().GetProperty("libStdCxxFix");
        var kind = fix.GetProperty("kind").GetString();
        Assert.Contains(kind, new[] { "notNeeded", "applied", "refused" });
        if (kind == "applied") Assert.True(File.Exists(fix.GetProperty("patchedCopy").GetString()), fix.ToString());
        else Assert.Equal(JsonValueKind.Null, fix.GetProperty("patchedCopy").ValueKind);
    }

    [Fact]
    public void ThreadCountsArePositiveAndThePolicyIsTheDefault()
    {
        var json = Tool.Run("engine", "--json").Json();
        Assert.True(json.GetProperty("threads").GetInt32() >= 1);
        Assert.True(json.GetProperty("kernelThreads").GetInt32() >= 1);
        Assert.Equal("onePoolAtATime", json.GetProperty("threadPolicy").GetString());
    }

    // "label           text": the label in the first 16 columns, the text after one space.
    private static Dictionary<string, string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(l => l[..16].TrimEnd(), l => l[17..].TrimEnd('\r'));

    private static string Pascal(string camel) => char.ToUpperInvariant(camel[0]) + camel[1..];

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex Version();
}
