using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using TensorLinear.Reference.Models;
using TensorLinear.Reference.Softmax;
using TensorLinear.Softmax;

namespace TensorLinear.Reference.Tests.Softmax;

public class SoftmaxRegressionTests
{
    // Each hand value below is a few roundings away from the exact one (three terms summed, one exp or log1p, one
    // division): 16u relative is generous for that and far below any mistake in a formula.
    private const double Rounding = 16 * FloatingPoint.UnitRoundoff;

    // k = 3 classes, one feature, one row per class: x = 0, 1, 2 with labels 0, 1, 2.
    private static readonly DataSet ThreePoints = DataSet.FromRows([[0], [1], [2]], [0, 1, 2]);

    [Fact]
    public void AtZeroEveryClassIsEquallyLikelyAndTheLossIsLogThree()
    {
        var zero = SoftmaxModel.Zero(3, 1);

        Assert.Equal(Math.Log(3), SoftmaxRegression.Loss(ThreePoints, zero), Math.Log(3) * Rounding);
        var p = SoftmaxRegression.Probabilities(ThreePoints, zero);
        foreach (var v in p) Assert.Equal(1.0 / 3, v, Rounding);
    }

    [Fact]
    public void TheGradientAtZeroIsWorkedByHand()
    {
        // Block c = (1/3) Σᵢ (⅓ − [yᵢ = c])(xᵢ, 1). Class 1: w (1/3)(0·⅓ − ⅔·1 + ⅓·2) = 0, b (1/3)(⅓ − ⅔ + ⅓) = 0.
        // Class 2: w (1/3)(0 + ⅓·1 − ⅔·2) = −⅓, b 0.
        var g = SoftmaxRegression.Gradient(ThreePoints, SoftmaxModel.Zero(3, 1));

        Assert.Equal(4, g.Length);
        Assert.Equal(0.0, g[0], Rounding);
        Assert.Equal(0.0, g[1], Rounding);
        Assert.Equal(-1.0 / 3, g[2], Rounding);
        Assert.Equal(0.0, g[3], Rounding);
    }

    [Fact]
    public void TheHessianAtZeroIsWorkedByHand()
    {
        // (1/n)Σ aᵢaᵢᵀ = (1/3)[[0 + 1 + 4, 0 + 1 + 2], [3, 3]] = [[5/3, 1], [1, 1]]; p = ⅓ gives p(1 − p) = 2/9 on the
        // diagonal blocks and −p² = −1/9 off them.
        var h = SoftmaxRegression.Hessian(ThreePoints, SoftmaxModel.Zero(3, 1));
        double[,] gram = { { 5.0 / 3, 1 }, { 1, 1 } };

        for (var j = 0; j < 2; j++)
            for (var m = 0; m < 2; m++)
            {
                Assert.Equal(2.0 / 9 * gram[j, m], h[j, m], Rounding);
                Assert.Equal(2.0 / 9 * gram[j, m], h[2 + j, 2 + m], Rounding);
                Assert.Equal(-1.0 / 9 * gram[j, m], h[j, 2 + m], Rounding);
                Assert.Equal(-1.0 / 9 * gram[j, m], h[2 + j, m], Rounding);
            }
    }

    [Fact]
    public void AwayFromZeroTheLossIsTheCrossEntropyOfTheProbabilities()
    {
        // θ = (w₁, b₁, w₂, b₂) = (1, −1, −2, 0.5): logits row i are (0, xᵢ − 1, −2xᵢ + 0.5).
        var model = SoftmaxModel.FromParameterVector(3, [1, -1, -2, 0.5]);
        double expected = 0;
        double[] x = [0, 1, 2];
        for (var i = 0; i < 3; i++)
        {
            double[] z = [0, x[i] - 1, -2 * x[i] + 0.5];
            expected += Math.Log(z.Sum(Math.Exp)) - z[i];
        }
        expected /= 3;

        Assert.Equal(expected, SoftmaxRegression.Loss(ThreePoints, model), expected * Rounding);
        // Logits at x = −1, 1.25, 3: (0, −2, 2.5), (0, 0.25, −2), (0, 2, −5.5): classes 2, 1, 1.
        Assert.Equal([2, 1, 1], SoftmaxRegression.Classify(DataSet.FromRows([[-1], [1.25], [3]], [0, 0, 0]), model));
    }

    [Fact]
    public void WithTwoClassesEveryFunctionIsTheLogisticOne()
    {
        var data = DataSet.FromRows([[0.5, -1], [1, 2], [-2, 0.25], [3, 1]], [1, 0, 0, 1]);
        var theta = new[] { 0.7, -0.3, 0.2 };
        var softmax = SoftmaxModel.FromParameterVector(2, theta);
        var logistic = LinearModel.FromParameterVector(theta);
        var penalty = new Penalty(l2: 0.1, l1: 0.05);

        // The same formula by another route (log1p of one term against softplus): a few ulps apart.
        var loss = LogisticRegression.Loss(data, logistic, penalty);
        Assert.Equal(loss, SoftmaxRegression.Loss(data, softmax, penalty), loss * Rounding);
        var g = LogisticRegression.Gradient(data, logistic, penalty).ToParameterVector();
        var gs = SoftmaxRegression.Gradient(data, softmax, penalty);
        for (var j = 0; j < g.Length; j++) Assert.Equal(g[j], gs[j], Rounding);
        var h = LogisticRegression.Hessian(data, logistic, penalty);
        var hs = SoftmaxRegression.Hessian(data, softmax, penalty);
        for (var j = 0; j < 3; j++)
            for (var m = 0; m < 3; m++) Assert.Equal(h[j, m], hs[j, m], Rounding);
    }

    [Fact]
    public void HugeLogitsDoNotOverflow()
    {
        // Logits (0, 1000, −1000) at x = 1: the row's loss for label 1 is log(1 + e⁻¹⁰⁰⁰ + e⁻²⁰⁰⁰) = e⁻¹⁰⁰⁰, which
        // underflows to 0; for label 0 it is 1000 + that.
        var model = SoftmaxModel.FromParameterVector(3, [1000, 0, -1000, 0]);
        Assert.Equal(0.0, SoftmaxRegression.Loss(DataSet.FromRows([[1]], [1]), model));
        Assert.Equal(1000.0, SoftmaxRegression.Loss(DataSet.FromRows([[1]], [0]), model));
        Assert.Equal(2000.0, SoftmaxRegression.Loss(DataSet.FromRows([[1]], [2]), model));
    }

    [Fact]
    public void BadInputRaisesTypedErrors()
    {
        var model = SoftmaxModel.Zero(3, 1);
        Assert.Throws<OutOfDomainException>(() => SoftmaxRegression.Loss(DataSet.FromRows([[0]], [3]), model));
        Assert.Throws<OutOfDomainException>(() => SoftmaxRegression.Gradient(DataSet.FromRows([[0]], [-1]), model));
        Assert.Throws<OutOfDomainException>(() => SoftmaxRegression.Hessian(DataSet.FromRows([[0]], [0.5]), model));
        Assert.Throws<DimensionMismatchException>(() => SoftmaxRegression.Loss(DataSet.FromRows([[0, 1]], [0]), model));
        Assert.Throws<OutOfDomainException>(() => SoftmaxModel.Zero(1, 1));
        Assert.Throws<DimensionMismatchException>(() => new SoftmaxModel(3, [1.0, 2.0, 3.0], [0.0, 0.0]));
        Assert.Throws<DimensionMismatchException>(() => new SoftmaxModel(3, [1.0, 2.0], [0.0]));
        Assert.Throws<NonFiniteInputException>(() => new SoftmaxModel(2, [double.NaN], [0.0]));
        Assert.Throws<EmptyInputException>(() => DataSet.FromRows([], []));
    }

    [Fact]
    public void TheParameterVectorRoundTripsInBlocksPerClass()
    {
        var model = new SoftmaxModel(3, [1.0, 2.0, 3.0, 4.0], [5.0, 6.0]);
        Assert.Equal([1.0, 2.0, 5.0, 3.0, 4.0, 6.0], model.ToParameterVector());
        Assert.Equal(model, SoftmaxModel.FromParameterVector(3, model.ToParameterVector()));
        Assert.Equal(0.0, model.Weight(0, 1));
        Assert.Equal(4.0, model.Weight(2, 1));
        Assert.Equal(6.0, model.Bias(2));
    }
}
