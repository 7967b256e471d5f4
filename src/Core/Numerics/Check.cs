using TensorLinear.Data;
using TensorLinear.Models;

namespace TensorLinear.Numerics;

/// <summary>
/// The input checks every derivation begins with, shared by both engines so that the same bad input raises the
/// same typed error on either side. Each check names the argument in its message.
/// </summary>
public static class Check
{
    /// <summary>Throws <see cref="EmptyInputException"/> unless <paramref name="x"/> holds at least one element.</summary>
    public static void NotEmpty(double[] x, string name)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.Length == 0) throw new EmptyInputException(name, "the vector is empty; it needs at least one component");
    }

    /// <summary>Throws <see cref="NonFiniteInputException"/> when any component is NaN or infinite.</summary>
    public static void Finite(ReadOnlySpan<double> x, string name)
    {
        for (var i = 0; i < x.Length; i++)
            if (!double.IsFinite(x[i]))
                throw new NonFiniteInputException(name, FormattableString.Invariant($"component {i} is {x[i]}; every component must be finite"));
    }

    /// <summary>Throws <see cref="NonFiniteInputException"/> unless <paramref name="value"/> is finite.</summary>
    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
            throw new NonFiniteInputException(name, FormattableString.Invariant($"is {value}; it must be finite"));
    }

    /// <summary>A vector that is non-empty and finite: the domain of every vector function.</summary>
    public static void Vector(double[] x, string name)
    {
        NotEmpty(x, name);
        Finite(x, name);
    }

    /// <summary>Two vectors of one length, each non-empty and finite.</summary>
    public static void Vectors(double[] x, string xName, double[] y, string yName)
    {
        Vector(x, xName);
        Vector(y, yName);
        SameLength(x.Length, xName, y.Length, yName);
    }

    /// <summary>Throws <see cref="DimensionMismatchException"/> unless the two lengths agree.</summary>
    public static void SameLength(int xLength, string xName, int yLength, string yName)
    {
        if (xLength != yLength)
            throw new DimensionMismatchException(yName, $"has length {yLength} but {xName} has length {xLength}; they must match");
    }

    /// <summary>Throws <see cref="DegenerateInputException"/> when every component is zero.</summary>
    public static void NonZero(double[] x, string name, string why)
    {
        foreach (var v in x)
            if (v != 0.0) return;
        throw new DegenerateInputException(name, $"is the zero vector; {why}");
    }

    /// <summary>
    /// Returns <paramref name="value"/> when it is finite; otherwise throws <see cref="OutOfDomainException"/>: a result
    /// of finite inputs that is beyond double's range (|v| &gt; 1.8e308) is said to be, never returned as ±∞ or NaN.
    /// </summary>
    /// <param name="value">The result.</param>
    /// <param name="name">The argument whose size put the result out of range.</param>
    /// <param name="quantity">What the result is, for the message ("xᵀy").</param>
    public static double InRange(double value, string name, string quantity) =>
        double.IsFinite(value) ? value : throw OutOfRange(name, quantity);

    /// <summary>Returns <paramref name="values"/> when every component is finite; otherwise as <see cref="InRange(double, string, string)"/>.</summary>
    public static double[] InRange(double[] values, string name, string quantity)
    {
        foreach (var v in values)
            if (!double.IsFinite(v)) throw OutOfRange(name, quantity);
        return values;
    }

    /// <summary>Returns <paramref name="values"/> when every entry is finite; otherwise as <see cref="InRange(double, string, string)"/>.</summary>
    public static double[,] InRange(double[,] values, string name, string quantity)
    {
        foreach (var v in values)
            if (!double.IsFinite(v)) throw OutOfRange(name, quantity);
        return values;
    }

    private static OutOfDomainException OutOfRange(string name, string quantity) =>
        new(name, $"{quantity} is out of range: beyond the largest double (1.8e308) for these finite inputs; scale them by a power of ten and scale the result back");

    /// <summary>Throws <see cref="OutOfDomainException"/> unless p ≥ 1 (p may be +∞).</summary>
    public static void NormOrder(double p, string name = "p")
    {
        if (double.IsNaN(p) || p < 1.0)
            throw new OutOfDomainException(name, FormattableString.Invariant($"is {p}; a norm needs p ≥ 1 (p = ∞ is allowed), since for p < 1 the triangle inequality fails"));
    }

    /// <summary>Throws <see cref="OutOfDomainException"/> unless <paramref name="value"/> is finite and ≥ 0.</summary>
    public static void NonNegative(double value, string name)
    {
        if (!(value >= 0.0) || double.IsInfinity(value))
            throw new OutOfDomainException(name, FormattableString.Invariant($"is {value}; it must be finite and ≥ 0"));
    }

    /// <summary>Throws <see cref="OutOfDomainException"/> unless <paramref name="value"/> is finite and &gt; 0.</summary>
    public static void Positive(double value, string name)
    {
        if (!(value > 0.0) || double.IsInfinity(value))
            throw new OutOfDomainException(name, FormattableString.Invariant($"is {value}; it must be finite and > 0"));
    }

    /// <summary>Throws <see cref="OutOfDomainException"/> unless every label is exactly 0 or 1.</summary>
    public static void BinaryLabels(ReadOnlySpan<double> y, string name)
    {
        for (var i = 0; i < y.Length; i++)
            if (y[i] != 0.0 && y[i] != 1.0)
                throw new OutOfDomainException(name, FormattableString.Invariant($"label {i} is {y[i]}; a logistic model needs labels 0 and 1 (map two classes onto them first)"));
    }

    /// <summary>Throws <see cref="OutOfDomainException"/> unless every label is one of the integers 0 … k−1.</summary>
    public static void ClassLabels(ReadOnlySpan<double> y, int classCount, string name)
    {
        for (var i = 0; i < y.Length; i++)
            if (!(y[i] >= 0.0 && y[i] < classCount && y[i] == Math.Floor(y[i])))
                throw new OutOfDomainException(name, FormattableString.Invariant($"label {i} is {y[i]}; a softmax model of {classCount} classes needs labels 0 … {classCount - 1} (map the classes onto them first)"));
    }

    /// <summary>
    /// Throws <see cref="DimensionMismatchException"/> unless <paramref name="model"/> has one weight per feature of
    /// <paramref name="data"/>: the check every loss, gradient and prediction of either engine begins with.
    /// </summary>
    public static void ModelFits(DataSet data, LinearModel model, string modelName = "model")
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model, modelName);
        if (model.FeatureCount != data.FeatureCount)
            throw new DimensionMismatchException(modelName, $"has {model.FeatureCount} weights but the data set has {data.FeatureCount} features; a linear model needs one weight per feature");
    }
}
