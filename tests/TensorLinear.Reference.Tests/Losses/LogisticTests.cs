using TensorLinear.Numerics;
using TensorLinear.Reference.Losses;

namespace TensorLinear.Reference.Tests.Losses;

public class LogisticTests
{
    [Fact]
    public void SigmoidOfZeroIsOneHalf() =>
        Assert.Equal(0.5, Logistic.Sigmoid(0.0)); // e⁰ = 1, so 1/(1 + 1)

    [Theory]
    [InlineData(1000.0, 1.0)]  // e⁻¹⁰⁰⁰ underflows to 0 in the z ≥ 0 branch: 1/(1 + 0)
    [InlineData(-1000.0, 0.0)] // e⁻¹⁰⁰⁰ = 0 in the z < 0 branch: 0/(1 + 0); the one-branch form would compute 1/(1 + ∞)
    public void SigmoidIsExactAtTheSaturatedEndsWithoutOverflow(double z, double expected) =>
        Assert.Equal(expected, Logistic.Sigmoid(z));

    [Fact]
    public void SigmoidKeepsAllDigitsOfTinyProbabilities() =>
        // σ(−700) = e⁻⁷⁰⁰/(1 + e⁻⁷⁰⁰) = e⁻⁷⁰⁰ to within 1e-304 relative; 1 − σ(700) would give 0.
        Assert.Equal(Math.Exp(-700.0), Logistic.Sigmoid(-700.0), Math.Exp(-700.0) * 1e-15);

    [Fact]
    public void SigmoidIsSymmetricAboutOneHalf()
    {
        // σ(−z) = e⁻ᶻ/(1 + e⁻ᶻ) = 1 − σ(z), to rounding of σ(z) ≤ 1 (ε).
        for (var z = -30.0; z <= 30.0; z += 0.25)
            Assert.Equal(1.0, Logistic.Sigmoid(z) + Logistic.Sigmoid(-z), 2 * FloatingPoint.Epsilon);
    }

    [Theory]
    [InlineData(0.0, 0.69314718055994531)]      // log(1 + e⁰) = ln 2
    [InlineData(40.0, 40.0)]                    // 40 + log1p(e⁻⁴⁰) = 40 + 4.2e-18, which rounds to 40
    [InlineData(-40.0, 4.248354255291589e-18)]  // log1p(e⁻⁴⁰) = e⁻⁴⁰ − e⁻⁸⁰/2; log(1 + e⁻⁴⁰) would round to log(1) = 0
    [InlineData(1000.0, 1000.0)]                // log(1 + e¹⁰⁰⁰) = 1000 + log1p(e⁻¹⁰⁰⁰); e¹⁰⁰⁰ itself overflows
    [InlineData(-1000.0, 0.0)]                  // e⁻¹⁰⁰⁰ underflows to 0
    public void SoftplusMatchesHandValues(double t, double expected) =>
        Assert.Equal(expected, Logistic.Softplus(t), Math.Abs(expected) * 1e-15);

    [Theory]
    [InlineData(0.0, -0.69314718055994531)] // log ½
    [InlineData(-1000.0, -1000.0)]          // log σ(z) → z as z → −∞; log of a rounded σ(−1000) = 0 would be −∞
    [InlineData(1000.0, 0.0)]               // log 1
    public void LogSigmoidIsMinusSoftplusOfMinusZ(double z, double expected) =>
        Assert.Equal(expected, Logistic.LogSigmoid(z), Math.Abs(expected) * 1e-15);

    [Fact]
    public void InfinitiesGiveTheLimits()
    {
        Assert.Equal(1.0, Logistic.Sigmoid(double.PositiveInfinity));
        Assert.Equal(0.0, Logistic.Sigmoid(double.NegativeInfinity));
        Assert.Equal(0.0, Logistic.Softplus(double.NegativeInfinity));
        Assert.Equal(double.PositiveInfinity, Logistic.Softplus(double.PositiveInfinity));
    }

    [Fact]
    public void NaNIsRejectedNamingTheArgument()
    {
        Assert.Equal("z", Assert.Throws<NonFiniteInputException>(() => Logistic.Sigmoid(double.NaN)).ArgumentName);
        Assert.Equal("z", Assert.Throws<NonFiniteInputException>(() => Logistic.LogSigmoid(double.NaN)).ArgumentName);
        Assert.Equal("t", Assert.Throws<NonFiniteInputException>(() => Logistic.Softplus(double.NaN)).ArgumentName);
    }
}
