namespace TensorLinear.Reference.Tests;

public class DotTests
{
    [Fact]
    public void TheDotProductOfOneTwoAndThreeFourIsEleven() =>
        // 1·3 + 2·4 = 3 + 8 = 11; small integers, so every operation is exact
        Assert.Equal(11.0, Vector.Dot([1.0, 2.0], [3.0, 4.0]));

    [Fact]
    public void PerpendicularVectorsHaveDotProductZero() =>
        // (2, −1)·(1, 2) = 2 − 2 = 0 exactly
        Assert.Equal(0.0, Vector.Dot([2.0, -1.0], [1.0, 2.0]));

    [Fact]
    public void HugeProductsThatCancelGiveZeroWhereThePlainLoopGivesNaN()
    {
        double[] x = [1e200, 1e200], y = [1e200, -1e200];
        // the plain loop: 1e400 overflows to ∞, then ∞ + (−∞) = NaN
        Assert.True(double.IsNaN(x[0] * y[0] + x[1] * y[1]));
        // exactly: 1e200·1e200 − 1e200·1e200 = 0
        Assert.Equal(0.0, Vector.Dot(x, y));
    }

    [Fact]
    public void APartialSumThatOverflowsDoesNotSpoilATotalThatFits() =>
        // 1e308 + 1e308 − 1e308 = 1e308 exactly; left to right, the first sum is already ∞. On copies scaled by
        // 2⁻¹⁰²³ every step is exact, so the result is the double 1e308 itself.
        Assert.Equal(1e308, Vector.Dot([1e308, 1e308, -1e308], [1.0, 1.0, 1.0]));

    [Fact]
    public void ADotProductBeyondTheRangeOfDoubleIsSaidToBeOutOfRange() =>
        // 2·10⁴⁰⁰ exceeds double.MaxValue ≈ 1.8e308: the loop's ∞ is reported, not returned (calc dot printed Infinity)
        Assert.Contains("xᵀy is out of range", Assert.Throws<OutOfDomainException>(() => Vector.Dot([1e200, 1], [1e200, 1])).Message);

    [Fact]
    public void TheDotProductDoesNotModifyItsInputs()
    {
        double[] x = [1e308, 1e308, -1e308], y = [1.0, 1.0, 1.0];
        Vector.Dot(x, y);
        Assert.Equal([1e308, 1e308, -1e308], x);
        Assert.Equal([1.0, 1.0, 1.0], y);
    }
}
