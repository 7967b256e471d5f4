using TensorLinear.Data;

namespace TensorLinear.Verification.Tolerances;

// The bounds of the max-margin entries (DerivationCatalog.MaxMargin.cs): the hinge loss of scores against ±1 labels,
// the soft-margin objective of θ = (w, b) with scores sᵢ = wᵀxᵢ + b, and the dual objective of the multipliers α.
public static partial class TolerancePolicy
{
    /// <summary>
    /// max(0, 1 − yᵢsᵢ): with y = ±1 the product is exact and 1 − yᵢsᵢ is one rounding, u·ℓᵢ, on both sides (relu and
    /// max pass it unchanged).
    /// </summary>
    public static Bound[] Hinge(double[] labels, double[] scores) =>
        [.. labels.Select((y, i) => Math.Max(0.0, 1.0 - y * scores[i])).Select(l => new Bound(U * l, l, "u·ℓᵢ"))];

    /// <summary>
    /// The hinge's Jacobian, diag(gᵢ) with gᵢ = −yᵢ or 0: exact on both sides, which decide yᵢsᵢ &lt; 1 on the exact
    /// product yᵢsᵢ (relu's test fl(1 − yᵢsᵢ) &gt; 0 is the same test: 1 − t is exact for t near 1).
    /// </summary>
    public static Bound[,] HingeJacobian(double[] labels, double[] scores)
    {
        var n = labels.Length;
        var bounds = new Bound[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) bounds[i, j] = Bound.Exact(i == j ? 1.0 : 0.0);
        return bounds;
    }

    /// <summary>(1/n)Σℓᵢ: each term within u, a sum of n non-negative terms γₙ₋₁ and the mean: γₙ₊₁·(1/n)Σℓᵢ.</summary>
    public static Bound MeanHinge(double[] labels, double[] scores)
    {
        var mean = labels.Select((y, i) => Math.Max(0.0, 1.0 - y * scores[i])).Average();
        return new Bound(Gamma(labels.Length + 1) * mean, mean, "γₙ₊₁·(1/n)Σℓᵢ");
    }

    /// <summary>−yᵢ/n or 0: the one rounding of 1/n, u/n (the branch is exact, as for <see cref="HingeJacobian"/>).</summary>
    public static Bound[] MeanHingeSubgradient(double[] labels, double[] scores)
    {
        var n = labels.Length;
        return [.. labels.Select(_ => new Bound(U / n, 1.0 / n, "u/n"))];
    }

    /// <summary>
    /// P = ½‖w‖² + C Σᵢ ℓᵢ. Each score errs by γ_d₊₁·Zᵢ (Zᵢ = Σⱼ|wⱼxᵢⱼ| + |b|, any order of the dot), which moves ℓᵢ
    /// by as much (|∂ℓ/∂s| ≤ 1); 1 − yᵢŝᵢ adds u(1 + Zᵢ); the sum of n terms, ‖w‖² and the last operations γₙ₊d₊₄ in
    /// all: γₙ₊d₊₄·[½‖w‖² + C Σᵢ(ℓᵢ + 2Zᵢ + 1)].
    /// </summary>
    public static Bound SoftMarginObjective(DataSet data, double[] theta, double c)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rows = RowTerms(data, theta);
        var w = theta[..data.FeatureCount];
        var s = 0.5 * w.Sum(v => v * v) + c * rows.Sum(r => Math.Max(0.0, 1.0 - r.Y * r.Score) + 2 * r.Z + 1);
        return new Bound(Gamma(data.RowCount + data.FeatureCount + 4) * s, s, "γₙ₊d₊₄·[½‖w‖² + CΣᵢ(ℓᵢ + 2Zᵢ + 1)]");
    }

    /// <summary>
    /// ∂P/∂θⱼ = [wⱼ] + C Σᵢ gᵢaᵢⱼ (aᵢ = (xᵢ, 1), gᵢ = −yᵢ inside the margin, else 0): the sum of the active rows'
    /// products γₙ₊₂·(|wⱼ| + C Σ_active|aᵢⱼ|). A row whose yᵢsᵢ lies within its score's error γ_d₊₂(Zᵢ + 1) of the
    /// kink may be inside on one side and outside on the other (or in the truth): it adds C|aᵢⱼ| whole.
    /// </summary>
    public static Bound[] SoftMarginSubgradient(DataSet data, double[] theta, double c)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rows = RowTerms(data, theta);
        int n = data.RowCount, d = data.FeatureCount;
        var bounds = new Bound[d + 1];
        for (var j = 0; j <= d; j++)
        {
            double active = j < d ? Math.Abs(theta[j]) : 0.0, undecided = 0.0;
            for (var i = 0; i < n; i++)
            {
                var a = j < d ? Math.Abs(data[i, j]) : 1.0;
                var r = rows[i];
                if (Math.Abs(1.0 - r.Y * r.Score) <= Gamma(d + 2) * (r.Z + 1)) undecided += c * a;
                else if (r.Y * r.Score < 1.0) active += c * a;
            }
            bounds[j] = new Bound(Gamma(n + 2) * active + undecided, active + undecided,
                "γₙ₊₂·(|wⱼ| + CΣ_active|aᵢⱼ|) + CΣ_undecided|aᵢⱼ|");
        }
        return bounds;
    }

    /// <summary>
    /// f(α) = ½‖w‖² − Σᵢcᵢαᵢ, w = Σᵢαᵢyᵢxᵢ: each wⱼ within γₙ·Wⱼ (Wⱼ = Σᵢ|αᵢxᵢⱼ|, |wⱼ| ≤ Wⱼ), its square within
    /// 2Wⱼ² times that, the sums γd and γₙ: γₙ₊d₊₃·[Σⱼ Wⱼ² + Σᵢ|cᵢαᵢ|].
    /// </summary>
    public static Bound MarginDualObjective(DataSet data, double[] alpha, double[] linear)
    {
        ArgumentNullException.ThrowIfNull(data);
        var s = DualColumnSizes(data, alpha).Sum(v => v * v) + alpha.Select((a, i) => Math.Abs(a * linear[i])).Sum();
        return new Bound(Gamma(data.RowCount + data.FeatureCount + 3) * s, s, "γₙ₊d₊₃·[ΣⱼWⱼ² + Σᵢ|cᵢαᵢ|]");
    }

    /// <summary>
    /// ∂f/∂αᵢ = yᵢxᵢᵀw − cᵢ: w's error γₙ·Wⱼ carried by |xᵢⱼ|, the dot γd and the subtraction: γₙ₊d₊₂·[Σⱼ|xᵢⱼ|Wⱼ + |cᵢ|].
    /// </summary>
    public static Bound[] MarginDualGradient(DataSet data, double[] alpha, double[] linear)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sizes = DualColumnSizes(data, alpha);
        var g = Gamma(data.RowCount + data.FeatureCount + 2);
        return [.. Enumerable.Range(0, data.RowCount).Select(i =>
        {
            var s = Math.Abs(linear[i]);
            for (var j = 0; j < sizes.Length; j++) s += Math.Abs(data[i, j]) * sizes[j];
            return new Bound(g * s, s, "γₙ₊d₊₂·[Σⱼ|xᵢⱼ|Wⱼ + |cᵢ|]");
        })];
    }

    /// <summary>
    /// The dual's Hessian Qᵢₖ = yᵢyₖxᵢᵀxₖ: a dot of d products, γd·Σⱼ|xᵢⱼxₖⱼ| (the reference's loop; libtorch's double
    /// backward forms the same sum in another order).
    /// </summary>
    public static Bound[,] MarginDualHessian(DataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = data.RowCount, d = data.FeatureCount;
        var bounds = new Bound[n, n];
        for (var i = 0; i < n; i++)
            for (var k = i; k < n; k++)
            {
                var s = 0.0;
                for (var j = 0; j < d; j++) s += Math.Abs(data[i, j] * data[k, j]);
                bounds[i, k] = bounds[k, i] = new Bound(Gamma(d + 1) * s, s, "γd₊₁·Σⱼ|xᵢⱼxₖⱼ|");
            }
        return bounds;
    }

    // Wⱼ = Σᵢ|αᵢxᵢⱼ|, the size of w(α)'s component j before cancellation.
    private static double[] DualColumnSizes(DataSet data, double[] alpha)
    {
        var sizes = new double[data.FeatureCount];
        for (var i = 0; i < data.RowCount; i++)
            for (var j = 0; j < sizes.Length; j++) sizes[j] += Math.Abs(alpha[i] * data[i, j]);
        return sizes;
    }
}
