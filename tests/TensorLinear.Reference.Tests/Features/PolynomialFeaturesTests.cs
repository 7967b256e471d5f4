using TensorLinear.Data;
using TensorLinear.Reference.Features;

namespace TensorLinear.Reference.Tests.Features;

public class PolynomialFeaturesTests
{
    [Fact]
    public void EachRowHoldsThePowersOneToK()
    {
        var powers = PolynomialFeatures.Of([2.0, -1.0, 0.5], 3);
        Assert.Equal(new double[,] { { 2, 4, 8 }, { -1, 1, -1 }, { 0.5, 0.25, 0.125 } }, powers);
    }

    [Fact]
    public void ADataSetOfOneFeatureGetsNamedPowers()
    {
        var data = PolynomialFeatures.Of(DataSet.FromRows([[3.0], [2.0]], [1.0, 2.0], ["t"]), 3);
        Assert.Equal(["t", "t^2", "t^3"], data.FeatureNames.ToArray());
        Assert.Equal([3.0, 9.0, 27.0, 2.0, 4.0, 8.0], data.Features.ToArray());
        Assert.Equal([1.0, 2.0], data.TargetArray());
    }

    [Fact]
    public void TheInputIsNotModified()
    {
        double[] x = [2.0, 3.0];
        PolynomialFeatures.Of(x, 4);
        Assert.Equal([2.0, 3.0], x);
    }

    [Fact]
    public void ADegreeBelowOneIsRejected()
    {
        Assert.Equal("degree", Assert.Throws<OutOfDomainException>(() => PolynomialFeatures.Of([1.0], 0)).ArgumentName);
        Assert.Equal("degree", Assert.Throws<OutOfDomainException>(() => PolynomialFeatures.Of(DataSet.FromRows([[1.0]], [1.0]), -1)).ArgumentName);
    }

    [Fact]
    public void APowerThatOverflowsIsRejectedNamingTheRow()
    {
        var e = Assert.Throws<OutOfDomainException>(() => PolynomialFeatures.Of([1.0, 1e200], 2));
        Assert.Contains("x[1] = 1E+200 raised to the power 2 overflows", e.Message);
    }

    [Fact]
    public void EmptyOrNonFiniteInputIsRejected()
    {
        Assert.Throws<EmptyInputException>(() => PolynomialFeatures.Of([], 2));
        Assert.Equal("x", Assert.Throws<NonFiniteInputException>(() => PolynomialFeatures.Of([double.NaN], 2)).ArgumentName);
    }

    [Fact]
    public void MoreThanOneFeatureIsRejected() =>
        Assert.Equal("data", Assert.Throws<DimensionMismatchException>(() =>
            PolynomialFeatures.Of(DataSet.FromRows([[1.0, 2.0]], [1.0]), 2)).ArgumentName);
}
