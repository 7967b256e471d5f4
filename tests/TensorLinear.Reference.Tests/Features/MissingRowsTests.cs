using TensorLinear.Features;

namespace TensorLinear.Reference.Tests.Features;

// Listwise deletion by hand: which rows a missing cell (or a NaN) drops, in order, and the errors for tables that
// do not line up.
public class MissingRowsTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("  ", true)]
    [InlineData("NA", true)]
    [InlineData("na", true)]
    [InlineData(" N/A ", true)]
    [InlineData("NaN", true)]
    [InlineData("NULL", true)]
    [InlineData("0", false)]
    [InlineData("none", false)]
    [InlineData("Infinity", false)]
    [InlineData("NAN1", false)]
    public void TheMarkersAreMissingAndNothingElse(string cell, bool missing) => Assert.Equal(missing, MissingRows.IsMissing(cell));

    [Fact]
    public void ARowIsDroppedWhenAnyColumnMissesItsCell()
    {
        // rows:   0      1      2     3
        // a:      1      NA     3     4
        // b:      x      y      ""    z
        var rows = MissingRows.Of([["1", "NA", "3", "4"], ["x", "y", "", "z"]]);
        Assert.Equal([0, 3], rows.Kept.ToArray());
        Assert.Equal([1, 2], rows.Dropped.ToArray());
        Assert.Equal(4, rows.RowCount);
        Assert.Equal(["p", "s"], rows.Keep(["p", "q", "r", "s"]));
    }

    [Fact]
    public void InANumericTableNaNIsMissingAndInfinityIsNot()
    {
        var rows = MissingRows.Of([[1.0, 2.0], [double.NaN, 0.0], [double.PositiveInfinity, 1.0], [3.0, 4.0]], [1.0, 2.0, 3.0, double.NaN]);
        Assert.Equal([0, 2], rows.Kept.ToArray());
        Assert.Equal([1, 3], rows.Dropped.ToArray());
    }

    [Fact]
    public void TablesThatDoNotLineUpAreRefused()
    {
        Assert.Throws<DimensionMismatchException>(() => MissingRows.Of([["1", "2"], ["3"]]));
        Assert.Throws<DimensionMismatchException>(() => MissingRows.Of([[1.0], [2.0]], [1.0]));
        Assert.Throws<DimensionMismatchException>(() => MissingRows.Of([["1", "2"]]).Keep([1, 2, 3]));
        Assert.Empty(MissingRows.Of(Array.Empty<string[]>()).Kept);
    }
}
