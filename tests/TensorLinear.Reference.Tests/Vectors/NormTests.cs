namespace TensorLinear.Reference.Tests;

public class NormTests
{
    public static TheoryData<double[], double> SmallIntegerVectorsAndSumsOfSquares => new()
    {
        { [3.0, 3.0], 18.0 },      // ‖(3, 3)‖ = √18 = 3√2
        { [5.0, 5.0], 50.0 },      // ‖(5, 5)‖ = √50 = 5√2
        { [7.0, 4.0], 65.0 },      // ‖(7, 4)‖ = √(49 + 16) = √65
        { [4.0, 5.0, 6.0], 77.0 }, // ‖(4, 5, 6)‖ = √(16 + 25 + 36) = √77
    };

    [Theory]
    [MemberData(nameof(SmallIntegerVectorsAndSumsOfSquares))]
    public void TheEuclideanNormOfSmallIntegersIsTheCorrectlyRoundedRootOfTheSumOfSquares(double[] x, double sumOfSquares) =>
        // The scaled squares and their sum are exact (few significant bits), IEEE sqrt rounds correctly, and
        // scaling by a power of two is exact: the result is the double nearest √(Σxᵢ²), which is Math.Sqrt's.
        Assert.Equal(Math.Sqrt(sumOfSquares), Vector.Norm2(x));

    [Fact]
    public void TheEuclideanNormOfThreeThreeIsThreeRootTwo() =>
        // 3√2 by hand: 3·fl(√2) is two roundings away, the norm (one rounding) one more: 3u
        AssertClose.Relative(3.0 * Math.Sqrt(2.0), Vector.Norm2([3.0, 3.0]), 3);

    [Fact]
    public void TheEuclideanNormAgreesBitForBitWithTheTextbookFormulaOnOrdinaryInputs()
    {
        // Scaling by 2⁻ᵃ is exact and rounding commutes with it, so √(Σxᵢ²) and 2ᵃ√(Σ(2⁻ᵃxᵢ)²) round alike.
        var random = new Random(20240501);
        for (var trial = 0; trial < 200; trial++)
        {
            var x = new double[1 + random.Next(40)];
            for (var i = 0; i < x.Length; i++) x[i] = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9));
            var textbook = Math.Sqrt(x.Sum(xi => xi * xi));
            Assert.Equal(textbook, Vector.Norm2(x));
        }
    }

    [Theory]
    [InlineData(1e200)]
    [InlineData(1e-200)]
    public void TheEuclideanNormNeitherOverflowsNorUnderflowsForComponentsNear1EPlusMinus200(double c)
    {
        double[] x = [c, c];
        // the textbook formula: c² = 1e400 overflows to ∞, or 1e-400 underflows to 0
        var textbook = Math.Sqrt(x[0] * x[0] + x[1] * x[1]);
        Assert.True(double.IsInfinity(textbook) || textbook == 0.0);
        // ‖(c, c)‖ = √2·c. fl(√2)·c is two roundings away; the norm rounds the scaled square (its half counts once
        // the root is taken) and the root: 1.5u. Together 4u covers 3.5u.
        AssertClose.Relative(Math.Sqrt(2.0) * c, Vector.Norm2(x), 4);
    }

    [Fact]
    public void ANormBeyondTheRangeOfDoubleIsSaidToBeOutOfRange()
    {
        // √2·1.5e308 ≈ 2.1e308 and 1e308 + 1e308 exceed double.MaxValue ≈ 1.8e308 (calc norm --p 1 printed Infinity)
        Assert.Throws<OutOfDomainException>(() => Vector.Norm2([1.5e308, 1.5e308]));
        Assert.Throws<OutOfDomainException>(() => Vector.Norm([1e308, 1e308], 1.0));
        Assert.Throws<OutOfDomainException>(() => Vector.Norm([1.5e308, 1.5e308], 3.0)); // 2^(1/3)·1.5e308 ≈ 1.9e308
        Assert.Equal(1e308, Vector.Norm([1e308, 1e308], double.PositiveInfinity));
    }

    [Fact]
    public void TheEuclideanNormOfTheZeroVectorIsZero() =>
        Assert.Equal(0.0, Vector.Norm2([0.0, 0.0, 0.0]));

    [Fact]
    public void TheL1NormSumsTheMagnitudes() =>
        // |1| + |−2| + |3| = 6, exact
        Assert.Equal(6.0, Vector.Norm1([1.0, -2.0, 3.0]));

    [Fact]
    public void TheMaxNormIsTheLargestMagnitude() =>
        // max(|1|, |−7|, |3|) = 7, exact
        Assert.Equal(7.0, Vector.NormInf([1.0, -7.0, 3.0]));

    [Fact]
    public void TheThreeNormOfOneTwoTwoIsTheCubeRootOfSeventeen() =>
        // (1 + 8 + 8)^(1/3) = ∛17. The ratios 1/2, 1, 1, their cubes and sum 2.125 are exact; pow is within an
        // ulp (2u) and the rounded exponent fl(1/3) adds ln(2.125)/3·u ≈ 0.25u; Math.Cbrt is within 2u: 6u.
        AssertClose.Relative(Math.Cbrt(17.0), Vector.NormP([1.0, 2.0, 2.0], 3.0), 6);

    [Theory]
    [InlineData(1e200)]
    [InlineData(1e-200)]
    public void ThePNormNeitherOverflowsNorUnderflowsForComponentsNear1EPlusMinus200(double c) =>
        // ‖(c, c)‖₃ = ∛2·c; c³ would overflow or underflow. The norm: the ratios are exactly 1, the sum 2 exact,
        // pow 2u + 0.25u for fl(1/3), the product u; the expected value: cbrt 2u, product u. Together 6.25u.
        AssertClose.Relative(Math.Cbrt(2.0) * c, Vector.NormP([c, c], 3.0), 7);

    [Fact]
    public void ThePNormOfALargeOrderTendsToTheMaxNormWithoutOverflow() =>
        // ‖(3, 4)‖₁₀₀₀ = 4·(1 + 0.75¹⁰⁰⁰)^(1/1000) and 0.75¹⁰⁰⁰ ≈ 1e-125 is far below u, so the sum rounds to 1
        // and the norm to 4 exactly; 4¹⁰⁰⁰ itself would overflow.
        Assert.Equal(4.0, Vector.NormP([3.0, 4.0], 1000.0));

    [Fact]
    public void ThePNormAtInfinityIsTheMaxNorm() =>
        Assert.Equal(Vector.NormInf([1.0, -7.0, 3.0]), Vector.NormP([1.0, -7.0, 3.0], double.PositiveInfinity));

    [Fact]
    public void TheGeneralPNormAgreesWithTheL1AndEuclideanNorms()
    {
        double[] x = [0.3, -1.2, 2.5, 0.7];
        // NormP at p = 1: four ratios (u each) summed (γ₃ ≈ 3u) and scaled back (u); Norm1 γ₃: 8u covers both
        AssertClose.Relative(Vector.Norm1(x), Vector.NormP(x, 1.0), 8);
        // NormP at p = 2: ratios u, pow 2u (doubling the ratio's u), sum 3u, root 1u and half the rest, product u;
        // Norm2 about 3u: 12u covers both
        AssertClose.Relative(Vector.Norm2(x), Vector.NormP(x, 2.0), 12);
    }

    [Fact]
    public void NormDispatchesOneTwoAndInfinityToTheSpecialisedNorms()
    {
        double[] x = [0.3, -1.2, 2.5, 0.7];
        Assert.Equal(Vector.Norm1(x), Vector.Norm(x, 1.0));
        Assert.Equal(Vector.Norm2(x), Vector.Norm(x, 2.0));
        Assert.Equal(Vector.NormInf(x), Vector.Norm(x, double.PositiveInfinity));
        Assert.Equal(Vector.NormP(x, 3.5), Vector.Norm(x, 3.5));
    }
}
