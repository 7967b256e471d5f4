using TensorLinear.Data;
using TensorLinear.Models;

namespace TensorLinear.Verification.Tolerances;

// The bounds of the linear models (DerivationCatalog.Models.cs), θ = (w, b), scores zᵢ = wᵀxᵢ + b.
public static partial class TolerancePolicy
{
    /// <summary>
    /// The mean loss plus λ₂‖w‖² + λ₁‖w‖₁. Each score errs by γ_d₊₁·Zᵢ with Zᵢ = Σⱼ|wⱼxᵢⱼ| + |b| (any order of the dot).
    /// MSE: the residual by γ_d₊₂(Zᵢ + |yᵢ|), its square by 2|rᵢ| times that, the sum and the mean γₙ₊₁:
    /// γₙ₊d₊₆·[(1/n)Σ(2|rᵢ|(Zᵢ + |yᵢ|) + rᵢ²) + λ₂‖w‖² + λ₁‖w‖₁]. Log-loss: a score error moves ℓ by at most
    /// |σ − y| ≤ 1 times it, the evaluation errs as <see cref="BinaryCrossEntropyFromLogits"/>:
    /// γₙ₊d₊₁₆·[(1/n)Σ(1 + 2|zᵢ| + Zᵢ) + λ₂‖w‖² + λ₁‖w‖₁]. With sample weights every mean is (1/Σωᵢ)Σωᵢ(…) and the
    /// index grows by n + 1 (the products ωᵢℓᵢ and the sum Σωᵢ), here and in the gradient and Hessian bounds.
    /// </summary>
    public static Bound ModelLoss(ModelKind kind, DataSet data, double[] theta, Penalty penalty)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(penalty);
        var rows = RowTerms(data, theta);
        int n = data.RowCount, d = data.FeatureCount;
        var pen = PenaltyScale(theta, penalty);
        var w = WeightingRoundings(data);
        if (kind == ModelKind.Linear)
        {
            var s = WeightedMean(rows, r => 2 * Math.Abs(r.Residual) * (r.Z + Math.Abs(r.Y)) + r.Residual * r.Residual) + pen;
            return new Bound(Gamma(n + d + 6 + w) * s, s, "γₙ₊d₊₆·[(1/n)Σ(2|rᵢ|(Zᵢ + |yᵢ|) + rᵢ²) + penalty]");
        }
        var l = WeightedMean(rows, r => 1 + 2 * Math.Abs(r.Score) + r.Z) + pen;
        return new Bound(Gamma(n + d + 16 + w) * l, l, "γₙ₊d₊₁₆·[(1/n)Σ(1 + 2|zᵢ| + Zᵢ) + penalty]");
    }

    /// <summary>
    /// ∇L, per parameter j (aᵢ = (xᵢ, 1)): MSE γₙ₊d₊₆·[(2/n)Σᵢ|aᵢⱼ|(Zᵢ + |yᵢ| + |rᵢ|) + 2λ₂|wⱼ| + λ₁] (the residual's
    /// error times |xᵢⱼ|, and the sum of n products γₙ); log-loss γₙ₊d₊₈·[(1/n)Σᵢ|aᵢⱼ|(Zᵢ/4 + σᵢ + |yᵢ|) + 2λ₂|wⱼ| + λ₁]
    /// (σ′ ≤ ¼ carries the score's error; σ within γ₄).
    /// </summary>
    public static Bound[] ModelGradient(ModelKind kind, DataSet data, double[] theta, Penalty penalty)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(penalty);
        var rows = RowTerms(data, theta);
        int n = data.RowCount, d = data.FeatureCount;
        var linear = kind == ModelKind.Linear;
        var w = WeightingRoundings(data);
        var g = linear ? Gamma(n + d + 6 + w) : Gamma(n + d + 8 + w);
        var bounds = new Bound[d + 1];
        for (var j = 0; j <= d; j++)
        {
            var s = 0.0;
            for (var i = 0; i < n; i++)
            {
                var a = j < d ? Math.Abs(data[i, j]) : 1.0;
                var r = rows[i];
                s += r.Weight * (linear ? a * (r.Z + Math.Abs(r.Y) + Math.Abs(r.Residual)) : a * (r.Z / 4 + r.Sigma + Math.Abs(r.Y)));
            }
            s *= (linear ? 2.0 : 1.0) / data.SampleWeightSum;
            if (j < d) s += 2 * penalty.L2 * Math.Abs(theta[j]) + penalty.L1;
            bounds[j] = new Bound(g * s, s, linear
                ? "γₙ₊d₊₆·[(2/n)Σᵢ|aᵢⱼ|(Zᵢ + |yᵢ| + |rᵢ|) + 2λ₂|wⱼ| + λ₁]"
                : "γₙ₊d₊₈·[(1/n)Σᵢ|aᵢⱼ|(Zᵢ/4 + σᵢ + |yᵢ|) + 2λ₂|wⱼ| + λ₁]");
        }
        return bounds;
    }

    /// <summary>
    /// ∇²L, entry (j, k): MSE γₙ₊₄·[(2/n)Σᵢ|aᵢⱼaᵢₖ| + 2λ₂δⱼₖ] (the weights 2 are exact; sums of n products);
    /// log-loss γₙ₊d₊₁₀·[(1/n)Σᵢ|aᵢⱼaᵢₖ|(Zᵢ/10 + σᵢσ(−zᵢ) + σᵢ²) + 2λ₂δⱼₖ] (|d/dz σ(1 − σ)| ≤ 1/10 carries the score's
    /// error; libtorch's (1 − σ̂)σ̂ adds σ²γ₄).
    /// </summary>
    public static Bound[,] ModelHessian(ModelKind kind, DataSet data, double[] theta, Penalty penalty)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(penalty);
        var rows = RowTerms(data, theta);
        int n = data.RowCount, d = data.FeatureCount;
        var linear = kind == ModelKind.Linear;
        var g = linear ? Gamma(n + 4 + WeightingRoundings(data)) : Gamma(n + d + 10 + WeightingRoundings(data));
        var weights = rows.Select(r => r.Weight * (linear ? 2.0 : r.Z / 10 + r.Sigma * Sigmoid(-r.Score) + r.Sigma * r.Sigma)).ToArray();
        var bounds = new Bound[d + 1, d + 1];
        for (var j = 0; j <= d; j++)
            for (var k = j; k <= d; k++)
            {
                var s = 0.0;
                for (var i = 0; i < n; i++)
                {
                    var aj = j < d ? Math.Abs(data[i, j]) : 1.0;
                    var ak = k < d ? Math.Abs(data[i, k]) : 1.0;
                    s += aj * ak * weights[i];
                }
                s /= data.SampleWeightSum;
                if (j == k && j < d) s += 2 * penalty.L2;
                bounds[j, k] = bounds[k, j] = new Bound(g * s, s, linear
                    ? "γₙ₊₄·[(2/n)Σᵢ|aᵢⱼaᵢₖ| + 2λ₂δⱼₖ]"
                    : "γₙ₊d₊₁₀·[(1/n)Σᵢ|aᵢⱼaᵢₖ|(Zᵢ/10 + σᵢσ(−zᵢ) + σᵢ²) + 2λ₂δⱼₖ]");
            }
        return bounds;
    }
}
