using TensorLinear.Numerics;

namespace TensorLinear.Reference.Tests.Losses;

public class Log1pTests
{
    [Theory]
    [InlineData(1e-17, 1e-17)]                                // below u: log(1 + x) = x − x²/2 rounds to x; log(1 + x) gives 0
    [InlineData(3e-10, 2.99999999955e-10)]                    // x − x²/2 + x³/3: 3e-10 − 4.5e-20 (the cube is below u)
    [InlineData(1.0, 0.69314718055994531)]                    // ln 2
    [InlineData(-0.5, -0.69314718055994531)]                  // ln ½
    [InlineData(1e300, 690.77552789821368)]                   // 300·ln 10
    public void Log1pIsAccurateForTinyAndOrdinaryArguments(double x, double expected) =>
        Assert.Equal(expected, Elementary.Log1p(x), Math.Abs(expected) * 4e-16);

    [Fact]
    public void Log1pFollowsLogAtTheEdgesOfItsDomain()
    {
        Assert.Equal(double.NegativeInfinity, Elementary.Log1p(-1.0));
        Assert.Equal(double.PositiveInfinity, Elementary.Log1p(double.PositiveInfinity));
        Assert.True(double.IsNaN(Elementary.Log1p(-2.0)));
    }
}
