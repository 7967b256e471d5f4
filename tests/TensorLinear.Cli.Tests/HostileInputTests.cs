using System.Text.Json;
using TensorLinear.Cli.Data;

namespace TensorLinear.Cli.Tests;

/// <summary>
/// The cases of the command line under hostile input and real data: option values the parser cannot read, files that
/// are directories or overflow, quotes that do not close, other delimiters, standard input, misspelled columns, and
/// the warnings a fit that ran to its end still owes.
/// </summary>
public class HostileInputTests
{
    private static readonly string Houses = Tool.Example("houses.csv");

    [Theory]
    [InlineData("--epochs", "2.5", "--epochs is '2.5'; it must be a whole number")]
    [InlineData("--epochs", "1e12", "--epochs is '1e12'; it must be a whole number")]
    [InlineData("--l2", "inf", "--l2 is 'inf'; it must be a finite number ≥ 0")]
    [InlineData("--l1", "NaN", "--l1 is 'NaN'; it must be a finite number ≥ 0")]
    [InlineData("--tol", "-1", "--tol is '-1'; it must be a finite number ≥ 0")]
    [InlineData("--degree", "two", "--degree is 'two'; it must be a whole number")]
    [InlineData("--delimiter", "ab", "--delimiter is 'ab'; it must be one character")]
    [InlineData("--delimiter", ".", "--delimiter is '.'")]
    public void AnOptionValueTheParserCannotReadIsNamedWithoutADotNetType(string option, string value, string message)
    {
        var line = Tool.Run("fit", "--data", Houses, "--target", "price", "--model", "linear", "--solver", "gd", option, value).AssertBadInput();
        Assert.Contains(message, line);
        Assert.DoesNotContain("System.", line);
    }

    [Theory]
    [InlineData("--cases", "abc")]
    [InlineData("--seed", "1.5")]
    public void VerifysCountsAreReadTheSameWay(string option, string value) =>
        Assert.Contains($"{option} is '{value}'; it must be a whole number", Tool.Run("verify", option, value).AssertBadInput());

    [Fact]
    public void EpochsWrittenWithAnExponentAreAWholeNumber()
    {
        var json = Tool.Run("fit", "--data", Houses, "--target", "price", "--model", "linear", "--solver", "gd", "--standardize", "--epochs", "1e1", "--json").Json();
        Assert.Equal(10, json.GetProperty("options").GetProperty("epochs").GetInt32());
    }

    [Fact]
    public void ADirectoryGivenAsTheDataIsSaidToBeOne() =>
        Assert.Equal($"tensorlinear: {Path.GetTempPath().TrimEnd('/')}: is a directory; --data needs a CSV file",
            Tool.Run("fit", "--data", Path.GetTempPath().TrimEnd('/'), "--target", "y", "--model", "linear").AssertBadInput());

    [Theory]
    [InlineData("x,y\n1e200,1\n2e200,3\n3e200,2\n", "line 2, column 'x': 1e+200 is too large to fit")]
    [InlineData("x,y\n1,1\n2,-3e170\n3,2\n", "line 3, column 'y': -3e+170 is too large to fit")]
    public void ValuesWhoseSquaresOverflowAreRefusedWithTheirLineAndColumn(string csv, string message) =>
        Assert.Contains(message, Tool.RunWithInput(csv, "fit", "--data", "-", "--target", "y", "--model", "linear").AssertBadInput());

    [Theory]
    [InlineData("x,y\n1,2\n2,\"3\n3,4\n4,5\n", 3, "y", "never closed")]
    [InlineData("x,y\n1,2\n\n\n2,\"3\n3,4\n", 5, "y", "never closed")]
    [InlineData("x,y\n1,2\n\"2\n\",3\n3,\"4\n", 5, "y", "never closed")]
    [InlineData("x,y\n1,2\n2,3\"x\n3,4\n", 3, "y", "a quote inside an unquoted field")]
    [InlineData("x,y,z\n1,2,3\n4,5\"\",6\n", 3, "y", "a quote inside an unquoted field")]
    public void AQuoteThatCannotBePlacedIsReportedWhereItsRecordBegins(string csv, int line, string column, string problem)
    {
        var error = Assert.Throws<DataFormatException>(() => CsvDataReader.Read(new StringReader(csv), "test.csv"));
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void AHeaderSplitByAnotherCharacterSuggestsTheDelimiter() =>
        Assert.Contains("there is no column 'y'; the columns are x;y: the header has no ',' but has ';', so read it with --delimiter ';'",
            Tool.RunWithInput("x;y\n1;2\n2;3\n3;5\n", "fit", "--data", "-", "--target", "y", "--model", "linear").AssertBadInput());

    [Theory]
    [InlineData(";", "x;y\n1;2\n2;3\n3;5\n")]
    [InlineData("tab", "x\ty\n1\t2\n2\t3\n3\t5\n")]
    [InlineData("|", "x|y\n1|2\n2|3\n3|5\n")]
    public void DelimiterReadsTheFileItNames(string delimiter, string csv)
    {
        var result = Tool.RunWithInput(csv, "fit", "--data", "-", "--delimiter", delimiter, "--target", "y", "--model", "linear", "--engine", "reference", "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        var fit = result.Json().GetProperty("fits")[0].GetProperty("coefficients");
        Assert.Equal(1.5, fit.GetProperty("x").GetDouble(), 1e-12); // y = 1.5x + 0.333…: the least-squares line through the three points
    }

    [Fact]
    public void DataFromStandardInputIsNamedStdin()
    {
        var result = Tool.RunWithInput(File.ReadAllText(Houses), "fit", "--data", "-", "--target", "price", "--model", "linear", "--engine", "reference", "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("stdin", result.Json().GetProperty("data").GetProperty("file").GetString());
        Assert.Contains("stdin: the file is empty", Tool.Run("fit", "--data", "-", "--target", "price", "--model", "linear").AssertBadInput());
    }

    [Theory]
    [InlineData("prise", "did you mean 'price'?")]
    [InlineData("Price", "did you mean 'price'?")]
    [InlineData("cost", "the columns are area, rooms, age, price")]
    public void AMisspelledColumnIsMatchedToTheClosestName(string target, string message)
    {
        var line = Tool.Run("fit", "--data", Houses, "--target", target, "--model", "linear").AssertBadInput();
        Assert.Contains(message, line);
        if (target == "cost") Assert.DoesNotContain("did you mean", line);
    }

    [Fact]
    public void DescentOnCollinearDataWarnsThatTheCoefficientsAreNotUnique()
    {
        var args = new[] { "fit", "--data", Tool.Data("collinear.csv"), "--target", "price", "--model", "linear", "--solver", "gd", "--engine", "reference", "--standardize" };
        var text = Tool.Run(args);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("warning    the coefficients are not unique: the design has rank 3 < 4 columns (total a combination of the others)", text.Output);
        var warnings = Tool.Run([.. args, "--json"]).Json().GetProperty("warnings");
        Assert.Contains(warnings.EnumerateArray(), w => w.GetString()!.StartsWith("the coefficients are not unique"));
        // With a ridge penalty the minimiser is unique, and no warning is owed.
        Assert.Equal(0, Tool.Run([.. args, "--l2", "0.1", "--json"]).Json().GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void NewtonAtItsIterationLimitWarnsOfAnUnconvergedIterate()
    {
        var json = Tool.Run("fit", "--data", Tool.Example("exam.csv"), "--target", "result", "--model", "logistic", "--epochs", "2", "--json").Json();
        var warnings = json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Equal(2, warnings.Count); // one per engine
        Assert.All(warnings, w => Assert.Contains("Newton–Raphson stopped at its iteration limit (2)", w));
        Assert.Equal(0, Tool.Run("fit", "--data", Tool.Example("exam.csv"), "--target", "result", "--model", "logistic", "--json").Json().GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void ANearlyConstantTargetHasNoRSquaredAndAWarning()
    {
        var json = Tool.Run("fit", "--data", Tool.Data("near-constant-target.csv"), "--target", "y", "--model", "linear", "--json").Json();
        foreach (var fit in json.GetProperty("fits").EnumerateArray())
            Assert.Equal(JsonValueKind.Null, fit.GetProperty("metrics").GetProperty("rSquared").ValueKind);
        Assert.Contains("the target is constant but for rounding", json.GetProperty("warnings")[0].GetString());
    }

    [Fact]
    public void TorchAloneByQrHasTheCoefficientTableOfItsOwnEstimate()
    {
        // libtorch's least squares gives no covariance; the coefficient table is the library's at libtorch's estimate.
        var result = Tool.Run("fit", "--data", Houses, "--target", "price", "--model", "linear", "--engine", "torch");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Coefficient table (torch: t on", result.Output);
    }

    [Fact]
    public void DescentOnDataInSmallUnitsDoesNotStopAtOnceAsConverged()
    {
        // y = (2x + 1 + noise)·1e-5 on centred x: the absolute test ‖∇L‖ ≤ 1e-8 stopped it after one epoch with the
        // slope at 1e-10; the relative one runs to the slope the closed form gives.
        var csv = "x,y\n" + string.Concat(Enumerable.Range(0, 20).Select(i =>
        {
            var x = -1 + 2.0 * i / 19;
            return FormattableString.Invariant($"{x:R},{(2 * x + 1 + 0.1 * Math.Sin(i)) * 1e-5:R}\n");
        }));
        var json = Tool.RunWithInput(csv, "fit", "--data", "-", "--target", "y", "--model", "linear", "--solver", "gd", "--json").Json();
        foreach (var fit in json.GetProperty("fits").EnumerateArray())
        {
            Assert.True(fit.GetProperty("converged").GetBoolean());
            Assert.True(fit.GetProperty("iterations").GetInt32() > 1);
            Assert.InRange(fit.GetProperty("coefficients").GetProperty("x").GetDouble() / 1e-5, 1.9, 2.1);
        }
    }

    [Fact]
    public void LogisticDescentWithAHugeStepIsDetectedAsDiverging() =>
        Assert.Contains("gradient descent diverged at epoch",
            Tool.Run("fit", "--data", Tool.Example("exam.csv"), "--target", "result", "--model", "logistic", "--solver", "gd", "--lr", "1000").AssertBadInput());
}
