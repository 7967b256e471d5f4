using TensorLinear.Numerics;
using TensorLinear.Reference;
using TensorLinear.Reference.Losses;
using TensorLinear.Verification.Exact;
using TensorLinear.Verification.Tolerances;

namespace TensorLinear.Verification.Tests.Truth;

// A fourth witness for the hand gradients, beside autograd, finite differences and the Taylor test: forward-mode
// derivatives of the catalog's definitions (Verification.Exact) on dual numbers (Numerics.Dual), exact to their own rounding, with no step
// to choose. Each hand gradient must agree with them within the sum of the two sides' bounds.
public sealed class ForwardModeTests
{
    private const int Cases = 60;

    private static double[] Draw(Random random, int n, double scale) =>
        [.. Enumerable.Range(0, n).Select(_ => (2 * random.NextDouble() - 1) * scale)];

    // The one row of a scalar function's forward-mode Jacobian.
    private static double[] Gradient(IRealFunction f, double[] theta)
    {
        var jacobian = f.ForwardJacobian(theta);
        return [.. Enumerable.Range(0, theta.Length).Select(j => jacobian[0, j])];
    }

    private static void Agree(string entry, double[] hand, double[] forward, Bound[] bounds)
    {
        for (var i = 0; i < hand.Length; i++)
        {
            // The dual's derivative is an evaluation of the same derivative formula in double, erring as the hand side
            // may: the two differ by at most twice the one-side bound.
            var allowed = TolerancePolicy.BetweenImplementations(bounds[i], bounds[i]).Value;
            Assert.True(Math.Abs(hand[i] - forward[i]) <= allowed,
                $"{entry}, component {i}: hand {hand[i]:R}, forward mode {forward[i]:R}, allowed {allowed:R}");
        }
    }

    [Fact]
    public void DotAndNormGradientsAgreeWithForwardMode()
    {
        var random = new Random(12);
        for (var c = 0; c < Cases; c++)
        {
            var n = random.Next(1, 20);
            double[] x = Draw(random, n, Math.Pow(10, random.Next(-6, 7))), y = Draw(random, n, 1.0);
            var forward = Gradient(ExactVectors.Dot, [.. x, .. y])[..n]; // ∇ₓ of xᵀy, the first n of θ = (x, y)
            Agree("dot", VectorGradients.DotGradientX(x, y), forward, TolerancePolicy.DotGradient(x, y));
            Agree("norm2", VectorGradients.Norm2Gradient(x), Gradient(ExactVectors.Norm2, x), TolerancePolicy.Norm2Gradient(x));
        }
    }

    [Fact]
    public void TheLogLossGradientAgreesWithForwardModeAtConfidentLogits()
    {
        var random = new Random(12);
        for (var c = 0; c < Cases; c++)
        {
            var n = random.Next(1, 20);
            var labels = Enumerable.Range(0, n).Select(_ => (double)random.Next(2)).ToArray();
            var logits = labels.Select(y => (y == 1 ? 1 : -1) * random.NextDouble() * 60).ToArray();
            var forward = Gradient(ExactLosses.CrossEntropyFromLogits(labels), logits);
            // Relative to |ℓ′ᵢ|/n: both sides form σ(−|z|) once and never subtract it from 1 for a right label.
            var bounds = labels.Select((y, i) => new Bound(FloatingPoint.Gamma(8) * Math.Abs(forward[i]), Math.Abs(forward[i]), "γ₈·|gᵢ|")).ToArray();
            Agree("bce (logits)", LossGradients.BinaryCrossEntropyGradientFromLogits(labels, logits), forward, bounds);
        }
    }

    [Fact]
    public void ForwardModeRejectsTheCancellingSlope()
    {
        // (σ(z) − y)/n at z = 40, y = 1 is 0 in double, for −4.25e-18: the defect every check comparing two
        // implementations of the same formula passed. Forward mode on the definition has the digits.
        var forward = Gradient(ExactLosses.CrossEntropyFromLogits([1.0]), [40.0])[0];
        Assert.Equal(-4.248354255291589e-18, forward, 1e-15 * 4.248354255291589e-18);
        Assert.Equal(0.0, Logistic.Sigmoid(40.0) - 1.0);
    }
}
