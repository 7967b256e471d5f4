using System.Runtime.InteropServices;
using TensorLinear.Data;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Models;

/// <summary>A <see cref="DataSet"/> as float64 tensors: the n×d feature matrix X and the target vector y (copied once each).</summary>
public static class DataTensors
{
    /// <summary>The features as an n×d float64 tensor.</summary>
    public static Tensor Features(DataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Torch.Initialize();
        return FromMemory(data.Features, [data.RowCount, data.FeatureCount]);
    }

    /// <summary>The targets as a float64 vector of n.</summary>
    public static Tensor Targets(DataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Torch.Initialize();
        return FromMemory(data.Targets, [data.RowCount]);
    }

    /// <summary>The sample weights as a float64 vector of n; null when the data are unweighted.</summary>
    public static Tensor? SampleWeights(DataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.IsWeighted) return null;
        Torch.Initialize();
        return FromMemory(data.SampleWeights, [data.RowCount]);
    }

    // TorchSharp copies the values into libtorch's storage; an array the memory already wraps is handed over as it is,
    // so the data are copied once, not twice.
    private static Tensor FromMemory(ReadOnlyMemory<double> values, long[] shape) =>
        MemoryMarshal.TryGetArray(values, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? tensor(segment.Array, shape, dtype: ScalarType.Float64)
            : tensor(values.ToArray(), shape, dtype: ScalarType.Float64);
}
