using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Models;

namespace TensorLinear.Reference.Tests.Models;

/// <summary>The hand-derived gradients and Hessians against central differences of the loss and of the gradient.</summary>
public class FiniteDifferenceTests
{
    private static readonly ReferenceEngine Engine = new();

    // Central differences with their derived error bound (CentralDifference): no guessed tolerance.

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
        CentralDifference.Agrees("∇L", t => Engine.Loss(kind, data, LinearModel.FromParameterVector(t), penalty), gradient, theta);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheHessianMatchesCentralDifferencesOfTheGradient(ModelKind kind, double l2, double l1)
    {
        var data = RandomData(kind);
        var penalty = new Penalty(l2, l1);
        var theta = new[] { 0.4, -0.7, 0.2, 0.1 };
        var hessian = Engine.Hessian(kind, data, LinearModel.FromParameterVector(theta), penalty);
        for (var j = 0; j < theta.Length; j++)
        {
            var row = j;
            for (var k = 0; k < theta.Length; k++)
                CentralDifference.Agrees($"H[{j}, {k}]",
                    CentralDifference.Derivative(t => Engine.Gradient(kind, data, LinearModel.FromParameterVector(t), penalty).ToParameterVector()[row], theta, k),
                    hessian[j, k]);
        }
    }
}
