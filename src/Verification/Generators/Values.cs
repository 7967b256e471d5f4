using TensorLinear.Verification.Cases;
using FsCheck;
using FsCheck.Fluent;

namespace TensorLinear.Verification.Generators;

/// <summary>
/// The raw material of every input: components spread across magnitudes (1e-3 to 1e3, mixed signs) with small
/// integers and zeros mixed in, dimensions from 1 to 64 and row counts from 1 to 256 that grow with FsCheck's size.
/// </summary>
/// <remarks>
/// Each generator draws one seed from FsCheck and builds its value with a <see cref="System.Random"/> seeded by it, so a
/// case is a pure function of FsCheck's seed and size (replayable), while the building code stays ordinary C#.
/// Shrinking is not done here but by <see cref="Shrink"/>, which works on the values themselves.
/// </remarks>
public static class Values
{
    /// <summary>The largest dimension generated.</summary>
    public const int MaxDimension = 64;

    /// <summary>The most rows generated.</summary>
    public const int MaxRows = 256;

    /// <summary>
    /// A generator that builds its value from a seeded <see cref="System.Random"/> and FsCheck's size (0 to 100 over a run),
    /// the bridge between FsCheck's replayable seeds and ordinary construction code.
    /// </summary>
    public static Gen<T> FromRandom<T>(Func<System.Random, int, T> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        return Gen.Sized(size => Gen.Choose(0, int.MaxValue - 1).Select(seed => build(new System.Random(seed), size)));
    }

    /// <summary>
    /// One component: 8% zero (when allowed), 12% a small non-zero integer in [−5, 5], 15% ordinary (0.1 to 10 in
    /// magnitude), and otherwise ±10ᵉ with e uniform in [−3, 3].
    /// </summary>
    public static double Component(System.Random random, bool allowZero = true)
    {
        ArgumentNullException.ThrowIfNull(random);
        var k = random.Next(100);
        if (allowZero && k < 8) return 0.0;
        var sign = random.Next(2) == 0 ? 1.0 : -1.0;
        if (k < 20) return sign * random.Next(1, 6);
        if (k < 35) return sign * (0.1 + 9.9 * random.NextDouble());
        return sign * Magnitude(random, -3, 3);
    }

    /// <summary>10ᵉ with e uniform in [<paramref name="lowExponent"/>, <paramref name="highExponent"/>].</summary>
    public static double Magnitude(System.Random random, double lowExponent, double highExponent)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Math.Pow(10.0, lowExponent + (highExponent - lowExponent) * random.NextDouble());
    }

    /// <summary>A vector of <paramref name="n"/> components; with <paramref name="nonZero"/> never the zero vector.</summary>
    public static double[] Vector(System.Random random, int n, bool allowZeros = true, bool nonZero = true)
    {
        ArgumentNullException.ThrowIfNull(random);
        var v = new double[n];
        for (var i = 0; i < n; i++) v[i] = Component(random, allowZeros);
        if (nonZero && v.All(c => c == 0.0)) v[random.Next(n)] = Component(random, allowZero: false);
        return v;
    }

    /// <summary>
    /// A size from 1 to <paramref name="max"/>: the cap grows with FsCheck's size (0 to 100), and half the draws stay
    /// below 8 so that most cases are small and quick while large ones still appear.
    /// </summary>
    public static int Count(System.Random random, int size, int max)
    {
        ArgumentNullException.ThrowIfNull(random);
        var cap = Math.Clamp(1 + size * (max - 1) / 100, 1, max);
        return random.Next(2) == 0 ? random.Next(1, Math.Min(cap, 8) + 1) : random.Next(1, cap + 1);
    }

    /// <summary>A dimension from 1 to 64 (see <see cref="Count"/>).</summary>
    public static int Dimension(System.Random random, int size) => Count(random, size, MaxDimension);

    /// <summary>A number of rows from 1 to 256 (see <see cref="Count"/>).</summary>
    public static int Rows(System.Random random, int size) => Count(random, size, MaxRows);

    /// <summary>σ(z) without overflow, for building probabilities.</summary>
    internal static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
