using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using TensorLinear.Reference.Losses;
using TensorLinear.Reference.Models;
using TensorLinear.Tests.Shared;

namespace TensorLinear.Reference.Tests.Losses;

// The log-loss and its slope against exact values (tests/Shared/ExactLogLoss.cs, mpmath at 60 digits), relative to the
// loss itself: softplus(z) − y·z gave 0 for 4.2e-18 at z = 40, y = 1, and 1.3 % off at z = 30.
public class ExactLogLossTests
{
    private const double U = FloatingPoint.UnitRoundoff;

    [Theory]
    [MemberData(nameof(ExactLogLossCases.All), MemberType = typeof(ExactLogLossCases))]
    public void LossOfOneLogitIsWithinSixteenRoundingsOfTheExactLoss(double z, double y, double loss, double slope)
    {
        _ = slope;
        // (1 − y)·z or y·(−z): two roundings; e^−|z| 2u, carried into log1p at most 1:1; Elementary.Log1p 10u; the sum one
        // more. Both terms are ≥ 0, so each error is relative to ℓ itself: 16u·ℓ.
        var actual = BinaryCrossEntropy.OfLogit(y, z);
        Assert.True(Math.Abs(actual - loss) <= 16 * U * loss, $"z = {z}, y = {y}: exact {loss:R}, got {actual:R}");
    }

    [Theory]
    [MemberData(nameof(ExactLogLossCases.HardLabels), MemberType = typeof(ExactLogLossCases))]
    public void SlopeOfOneRowIsWithinEightRoundingsOfTheExactSlope(double z, double y, double loss, double slope)
    {
        _ = loss;
        // One row x = 0, w = 1, b = z, so the score is z exactly and ∂L/∂b = ℓ′(z, y)/1 as LogLoss.Slope computes it.
        // σ(−|z|) within 4 roundings, the difference one more: 8u·|ℓ′| (for a label 0 or 1, |ℓ′| ≥ σ(−|z|)).
        var data = DataSet.FromRowMajor([0.0], 1, [y]);
        var actual = LogisticRegression.Gradient(data, new LinearModel([1.0], z)).Bias;
        var bound = 8 * U * Math.Abs(slope);
        Assert.True(Math.Abs(actual - slope) <= bound, $"z = {z}, y = {y}: exact {slope:R}, got {actual:R}");
    }

    [Theory]
    [MemberData(nameof(ExactLogLossCases.All), MemberType = typeof(ExactLogLossCases))]
    public void TheGradientInTheLogitsIsTheExactSlopeOverN(double z, double y, double loss, double slope)
    {
        _ = loss;
        // Two equal rows: (σ(z) − y)/2 each, σ(−|z|) within 4 roundings, the difference and the halving (exact) one more;
        // a soft label can cancel the two, so relative to |ℓ′| + σ(−|z|) + |y − H(z)|: 8u of that.
        var gradient = LossGradients.BinaryCrossEntropyGradientFromLogits([y, y], [z, z]);
        var bound = 8 * U * (Math.Abs(slope) + Logistic.Sigmoid(-Math.Abs(z)) + Math.Abs(y - (z >= 0 ? 1 : 0))) / 2;
        Assert.True(Math.Abs(gradient[0] - slope / 2) <= bound, $"z = {z}, y = {y}: exact {slope / 2:R}, got {gradient[0]:R}");
        Assert.Equal(gradient[0], gradient[1]);
    }

    [Fact]
    public void ConfidentModelsLossIsTheExactLossNotHalfOfIt()
    {
        // x = (1, 2, −1, −3), y = (1, 1, 0, 0), w = 20: z = 20, 40, −20, −60. softplus(z) − y·z lost the two label-1 rows
        // (2.06e-9 kept 6 digits, 4.2e-18 none) and returned about half the loss.
        var data = DataSet.FromRowMajor([1, 2, -1, -3], 1, [1, 1, 0, 0]);
        var model = new LinearModel([20.0], 0.0);
        var (loss, dw, db) = ExactLogLoss.ConfidentModel;
        // Each row within 16u of its ℓᵢ ≥ 0, the sum of four and the mean 4u more: 20u·L.
        var actual = LogisticRegression.Loss(data, model);
        Assert.True(Math.Abs(actual - loss) <= 20 * U * loss, $"exact {loss:R}, got {actual:R}");
        var gradient = LogisticRegression.Gradient(data, model);
        // Each slope within 8u of ℓ′ᵢ, the product with xᵢ one rounding, the sum of four and the mean four more; every
        // ℓ′ᵢxᵢ is negative here, so nothing cancels: 13u·|∂L/∂w|.
        Assert.True(Math.Abs(gradient.Weights[0] - dw) <= 13 * U * Math.Abs(dw), $"∂L/∂w: exact {dw:R}, got {gradient.Weights[0]:R}");
        // The bias slopes cancel (−2.06e-9 at z = 20, y = 1 against +2.06e-9 at z = −20, y = 0), so its error is relative to
        // (1/n)Σ|ℓ′ᵢ| = (2·2.06e-9 + 4.2e-18 + 8.8e-27)/4 < 1.1e-9, not to ∂L/∂b = −1.06e-18.
        Assert.True(Math.Abs(gradient.Bias - db) <= 12 * U * 1.1e-9, $"∂L/∂b: exact {db:R}, got {gradient.Bias:R}");
    }
}
