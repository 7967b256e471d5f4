using TensorLinear.Cli.Data;

namespace TensorLinear.Cli.Tests;

public class CsvDataReaderTests
{
    private static CsvTable Read(string text) => CsvDataReader.Read(new StringReader(text), "test.csv");

    [Fact]
    public void LinesAreCountedFromTheHeaderPastBlankLinesAndQuotedLineBreaks()
    {
        var table = Read("x,note,y\n1,plain,2\n\n3,\"two\nlines\",4\n5,after,x6\n");
        Assert.Equal([2, 4, 6], table.Rows.Select(r => r.Line));
        var error = Assert.Throws<DataFormatException>(() => LoadedData.From(table, "y", ["x"], classes: false));
        Assert.Equal(6, error.Line);
        Assert.Equal("y", error.Column);
    }

    [Fact]
    public void NumbersAreReadInInvariantCulture()
    {
        var data = LoadedData.From(Read("a,b\n1.5,2e3\n-0.25,+7\n"), "b", null, classes: false).Data;
        Assert.Equal([1.5, -0.25], data.Features.ToArray());
        Assert.Equal([2000.0, 7.0], data.Targets.ToArray());
    }

    [Theory]
    [InlineData("1,000")]  // a thousands separator is two fields, so this row has three
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1,5")]
    public void CommasAndNonFiniteValuesAreNotNumbers(string cell) =>
        Assert.Throws<DataFormatException>(() => LoadedData.From(Read($"a,b\n{cell},1\n2,3\n"), "b", null, classes: false));

    [Fact]
    public void AnEmptyCellIsNamedByLineAndColumn()
    {
        var error = Assert.Throws<DataFormatException>(() => LoadedData.From(Read("a,b\n1,2\n,3\n"), "b", null, classes: false));
        Assert.Equal(3, error.Line);
        Assert.Equal("a", error.Column);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void DuplicateColumnNamesAreRefused() =>
        Assert.Contains("appears twice", Assert.Throws<DataFormatException>(() => Read("a,b,a\n1,2,3\n")).Message);

    [Theory]
    [InlineData("0", "1", "0", "1")]
    [InlineData("2", "1", "1", "2")]
    [InlineData("-1", "1", "-1", "1")]
    [InlineData("yes", "no", "no", "yes")]
    [InlineData("False", "TRUE", "False", "TRUE")]
    [InlineData("spam", "ham", "ham", "spam")]
    public void TwoLabelsMapByTheDocumentedRule(string first, string second, string zero, string one) =>
        Assert.Equal(new LabelMapping(zero, one), LabelMapping.Of(first, second));

    [Fact]
    public void NumericLabelsAreOneClassWhateverTheirSpelling()
    {
        var loaded = LoadedData.From(Read("x,c\n1,1\n2,1.0\n3,0\n4,0.0\n"), "c", null, classes: true);
        Assert.Equal([1.0, 1.0, 0.0, 0.0], loaded.Data.Targets.ToArray());
    }
}

public class CsvProgressTests
{
    [Fact]
    public void ReadingReportsTheFractionOfTheFileReadRisingToOne()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tensorlinear-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "x,y\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"{i},{2 * i}\n")));
            var fractions = new List<double>();
            var table = CsvDataReader.Read(path, ',', TextReader.Null, new Recorder(fractions));
            Assert.Equal(50_000, table.Rows.Length);
            // Every 16,384 rows and at the end: three on the way, then 1.
            Assert.Equal(4, fractions.Count);
            Assert.Equal(fractions.Order(), fractions);
            Assert.InRange(fractions[0], 0.2, 0.5);
            Assert.Equal(1.0, fractions[^1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class Recorder(List<double> fractions) : IProgress<double>
    {
        public void Report(double value) => fractions.Add(value);
    }
}
