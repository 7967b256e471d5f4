using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Models;

namespace TensorLinear.Reference.Tests.Models;

public class LinearRegressionTests
{
    // Hand-worked throughout: x = (1, 2, 3), y = (2, 3, 5), w = 1, b = 0.5, so ŷ = (1.5, 2.5, 3.5) and
    // ŷ − y = (−0.5, −0.5, −1.5); Σx = 6, Σx² = 14, n = 3.
    private static readonly DataSet Data = DataSet.FromRows([[1.0], [2.0], [3.0]], [2.0, 3.0, 5.0]);
    private static readonly LinearModel Model = new([1.0], 0.5);

    [Fact]
    public void PredictionsAreXwPlusB() =>
        Assert.Equal([1.5, 2.5, 3.5], LinearRegression.Predict(Data, Model));

    [Fact]
    public void LossIsTheMeanSquaredResidual() =>
        Assert.Equal(2.75 / 3, LinearRegression.Loss(Data, Model), 1e-15); // (0.25 + 0.25 + 2.25)/3

    [Fact]
    public void GradientIsTwoOverNTimesXTransposeResidual()
    {
        var g = LinearRegression.Gradient(Data, Model);
        Assert.Equal(-4.0, g.Weights[0], 1e-15);    // (2/3)(−0.5·1 − 0.5·2 − 1.5·3) = (2/3)(−6)
        Assert.Equal(-5.0 / 3, g.Bias, 1e-15);      // (2/3)(−0.5 − 0.5 − 1.5)
    }

    [Fact]
    public void HessianIsTwoOverNTimesTheGramMatrixOfXWithOnes()
    {
        var h = LinearRegression.Hessian(Data, Model);
        // (2/3)[[Σx², Σx], [Σx, n]] = (2/3)[[14, 6], [6, 3]].
        Assert.Equal(28.0 / 3, h[0, 0], 1e-14);
        Assert.Equal(4.0, h[0, 1], 1e-15);
        Assert.Equal(4.0, h[1, 0], 1e-15);
        Assert.Equal(2.0, h[1, 1], 1e-15);
    }

    [Fact]
    public void ARidgePenaltyAddsLambdaWSquaredAndTwoLambdaWButLeavesTheBiasAlone()
    {
        var ridge = new Penalty(l2: 0.5);
        Assert.Equal(2.75 / 3 + 0.5, LinearRegression.Loss(Data, Model, ridge), 1e-15); // + 0.5·1²
        var g = LinearRegression.Gradient(Data, Model, ridge);
        Assert.Equal(-4.0 + 1.0, g.Weights[0], 1e-15); // + 2·0.5·1
        Assert.Equal(-5.0 / 3, g.Bias, 1e-15);
        var h = LinearRegression.Hessian(Data, Model, ridge);
        Assert.Equal(28.0 / 3 + 1.0, h[0, 0], 1e-14);  // + 2·0.5 on the weight diagonal
        Assert.Equal(2.0, h[1, 1], 1e-15);             // the bias entry is not penalised
    }

    [Fact]
    public void ALassoPenaltyAddsLambdaAbsWAndLambdaSignW()
    {
        var lasso = new Penalty(l1: 0.25);
        Assert.Equal(2.75 / 3 + 0.25, LinearRegression.Loss(Data, Model, lasso), 1e-15); // + 0.25·|1|
        var g = LinearRegression.Gradient(Data, Model, lasso);
        Assert.Equal(-4.0 + 0.25, g.Weights[0], 1e-15); // + 0.25·sign(1)
        Assert.Equal(-5.0 / 3, g.Bias, 1e-15);
    }

    [Theory]
    [InlineData(-1.0, -0.25)] // λ₁·sign(−1)
    [InlineData(0.0, 0.0)]    // sign(0) = 0: the subgradient libtorch also picks at the kink
    public void TheLassoSubgradientIsLambdaTimesSignOfW(double w, double expected)
    {
        var model = new LinearModel([w], 0.5);
        var penalised = LinearRegression.Gradient(Data, model, new Penalty(l1: 0.25));
        var plain = LinearRegression.Gradient(Data, model);
        Assert.Equal(expected, penalised.Weights[0] - plain.Weights[0], 1e-14);
    }

    [Fact]
    public void AModelWithTheWrongNumberOfWeightsIsRejectedNamingIt()
    {
        var twoWeights = new LinearModel([1.0, 2.0], 0.0);
        Assert.Equal("model", Assert.Throws<DimensionMismatchException>(() => LinearRegression.Predict(Data, twoWeights)).ArgumentName);
        Assert.Equal("model", Assert.Throws<DimensionMismatchException>(() => LinearRegression.Loss(Data, twoWeights)).ArgumentName);
        Assert.Equal("model", Assert.Throws<DimensionMismatchException>(() => LinearRegression.Gradient(Data, twoWeights)).ArgumentName);
        Assert.Equal("model", Assert.Throws<DimensionMismatchException>(() => LinearRegression.Hessian(Data, twoWeights)).ArgumentName);
    }

    [Fact]
    public void ScoresThatOverflowAreReportedNotReturnedAsInfinityOrNaN()
    {
        // 1e200·1e200 = ∞, and ∞ − ∞ = NaN in the second row: finite inputs, no finite answer.
        var huge = DataSet.FromRows([[1e200, 1e200], [1e200, -1e200]], [0.0, 0.0]);
        var model = new LinearModel([1e200, 1e200], 0.0);
        Assert.Equal("model", Assert.Throws<OutOfDomainException>(() => LinearRegression.Predict(huge, model)).ArgumentName);
        Assert.Throws<OutOfDomainException>(() => LinearRegression.Loss(huge, model));
        Assert.Throws<OutOfDomainException>(() => LinearRegression.Gradient(huge, model));
    }

    [Fact]
    public void NullArgumentsAreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => LinearRegression.Loss(null!, Model));
        Assert.Throws<ArgumentNullException>(() => LinearRegression.Gradient(Data, null!));
    }

    [Fact]
    public void InputsAreNotModified()
    {
        var before = Data.Features.ToArray();
        LinearRegression.Gradient(Data, Model, new Penalty(0.1, 0.1));
        LinearRegression.Hessian(Data, Model, new Penalty(0.1, 0.1));
        Assert.Equal(before, Data.Features.ToArray());
        Assert.Equal(new LinearModel([1.0], 0.5), Model);
    }
}
