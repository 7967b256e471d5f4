using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Models;

namespace TensorLinear.Reference.Tests.Models;

/// <summary>The hand-derived gradients and Hessians against central differences of the loss and of the gradient.</summary>
public class FiniteDifferenceTests
{
    private static readonly ReferenceEngine Engine = new();

    // Central differences with h = 2⁻¹⁷ ≈ 7.6e-6, near the best step u^(1/3) and a power of 2, so θ ± h is exact for
    // these |θ| < 1 (NUMERICS.md): truncation (h²/6)|f‴| ≈ 1e-11 and rounding u|f|/h ≈ 1e-11 for losses and gradients
    // of order 1, so 1e-8 leaves a margin of about 1000.
    private const double Step = 1.0 / 131072;
    private const double Tolerance = 1e-8;

    private static DataSet RandomData(ModelKind kind)
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 12).Select(_ => new[] { random.NextDouble() * 2 - 1, random.NextDouble() * 3, random.NextDouble() - 2 }).ToArray();
        var targets = rows.Select(r => kind == ModelKind.Logistic ? (r[0] + r[1] > 1.5 ? 1.0 : 0.0) : r[0] - 2 * r[2] + random.NextDouble()).ToArray();
        return DataSet.FromRows(rows, targets);
    }

    public static TheoryData<ModelKind, double, double> Cases => new()
    {
        { ModelKind.Linear, 0.0, 0.0 },
        { ModelKind.Linear, 0.3, 0.2 },
        { ModelKind.Logistic, 0.0, 0.0 },
        { ModelKind.Logistic, 0.3, 0.2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheGradientMatchesCentralDifferencesOfTheLoss(ModelKind kind, double l2, double l1)
    {
        var data = RandomData(kind);
        var penalty = new Penalty(l2, l1);
        var theta = new[] { 0.4, -0.7, 0.2, 0.1 }; // no weight at 0, so the L1 term is smooth here
        var gradient = Engine.Gradient(kind, data, LinearModel.FromParameterVector(theta), penalty).ToParameterVector();
        for (var k = 0; k < theta.Length; k++)
        {
            var numeric = (Engine.Loss(kind, data, Shifted(theta, k, Step), penalty) - Engine.Loss(kind, data, Shifted(theta, k, -Step), penalty)) / (2 * Step);
            Assert.Equal(numeric, gradient[k], Tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheHessianMatchesCentralDifferencesOfTheGradient(ModelKind kind, double l2, double l1)
    {
        var data = RandomData(kind);
        var penalty = new Penalty(l2, l1);
        var theta = new[] { 0.4, -0.7, 0.2, 0.1 };
        var hessian = Engine.Hessian(kind, data, LinearModel.FromParameterVector(theta), penalty);
        for (var k = 0; k < theta.Length; k++)
        {
            var up = Engine.Gradient(kind, data, Shifted(theta, k, Step), penalty).ToParameterVector();
            var down = Engine.Gradient(kind, data, Shifted(theta, k, -Step), penalty).ToParameterVector();
            for (var j = 0; j < theta.Length; j++)
                Assert.Equal((up[j] - down[j]) / (2 * Step), hessian[j, k], Tolerance);
        }
    }

    private static LinearModel Shifted(double[] theta, int k, double h)
    {
        var shifted = (double[])theta.Clone();
        shifted[k] += h;
        return LinearModel.FromParameterVector(shifted);
    }
}
