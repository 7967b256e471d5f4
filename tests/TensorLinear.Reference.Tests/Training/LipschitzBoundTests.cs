using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Models;
using TensorLinear.Reference.Training;

namespace TensorLinear.Reference.Tests.Training;

public class LipschitzBoundTests
{
    // x = (1, 2), n = 2: A = [X 1] = [[1, 1], [2, 1]], AᵀA = [[5, 3], [3, 2]], with eigenvalues (7 ± √45)/2.
    private static readonly DataSet Data = DataSet.FromRows([[1.0], [2.0]], [0.0, 1.0]);

    [Fact]
    public void ForLinearRegressionItIsTheLargestEigenvalueOfTheHessian() =>
        // (2/n)AᵀA = AᵀA: λ_max = (7 + √45)/2.
        Assert.Equal(6.854101966249685, LipschitzBound.Of(ModelKind.Linear, Data, Penalty.None), 1e-12);

    [Fact]
    public void ForLogisticRegressionItIsAQuarterOfTheGramBoundSinceSigmaTimesOneMinusSigmaIsAtMostAQuarter() =>
        // (1/4n)AᵀA = AᵀA/8: λ_max = (7 + √45)/16.
        Assert.Equal(6.854101966249685 / 8, LipschitzBound.Of(ModelKind.Logistic, Data, Penalty.None), 1e-12);

    [Fact]
    public void TheLogisticBoundIsTheHessianAtTheZeroModelAndAboveItElsewhere()
    {
        // At w = b = 0 every σ = ½ and σ(1 − σ) = ¼ attains the bound; anywhere else the Hessian is smaller.
        var bound = LipschitzBound.Of(ModelKind.Logistic, Data, Penalty.None);
        var atZero = Numerics.PowerIteration.LargestEigenvalue(LogisticRegression.Hessian(Data, LinearModel.Zero(1)));
        var elsewhere = Numerics.PowerIteration.LargestEigenvalue(LogisticRegression.Hessian(Data, new LinearModel([1.5], -2.0)));
        Assert.Equal(bound, atZero, 1e-12);
        Assert.True(elsewhere < bound);
    }

    [Fact]
    public void WithoutAnInterceptOnlyTheWeightBlockCounts() =>
        // (2/n)·Σx² = Σx² = 5.
        Assert.Equal(5.0, LipschitzBound.Of(ModelKind.Linear, Data, Penalty.None, fitIntercept: false), 1e-12);

    [Fact]
    public void ARidgeAddsTwoLambdaToTheWeightDiagonal() =>
        // λ_max([[5 + 1, 3], [3, 2]]) = (8 + √(16 + 36))/2 = 4 + √13 for λ₂ = ½.
        Assert.Equal(4 + Math.Sqrt(13), LipschitzBound.Of(ModelKind.Linear, Data, new Penalty(l2: 0.5)), 1e-12);
}
