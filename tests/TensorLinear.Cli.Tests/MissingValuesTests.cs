namespace TensorLinear.Cli.Tests;

// --missing error|drop: a missing cell is an error at its line and column unless --missing drop, and then the fit is
// the fit of the file with those rows deleted — to the bit, since the same rows reach the same solver in the same order.
public sealed class MissingValuesTests : IDisposable
{
    private static readonly string[] FirmLines = File.ReadAllLines(Tool.Data("firms.csv"));
    private readonly string _folder = Directory.CreateTempSubdirectory("tensorlinear-missing-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // firms.csv (firm,capital,rate,invest) with cells blanked: data row → (column, marker). Row 14's rate is not used
    // by a fit on firm and capital, so that row stays.
    private static readonly (int Row, int Column, string Marker)[] Blanked = [(2, 1, ""), (6, 3, "NA"), (11, 0, "null"), (14, 2, "NaN")];
    private static readonly int[] DroppedRows = [2, 6, 11];

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private string WithMissing() => Write("firms-missing.csv", FirmLines.Select((line, i) =>
    {
        if (i == 0) return line;
        var cells = line.Split(',');
        foreach (var (row, column, marker) in Blanked)
            if (row == i - 1) cells[column] = marker;
        return string.Join(',', cells);
    }));

    private string WithoutTheDroppedRows() => Write("firms-complete.csv", FirmLines.Where((_, i) => i == 0 || !DroppedRows.Contains(i - 1)));

    private static string[] Fit(string file, params string[] more) =>
        ["fit", "--data", file, "--target", "invest", "--features", "firm,capital", "--model", "linear", .. more];

    [Fact]
    public void DroppingIsTheFitOfTheFileWithoutThoseRows()
    {
        var dropped = Tool.Run(Fit(WithMissing(), "--missing", "drop", "--json")).Json();
        var deleted = Tool.Run(Fit(WithoutTheDroppedRows(), "--json")).Json();

        for (var engine = 0; engine < 2; engine++)
            Assert.Equal(deleted.GetProperty("fits")[engine].GetProperty("coefficients").ToString(), dropped.GetProperty("fits")[engine].GetProperty("coefficients").ToString());
        var data = dropped.GetProperty("data");
        Assert.Equal(FirmLines.Length - 1 - DroppedRows.Length, data.GetProperty("rows").GetInt32());
        Assert.Equal(DroppedRows.Length, data.GetProperty("missing").GetProperty("dropped").GetInt32());
        Assert.Equal(DroppedRows.Select(r => r + 2), data.GetProperty("missing").GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, deleted.GetProperty("data").GetProperty("missing").ValueKind);
    }

    [Fact]
    public void TheTextReportCountsTheRowsAndListsTheirLines()
    {
        var text = Tool.Run(Fit(WithMissing(), "--missing", "drop", "--engine", "reference"));
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("3 rows with a missing value left out (lines 4, 8, 13)", text.Output);
    }

    [Theory]
    [InlineData("capital", 4, "the cell is empty")]
    [InlineData("firm,capital", 13, "'null' marks a missing value")]
    [InlineData("rate", 16, "'NaN' marks a missing value")]
    public void WithoutDropAMissingCellIsAnErrorAtItsLineAndColumn(string features, int line, string problem)
    {
        var message = Tool.Run("fit", "--data", WithMissing(), "--target", "invest", "--features", features, "--model", "linear").AssertBadInput();
        Assert.Contains($"line {line}", message);
        Assert.Contains(problem, message);
        Assert.Contains("--missing drop", message);
    }

    [Theory]
    [InlineData("linear", "1", "2", "N/A")]
    [InlineData("logistic", "a", "b", "na")]
    [InlineData("softmax", "a", "b", "NULL")]
    public void AMissingTargetIsAnErrorAtItsLineToo(string model, string first, string second, string marker)
    {
        var message = Tool.RunWithInput($"x,y\n1,{first}\n2,{second}\n3,{marker}\n4,{first}\n5,{second}\n", "fit", "--data", "-", "--target", "y", "--model", model).AssertBadInput();
        Assert.Contains("line 4", message);
        Assert.Contains($"'{marker}' marks a missing value", message);
    }

    [Fact]
    public void AFileWithNoCompleteRowIsRefused()
    {
        var message = Tool.RunWithInput("x,y\n1,\n,2\nNA,3\n", "fit", "--data", "-", "--target", "y", "--model", "linear", "--missing", "drop").AssertBadInput();
        Assert.Contains("none is left to fit", message);
    }

    [Fact]
    public void AnUnknownPolicyIsAUsageError() =>
        Assert.Contains("neither error nor drop", Tool.Run(Fit(WithMissing(), "--missing", "mean")).AssertBadInput());

    [Fact]
    public void SoftmaxAndSvmDropTheSameWay()
    {
        var softmax = Tool.RunWithInput("x,y\n0,a\n1,b\n,c\n2,a\n3,b\n4,c\n2.5,a\n0.5,b\n1.5,c\nNA,a\n3.5,b\n0.2,c\n", "fit", "--data", "-", "--target", "y", "--model", "softmax", "--missing", "drop", "--json").Json();
        Assert.Equal([4, 11], softmax.GetProperty("data").GetProperty("missing").GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()));
        var svm = Tool.RunWithInput("x,y\n0,a\n1,a\n,b\n3,b\n4,b\n", "fit", "--data", "-", "--target", "y", "--model", "svm", "--missing", "drop", "--json").Json();
        Assert.Equal(1, svm.GetProperty("data").GetProperty("missing").GetProperty("dropped").GetInt32());
    }

    [Fact]
    public void PredictLeavesOutRowsMissingAFeatureAndMeasuresOnlyRowsWithTheirTarget()
    {
        // Rows 2 and 11 miss a feature (capital, firm): not predicted. Row 6 misses only its target (invest): predicted,
        // and left out of the metrics alone, which are then those of the file without rows 2, 6 and 11.
        var model = Path.Combine(_folder, "model.json");
        Assert.Equal(0, Tool.Run(Fit(Tool.Data("firms.csv"), "--engine", "reference", "--save", model)).ExitCode);
        var predicted = Tool.Run("predict", "--model", model, "--data", WithMissing(), "--missing", "drop", "--json").Json();

        var lines = predicted.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()).ToArray();
        Assert.Equal(Enumerable.Range(2, FirmLines.Length - 1).Except([2 + 2, 11 + 2]), lines);
        Assert.Equal(2, predicted.GetProperty("missing").GetProperty("dropped").GetInt32());
        Assert.Equal([6 + 2], predicted.GetProperty("withoutTarget").EnumerateArray().Select(l => l.GetInt32()));
        var complete = Tool.Run("predict", "--model", model, "--data", WithoutTheDroppedRows(), "--json").Json();
        Assert.Equal(complete.GetProperty("metrics").ToString(), predicted.GetProperty("metrics").ToString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, complete.GetProperty("withoutTarget").ValueKind);

        var text = Tool.Run("predict", "--model", model, "--data", WithMissing(), "--missing", "drop");
        Assert.Contains("1 row without a target value predicted but left out of the metrics (line 8).", text.Error); // the summary; the predictions are on stdout
        Assert.Contains("--missing drop", Tool.Run("predict", "--model", model, "--data", WithMissing()).AssertBadInput());
    }

    [Fact]
    public void AMissingLabelIsNamedAsMissingInPredict()
    {
        var model = Path.Combine(_folder, "logistic.json");
        Assert.Equal(0, Tool.RunWithInput("x,y\n0,a\n1,b\n2,a\n3,b\n4,b\n5,a\n", "fit", "--data", "-", "--target", "y", "--model", "logistic", "--engine", "reference", "--save", model).ExitCode);
        Assert.Contains("--missing drop", Tool.RunWithInput("x,y\n0,a\n1,NA\n", "predict", "--model", model, "--data", "-").AssertBadInput());
        var json = Tool.RunWithInput("x,y\n0,a\n1,NA\n2,b\n", "predict", "--model", model, "--data", "-", "--missing", "drop", "--json").Json();
        Assert.Equal(3, json.GetProperty("rows").GetArrayLength());
        Assert.Equal([3], json.GetProperty("withoutTarget").EnumerateArray().Select(l => l.GetInt32()));
    }
}
