using System.Globalization;

namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// A function ℝⁿ → ℝᵐ as the checker calls it: every call gets a fresh copy of its argument (so an f that writes into
/// its input cannot corrupt the stencil), the output length is checked, and the calls are counted.
/// </summary>
internal sealed class SampledFunction
{
    private readonly Func<double[], double[]> _f;

    private SampledFunction(Func<double[], double[]> f, int inputLength, int outputLength)
    {
        _f = f;
        InputLength = inputLength;
        OutputLength = outputLength;
    }

    /// <summary>n.</summary>
    public int InputLength { get; }

    /// <summary>m (1 for a scalar function).</summary>
    public int OutputLength { get; }

    /// <summary>How many times f has been evaluated.</summary>
    public int Evaluations { get; private set; }

    /// <summary>Wraps a scalar function.</summary>
    public static SampledFunction Scalar(Func<double[], double> f, int n) => new(x => [f(x)], n, 1);

    /// <summary>
    /// Wraps a vector function and evaluates it at <paramref name="x"/>, which fixes m; throws a typed error when the
    /// value there is not finite, since no derivative can be checked at such a point.
    /// </summary>
    public static SampledFunction Vector(Func<double[], double[]> f, double[] x, out double[] valueAtX)
    {
        var first = f((double[])x.Clone()) ?? throw new OutOfDomainException("f", "returned null at x; it must return a vector");
        if (first.Length == 0) throw new EmptyInputException("f", "returned an empty vector at x; it needs at least one component");
        var sampled = new SampledFunction(f, x.Length, first.Length) { Evaluations = 1 };
        RequireFinite(first, x);
        valueAtX = first;
        return sampled;
    }

    /// <summary>f(x), which must be finite (a typed error says so otherwise).</summary>
    public double[] ValueAt(double[] x)
    {
        var y = Evaluate(x);
        RequireFinite(y, x);
        return y;
    }

    /// <summary>f at <paramref name="x"/>; non-finite values are returned as they are, for the caller to handle.</summary>
    public double[] Evaluate(double[] x)
    {
        Evaluations++;
        var y = _f((double[])x.Clone()) ?? throw new OutOfDomainException("f", "returned null; it must return a vector");
        if (y.Length != OutputLength)
            throw new DimensionMismatchException("f", $"returned {y.Length} values at one point and {OutputLength} at x; its output length must not change");
        return y;
    }

    /// <summary>Whether every component is finite.</summary>
    public static bool AllFinite(double[] y)
    {
        foreach (var v in y)
            if (!double.IsFinite(v)) return false;
        return true;
    }

    private static void RequireFinite(double[] y, double[] x)
    {
        for (var i = 0; i < y.Length; i++)
            if (!double.IsFinite(y[i]))
            {
                var which = y.Length == 1 ? "f(x)" : FormattableString.Invariant($"component {i} of f(x)");
                throw new OutOfDomainException("f", $"{which} is {y[i].ToString(CultureInfo.InvariantCulture)} at x = {Format.Vector(x)}; " +
                    "a gradient can only be checked where f is finite (is x outside f's domain, e.g. a log of a non-positive number?)");
            }
    }
}
