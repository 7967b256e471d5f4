using TensorLinear.Numerics;

namespace TensorLinear.Verification.Exact;

// A generic method can be neither a lambda nor a delegate, so each definition is a small class; these bases split θ
// the way the catalog lays it out, so that a definition reads as its formula.

/// <summary>A function of one vector: θ = x.</summary>
internal abstract class OfOneVector : IRealFunction
{
    public T[] Evaluate<T>(T[] theta) where T : IRealNumber<T> => Of<T>(theta);

    protected abstract T[] Of<T>(ReadOnlySpan<T> x) where T : IRealNumber<T>;
}

/// <summary>A function of two vectors of one length: θ = (x, y).</summary>
internal abstract class OfTwoVectors : IRealFunction
{
    public T[] Evaluate<T>(T[] theta) where T : IRealNumber<T>
    {
        var n = theta.Length / 2;
        return Of<T>(theta.AsSpan(0, n), theta.AsSpan(n, n));
    }

    protected abstract T[] Of<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : IRealNumber<T>;
}
