using TensorLinear.Autograd;
using TensorLinear.Autograd.Losses;
using TensorLinear.Autograd.Models;
using TensorLinear.Numerics;
using TensorLinear.Reference;
using TensorLinear.Reference.Losses;
using TensorLinear.Reference.Metrics;
using TensorLinear.Verification.Exact;
using TensorLinear.Verification.Tolerances;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace TensorLinear.Verification.Tests.Truth;

// Each engine against the truth, not only against the other engine: the error of the reference and of the tensor twin
// against a double-double evaluation of the catalog's definition (Verification.Exact, ~106 bits), next to the bound the tolerance
// policy documents for one implementation. Inputs span 16 decades, and include cancelling dot products, residuals
// far smaller than the data and confident logits, where a relative bound on the result alone would be wrong.
public sealed class ErrorAgainstTheTruthTests(ITestOutputHelper output)
{
    private const int Cases = 120;

    private static DoubleDouble Truth(IRealFunction f, double[] theta) => f.Truth(theta)[0];

    private static double Error(double computed, DoubleDouble truth) => Math.Abs(((DoubleDouble)computed - truth).Hi);

    private static double Twin(Func<Tensor, Tensor, Tensor> f, double[] a, double[] b)
    {
        Torch.Initialize();
        using var scope = NewDisposeScope();
        return f(tensor(a), tensor(b)).ToDouble();
    }

    // Components m·10ᵉ with m ∈ [−1, 1], e ∈ [−8, 8].
    private static double[] Wide(Random random, int n) =>
        [.. Enumerable.Range(0, n).Select(_ => (2 * random.NextDouble() - 1) * Math.Pow(10, random.Next(-8, 9)))];

    // Measures both engines over the cases: each error must be within the bound; prints the largest error/bound ratios.
    private void Measure(string entry, Func<Random, (double Reference, double Twin, DoubleDouble Truth, double Bound)> draw)
    {
        var random = new Random(12);
        double worstReference = 0, worstTwin = 0;
        for (var c = 0; c < Cases; c++)
        {
            var (reference, twin, truth, bound) = draw(random);
            double er = Error(reference, truth), et = Error(twin, truth);
            Assert.True(er <= bound, $"{entry}, case {c}: the reference is off the truth {truth} by {er:R}, beyond its bound {bound:R}");
            Assert.True(et <= bound, $"{entry}, case {c}: the twin is off the truth {truth} by {et:R}, beyond its bound {bound:R}");
            if (bound > 0) (worstReference, worstTwin) = (Math.Max(worstReference, er / bound), Math.Max(worstTwin, et / bound));
        }
        output.WriteLine($"{entry}: largest error/bound against the truth: reference {worstReference:G3}, libtorch {worstTwin:G3}");
    }

    [Fact]
    public void DotProductsAreWithinTheirBoundOfTheTruth() => Measure("dot", random =>
    {
        var n = random.Next(1, 41);
        var x = Wide(random, n);
        var y = Wide(random, n);
        if (random.Next(3) == 0 && n > 1) y[^1] = -(Truth(ExactVectors.Dot, [.. x[..^1], .. y[..^1]]) / x[^1]).Hi; // make xᵀy cancel to rounding
        return (Vector.Dot(x, y), Twin(TensorVector.Dot, x, y), Truth(ExactVectors.Dot, [.. x, .. y]), TolerancePolicy.Dot(x, y).Value);
    });

    [Fact]
    public void EuclideanNormsAreWithinTheirBoundOfTheTruth() => Measure("norm2", random =>
    {
        var x = Wide(random, random.Next(1, 41));
        return (Vector.Norm2(x), Twin((a, _) => TensorVector.Norm2(a), x, x), Truth(ExactVectors.Norm2, x), TolerancePolicy.Norm2(x).Value);
    });

    [Fact]
    public void MeanSquaredErrorsAreWithinTheirBoundOfTheTruth() => Measure("mse", random =>
    {
        var n = random.Next(1, 41);
        var targets = Wide(random, n);
        // Predictions within 10⁻⁶ relative of the targets: residuals far below the data, the case an absolute bound on
        // the data's scale would miss.
        var predictions = targets.Select(t => t * (1 + 1e-6 * (2 * random.NextDouble() - 1))).ToArray();
        return (RegressionMetrics.MeanSquaredError(targets, predictions), Twin(TensorLosses.MeanSquaredError, targets, predictions),
                Truth(ExactLosses.MeanSquaredError(targets), predictions), TolerancePolicy.MeanSquaredError(targets, predictions).Value);
    });

    [Fact]
    public void LogLossesAreWithinARelativeBoundOfTheTruth() => Measure("bce (logits)", random =>
    {
        var n = random.Next(1, 41);
        var labels = Enumerable.Range(0, n).Select(_ => (double)random.Next(2)).ToArray();
        // Mostly confident and right, |z| up to 60, where softplus(z) − y·z lost every digit.
        var logits = labels.Select(y => (y == 1 ? 1 : -1) * random.NextDouble() * 60 * (random.Next(8) == 0 ? -1 : 1)).ToArray();
        var truth = Truth(ExactLosses.CrossEntropyFromLogits(labels), logits);
        // Per row both engines are within 16u of ℓᵢ ≥ 0 (the reference's log1p 10u, exp 2u, a product and two sums; the
        // twin's log_sigmoid fewer), the mean of n non-negative terms γₙ more: γₙ₊₁₆·L, relative to the loss itself.
        // This is the bound TolerancePolicy.BinaryCrossEntropyFromLogits can take now (γₙ₊₁₆·(1/n)Σ(1 + 2|zᵢ|) today).
        var bound = FloatingPoint.Gamma(n + 16) * truth.Hi;
        return (BinaryCrossEntropy.FromLogits(labels, logits), Twin(TensorLosses.BinaryCrossEntropyFromLogits, labels, logits), truth, bound);
    });
}
