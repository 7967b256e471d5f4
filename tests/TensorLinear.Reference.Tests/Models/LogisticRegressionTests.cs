using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Models;

namespace TensorLinear.Reference.Tests.Models;

public class LogisticRegressionTests
{
    // Hand-worked: x = (0, 1, 2), y = (0, 1, 1), w = 1, b = −1, so z = (−1, 0, 1),
    // σ(z) = (0.26894142136999510, 0.5, 0.73105857863000490) and σ(1 − σ) = (0.19661193324148185, 0.25, 0.19661193324148185).
    private static readonly DataSet Data = DataSet.FromRows([[0.0], [1.0], [2.0]], [0.0, 1.0, 1.0]);
    private static readonly LinearModel Model = new([1.0], -1.0);

    [Fact]
    public void PredictionsAreSigmoidOfXwPlusB()
    {
        var p = LogisticRegression.Predict(Data, Model);
        Assert.Equal(0.2689414213699951, p[0], 1e-16);
        Assert.Equal(0.5, p[1]);
        Assert.Equal(0.7310585786300049, p[2], 1e-16);
    }

    [Fact]
    public void ClassesAreOneWhereTheScoreIsAtLeastZero() =>
        Assert.Equal([0.0, 1.0, 1.0], LogisticRegression.Classify(Data, Model)); // z = (−1, 0, 1): σ(0) = ½ counts as class 1

    [Fact]
    public void LossIsTheMeanOfSoftplusZMinusYZ() =>
        // (softplus(−1) + softplus(0) + softplus(1) − 1)/3 = (0.31326168751822286 + ln 2 + 0.31326168751822286)/3.
        Assert.Equal(0.439890185198797, LogisticRegression.Loss(Data, Model), 1e-15);

    [Fact]
    public void GradientIsOneOverNTimesXTransposeOfSigmaMinusY()
    {
        var g = LogisticRegression.Gradient(Data, Model);
        // σ − y = (0.2689414213699951, −0.5, −0.2689414213699951).
        Assert.Equal(-0.34596094757999674, g.Weights[0], 1e-16); // (0 − 0.5 − 2·0.26894…)/3
        Assert.Equal(-1.0 / 6, g.Bias, 1e-16);                    // (0.26894… − 0.5 − 0.26894…)/3
    }

    [Fact]
    public void HessianIsTheGramMatrixWeightedBySigmaTimesOneMinusSigma()
    {
        var h = LogisticRegression.Hessian(Data, Model);
        Assert.Equal(0.34548257765530915, h[0, 0], 1e-16); // (0·0.1966 + 1·0.25 + 4·0.1966)/3
        Assert.Equal(0.21440795549432123, h[0, 1], 1e-16); // (0·0.1966 + 1·0.25 + 2·0.1966)/3
        Assert.Equal(h[0, 1], h[1, 0]);
        Assert.Equal(0.21440795549432123, h[1, 1], 1e-16); // (0.1966 + 0.25 + 0.1966)/3
    }

    [Fact]
    public void PenaltiesAddToTheWeightsOnly()
    {
        var penalty = new Penalty(l2: 0.5, l1: 0.25);
        Assert.Equal(0.439890185198797 + 0.5 + 0.25, LogisticRegression.Loss(Data, Model, penalty), 1e-15);
        var g = LogisticRegression.Gradient(Data, Model, penalty);
        Assert.Equal(-0.34596094757999674 + 1.0 + 0.25, g.Weights[0], 1e-15); // + 2λ₂w + λ₁sign(w)
        Assert.Equal(-1.0 / 6, g.Bias, 1e-16);
        Assert.Equal(0.34548257765530915 + 1.0, LogisticRegression.Hessian(Data, Model, penalty)[0, 0], 1e-15);
    }

    [Fact]
    public void LogitsOfPlusMinusOneThousandGiveAFiniteExactLoss()
    {
        // z = (1000, −1000, 1000) against y = (1, 0, 0): row losses 0, 0 and 1000 (softplus(1000) − 0).
        var data = DataSet.FromRows([[1.0], [-1.0], [1.0]], [1.0, 0.0, 0.0]);
        var model = new LinearModel([1000.0], 0.0);
        Assert.Equal(1000.0 / 3, LogisticRegression.Loss(data, model), 1e-12);
        var g = LogisticRegression.Gradient(data, model);
        Assert.Equal(1.0 / 3, g.Weights[0], 1e-15); // σ − y = (0, 0, 1), times x = (1, −1, 1)
        Assert.Equal(0.0, LogisticRegression.Hessian(data, model)[0, 0]); // σ(1 − σ) = e⁻¹⁰⁰⁰ underflows to 0
    }

    [Fact]
    public void LabelsThatAreNotZeroOrOneAreRejectedNamingTheData()
    {
        var data = DataSet.FromRows([[0.0], [1.0]], [0.0, 2.0]);
        var e = Assert.Throws<OutOfDomainException>(() => LogisticRegression.Loss(data, Model));
        Assert.Equal("data", e.ArgumentName);
        Assert.Contains("label 1 is 2", e.Message);
        Assert.Throws<OutOfDomainException>(() => LogisticRegression.Gradient(data, Model));
        Assert.Throws<OutOfDomainException>(() => LogisticRegression.Hessian(data, Model));
    }

    [Fact]
    public void PredictionDoesNotReadTheTargets() =>
        Assert.Equal(3, LogisticRegression.Predict(Data.WithTargets([7.0, 8.0, 9.0]), Model).Length);

    [Fact]
    public void AModelWithTheWrongNumberOfWeightsIsRejectedNamingIt() =>
        Assert.Equal("model", Assert.Throws<DimensionMismatchException>(() => LogisticRegression.Gradient(Data, LinearModel.Zero(2))).ArgumentName);
}
