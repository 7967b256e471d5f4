using TensorLinear.Autograd.Models;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using TensorLinear.Tests.Shared;
using static TorchSharp.torch;
using TensorLinear.Autograd.Losses;

namespace TensorLinear.Autograd.Tests;

// The tensor twins of the log-loss and the one-pass kernel against exact values (tests/Shared/ExactLogLoss.cs, mpmath
// at 60 digits), relative to the loss itself. libtorch's binary_cross_entropy_with_logits, (1 − y)z − log σ(z), gave 0
// for 4.2e-18 at z = −40, y = 0; softplus(z) − y·z in the kernel gave 0 at z = 40, y = 1.
public sealed class ExactLogLossTests
{
    private const double U = FloatingPoint.UnitRoundoff;

    private static readonly TorchEngine Canonical = new();
    private static readonly TorchEngine OnePass = new(new TorchEngineOptions { TrainingPath = TrainingPath.OnePass });

    public ExactLogLossTests() => Torch.Initialize();

    [Theory]
    [MemberData(nameof(ExactLogLossCases.All), MemberType = typeof(ExactLogLossCases))]
    public void TwinsLossAndAutogradSlopeAreWithinRoundingsOfTheExactValues(double z, double y, double loss, double slope)
    {
        using var scope = NewDisposeScope();
        var logits = tensor(new[] { z }, requires_grad: true);
        var value = TensorLosses.BinaryCrossEntropyFromLogits(tensor(new[] { y }), logits);
        value.backward();
        // Each softplus = −log σ(−t) within 4u (exp and log1p inside log_sigmoid), times y or 1 − y one rounding each,
        // the sum of two non-negative terms one more: 8u·ℓ.
        Expect.Within(loss, value.ToDouble(), 8 * U * loss);
        // −y·σ(−z) + (1 − y)·σ(z): σ within 4u, the products and the sum three more; a soft label makes the two terms
        // cancel, so the error is relative to their magnitudes: 8u·(|ℓ′| + y·σ(−z) + (1 − y)·σ(z)).
        var terms = y * Sigmoid(-z) + (1 - y) * Sigmoid(z);
        Expect.Within(slope, logits.grad!.ToDouble(), 8 * U * (Math.Abs(slope) + terms));
    }

    [Theory]
    [MemberData(nameof(ExactLogLossCases.HardLabels), MemberType = typeof(ExactLogLossCases))]
    public void OnePassKernelsLossAndSlopeAreWithinRoundingsOfTheExactValues(double z, double y, double loss, double slope)
    {
        // Four equal rows x = z, w = 1, b = 0 — four lanes of the vector path, score z exactly — plus one more for the
        // scalar tail; every sum is of equal terms, so the mean is the row's value to a few roundings.
        var data = DataSet.FromRowMajor([z, z, z, z, z], 1, [y, y, y, y, y]);
        var model = new LinearModel([1.0], 0.0);
        // Loss: (1 − y)·z or −y·z, Vector256.Exp and Log within 3 ulp, the log1p correction, the FMA; the sums of five
        // equal non-negative terms and the mean: 20u·ℓ. Slope: e/(1 + e) and the difference, 8u; the sum 5u more.
        Expect.Within(loss, OnePass.Loss(ModelKind.Logistic, data, model, Penalty.None), 20 * U * loss);
        Expect.Within(slope, OnePass.Gradient(ModelKind.Logistic, data, model, Penalty.None).Bias, 16 * U * Math.Abs(slope));
    }

    [Fact]
    public void ConfidentModelsLossIsTheExactLossOnBothTrainingPaths()
    {
        // x = (1, 2, −1, −3), y = (1, 1, 0, 0), w = 20: z = 20, 40, −20, −60, every row right with confidence.
        var data = DataSet.FromRowMajor([1, 2, -1, -3], 1, [1, 1, 0, 0]);
        var model = new LinearModel([20.0], 0.0);
        var (loss, dw, db) = ExactLogLoss.ConfidentModel;
        foreach (var engine in new[] { Canonical, OnePass })
        {
            // Rows within 8u (autograd) or 20u (kernel) of ℓᵢ ≥ 0, the sum and mean 4u more: 24u·L.
            Expect.Within(loss, engine.Loss(ModelKind.Logistic, data, model, Penalty.None), 24 * U * loss);
            var gradient = engine.Gradient(ModelKind.Logistic, data, model, Penalty.None);
            // Every ℓ′ᵢxᵢ is negative: nothing cancels in ∂L/∂w, 24u·|∂L/∂w|. The bias slopes cancel (±2.06e-9 at z = ±20),
            // so its error is relative to (1/n)Σ|ℓ′ᵢ| < 1.1e-9, not to ∂L/∂b = −1.06e-18.
            Expect.Within(dw, gradient.Weights[0], 24 * U * Math.Abs(dw));
            Expect.Within(db, gradient.Bias, 24 * U * 1.1e-9);
        }
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
