using TensorLinear.Autograd.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Autograd;

/// <summary>
/// Copies a float64 tensor's values out into plain .NET arrays, refusing any other dtype with a typed error (TorchSharp
/// would reinterpret or throw). Values are read without recording a graph; the tensor may be a view.
/// </summary>
public static class TensorData
{
    /// <summary>The elements, in row-major order.</summary>
    /// <exception cref="InvalidInputException">The tensor is disposed or not float64.</exception>
    public static double[] ToDoubles(this Tensor tensor)
    {
        TensorChecks.Float64(tensor, nameof(tensor));
        using var noGrad = no_grad();
        using var dense = tensor.detach().contiguous();
        return dense.data<double>().ToArray();
    }

    /// <summary>The value of a tensor with one element.</summary>
    /// <exception cref="InvalidInputException">The tensor is disposed, not float64, or does not hold exactly one element.</exception>
    public static double ToDouble(this Tensor tensor)
    {
        TensorChecks.Float64(tensor, nameof(tensor));
        if (tensor.numel() != 1)
            throw new DimensionMismatchException(nameof(tensor), $"has shape {Runtime.Shapes.Format(tensor.shape)}; it must hold one element");
        return tensor.item<double>();
    }

    /// <summary>The elements of a 2-dimensional tensor as a matrix.</summary>
    /// <exception cref="InvalidInputException">The tensor is disposed, not float64, or not 2-dimensional.</exception>
    public static double[,] ToMatrix(this Tensor tensor)
    {
        TensorChecks.Float64(tensor, nameof(tensor));
        if (tensor.dim() != 2)
            throw new DimensionMismatchException(nameof(tensor), $"has shape {Runtime.Shapes.Format(tensor.shape)}; a matrix has 2 dimensions");
        var flat = tensor.ToDoubles();
        var matrix = new double[tensor.shape[0], tensor.shape[1]];
        Buffer.BlockCopy(flat, 0, matrix, 0, flat.Length * sizeof(double));
        return matrix;
    }
}
