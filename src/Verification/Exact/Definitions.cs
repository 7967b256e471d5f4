using TensorLinear.Numerics;

namespace TensorLinear.Verification.Exact;

// The small pieces the definitions are written from, generic over the number type. Each is the formula as defined,
// with no scaling and no rearrangement for rounding: on double-double the result is the truth to ~32 digits for the
// catalog's inputs (components within 1e-3…1e3, so nothing overflows), on Dual its derivative by forward mode.
internal static class Definitions
{
    public static T Sum<T>(IEnumerable<T> terms) where T : IRealNumber<T>
    {
        var sum = T.AdditiveIdentity;
        foreach (var t in terms) sum += t;
        return sum;
    }

    // xᵀy = Σᵢ xᵢyᵢ
    public static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : IRealNumber<T>
    {
        var sum = T.AdditiveIdentity;
        for (var i = 0; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    // ‖x‖₂ = √(xᵀx)
    public static T Norm2<T>(ReadOnlySpan<T> x) where T : IRealNumber<T> => T.Sqrt(Dot(x, x));

    // ‖x‖₁ = Σᵢ |xᵢ|
    public static T Norm1<T>(ReadOnlySpan<T> x) where T : IRealNumber<T>
    {
        var sum = T.AdditiveIdentity;
        foreach (var v in x) sum += T.Abs(v);
        return sum;
    }

    // ‖x‖∞ = maxᵢ |xᵢ|, as the mean of the k tied largest |xᵢ|: the same value, and a derivative that splits evenly
    // among the tied components, the convention the reference and libtorch take at a tie (the catalog's normInf entry).
    public static T NormInf<T>(ReadOnlySpan<T> x) where T : IRealNumber<T>
    {
        var largest = T.AdditiveIdentity;
        foreach (var v in x) if (T.Abs(v) > largest) largest = T.Abs(v);
        // compared by value only (a Dual's == would compare its tangent too): |xᵢ| ≥ largest means tied with it
        T sum = T.AdditiveIdentity, count = T.AdditiveIdentity;
        foreach (var v in x)
            if (T.Abs(v) >= largest) (sum, count) = (sum + T.Abs(v), count + T.From(1.0));
        return sum / count;
    }

    // ‖x‖ₚ = (Σᵢ |xᵢ|ᵖ)^(1/p), aᵖ = e^(p·log a) for a > 0 and 0ᵖ = 0 (p > 1, so its derivative there is 0 too)
    public static T NormP<T>(ReadOnlySpan<T> x, double p) where T : IRealNumber<T>
    {
        var sum = T.AdditiveIdentity;
        foreach (var v in x) if (T.Abs(v) > T.AdditiveIdentity) sum += Power(T.Abs(v), p);
        return Power(sum, 1.0 / p);
    }

    // ‖x‖ₚ for the orders of the distance entry: 1, 2, ∞ or 1 < p < ∞
    public static T NormOfOrder<T>(ReadOnlySpan<T> x, double p) where T : IRealNumber<T> =>
        p == 1.0 ? Norm1(x) : p == 2.0 ? Norm2(x) : double.IsPositiveInfinity(p) ? NormInf(x) : NormP(x, p);

    public static T Power<T>(T a, double p) where T : IRealNumber<T> => T.Exp(T.From(p) * T.Log(a));

    // softplus(t) = log(1 + eᵗ), written t + log(1 + e⁻ᵗ) for t > 0 so that eᵗ never overflows; not as
    // max(t, 0) + log(1 + e^(−|t|)), whose two kinks at 0 cancel in value but would give forward mode the slope 0 there
    public static T Softplus<T>(T t) where T : IRealNumber<T> =>
        t > T.AdditiveIdentity ? t + T.Log1p(T.Exp(-t)) : T.Log1p(T.Exp(t));

    // max(0, t) as a branch, so that forward mode takes the slope 0 at t = 0: the subgradient the reference's hinge
    // and libtorch's relu take at the kink
    public static T PositivePart<T>(T t) where T : IRealNumber<T> => t > T.AdditiveIdentity ? t : T.AdditiveIdentity;

    // σ(z) = 1/(1 + e⁻ᶻ), written e^z/(1 + e^z) for z < 0 so that e⁻ᶻ never overflows
    public static T Sigmoid<T>(T z) where T : IRealNumber<T>
    {
        var one = T.From(1.0);
        if (z >= T.AdditiveIdentity) return one / (one + T.Exp(-z));
        var e = T.Exp(z);
        return e / (one + e);
    }

    public static T[] Scaled<T>(ReadOnlySpan<T> x, T c) where T : IRealNumber<T>
    {
        var result = new T[x.Length];
        for (var i = 0; i < x.Length; i++) result[i] = c * x[i];
        return result;
    }

    public static T[] Difference<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : IRealNumber<T>
    {
        var result = new T[x.Length];
        for (var i = 0; i < x.Length; i++) result[i] = x[i] - y[i];
        return result;
    }
}
