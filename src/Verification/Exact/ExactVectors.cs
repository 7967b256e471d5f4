using TensorLinear.Numerics;
using static TensorLinear.Verification.Exact.Definitions;

namespace TensorLinear.Verification.Exact;

/// <summary>The vector entries' functions as defined, over generic numbers (see <see cref="IRealFunction"/>).</summary>
internal static class ExactVectors
{
    public static IRealFunction Dot { get; } = new DotProduct();
    public static IRealFunction Norm1 { get; } = new L1();
    public static IRealFunction Norm2 { get; } = new L2();
    public static IRealFunction NormInf { get; } = new LInfinity();
    public static IRealFunction NormP(double p) => new Lp(p);
    public static IRealFunction Unit { get; } = new UnitVector();
    public static IRealFunction Cosine { get; } = new CosineOf();
    public static IRealFunction Angle { get; } = new AngleBetween();
    public static IRealFunction ScalarProjection { get; } = new ScalarProjectionOf();
    public static IRealFunction Project { get; } = new Projection();
    public static IRealFunction Reject { get; } = new Rejection();
    public static IRealFunction Distance(double p) => new DistanceOfOrder(p);

    private sealed class DotProduct : OfTwoVectors
    {
        protected override T[] Of<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => [Definitions.Dot(x, y)];
    }

    private sealed class L1 : OfOneVector
    {
        protected override T[] Of<T>(ReadOnlySpan<T> x) => [Definitions.Norm1(x)];
    }

    private sealed class L2 : OfOneVector
    {
        protected override T[] Of<T>(ReadOnlySpan<T> x) => [Definitions.Norm2(x)];
    }

    private sealed class LInfinity : OfOneVector
    {
        protected override T[] Of<T>(ReadOnlySpan<T> x) => [Definitions.NormInf(x)];
    }

    private sealed class Lp(double p) : OfOneVector
    {
        protected override T[] Of<T>(ReadOnlySpan<T> x) => [Definitions.NormP(x, p)];
    }

    // x̂ = x/‖x‖₂
    private sealed class UnitVector : OfOneVector
    {
        protected override T[] Of<T>(ReadOnlySpan<T> x) => Scaled(x, T.From(1.0) / Definitions.Norm2(x));
    }

    // cos θ = xᵀy/(‖x‖‖y‖)
    private sealed class CosineOf : OfTwoVectors
    {
        protected override T[] Of<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) =>
            [Definitions.Dot(x, y) / (Definitions.Norm2(x) * Definitions.Norm2(y))];
    }

    // θ = 2·atan2(‖x̂ − ŷ‖, ‖x̂ + ŷ‖), Kahan's form: well conditioned at 0 and π, where arccos(x̂ᵀŷ) is not; exactly
    // 0 or π at a cone point only in exact arithmetic, and within ~1e-32 of it in double-double.
    private sealed class AngleBetween : OfTwoVectors
    {
        protected override T[] Of<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        {
            var xHat = Scaled(x, T.From(1.0) / Definitions.Norm2(x));
            var yHat = Scaled(y, T.From(1.0) / Definitions.Norm2(y));
            var sum = new T[x.Length];
            for (var i = 0; i < sum.Length; i++) sum[i] = xHat[i] + yHat[i];
            return [T.From(2.0) * T.Atan2(Definitions.Norm2<T>(Difference<T>(xHat, yHat)), Definitions.Norm2<T>(sum))];
        }
    }

    // xᵀŷ = xᵀy/‖y‖
    private sealed class ScalarProjectionOf : OfTwoVectors
    {
        protected override T[] Of<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => [Definitions.Dot(x, y) / Definitions.Norm2(y)];
    }

    // proj_y(x) = (xᵀy/yᵀy)·y
    private sealed class Projection : OfTwoVectors
    {
        protected override T[] Of<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => Scaled(y, Definitions.Dot(x, y) / Definitions.Dot(y, y));
    }

    // rej_y(x) = x − (xᵀy/yᵀy)·y
    private sealed class Rejection : OfTwoVectors
    {
        protected override T[] Of<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) =>
            Difference(x, Scaled(y, Definitions.Dot(x, y) / Definitions.Dot(y, y)));
    }

    // d(x, y) = ‖x − y‖ₚ
    private sealed class DistanceOfOrder(double p) : OfTwoVectors
    {
        protected override T[] Of<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => [NormOfOrder<T>(Difference(x, y), p)];
    }
}
