using TensorLinear.Reference.Losses;

namespace TensorLinear.Reference.Tests.Losses;

public class BinaryCrossEntropyTests
{
    [Theory]
    [InlineData(1.0, 0.0, 0.69314718055994531)] // −log σ(0) = ln 2
    [InlineData(0.0, 0.0, 0.69314718055994531)] // −log(1 − σ(0)) = ln 2
    [InlineData(1.0, 2.0, 0.1269280110429725)]  // softplus(2) − 2 = log1p(e⁻²)
    [InlineData(0.0, 2.0, 2.1269280110429725)]  // softplus(2) = 2 + log1p(e⁻²)
    [InlineData(0.5, 2.0, 1.1269280110429725)]  // a soft label: softplus(2) − 0.5·2
    public void TheLossOfALogitMatchesHandValues(double label, double logit, double expected) =>
        Assert.Equal(expected, BinaryCrossEntropy.OfLogit(label, logit), 1e-15);

    [Theory]
    [InlineData(1.0, 1000.0, 0.0)]    // a confident right answer: log1p(e⁻¹⁰⁰⁰) = 0
    [InlineData(0.0, -1000.0, 0.0)]
    [InlineData(0.0, 1000.0, 1000.0)] // a confident wrong answer costs |z|: max(z, 0) − 0 + log1p(0)
    [InlineData(1.0, -1000.0, 1000.0)] // 0 − (−1000) + 0
    public void TheLossOfALogitIsFiniteAndExactAtPlusMinusOneThousand(double label, double logit, double expected) =>
        // log σ(−1000) from a rounded σ = 0 would be −∞; the softplus form never forms σ.
        Assert.Equal(expected, BinaryCrossEntropy.OfLogit(label, logit));

    [Theory]
    [InlineData(1.0, 0.8, 0.2231435513142097)] // −ln 0.8
    [InlineData(0.0, 0.8, 1.6094379124341003)] // −ln 0.2
    [InlineData(1.0, 1.0, 0.0)]                // −ln 1
    public void TheLossOfAProbabilityMatchesHandValues(double label, double probability, double expected) =>
        Assert.Equal(expected, BinaryCrossEntropy.OfProbability(label, probability), 1e-15);

    [Theory]
    [InlineData(1.0, 0.0, 100.0)] // −max(log 0, −100)
    [InlineData(0.0, 1.0, 100.0)] // −max(log1p(−1), −100)
    [InlineData(0.0, 0.0, 0.0)]   // 0·log 0 counts as 0 thanks to the floor: 0·(−100)
    public void ProbabilitiesOfZeroAndOneAreClampedAtALogOfMinusOneHundred(double label, double probability, double expected) =>
        Assert.Equal(expected, BinaryCrossEntropy.OfProbability(label, probability));

    [Fact]
    public void TheProbabilityAndLogitFormsAgreeWherePIsNotRounded()
    {
        // Same quantity, −[y log σ(z) + (1 − y) log(1 − σ(z))]; σ(z) carries a relative rounding error of ε, and log turns
        // that into an absolute error of about ε/(1 − σ) ≤ e⁸·ε ≈ 7e-13 for |z| ≤ 8.
        for (var z = -8.0; z <= 8.0; z += 0.5)
            foreach (var y in new[] { 0.0, 1.0 })
                Assert.Equal(BinaryCrossEntropy.OfLogit(y, z), BinaryCrossEntropy.OfProbability(y, Logistic.Sigmoid(z)), 1e-12);
    }

    [Fact]
    public void TheMeanFromLogitsIsTheAverageOfTheRowLosses() =>
        // (ln 2 + log1p(e⁻²) + 1000)/3 from the rows above.
        Assert.Equal((0.69314718055994531 + 0.1269280110429725 + 1000.0) / 3,
                     BinaryCrossEntropy.FromLogits([1.0, 1.0, 0.0], [0.0, 2.0, 1000.0]), 1e-12);

    [Fact]
    public void TheMeanFromProbabilitiesIsTheAverageOfTheRowLosses() =>
        Assert.Equal((0.2231435513142097 + 1.6094379124341003) / 2,
                     BinaryCrossEntropy.FromProbabilities([1.0, 0.0], [0.8, 0.8]), 1e-15);

    [Fact]
    public void AProbabilityOutsideZeroToOneIsRejectedNamingIt()
    {
        Assert.Equal("probability", Assert.Throws<OutOfDomainException>(() => BinaryCrossEntropy.OfProbability(1.0, 1.5)).ArgumentName);
        Assert.Equal("probabilities[1]", Assert.Throws<OutOfDomainException>(() => BinaryCrossEntropy.FromProbabilities([1.0, 0.0], [0.5, -0.1])).ArgumentName);
        Assert.Throws<OutOfDomainException>(() => BinaryCrossEntropy.OfProbability(1.0, double.NaN));
    }

    [Fact]
    public void ALabelOutsideZeroToOneIsRejectedNamingIt()
    {
        Assert.Equal("label", Assert.Throws<OutOfDomainException>(() => BinaryCrossEntropy.OfLogit(2.0, 0.0)).ArgumentName);
        Assert.Equal("labels[0]", Assert.Throws<OutOfDomainException>(() => BinaryCrossEntropy.FromLogits([-1.0], [0.0])).ArgumentName);
    }

    [Fact]
    public void ANonFiniteLogitIsRejected()
    {
        Assert.Equal("logit", Assert.Throws<NonFiniteInputException>(() => BinaryCrossEntropy.OfLogit(1.0, double.PositiveInfinity)).ArgumentName);
        Assert.Equal("logits", Assert.Throws<NonFiniteInputException>(() => BinaryCrossEntropy.FromLogits([1.0], [double.NaN])).ArgumentName);
    }

    [Fact]
    public void MismatchedOrEmptyArraysAreRejected()
    {
        Assert.Throws<DimensionMismatchException>(() => BinaryCrossEntropy.FromLogits([1.0, 0.0], [0.0]));
        Assert.Throws<EmptyInputException>(() => BinaryCrossEntropy.FromProbabilities([], []));
    }
}
