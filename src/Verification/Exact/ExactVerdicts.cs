using TensorLinear.Numerics;
using static TensorLinear.Verification.Exact.Definitions;

namespace TensorLinear.Verification.Exact;

/// <summary>
/// The predicates' verdicts as defined, 1 or 0, decided in the number type's own arithmetic: θ = (m₁, m₂) for the
/// parallel and perpendicular tests, θ = (x, w) for the decision rule. In double-double every comparison these cases
/// need is decided exactly (m₁ − m₂ and m₁m₂ + 1 are exact there, and a dot product errs by 10⁻³² of Σ|wᵢxᵢ|, far
/// inside the rounding band where the bounds accept either verdict).
/// </summary>
internal static class ExactVerdicts
{
    public static IRealFunction Parallel(double tolerance) => new ParallelSlopes(tolerance);
    public static IRealFunction Perpendicular(double tolerance) => new PerpendicularSlopes(tolerance);
    public static IRealFunction Accepts(double target) => new Acceptance(target);

    private static T[] Verdict<T>(bool holds) where T : IRealNumber<T> => [holds ? T.From(1.0) : T.AdditiveIdentity];

    // |m₁ − m₂| ≤ τ·max(|m₁|, |m₂|)
    private sealed class ParallelSlopes(double tolerance) : IRealFunction
    {
        public T[] Evaluate<T>(T[] m) where T : IRealNumber<T>
        {
            var largest = T.Abs(m[0]) > T.Abs(m[1]) ? T.Abs(m[0]) : T.Abs(m[1]);
            return Verdict<T>(T.Abs(m[0] - m[1]) <= T.From(tolerance) * largest);
        }
    }

    // |m₁m₂ + 1| ≤ τ
    private sealed class PerpendicularSlopes(double tolerance) : IRealFunction
    {
        public T[] Evaluate<T>(T[] m) where T : IRealNumber<T> => Verdict<T>(T.Abs(m[0] * m[1] + T.From(1.0)) <= T.From(tolerance));
    }

    // wᵀx ≥ t
    private sealed class Acceptance(double target) : OfTwoVectors
    {
        protected override T[] Of<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w) => Verdict<T>(Dot(w, x) >= T.From(target));
    }
}
