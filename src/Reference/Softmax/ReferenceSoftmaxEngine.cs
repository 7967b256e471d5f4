using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Softmax;

namespace TensorLinear.Reference.Softmax;

/// <summary>The hand-derived softmax engine: <see cref="SoftmaxRegression"/>'s loops over doubles.</summary>
public sealed class ReferenceSoftmaxEngine : ISoftmaxEngine
{
    /// <summary>The one instance (the engine holds no state).</summary>
    public static ReferenceSoftmaxEngine Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "reference";

    /// <inheritdoc/>
    public double Loss(DataSet data, SoftmaxModel model, Penalty penalty) => SoftmaxRegression.Loss(data, model, penalty);

    /// <inheritdoc/>
    public double[] Gradient(DataSet data, SoftmaxModel model, Penalty penalty) => SoftmaxRegression.Gradient(data, model, penalty);

    /// <inheritdoc/>
    public double[,] Hessian(DataSet data, SoftmaxModel model, Penalty penalty) => SoftmaxRegression.Hessian(data, model, penalty);
}
