using TensorLinear.Data;

namespace TensorLinear.Autograd.Models;

/// <summary>A <see cref="DataSet"/> as tensors: the n×d feature matrix X and the target vector y (copied once each).</summary>
public static class DataTensors
{
    /// <summary>The features as an n×d tensor.</summary>
    public static Tensor Features(DataSet data, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Tensor.FromDoubles(data.Features.Span, [data.RowCount, data.FeatureCount], dtype, "Features");
    }

    /// <summary>The targets as a vector of n.</summary>
    public static Tensor Targets(DataSet data, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Tensor.FromDoubles(data.Targets.Span, [data.RowCount], dtype, "Targets");
    }
}
