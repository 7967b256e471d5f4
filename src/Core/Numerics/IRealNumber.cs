using System.Numerics;

namespace TensorLinear.Numerics;

/// <summary>
/// What the definitions of an <see cref="IRealFunction"/> need of a number, in .NET's generic-math terms: the four operations and
/// comparison (System.Numerics' operator interfaces), a double taken exactly, √, eˣ, log(1 + x), log x, |x| and atan2. Implemented by
/// <see cref="DoubleDouble"/> (the truth's values) and <see cref="Dual"/> (forward-mode derivatives).
/// </summary>
/// <typeparam name="T">The number type itself.</typeparam>
public interface IRealNumber<T> :
    IAdditionOperators<T, T, T>,
    ISubtractionOperators<T, T, T>,
    IMultiplyOperators<T, T, T>,
    IDivisionOperators<T, T, T>,
    IUnaryNegationOperators<T, T>,
    IComparisonOperators<T, T, bool>,
    IAdditiveIdentity<T, T>
    where T : IRealNumber<T>
{
    /// <summary>A double as a T: a constant.</summary>
    static abstract T From(double value);

    /// <summary>√a, a ≥ 0.</summary>
    static abstract T Sqrt(T a);

    /// <summary>eᵃ.</summary>
    static abstract T Exp(T a);

    /// <summary>log(1 + a), a ≥ 0.</summary>
    static abstract T Log1p(T a);

    /// <summary>log a, a &gt; 0.</summary>
    static abstract T Log(T a);

    /// <summary>|a|; at 0 a derivative takes the subgradient 0, as the reference's sign(0) = 0 does.</summary>
    static abstract T Abs(T a);

    /// <summary>The angle of the point (x, y) in (−π, π].</summary>
    static abstract T Atan2(T y, T x);
}
