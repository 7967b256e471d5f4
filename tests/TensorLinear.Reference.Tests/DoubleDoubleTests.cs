using TensorLinear.Numerics;

namespace TensorLinear.Reference.Tests;

// The oracle's arithmetic against values computed once with mpmath at 50 digits, each written as hi + lo (the nearest
// double and the nearest double to the rest): agreement to about 2⁻¹⁰⁰ relative is what the oracle needs.
public class DoubleDoubleTests
{
    private static void Close(double hi, double lo, DoubleDouble actual, double relative = 1e-30)
    {
        var error = Math.Abs((actual.Hi - hi) + (actual.Lo - lo));
        Assert.True(error <= relative * Math.Abs(hi), $"expected {hi:R} + {lo:R}, got {actual}: off by {error:R}");
    }

    [Fact]
    public void SumsKeepWhatDoubleRoundsAway()
    {
        // 1 + 2⁻⁸⁰ − 1 is 0 in double; in double-double it is 2⁻⁸⁰ exactly.
        var sum = (DoubleDouble)1.0 + Math.ScaleB(1.0, -80) - 1.0;
        Assert.Equal(Math.ScaleB(1.0, -80), sum.Hi);
        Assert.Equal(0.0, sum.Lo);
    }

    [Fact]
    public void ProductsAreExactAndQuotientsAndRootsHaveAllDigits()
    {
        // (1 + 2⁻³⁰)² = 1 + 2⁻²⁹ + 2⁻⁶⁰ exactly, which needs 61 bits.
        var a = (DoubleDouble)1.0 + Math.ScaleB(1.0, -30);
        var square = a * a;
        Assert.Equal(1.0 + Math.ScaleB(1.0, -29), square.Hi);
        Assert.Equal(Math.ScaleB(1.0, -60), square.Lo);
        Close(0.3333333333333333, 1.850371707708594e-17, (DoubleDouble)1.0 / 3.0);      // mpmath 1/3
        Close(1.4142135623730951, -9.667293313452913e-17, DoubleDouble.Sqrt(2.0));     // mpmath √2
    }

    [Theory]
    [InlineData(-40.0, 4.248354255291589e-18, 1.2437470802645773e-34)]
    [InlineData(1.0, 2.718281828459045, 1.4456468917292502e-16)]
    [InlineData(700.5, 1.6721859620674984e+304, 1.0957735777569338e+288)]
    public void ExpMatchesMpmath(double a, double hi, double lo) => Close(hi, lo, DoubleDouble.Exp(a), 1e-29);

    [Theory]
    [InlineData(1e-20, 1e-20, -5e-41)]
    [InlineData(0.75, 0.5596157879354227, 2.685492580212308e-17)]
    [InlineData(3.5, 1.5040773967762742, -9.359411037597794e-17)]
    public void Log1pMatchesMpmath(double a, double hi, double lo) => Close(hi, lo, DoubleDouble.Log1p(a));

    [Theory]
    [InlineData(10.0, 2.302585092994046, -2.1707562233822494e-16)]         // mpmath log 10
    [InlineData(1e300, 690.7755278982137, 2.3747660028800243e-14)]         // mpmath, of the double 1e300
    [InlineData(1e-300, -690.7755278982137, -2.3670096176709832e-14)]
    [InlineData(1.0000000000009095, 9.094947017725146e-13, 2.5077212817525026e-37)] // 1 + 2⁻⁴⁰: the digits past 1 kept
    public void LogarithmsHaveAllDigitsFromTheSubnormalsToTheTop(double a, double hi, double lo)
    {
        Assert.Equal(1.0000000000009095, 1.0 + Math.ScaleB(1.0, -40)); // the literal is 1 + 2⁻⁴⁰ exactly
        Close(hi, lo, DoubleDouble.Log(a));
    }

    [Theory]
    [InlineData(1.0, 3.0, 0.3217505543966422, 7.917392525722143e-18)]      // mpmath atan2
    [InlineData(1e-10, -1.0, 3.141592653489793, 1.3073871701100146e-16)]   // near π, where sin θ is tiny
    [InlineData(-2.0, -5.0, -2.761086276477428, -1.3806567625578835e-16)]  // third quadrant
    [InlineData(3.0, 1e-8, 1.5707963234615634, -1.0705563328645657e-16)]   // near π/2
    public void AnglesHaveAllDigitsInEveryQuadrant(double y, double x, double hi, double lo) =>
        Close(hi, lo, DoubleDouble.Atan2(y, x));
}
