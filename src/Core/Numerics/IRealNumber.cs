using System.Numerics;

namespace TensorLinear.Numerics;

/// <summary>
/// What the <see cref="Oracle"/>'s definitions need of a number, in .NET's generic-math terms: the four operations and
/// comparison (System.Numerics' operator interfaces), a double taken exactly, √, eˣ and log(1 + x). Implemented by
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
}
