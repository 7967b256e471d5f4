using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using TensorLinear.Tests.Shared;
using TensorLinear.Verification.Exact;

namespace TensorLinear.Verification.Tests.Truth;

// The truth itself against cases worked by hand: each definition of Verification.Exact, in double-double, on inputs
// whose values are small rationals or known constants. An answer that is a double is matched exactly; one that is
// not (0.4, 1/√2, ∛91) to within a unit of double's last place, which a definition of another function would miss by far.
public sealed class DefinitionTests
{
    private static void Exactly(double[] expected, IRealFunction f, double[] theta) =>
        Assert.Equal(expected, f.Truth(theta).Select(v => v.Hi));

    private static void Nearly(double[] expected, IRealFunction f, double[] theta)
    {
        var truth = f.Truth(theta);
        Assert.Equal(expected.Length, truth.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(truth[i].Hi - expected[i]) <= Math.ScaleB(Math.Abs(expected[i]), -52), $"output {i}: {truth[i].Hi:R}, expected {expected[i]:R}");
    }

    [Fact]
    public void VectorDefinitions()
    {
        Exactly([12.0], ExactVectors.Dot, [1, 2, 3, 4, -5, 6]);          // 4 − 10 + 18
        Exactly([7.0], ExactVectors.Norm1, [3, -4]);
        Exactly([5.0], ExactVectors.Norm2, [3, -4]);                     // √25
        Exactly([4.0], ExactVectors.NormInf, [3, -4]);
        Nearly([Math.Cbrt(91)], ExactVectors.NormP(3), [3, 4]);          // (27 + 64)^(1/3)
        Nearly([0.6, 0.8], ExactVectors.Unit, [3, 4]);                   // (3, 4)/5
        Nearly([1 / Math.Sqrt(2)], ExactVectors.Cosine, [1, 0, 1, 1]);   // 1/(1·√2)
        Nearly([Math.PI / 2], ExactVectors.Angle, [1, 0, 0, 1]);
        Nearly([Math.PI / 4], ExactVectors.Angle, [1, 0, 1, 1]);
        Nearly([Math.PI], ExactVectors.Angle, [1, 2, -2, -4]);           // antiparallel
        Exactly([2.0], ExactVectors.ScalarProjection, [2, 3, 4, 0]);     // (2·4 + 0)/4
        Exactly([2.0, 0.0], ExactVectors.Project, [2, 3, 4, 0]);
        Exactly([0.0, 3.0], ExactVectors.Reject, [2, 3, 4, 0]);
        Exactly([7.0], ExactVectors.Distance(1), [1, 2, 4, 6]);          // |−3| + |−4|
        Exactly([5.0], ExactVectors.Distance(2), [1, 2, 4, 6]);
        Exactly([4.0], ExactVectors.Distance(double.PositiveInfinity), [1, 2, 4, 6]);
    }

    [Fact]
    public void GeometryDefinitions()
    {
        // w = (3, 4), w₀ = −5, x = (1, 1): wᵀx + w₀ = 2, d = 2/5, foot = x − (2/25)·w = (0.76, 0.68). θ = (x, w, w₀).
        Exactly([2.0], ExactGeometry.HyperplaneScore, [1, 1, 3, 4, -5]);
        Nearly([0.4], ExactGeometry.SignedDistance, [1, 1, 3, 4, -5]);
        Nearly([0.76, 0.68], ExactGeometry.Foot, [1, 1, 3, 4, -5]);
        Exactly([7.0], ExactGeometry.DecisionScore, [1, 1, 3, 4]);       // θ = (x, w)
        Exactly([3.0, -1.0], ExactGeometry.LineThrough, [1, 2, 3, 8]);   // m = 6/2, b = 2 − 3
        Exactly([-0.5, 1.5], ExactGeometry.PerpendicularThrough, [2, 1, 1]); // m⊥ = −1/2, b⊥ = 1 + 1/2
    }

    [Fact]
    public void LossDefinitions()
    {
        Exactly([2.5], ExactLosses.MeanSquaredError([1, 2]), [2, 4]);    // (1 + 4)/2
        Exactly([1.5], ExactLosses.MeanAbsoluteError([1, 2]), [2, 4]);   // (1 + 2)/2
        Nearly([Math.Log(2)], ExactLosses.CrossEntropyFromProbabilities([1, 0]), [0.5, 0.5]);
        Exactly([0.5, 0.5], ExactLosses.Sigmoid, [0, 0]);
    }

    [Fact]
    public void MaxMarginDefinitions()
    {
        // labels (1, −1, 1), scores (0.5, 0.5, 2): 1 − ys = (0.5, 1.5, −1), hinges (0.5, 1.5, 0), mean 2/3
        Exactly([0.5, 1.5, 0], ExactMaxMargin.Hinge([1, -1, 1]), [0.5, 0.5, 2]);
        Nearly([2.0 / 3], ExactMaxMargin.MeanHinge([1, -1, 1]), [0.5, 0.5, 2]);
        // X = (1, −1)ᵀ, y = (1, −1), θ = (w, b) = (0.5, 0): both margins 0.5, hinges 0.5 each; P = ½·¼ + 2·1 with C = 2
        var data = DataSet.FromRows([[1.0], [-1.0]], [1.0, -1.0]);
        Exactly([2.125], ExactMaxMargin.SoftMargin(data, 2.0), [0.5, 0]);
        // α = (1, 2): w = 1·1·1 + 2·(−1)·(−1) = 3, f = ½·9 − (1 + 2) = 1.5 with c = 1
        Exactly([1.5], ExactMaxMargin.Dual(data, [1, 1]), [1, 2]);
    }

    [Fact]
    public void TheLogLossDefinitionHasTheDigitsOfMpmath()
    {
        // tests/Shared/ExactLogLoss.cs (scripts/exact/logloss.py, mpmath at 60 digits), z from −1000 to 1000: the
        // definition keeps every digit where softplus(z) − y·z in double lost them (4.25e-18 at z = 40, y = 1).
        foreach (var (z, y, loss, _) in ExactLogLoss.Points)
        {
            var truth = ExactLosses.CrossEntropyFromLogits([y]).Truth([z])[0].Hi;
            Assert.True(Math.Abs(truth - loss) <= Math.ScaleB(loss, -52), $"z = {z}, y = {y}: {truth:R}, mpmath {loss:R}");
        }
    }

    [Fact]
    public void ModelDefinitions()
    {
        // X = (1, 2)ᵀ, y = (1, 3), θ = (w, b) = (1, 0): residuals (0, −1), MSE 1/2; λ₂ = 1/2 adds λ₂w² = 1/2, λ₁ = 1/4 adds 1/4.
        var data = DataSet.FromRows([[1.0], [2.0]], [1.0, 3.0]);
        Exactly([0.5], ExactModels.Loss(ModelKind.Linear, data, Penalty.None), [1, 0]);
        Exactly([1.25], ExactModels.Loss(ModelKind.Linear, data, new Penalty(l2: 0.5, l1: 0.25)), [1, 0]);
        // one row at logit 0: log 2, whatever the label
        var row = DataSet.FromRows([[3.0]], [1.0]);
        Nearly([Math.Log(2)], ExactModels.Loss(ModelKind.Logistic, row, Penalty.None), [0, 0]);
    }
}
