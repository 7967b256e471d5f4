using System.Diagnostics;
using System.Text;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace TensorLinear.Cli.Tests.Fuzz;

/// <summary>
/// The command line under generated hostile input: each of the runs is a generated CSV file (or the same text on
/// standard input) with a generated argument list, or another command with partly junk arguments, run in-process
/// through <see cref="CliApp.Run(string[], TextReader, TextWriter, TextWriter)"/> within a time limit. Every run must
/// end with exit code 0 and output, or a failure code and one line on stderr — never an unhandled exception, a
/// stack trace, a hang, a changed input or a partial file. The counts of runs and outcomes go to the test log.
/// </summary>
public class FuzzTests(ITestOutputHelper log)
{
    private const int CsvRuns = 1550, OtherRuns = 450;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>Where the counts of the last run are written, beside the test assembly.</summary>
    public const string SummaryFile = "fuzz-summary.txt";

    [Fact]
    public void GeneratedInputsEndInAnAnswerOrOneLineWithinTheTimeLimit()
    {
        // A fixed seed, so that a failure replays; TENSORLINEAR_FUZZ_SEED explores others.
        var seed = int.TryParse(Environment.GetEnvironmentVariable("TENSORLINEAR_FUZZ_SEED"), out var chosen) ? chosen : 20261203;
        var random = new Random(seed);
        var csv = new FuzzCsv(random);
        var arguments = new FuzzArguments(random);
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var root = Directory.CreateTempSubdirectory("tensorlinear-fuzz-");
        var clock = Stopwatch.StartNew();
        var plots = 0;
        try
        {
            for (var k = 0; k < CsvRuns + OtherRuns; k++)
            {
                var directory = Directory.CreateDirectory(Path.Combine(root.FullName, $"run{k}")).FullName;
                string[] args;
                string input = "", damage, data = Path.Combine(directory, "data.csv");
                byte[] bytes = [];
                if (k < CsvRuns)
                {
                    // Half the runs are a clean file with options that fit it, so that fits, warnings and plots run too.
                    var wellFormed = random.Next(2) == 0;
                    var file = csv.Next(clean: wellFormed);
                    bytes = file.Bytes;
                    File.WriteAllBytes(data, bytes);
                    var stdin = random.Next(10) == 0;
                    if (stdin) input = Encoding.UTF8.GetString(bytes);
                    args = arguments.Fit(stdin ? "-" : data, file, directory, wellFormed);
                    damage = file.Damage;
                }
                else
                {
                    args = arguments.Other();
                    damage = "arguments";
                }
                var outcome = Run(args, input, out var problem);
                if (problem is null && bytes.Length + input.Length > 0 && File.Exists(data) && !File.ReadAllBytes(data).AsSpan().SequenceEqual(bytes))
                    problem = "the input file changed";
                problem ??= Files(directory, args, outcome);
                if (problem is null && outcome == "exit 0" && Directory.GetFiles(directory, "plot.*").Length > 0) plots++;
                outcomes[problem is null ? outcome : "FAILED"] = outcomes.GetValueOrDefault(problem is null ? outcome : "FAILED") + 1;
                if (problem is not null) failures.Add($"run {k} ({damage}): tensorlinear {string.Join(' ', args.Select(Quote))}: {problem}");
                Directory.Delete(directory, recursive: true);
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
        var summary = $"fuzz (seed {seed}): {CsvRuns + OtherRuns} runs ({CsvRuns} generated CSV files, {OtherRuns} other argument lists) in {clock.Elapsed.TotalSeconds:F1} s: " +
                      string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")) + $"; {plots} plots written whole";
        log.WriteLine(summary);
        // dotnet test shows a passing test's output only when asked for detail: test.sh prints this file after the run.
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, SummaryFile), summary + "\n");
        Assert.True(failures.Count == 0, $"{summary}\n{string.Join('\n', failures.Take(15))}");
    }

    [Fact]
    public void TheContractCheckRejectsWhatTheFuzzTestLooksFor()
    {
        // So that a clean fuzz run means something: each breach it looks for is caught when it is there.
        Assert.Null(Check(2, "", "tensorlinear: --l2 is 'inf'; it must be a finite number ≥ 0\n"));
        Assert.NotNull(Check(2, "", "Unhandled exception. System.IO.IOException: No space left on device\n   at X.Y()\n"));
        Assert.NotNull(Check(2, "", "tensorlinear: Cannot parse argument 'x' as expected type 'System.Double'.\n"));
        Assert.NotNull(Check(2, "partial output", "tensorlinear: failed\n"));
        Assert.NotNull(Check(134, "", "tensorlinear: aborted\n"));
        Assert.NotNull(Check(0, "", ""));
        Assert.True(IsXml("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"u8.ToArray()));
        Assert.False(IsXml("<svg xmlns=\"http://www.w3.org/2000/svg\"><path d="u8.ToArray()));
    }

    // Runs one argument list; the outcome is "exit N", and the problem, if any, says how the contract was broken.
    private static string Run(string[] args, string input, out string? problem)
    {
        using StringWriter output = new(), error = new();
        int? code = null;
        Exception? thrown = null;
        var worker = new Thread(() =>
        {
            try
            {
                code = CliApp.Run(args, new StringReader(input), output, error);
            }
            catch (Exception e)
            {
                thrown = e;
            }
        }, 16 * 1024 * 1024) { IsBackground = true };
        worker.Start();
        if (!worker.Join(TimeLimit))
        {
            problem = $"did not finish in {TimeLimit.TotalSeconds:F0} s";
            return "hang";
        }
        if (thrown is not null)
        {
            problem = $"unhandled {thrown.GetType().Name}: {thrown.Message}";
            return "exception";
        }
        problem = Check(code!.Value, output.ToString(), error.ToString());
        return $"exit {code}";
    }

    private static string? Check(int code, string output, string error)
    {
        if (code == 0) return error.Length > 0 ? $"exit 0 with stderr: {error}" : output.Length == 0 ? "exit 0 with no output" : null;
        if (code is < 1 or > 4) return $"exit code {code}";
        var lines = error.TrimEnd('\n').Split('\n');
        if (lines.Length != 1 || !lines[0].StartsWith("tensorlinear: ", StringComparison.Ordinal)) return $"exit {code}, stderr not one line: {error}";
        if (error.Contains("   at ", StringComparison.Ordinal) || error.Contains("Exception", StringComparison.Ordinal) || error.Contains("System.", StringComparison.Ordinal))
            return $"exit {code}, .NET in stderr: {error}";
        return output.Length > 0 ? $"exit {code} with output: {output[..Math.Min(200, output.Length)]}" : null;
    }

    // What the run left in its directory: the data, and a whole plot only where one was asked for and the run succeeded.
    private static string? Files(string directory, string[] args, string outcome)
    {
        var plot = Array.IndexOf(args, "--plot") is var i and >= 0 && i + 1 < args.Length ? Path.GetFullPath(args[i + 1].Length == 0 ? "." : args[i + 1]) : null;
        foreach (var file in Directory.GetFiles(directory))
        {
            if (Path.GetFileName(file) == "data.csv") continue;
            if (file != plot) return $"left {Path.GetFileName(file)}";
            if (outcome != "exit 0") return $"{outcome} but wrote the plot";
            var bytes = File.ReadAllBytes(file);
            var whole = file.EndsWith(".png", StringComparison.Ordinal)
                ? bytes.Length > 12 && bytes.AsSpan(bytes.Length - 8, 4).SequenceEqual("IEND"u8)
                : IsXml(bytes);
            if (!whole) return "a partial plot";
        }
        return null;
    }

    private static bool IsXml(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes);
            return XDocument.Load(stream).Root?.Name.LocalName == "svg";
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }

    private static string Quote(string arg) => arg.Length == 0 || arg.Any(char.IsWhiteSpace) ? $"'{arg}'" : arg;
}
