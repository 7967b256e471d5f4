using TensorLinear.Autograd;

namespace TensorLinear.Autograd.Tests;

// Functional's fused losses: values with each reduction, stability at extreme logits, and their gradients.
public sealed class LossTests
{
    [Fact]
    public void MseLossIsTheMeanSquaredErrorByDefault()
    {
        using var scope = Torch.NewScope();
        var input = Tensor.FromArray([1, 2, 3]);
        var target = Tensor.FromArray([1, 0, 0]);
        // Squared errors by hand: 0, 4, 9; their sum 13 and mean 13/3 (one correctly rounded division: exact).
        Assert.Equal(13.0 / 3.0, Functional.MseLoss(input, target).ToScalar());
        Assert.Equal(13.0 / 3.0, Functional.MseLoss(input, target, Reduction.Mean).ToScalar());
        Assert.Equal(13.0, Functional.MseLoss(input, target, Reduction.Sum).ToScalar());
        Expect.Exact([0, 4, 9], Functional.MseLoss(input, target, Reduction.None));
    }

    [Fact]
    public void BinaryCrossEntropyWithLogitsIsSoftplusMinusLabelTimesLogit()
    {
        using var scope = Torch.NewScope();
        var z = Tensor.FromArray([0, 2, -1]);
        var y = Tensor.FromArray([1, 0, 1]);
        // By hand, softplus(z) − y·z per element: ln 2 − 0; ln(1 + e²) − 0; ln(1 + e⁻¹) + 1. libtorch evaluates
        // (1 − y)z + m + ln(e⁻ᵐ + e⁻ᶻ⁻ᵐ) with m = max(−z, 0), and this side exp, add and log: about five roundings
        // per side, none amplified (no cancellation), so within 8 ulps.
        double[] expected = [Math.Log(2), Math.Log(1 + Math.Exp(2)), Math.Log(1 + Math.Exp(-1)) + 1];
        Expect.WithinUlps(expected, Functional.BinaryCrossEntropyWithLogits(z, y, Reduction.None), 8);
        // The reductions add one or two more roundings of a sum of three positive terms: 8 ulps still covers them.
        Expect.WithinUlps(expected.Sum(), Functional.BinaryCrossEntropyWithLogits(z, y, Reduction.Sum).ToScalar(), 8);
        Expect.WithinUlps(expected.Sum() / 3, Functional.BinaryCrossEntropyWithLogits(z, y).ToScalar(), 8);
    }

    [Fact]
    public void BinaryCrossEntropyAtLogitsOfPlusOrMinusAThousandIsFiniteAndExact()
    {
        using var scope = Torch.NewScope();
        var z = Tensor.FromArray([1000, -1000, 1000, -1000]);
        var y = Tensor.FromArray([1, 0, 0, 1]);
        // softplus(z) − y·z: right with confidence costs ln(1 + e⁻¹⁰⁰⁰) = 0 (e⁻¹⁰⁰⁰ underflows); wrong costs 1000.
        Expect.Exact([0, 0, 1000, 1000], Functional.BinaryCrossEntropyWithLogits(z, y, Reduction.None));
        Assert.Equal(2000.0, Functional.BinaryCrossEntropyWithLogits(z, y, Reduction.Sum).ToScalar());
        Assert.Equal(500.0, Functional.BinaryCrossEntropyWithLogits(z, y).ToScalar()); // 2000/4
        // The naive −[y ln σ(z) + (1 − y) ln(1 − σ(z))] is not finite here: σ(±1000) rounds to 1 and 0, and ln 0 = −∞.
        var naive = -(y * z.Sigmoid().Log() + (1.0 - y) * (1.0 - z.Sigmoid()).Log());
        Assert.Contains(naive.ToArray(), v => !double.IsFinite(v));
    }

    [Fact]
    public void TheGradientOfTheMeanSquaredErrorIsTwiceTheResidualOverN()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2, 3]).RequireGrad();
        var t = Tensor.FromArray([1, 0, 0]);
        Functional.MseLoss(x, t).Backward();
        // d/dx (1/n) Σ(x − t)² = 2(x − t)/n = [0, 4/3, 2]. libtorch multiplies x − t by a rounded 2/n: 2 · fl(2/3) is
        // exact (a power of two times a rounded value is that value rounded), 3 · fl(2/3) rounds once: within 1 ulp.
        Expect.WithinUlps([0, 4.0 / 3.0, 2], x.Grad!, 1);
        x.ZeroGrad();
        Functional.MseLoss(x, t, Reduction.Sum).Backward();
        Expect.Exact([0, 4, 6], x.Grad!); // 2(x − t): exact
    }

    [Fact]
    public void TheGradientOfBinaryCrossEntropyWithLogitsIsSigmoidMinusLabelOverN()
    {
        using var scope = Torch.NewScope();
        var z = Tensor.FromArray([0, 2, -1]).RequireGrad();
        var y = Tensor.FromArray([1, 0, 1]);
        Functional.BinaryCrossEntropyWithLogits(z, y).Backward();
        // (σ(z) − y)/n by hand: (0.5 − 1)/3 = −1/6; σ(2)/3; (σ(−1) − 1)/3. σ's few roundings on each side, then a
        // subtraction without cancellation (σ(−1) ≈ 0.27 against 1) and a division: within 8 ulps.
        static double Sigma(double v) => 1 / (1 + Math.Exp(-v));
        Expect.WithinUlps([-1.0 / 6.0, Sigma(2) / 3, (Sigma(-1) - 1) / 3], z.Grad!, 8);
    }

    [Fact]
    public void TheGradientOfBinaryCrossEntropyAtExtremeLogitsIsExactlyZeroOrOne()
    {
        using var scope = Torch.NewScope();
        var z = Tensor.FromArray([1000, -1000, 1000, -1000]).RequireGrad();
        Functional.BinaryCrossEntropyWithLogits(z, Tensor.FromArray([1, 0, 0, 1]), Reduction.Sum).Backward();
        Expect.Exact([0, 0, 1, -1], z.Grad!); // σ(z) − y with σ(±1000) = 1 and 0 exactly
    }
}
