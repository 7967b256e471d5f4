using TensorLinear.Autograd.Runtime;
using TensorLinear.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Runtime;

/// <summary>
/// The input checks of the tensor twins: the same <see cref="Check"/> calls the reference makes, on the tensors'
/// values, so that the same bad input raises the same typed error on either side. Before any value is read, a
/// tensor must be float64 and of the right shape: libtorch would otherwise compute in another precision, broadcast
/// silently, or fail inside a kernel.
/// </summary>
/// <remarks>
/// The shape checks read only metadata and cost nothing beside a kernel; the value checks copy the elements once,
/// from a detached view, so that reading them records no graph.
/// </remarks>
internal static class TensorChecks
{
    /// <summary>A non-empty finite float64 vector (one dimension); returns its values.</summary>
    /// <exception cref="InvalidInputException">Not float64, not one-dimensional, empty, or not finite.</exception>
    public static double[] Vector(Tensor x, string name)
    {
        VectorShape(x, name);
        var values = x.ToDoubles();
        Check.Vector(values, name);
        return values;
    }

    /// <summary>Two float64 vectors of one length, each non-empty and finite; returns their values.</summary>
    /// <exception cref="InvalidInputException">Either is no finite non-empty float64 vector, or the lengths differ.</exception>
    public static (double[] X, double[] Y) Vectors(Tensor x, string xName, Tensor y, string yName)
    {
        var xs = Vector(x, xName);
        var ys = Vector(y, yName);
        Check.SameLength(xs.Length, xName, ys.Length, yName);
        return (xs, ys);
    }

    /// <summary>A finite float64 scalar (a tensor with one element, of any shape); returns its value.</summary>
    /// <exception cref="InvalidInputException">Not float64, not one element, or NaN or infinite.</exception>
    public static double Scalar(Tensor s, string name)
    {
        OneElement(s, name);
        var value = s.item<double>();
        Check.Finite(value, name);
        return value;
    }

    /// <summary>A float64 vector, by its metadata alone; returns its length.</summary>
    /// <exception cref="InvalidInputException">Not float64, or not one-dimensional.</exception>
    public static long VectorShape(Tensor x, string name)
    {
        Float64(x, name);
        if (x.dim() != 1)
            throw new DimensionMismatchException(name, $"has shape {Shapes.Format(x.shape)}; a vector has one dimension");
        return x.size(0);
    }

    /// <summary>A float64 matrix, by its metadata alone; returns its rows and columns.</summary>
    /// <exception cref="InvalidInputException">Not float64, or not two-dimensional.</exception>
    public static (long Rows, long Columns) MatrixShape(Tensor a, string name)
    {
        Float64(a, name);
        if (a.dim() != 2)
            throw new DimensionMismatchException(name, $"has shape {Shapes.Format(a.shape)}; a matrix has two dimensions");
        return (a.size(0), a.size(1));
    }

    /// <summary>A float64 tensor with exactly one element, by its metadata alone.</summary>
    /// <exception cref="InvalidInputException">Not float64, or not one element.</exception>
    public static void OneElement(Tensor s, string name)
    {
        Float64(s, name);
        if (s.numel() != 1)
            throw new DimensionMismatchException(name, $"has shape {Shapes.Format(s.shape)}; it must hold one element");
    }

    /// <summary>Two float64 tensors of one shape, by their metadata alone.</summary>
    /// <exception cref="InvalidInputException">Either is not float64, or their shapes differ.</exception>
    public static void SameShape(Tensor x, string xName, Tensor y, string yName)
    {
        Float64(x, xName);
        Float64(y, yName);
        if (!x.shape.AsSpan().SequenceEqual(y.shape))
            throw new DimensionMismatchException(yName,
                $"has shape {Shapes.Format(y.shape)} but {xName} has shape {Shapes.Format(x.shape)}; they must match");
    }

    /// <summary>
    /// A tensor of dtype float64. TorchSharp creates float32 unless told otherwise, and a float32 input would carry its
    /// 7 digits through every kernel, and its type into the results, without a word.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="t"/> is null.</exception>
    /// <exception cref="InvalidInputException">Any other dtype.</exception>
    public static void Float64(Tensor t, string name)
    {
        ArgumentNullException.ThrowIfNull(t, name);
        if (t.IsInvalid) throw new InvalidInputException(name, "has been disposed");
        if (t.dtype != ScalarType.Float64)
            throw new InvalidInputException(name, $"is a {t.dtype} tensor; TensorLinear computes in float64 (create tensors "
                + "from double[] or with dtype: torch.float64, or convert with .to_type(torch.float64))");
    }
}
