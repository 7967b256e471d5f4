using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Training;
using TensorLinear.Training;

namespace TensorLinear.Reference.Models;

/// <summary>
/// The hand-derived engine: every quantity computed by loops over doubles from the formulas in
/// <see cref="LinearRegression"/>, <see cref="LogisticRegression"/> and <see cref="GradientDescent"/>. Its results
/// define what the libtorch engine must reproduce.
/// </summary>
public sealed class ReferenceEngine : ILinearModelEngine
{
    /// <inheritdoc/>
    public string Name => "reference";

    /// <inheritdoc/>
    public double[] Predict(ModelKind kind, DataSet data, LinearModel model) => kind switch
    {
        ModelKind.Linear => LinearRegression.Predict(data, model),
        ModelKind.Logistic => LogisticRegression.Predict(data, model),
        _ => throw UnknownKind(kind),
    };

    /// <inheritdoc/>
    public double Loss(ModelKind kind, DataSet data, LinearModel model, Penalty penalty) => kind switch
    {
        ModelKind.Linear => LinearRegression.Loss(data, model, penalty),
        ModelKind.Logistic => LogisticRegression.Loss(data, model, penalty),
        _ => throw UnknownKind(kind),
    };

    /// <inheritdoc/>
    public ModelGradient Gradient(ModelKind kind, DataSet data, LinearModel model, Penalty penalty) => kind switch
    {
        ModelKind.Linear => LinearRegression.Gradient(data, model, penalty),
        ModelKind.Logistic => LogisticRegression.Gradient(data, model, penalty),
        _ => throw UnknownKind(kind),
    };

    /// <inheritdoc/>
    public double[,] Hessian(ModelKind kind, DataSet data, LinearModel model, Penalty penalty) => kind switch
    {
        ModelKind.Linear => LinearRegression.Hessian(data, model, penalty),
        ModelKind.Logistic => LogisticRegression.Hessian(data, model, penalty),
        _ => throw UnknownKind(kind),
    };

    /// <inheritdoc/>
    public TrainingResult Train(ModelKind kind, DataSet data, TrainingOptions options, LinearModel? start = null, IProgress<EpochProgress>? progress = null) =>
        GradientDescent.Train(kind, data, options, start, progress);

    // The error for a ModelKind value outside the enum (an unchecked cast), shared by every switch on the kind.
    internal static OutOfDomainException UnknownKind(ModelKind kind) =>
        new(nameof(kind), $"is {kind}, which is not a model TensorLinear fits");
}
