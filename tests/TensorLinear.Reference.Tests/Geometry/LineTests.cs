using TensorLinear.Numerics;

namespace TensorLinear.Reference.Tests;

public class LineTests
{
    private const double U = FloatingPoint.UnitRoundoff;

    [Fact]
    public void TheLineThroughOneTwoAndThreeSixIsYEqualsTwoX() =>
        // m = (6 − 2)/(3 − 1) = 2, b = 2 − 2·1 = 0, all exact
        Assert.Equal(new Line.Sloped(2.0, 0.0), Line.Through([1.0, 2.0], [3.0, 6.0]));

    [Fact]
    public void TheLineThroughOneOneAndThreeTwoHasSlopeAndInterceptOneHalf() =>
        // m = (2 − 1)/(3 − 1) = 1/2, b = 1 − (1/2)·1 = 1/2, all exact
        Assert.Equal(new Line.Sloped(0.5, 0.5), Line.Through([1.0, 1.0], [3.0, 2.0]));

    [Fact]
    public void PointsSharingTheirXGiveAVerticalLineNotAnInfiniteSlope() =>
        Assert.Equal(new Line.Vertical(2.0), Line.Through([2.0, 1.0], [2.0, 5.0]));

    [Fact]
    public void PointsSharingTheirYGiveAHorizontalLine() =>
        // m = 0/4 = 0, b = 3
        Assert.Equal(new Line.Sloped(0.0, 3.0), Line.Through([0.0, 3.0], [4.0, 3.0]));

    [Fact]
    public void LinesWithEqualSlopesAreParallel()
    {
        Assert.True(new Line.Sloped(2.0, 1.0).IsParallelTo(new Line.Sloped(2.0, -3.0)));
        Assert.False(new Line.Sloped(2.0, 1.0).IsParallelTo(new Line.Sloped(3.0, 1.0)));
    }

    [Fact]
    public void ALineIsParallelToItself() =>
        Assert.True(new Line.Sloped(2.0, 1.0).IsParallelTo(new Line.Sloped(2.0, 1.0)));

    [Fact]
    public void VerticalLinesAreParallelToEachOtherAndToNoSlopedLine()
    {
        Assert.True(new Line.Vertical(1.0).IsParallelTo(new Line.Vertical(5.0)));
        Assert.False(new Line.Vertical(1.0).IsParallelTo(new Line.Sloped(1e300, 0.0)));
        Assert.False(new Line.Sloped(1e300, 0.0).IsParallelTo(new Line.Vertical(1.0)));
    }

    [Fact]
    public void SlopesFromRoundedPointsNeedAToleranceToCompareAsParallel()
    {
        // through (0, 0) and (0.1, 0.3) the slope is fl(0.3)/fl(0.1) = 2.9999999999999996, not 3
        var line = Line.Through([0.0, 0.0], [0.1, 0.3]);
        Assert.False(line.IsParallelTo(new Line.Sloped(3.0, 1.0)));
        // each coordinate is within u/2 relative of its decimal, and the quotient rounds once: 2u relative to 3
        Assert.True(line.IsParallelTo(new Line.Sloped(3.0, 1.0), 2 * U));
    }

    [Fact]
    public void PerpendicularLinesHaveSlopesMultiplyingToMinusOne()
    {
        var line = new Line.Sloped(2.0, 1.0);
        var perpendicular = line.PerpendicularThrough([2.0, 5.0]);
        // m⊥ = −1/2, b = 5 − (−1/2)·2 = 6, all exact; 2·(−1/2) = −1
        Assert.Equal(new Line.Sloped(-0.5, 6.0), perpendicular);
        Assert.Equal(-1.0, line.Slope * ((Line.Sloped)perpendicular).Slope);
        Assert.True(line.IsPerpendicularTo(perpendicular));
        Assert.True(perpendicular.IsPerpendicularTo(line));
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(49.0)]
    [InlineData(0.1)]
    [InlineData(-7.0)]
    [InlineData(1e-3)]
    [InlineData(12345.678)]
    public void SlopesOfPerpendicularLinesMultiplyToMinusOneWithinOneRounding(double m)
    {
        var line = new Line.Sloped(m, 1.0);
        var perpendicular = (Line.Sloped)line.PerpendicularThrough([1.0, 1.0]);
        // m⊥ = fl(−1/m) = −(1 + δ)/m with |δ| ≤ u, so m·m⊥ + 1 = −δ exactly (a fused multiply–add adds no rounding)
        Assert.True(Math.Abs(Math.FusedMultiplyAdd(m, perpendicular.Slope, 1.0)) <= U);
        Assert.True(line.IsPerpendicularTo(perpendicular, U));
    }

    [Fact]
    public void ARoundedPerpendicularSlopeIsNotExactlyPerpendicularWithoutTolerance()
    {
        var line = new Line.Sloped(49.0, 0.0);
        // 1/49 is not a double, so 49·fl(−1/49) ≠ −1 exactly: the exact test says no, a one-rounding tolerance yes
        Assert.False(line.IsPerpendicularTo(line.PerpendicularThrough([0.0, 0.0])));
        Assert.True(line.IsPerpendicularTo(line.PerpendicularThrough([0.0, 0.0]), U));
    }

    [Fact]
    public void HorizontalAndVerticalLinesArePerpendicularEitherWayRound()
    {
        Line horizontal = new Line.Sloped(0.0, 3.0), vertical = new Line.Vertical(2.0);
        Assert.True(horizontal.IsPerpendicularTo(vertical));
        Assert.True(vertical.IsPerpendicularTo(horizontal));
        Assert.False(vertical.IsPerpendicularTo(new Line.Sloped(1e-300, 0.0)));
        Assert.False(vertical.IsPerpendicularTo(new Line.Vertical(5.0)));
    }

    [Fact]
    public void ThePerpendicularToAHorizontalLineIsVertical() =>
        Assert.Equal(new Line.Vertical(4.0), new Line.Sloped(0.0, 3.0).PerpendicularThrough([4.0, -1.0]));

    [Fact]
    public void ThePerpendicularToAVerticalLineIsHorizontal() =>
        Assert.Equal(new Line.Sloped(0.0, -1.0), new Line.Vertical(2.0).PerpendicularThrough([4.0, -1.0]));

    [Fact]
    public void ThePerpendicularPassesThroughThePoint()
    {
        var perpendicular = (Line.Sloped)new Line.Sloped(0.75, -2.0).PerpendicularThrough([1.5, 2.5]);
        // b = fl(2.5 − m⊥·1.5) ≈ 4.5 is one rounding, 4.5u, from exact for the stored m⊥; evaluating m⊥·1.5 + b here
        // rounds twice more, by 2u and 2.5u: within 9u of 2.5
        AssertClose.Within(2.5, perpendicular.Slope * 1.5 + perpendicular.Intercept, 9 * U);
    }
}

public class LineBadInputTests
{
    public static TheoryData<string, Action, Type, string> Cases => new()
    {
        { "coincident points", () => Line.Through([1.0, 2.0], [1.0, 2.0]), typeof(DegenerateInputException), "q" },
        { "a first point with 3 coordinates", () => Line.Through([1.0, 2.0, 3.0], [1.0, 2.0]), typeof(DimensionMismatchException), "p" },
        { "a second point with 1 coordinate", () => Line.Through([1.0, 2.0], [1.0]), typeof(DimensionMismatchException), "q" },
        { "an empty point", () => Line.Through([], [1.0, 2.0]), typeof(EmptyInputException), "p" },
        { "a NaN coordinate", () => Line.Through([1.0, double.NaN], [1.0, 2.0]), typeof(NonFiniteInputException), "p" },
        { "an infinite coordinate", () => Line.Through([1.0, 2.0], [double.PositiveInfinity, 2.0]), typeof(NonFiniteInputException), "q" },
        // rise 1 over run 1e-310 is a slope of 1e310, beyond double
        { "points too steep for slope–intercept form", () => Line.Through([0.0, 0.0], [1e-310, 1.0]), typeof(OutOfDomainException), "q" },
        // −1/1e-310 overflows
        { "the perpendicular to a line of subnormal slope", () => new Line.Sloped(1e-310, 0.0).PerpendicularThrough([0.0, 0.0]), typeof(OutOfDomainException), "point" },
        { "a perpendicular through a point with 3 coordinates", () => new Line.Sloped(1.0, 0.0).PerpendicularThrough([0.0, 0.0, 0.0]), typeof(DimensionMismatchException), "point" },
        { "a perpendicular through a NaN point", () => new Line.Vertical(1.0).PerpendicularThrough([double.NaN, 0.0]), typeof(NonFiniteInputException), "point" },
        { "a NaN slope", () => new Line.Sloped(double.NaN, 0.0), typeof(NonFiniteInputException), "slope" },
        { "an infinite intercept", () => new Line.Sloped(1.0, double.NegativeInfinity), typeof(NonFiniteInputException), "intercept" },
        { "an infinite vertical line", () => new Line.Vertical(double.PositiveInfinity), typeof(NonFiniteInputException), "x" },
        { "a negative parallel tolerance", () => new Line.Vertical(1.0).IsParallelTo(new Line.Vertical(2.0), -1e-16), typeof(OutOfDomainException), "tolerance" },
        { "a NaN perpendicular tolerance", () => new Line.Vertical(1.0).IsPerpendicularTo(new Line.Vertical(2.0), double.NaN), typeof(OutOfDomainException), "tolerance" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryBadInputThrowsItsTypedExceptionNamingTheArgument(string input, Action call, Type exception, string argument)
    {
        var thrown = Record.Exception(call);
        Assert.True(thrown?.GetType() == exception,
            $"{input}: expected {exception.Name}, got {thrown?.GetType().Name ?? "no exception"} {thrown?.Message}");
        Assert.Equal(argument, ((InvalidInputException)thrown!).ArgumentName);
    }
}
