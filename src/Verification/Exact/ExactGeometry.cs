using TensorLinear.Numerics;
using static TensorLinear.Verification.Exact.Definitions;

namespace TensorLinear.Verification.Exact;

/// <summary>
/// The hyperplane and line entries' functions as defined, over generic numbers: θ = (x, w, w₀) for a hyperplane,
/// θ = (x, w) for the decision score, (p, q) for the line through two points, (m, x₀, y₀) for the perpendicular.
/// </summary>
internal static class ExactGeometry
{
    public static IRealFunction HyperplaneScore { get; } = new Score();
    public static IRealFunction SignedDistance { get; } = new Distance();
    public static IRealFunction Foot { get; } = new FootOfPerpendicular();
    public static IRealFunction DecisionScore { get; } = new RuleScore();
    public static IRealFunction LineThrough { get; } = new Through();
    public static IRealFunction PerpendicularThrough { get; } = new Perpendicular();

    private abstract class OfHyperplane : IRealFunction
    {
        public T[] Evaluate<T>(T[] theta) where T : IRealNumber<T>
        {
            var n = (theta.Length - 1) / 2;
            return Of<T>(theta.AsSpan(0, n), theta.AsSpan(n, n), theta[2 * n]);
        }

        protected abstract T[] Of<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, T bias) where T : IRealNumber<T>;
    }

    // wᵀx + w₀
    private sealed class Score : OfHyperplane
    {
        protected override T[] Of<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, T bias) => [Dot(w, x) + bias];
    }

    // d = (wᵀx + w₀)/‖w‖₂
    private sealed class Distance : OfHyperplane
    {
        protected override T[] Of<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, T bias) => [(Dot(w, x) + bias) / Norm2(w)];
    }

    // p = x − ((wᵀx + w₀)/wᵀw)·w
    private sealed class FootOfPerpendicular : OfHyperplane
    {
        protected override T[] Of<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, T bias) =>
            Difference(x, Scaled(w, (Dot(w, x) + bias) / Dot(w, w)));
    }

    // s = wᵀx, θ = (x, w)
    private sealed class RuleScore : OfTwoVectors
    {
        protected override T[] Of<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w) => [Dot(w, x)];
    }

    // m = (q₁ − p₁)/(q₀ − p₀), b = p₁ − m·p₀
    private sealed class Through : IRealFunction
    {
        public T[] Evaluate<T>(T[] t) where T : IRealNumber<T>
        {
            var m = (t[3] - t[1]) / (t[2] - t[0]);
            return [m, t[1] - m * t[0]];
        }
    }

    // m⊥ = −1/m, b⊥ = y₀ − m⊥·x₀
    private sealed class Perpendicular : IRealFunction
    {
        public T[] Evaluate<T>(T[] t) where T : IRealNumber<T>
        {
            var m = -(T.From(1.0) / t[0]);
            return [m, t[2] - m * t[1]];
        }
    }
}
