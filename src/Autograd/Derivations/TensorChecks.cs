using TensorLinear.Numerics;

namespace TensorLinear.Autograd.Derivations;

/// <summary>
/// The input checks of the tensor twins: the same <see cref="Check"/> calls the reference makes, on the tensors'
/// values, so that the same bad input raises the same typed error on either side. Values are read without recording
/// a graph; reading a small CPU tensor is one copy.
/// </summary>
internal static class TensorChecks
{
    /// <summary>A non-empty finite vector (one dimension); returns its values.</summary>
    public static double[] Vector(Tensor x, string name)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.Dimensions != 1)
            throw new DimensionMismatchException(name, $"has shape {Tensor.FormatShape(x.Shape)}; a vector has one dimension");
        var values = Values(x);
        Check.Vector(values, name);
        return values;
    }

    /// <summary>Two vectors of one length, each non-empty and finite; returns their values.</summary>
    public static (double[] X, double[] Y) Vectors(Tensor x, string xName, Tensor y, string yName)
    {
        var xs = Vector(x, xName);
        var ys = Vector(y, yName);
        Check.SameLength(xs.Length, xName, ys.Length, yName);
        return (xs, ys);
    }

    /// <summary>A finite scalar (a tensor with one element); returns its value.</summary>
    public static double Scalar(Tensor s, string name)
    {
        ArgumentNullException.ThrowIfNull(s, name);
        if (s.Count != 1)
            throw new DimensionMismatchException(name, $"has shape {Tensor.FormatShape(s.Shape)}; it must hold one element");
        var value = Values(s)[0];
        Check.Finite(value, name);
        return value;
    }

    /// <summary>The values of <paramref name="t"/>, read without recording a graph.</summary>
    public static double[] Values(Tensor t)
    {
        using var noGrad = Torch.NoGrad();
        return t.ToArray();
    }
}
