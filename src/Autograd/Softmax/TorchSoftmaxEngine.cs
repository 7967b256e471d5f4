using TensorLinear.Autograd.Models;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using TensorLinear.Softmax;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Softmax;

/// <summary>
/// The libtorch softmax engine: the loss from <see cref="TensorSoftmax"/>, its gradient from <c>backward()</c> and its
/// Hessian from double backward, over θ in the reference's order.
/// </summary>
public sealed class TorchSoftmaxEngine : ISoftmaxEngine
{
    /// <summary>The one instance (the engine holds no state).</summary>
    public static TorchSoftmaxEngine Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "torch";

    /// <inheritdoc/>
    public double Loss(DataSet data, SoftmaxModel model, Penalty penalty)
    {
        Validate(data, model, penalty);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var theta = tensor(model.ToParameterVector(), dtype: ScalarType.Float64);
        return TensorSoftmax.LossAt(DataTensors.Features(data), Labels(data), theta, model.ClassCount, penalty, DataTensors.SampleWeights(data)).item<double>();
    }

    /// <inheritdoc/>
    public double[] Gradient(DataSet data, SoftmaxModel model, Penalty penalty)
    {
        Validate(data, model, penalty);
        using var scope = NewDisposeScope();
        var theta = tensor(model.ToParameterVector(), dtype: ScalarType.Float64, requires_grad: true);
        var loss = TensorSoftmax.LossAt(DataTensors.Features(data), Labels(data), theta, model.ClassCount, penalty, DataTensors.SampleWeights(data));
        return Torch.Gradient(loss, theta).ToDoubles();
    }

    /// <inheritdoc/>
    public double[,] Hessian(DataSet data, SoftmaxModel model, Penalty penalty)
    {
        Validate(data, model, penalty);
        using var scope = NewDisposeScope();
        var x = DataTensors.Features(data);
        var y = Labels(data);
        var omega = DataTensors.SampleWeights(data);
        // The L1 term is piecewise linear: no curvature, and autograd agrees (the derivative of sign is 0).
        var smooth = new Penalty(l2: penalty.L2);
        return Torch.Hessian(theta => TensorSoftmax.LossAt(x, y, theta, model.ClassCount, smooth, omega), model.ToParameterVector());
    }

    // The labels as the int64 class indices libtorch's gather takes (checked to be 0 … k−1 before).
    private static Tensor Labels(DataSet data)
    {
        var y = data.Targets.Span;
        var labels = new long[y.Length];
        for (var i = 0; i < labels.Length; i++) labels[i] = (long)y[i];
        return tensor(labels, dtype: ScalarType.Int64);
    }

    // The reference's checks, so that the same bad input raises the same typed error on either engine.
    private static void Validate(DataSet data, SoftmaxModel model, Penalty penalty)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(penalty);
        Torch.Initialize(); // before any TorchSharp call, so that a failed load is a NativeLibraryException
        if (model.FeatureCount != data.FeatureCount)
            throw new DimensionMismatchException(nameof(model), $"has {model.FeatureCount} weights per class but the data set has {data.FeatureCount} features; a softmax model needs one weight per feature and class");
        Check.ClassLabels(data.Targets.Span, model.ClassCount, nameof(data));
    }
}
