using TensorLinear.Autograd.Models;
using TensorLinear.Models;
using TorchSharp;
using static TorchSharp.torch;
using TensorLinear.Autograd.Losses;

namespace TensorLinear.Autograd.Tests;

// TensorLosses: values, stability at extreme logits, gradients from autograd, and the checks made before libtorch.
public sealed class LossTests
{
    public LossTests() => Torch.Initialize();

    private static Tensor V(params double[] values) => tensor(values);

    [Fact]
    public void MeanSquaredErrorIsTheMeanOfTheSquaredResiduals()
    {
        using var scope = NewDisposeScope();
        // Squared errors by hand: 0, 4, 9; their mean 13/3 (one correctly rounded division: exact).
        Assert.Equal(13.0 / 3.0, TensorLosses.MeanSquaredError(V(1, 0, 0), V(1, 2, 3)).ToDouble());
        Assert.Equal(5.0 / 3.0, TensorLosses.MeanAbsoluteError(V(1, 0, 0), V(1, 2, 3)).ToDouble()); // (0 + 2 + 3)/3
    }

    [Fact]
    public void BinaryCrossEntropyFromLogitsIsSoftplusMinusLabelTimesLogit()
    {
        using var scope = NewDisposeScope();
        // By hand, softplus(z) − y·z per element: ln 2 − 0; ln(1 + e²) − 0; ln(1 + e⁻¹) + 1. libtorch evaluates
        // (1 − y)z + m + ln(e⁻ᵐ + e⁻ᶻ⁻ᵐ) with m = max(−z, 0), and this side exp, add and log: about five roundings
        // per term on each side, none amplified (no cancellation), and the mean of three positive terms two more: 8 ulps.
        double[] expected = [Math.Log(2), Math.Log(1 + Math.Exp(2)), Math.Log(1 + Math.Exp(-1)) + 1];
        Expect.WithinUlps(expected.Sum() / 3, TensorLosses.BinaryCrossEntropyFromLogits(V(1, 0, 1), V(0, 2, -1)).ToDouble(), 8);
    }

    [Fact]
    public void BinaryCrossEntropyAtLogitsOfPlusOrMinusAThousandIsFiniteAndExact()
    {
        using var scope = NewDisposeScope();
        var z = V(1000, -1000, 1000, -1000);
        var y = V(1, 0, 0, 1);
        // softplus(z) − y·z: right with confidence costs ln(1 + e⁻¹⁰⁰⁰) = 0 (e⁻¹⁰⁰⁰ underflows); wrong costs 1000.
        Assert.Equal(500.0, TensorLosses.BinaryCrossEntropyFromLogits(y, z).ToDouble()); // (0 + 0 + 1000 + 1000)/4
        // The same through probabilities saturates to 0 and 1, where each log is floored at −100 as the reference does.
        Assert.Equal(50.0, TensorLosses.BinaryCrossEntropyFromProbabilities(y, TensorLosses.Sigmoid(z)).ToDouble()); // (0 + 0 + 100 + 100)/4
    }

    [Fact]
    public void TheGradientOfTheMeanSquaredErrorIsTwiceTheResidualOverN()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2, 3 }, requires_grad: true);
        // d/dx (1/n) Σ(x − t)² = 2(x − t)/n = [0, 4/3, 2]. libtorch multiplies x − t by a rounded 2/n: 2 · fl(2/3) is
        // exact (a power of two times a rounded value is that value rounded), 3 · fl(2/3) rounds once: within 1 ulp.
        Expect.WithinUlps([0, 4.0 / 3.0, 2], Torch.Gradient(TensorLosses.MeanSquaredError(V(1, 0, 0), x), x), 1);
    }

    [Fact]
    public void TheGradientOfBinaryCrossEntropyWithLogitsIsSigmoidMinusLabelOverN()
    {
        using var scope = NewDisposeScope();
        var z = tensor(new double[] { 0, 2, -1 }, requires_grad: true);
        var g = Torch.Gradient(TensorLosses.BinaryCrossEntropyFromLogits(V(1, 0, 1), z), z);
        // (σ(z) − y)/n by hand: (0.5 − 1)/3 = −1/6; σ(2)/3; (σ(−1) − 1)/3. σ's few roundings on each side, then a
        // subtraction without cancellation (σ(−1) ≈ 0.27 against 1) and a division: within 8 ulps.
        static double Sigma(double v) => 1 / (1 + Math.Exp(-v));
        Expect.WithinUlps([-1.0 / 6.0, Sigma(2) / 3, (Sigma(-1) - 1) / 3], g, 8);
        // At extreme logits σ(±1000) is 1 and 0 exactly: (σ(z) − y)/4 = (0, 0, 1, −1)/4.
        var extreme = tensor(new double[] { 1000, -1000, 1000, -1000 }, requires_grad: true);
        Expect.Exact([0, 0, 0.25, -0.25], Torch.Gradient(TensorLosses.BinaryCrossEntropyFromLogits(V(1, 0, 0, 1), extreme), extreme));
    }

    [Fact]
    public void TheModelLossIsTheDataLossPlusBothPenaltiesAndItsGradientIsTheHandDerivative()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[,] { { 1, 2 }, { 3, 4 } });
        var y = V(1, 2);
        var w = tensor(new double[] { 0.5, -1 }, requires_grad: true);
        var b = tensor(0.5, dtype: float64, requires_grad: true);
        var loss = TensorEmpiricalRisk.Loss(ModelKind.Linear, x, y, w, b, new Penalty(l2: 0.25, l1: 0.5));
        // z = Xw + b = (−1, −2), residuals (−2, −4): MSE = (4 + 16)/2 = 10; λ₂‖w‖² = 0.25·1.25; λ₁‖w‖₁ = 0.5·1.5.
        Assert.Equal(10 + 0.3125 + 0.75, loss.ToDouble());
        var g = Torch.Gradients([loss], [w, b]);
        // ∂/∂w = (2/n)Xᵀr + 2λ₂w + λ₁sign(w) = (−14, −20) + (0.25, −0.5) + (0.5, −0.5); ∂/∂b = (2/n)Σr = −6.
        Assert.Equal([-13.25, -21], g[0].ToDoubles());
        Assert.Equal(-6.0, g[1].ToDouble());
    }

    [Fact]
    public void ShapesThatDoNotFitAreRefusedBeforeLibtorchMultiplies()
    {
        using var scope = NewDisposeScope();
        var x = ones(3, 2, dtype: float64);
        var w = ones(2, dtype: float64);
        var b = tensor(0.0, dtype: float64);
        Assert.Contains("has 3 weights but features has 2 columns",
            Assert.Throws<DimensionMismatchException>(() => TensorEmpiricalRisk.Scores(x, ones(3, dtype: float64), b)).Message);
        Assert.Contains("has 2 targets but features has 3 rows",
            Assert.Throws<DimensionMismatchException>(() => TensorEmpiricalRisk.Loss(ModelKind.Linear, x, ones(2, dtype: float64), w, b, Penalty.None)).Message);
        Assert.Throws<DimensionMismatchException>(() => TensorEmpiricalRisk.Scores(ones(3, dtype: float64), w, b)); // a vector is no matrix
        Assert.Throws<DimensionMismatchException>(() => TensorEmpiricalRisk.Scores(x, w, ones(2, dtype: float64))); // a bias of two
        Assert.Throws<DimensionMismatchException>(() => TensorEmpiricalRisk.DataLoss(ModelKind.Linear, ones(3, dtype: float64), ones(2, dtype: float64)));
        // Sample weights: one per row, on the linear models' twin and on the softmax twin alike.
        Assert.Throws<DimensionMismatchException>(() => TensorEmpiricalRisk.Loss(ModelKind.Linear, x, ones(3, dtype: float64), w, b, Penalty.None, ones(2, dtype: float64)));
        Assert.Contains("has 2 weights but features has 3 rows; there is one sample weight per row",
            Assert.Throws<DimensionMismatchException>(() => TensorLinear.Autograd.Softmax.TensorSoftmax.Loss(x, tensor(new long[] { 0, 1, 2 }), ones(2, 2, dtype: float64), zeros(2, dtype: float64), Penalty.None, ones(2, dtype: float64))).Message);
        Expect.EngineStillWorks();
    }

    [Fact]
    public void Float32TensorsAndBadValuesAreRefusedAsTheReferenceRefusesThem()
    {
        using var scope = NewDisposeScope();
        Assert.Contains("is a Float32 tensor",
            Assert.Throws<InvalidInputException>(() => TensorEmpiricalRisk.Scores(ones(3, 2), ones(2, dtype: float64), tensor(0.0))).Message);
        Assert.Throws<InvalidInputException>(() => TensorLosses.MeanSquaredError(V(1, 2), ones(2, dtype: float32)));
        Assert.Throws<DimensionMismatchException>(() => TensorLosses.MeanSquaredError(V(1, 2), V(1, 2, 3)));
        Assert.Throws<EmptyInputException>(() => TensorLosses.MeanAbsoluteError(V(), V()));
        Assert.Throws<NonFiniteInputException>(() => TensorLosses.MeanSquaredError(V(1, double.NaN), V(1, 2)));
        Assert.Contains("labels[1]", Assert.Throws<OutOfDomainException>(() => TensorLosses.BinaryCrossEntropyFromLogits(V(0, 2), V(0, 0))).Message);
        Assert.Contains("probabilities[0]",
            Assert.Throws<OutOfDomainException>(() => TensorLosses.BinaryCrossEntropyFromProbabilities(V(0, 1), V(1.5, 0.5))).Message);
        Expect.EngineStillWorks();
    }
}
