using TensorLinear.MaxMargin;

namespace TensorLinear.Reference.MaxMargin;

/// <summary>How far two engines' maximum-margin fits of one data set are apart, and how far they may be.</summary>
/// <param name="Difference">max over (w, b) of |θ₁ − θ₂| over max(1, max |θ|).</param>
/// <param name="Bound">The bound derived in <see cref="Of"/>; the fits agree when <see cref="Difference"/> ≤ it.</param>
public sealed record EngineAgreement(double Difference, double Bound)
{
    /// <summary>True when the difference is within the bound.</summary>
    public bool Agrees => Difference <= Bound;

    /// <summary>
    /// The agreement of two fits and its bound. Polished fits solve the same square KKT system M(α_F, b) = r on the
    /// same active set, each with a backward-stable elimination (the reference's complete pivoting, LAPACK's pivoted QR):
    /// each computed solution is the exact solution of a system perturbed by about (k + 1)·u·‖M‖ with k + 1 its order,
    /// so it is within κ∞(M)·(k + 1)·u of the exact (α, b) relative to its size, and w = Σ αᵢyᵢxᵢ inherits that with
    /// the rounding of its own sum. Two such solutions are within twice that, and a factor 16 absorbs the forming of M
    /// and w (each a few roundings per entry): bound = 32·κ∞(M)·(k + 1)·u. Unpolished fits have only their gap: P is
    /// 1-strongly convex in w, so ½‖w − w*‖² ≤ P(w) − P* ≤ gap·P, and the two are within √(2·gap₁P₁) + √(2·gap₂P₂).
    /// </summary>
    public static EngineAgreement Of(MaxMarginFit first, MaxMarginFit second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        double[] a = first.Model.ToParameterVector(), b = second.Model.ToParameterVector();
        var scale = Math.Max(1.0, a.Concat(b).Max(Math.Abs));
        var difference = a.Zip(b, (p, q) => Math.Abs(p - q)).Max() / scale;
        double bound;
        if (first.ConditionNumber is double k1 && second.ConditionNumber is double k2)
        {
            var order = Math.Max(first.SupportVectors.Length, second.SupportVectors.Length) + 1;
            bound = 32.0 * Math.Max(k1, k2) * order * Numerics.FloatingPoint.UnitRoundoff;
        }
        else
        {
            static double Distance(MaxMarginFit f) => Math.Sqrt(2.0 * Math.Max(f.Kkt.RelativeDualityGap, 0.0) * f.Kkt.PrimalObjective);
            bound = (Distance(first) + Distance(second)) / scale;
        }
        return new EngineAgreement(difference, bound);
    }
}
