using TensorLinear.Numerics;

namespace TensorLinear.Reference.Tests;

public class UnitVectorTests
{
    [Fact]
    public void TheUnitVectorOfOneTwoThreeIsOneTwoThreeOverRootFourteen()
    {
        // x/‖x‖ = (1, 2, 3)/√14. Expected: fl(√14) then a division, 2u; computed: the root of the exact scaled sum
        // 3.5, then a division, 2u. Together 4u.
        var root14 = Math.Sqrt(14.0);
        AssertClose.Relative([1.0 / root14, 2.0 / root14, 3.0 / root14], Vector.Unit([1.0, 2.0, 3.0]), 4);
    }

    [Fact]
    public void TheUnitVectorHasNormOne() =>
        // each component of x̂ is within 2u of exact, so ‖x̂‖ is within 2u of 1, and its computation adds
        // (n/2 + 1)u = 2.5u for n = 3: 5u
        AssertClose.Relative(1.0, Vector.Norm2(Vector.Unit([1.0, 2.0, 3.0])), 5);

    [Theory]
    [InlineData(1e300)]
    [InlineData(1e-300)]
    public void TheUnitVectorOfHugeOrTinyComponentsIsExactWhereTheTextbookQuotientFails(double c)
    {
        double[] x = [3.0 * c, 4.0 * c];
        // (3c, 4c)/‖(3c, 4c)‖ = (0.6, 0.8) for any c > 0; the textbook ‖x‖ is ∞ or 0 here. The scaled norm is
        // computed within 1.5u and each quotient rounds once more, and the literals are within u/2: 3u.
        AssertClose.Relative([0.6, 0.8], Vector.Unit(x), 3);
    }

    [Fact]
    public void TheUnitVectorIsAFreshArray()
    {
        double[] x = [1.0, 0.0];
        var unit = Vector.Unit(x);
        Assert.NotSame(x, unit);
        unit[0] = 5.0;
        Assert.Equal([1.0, 0.0], x);
    }
}

public class CosineTests
{
    [Fact]
    public void TheCosineOfOneTwoAndThreeFourIsElevenOverFiveRootFive() =>
        // xᵀy/(‖x‖‖y‖) = 11/(√5·5). The computed cosine: unit vectors within 2u each, a dot of two positive terms
        // γ₂ ≈ 2u: 6u. The expected value: sqrt, product, quotient, 3u. Together 9u.
        AssertClose.Relative(11.0 / (5.0 * Math.Sqrt(5.0)), Vector.Cosine([1.0, 2.0], [3.0, 4.0]), 9);

    [Fact]
    public void TheCosineNeverLeavesMinusOneToOneEvenWhenRoundingWould()
    {
        double[] x = [1.0, 5.0];
        // for (1, 5) the rounded unit vector has x̂ᵀx̂ = 1 + 2u (found by search over small integer vectors)
        Assert.True(Vector.Dot(Vector.Unit(x), Vector.Unit(x)) > 1.0);
        Assert.Equal(1.0, Vector.Cosine(x, x));
        Assert.Equal(-1.0, Vector.Cosine(x, [-1.0, -5.0]));
    }

    [Fact]
    public void TheCosineOfPerpendicularVectorsIsZero() =>
        // (1, 0)·(0, 1) = 0 exactly
        Assert.Equal(0.0, Vector.Cosine([1.0, 0.0], [0.0, 1.0]));
}

public class AngleTests
{
    [Fact]
    public void TheAngleOfNearlyParallelVectorsIsAccurateWhereAcosReturnsZero()
    {
        double[] x = [1.0, 0.0], y = [1.0, 1e-10];
        // the cosine 1/√(1 + 10⁻²⁰) rounds to 1, so acos of it returns 0: every digit lost
        Assert.Equal(0.0, Math.Acos(Vector.Cosine(x, y)));
        // θ = atan(10⁻¹⁰) = 10⁻¹⁰ − 3.3·10⁻³¹: 10⁻¹⁰ to 3e-21 relative. ŷ = (1, 10⁻¹⁰) and x̂ − ŷ are exact, its
        // norm is within 1.5u and atan2 within an ulp (2u): 4u.
        AssertClose.Relative(1e-10, Vector.Angle(x, y), 4);
    }

    [Fact]
    public void TheAngleOfNearlyOppositeVectorsIsAccurateWhereAcosReturnsPi()
    {
        double[] x = [1.0, 0.0], y = [-1.0, 1e-10];
        var exact = Math.PI - 1e-10; // π − 10⁻¹⁰ + O(10⁻³⁰), with fl(π) (u) and the subtraction (u) rounded
        // 2·atan2(2, 10⁻¹⁰): atan2 within an ulp of π/2, so 2u relative; the expected value 2u: 4u of π
        var bound = 4 * FloatingPoint.UnitRoundoff * Math.PI;
        AssertClose.Within(exact, Vector.Angle(x, y), bound);
        // the cosine −1/√(1 + 10⁻²⁰) rounds to −1 and acos(−1) = fl(π): off by 10⁻¹⁰, some 70 000 times the bound
        Assert.Equal(Math.PI, Math.Acos(Vector.Cosine(x, y)));
        Assert.True(Math.Abs(Math.PI - exact) > 1e4 * bound);
    }

    [Fact]
    public void ParallelVectorsMakeAnAngleOfExactlyZero() =>
        // (2, 4) = 2·(1, 2) and scaling by 2 is exact, so the two unit vectors are identical and ‖x̂ − ŷ‖ = 0
        Assert.Equal(0.0, Vector.Angle([2.0, 4.0], [1.0, 2.0]));

    [Fact]
    public void OppositeVectorsMakeAnAngleOfPi() =>
        // ‖x̂ + ŷ‖ = 0, so 2·atan2(2, 0) = 2·fl(π/2) = fl(π)
        Assert.Equal(Math.PI, Vector.Angle([1.0, 2.0], [-1.0, -2.0]));

    [Fact]
    public void PerpendicularVectorsMakeARightAngle() =>
        // ‖x̂ − ŷ‖ = ‖x̂ + ŷ‖ = √2, and atan2(a, a) = fl(π/4): 2·fl(π/4) = fl(π/2) exactly
        Assert.Equal(Math.PI / 2.0, Vector.Angle([1.0, 0.0], [0.0, 3.0]));

    [Theory]
    [InlineData(new[] { 1.0, 0.0 }, new[] { 0.0, 1.0 }, 90.0)]   // perpendicular
    [InlineData(new[] { 1.0, 0.0 }, new[] { 1.0, 1.0 }, 45.0)]   // the diagonal
    [InlineData(new[] { 1.0, 0.0 }, new[] { -1.0, 0.0 }, 180.0)] // opposite
    public void TheAngleInDegreesIsTheAngleTimes180OverPi(double[] x, double[] y, double degrees) =>
        // the angle in radians within 2u (atan2, and for 45° the unit vector (1, 1)/√2 that feeds it), then
        // ·180/π with 180/π rounded and the product rounded: 4u
        AssertClose.Relative(degrees, Vector.AngleDegrees(x, y), 4);

    [Fact]
    public void TheAngleIsSymmetric() =>
        Assert.Equal(Vector.Angle([0.3, -1.2, 2.5], [1.0, 0.5, -0.25]), Vector.Angle([1.0, 0.5, -0.25], [0.3, -1.2, 2.5]));
}
