using TensorLinear.Data;
using TensorLinear.Models;

namespace TensorLinear.Verification.Tolerances;

// The bounds of the softmax entry (DerivationCatalog.Softmax.cs): k classes, logits z_ic = w_cᵀxᵢ + b_c (z_i0 = 0),
// aᵢ = (xᵢ, 1), θ = (w₁, b₁, …, w_{k−1}, b_{k−1}). Zᵢ = max_c (Σⱼ|w_cj xᵢⱼ| + |b_c|) bounds every logit's rounding:
// each logit is a dot product of d + 1 terms, so it errs by at most γ_d₊₁·Zᵢ.
public static partial class TolerancePolicy
{
    /// <summary>
    /// The mean loss plus λ₂‖W‖² + λ₁‖W‖₁. A logit error moves ℓᵢ = log Σ e^{z} − z_y by Σ_c |p_c − δ_cy| ≤ 2 times it:
    /// 2γ_d₊₁Zᵢ. Evaluating ℓᵢ: k exponentials (2u each) summed (γ_k) give log Σ e^{z−m} within γ_k₊₂ absolute
    /// (d log S = dS/S), the shift m − z_y and the final additions u·(|m| + |z_y| + ℓᵢ) ≤ u·(2Zᵢ + ℓᵢ); libtorch's
    /// log_softmax (z − m − log S, then negated and gathered) errs the same way. The mean of n non-negative terms γₙ₊₁:
    /// γₙ₊d₊k₊₈·[(1/n)Σ(1 + 4Zᵢ + ℓᵢ) + λ₂‖W‖² + λ₁‖W‖₁]. With sample weights the means are (1/Σωᵢ)Σωᵢ(…) and the index
    /// grows by n + 1, as for the linear models (<see cref="ModelLoss"/>), here and in the gradient and Hessian bounds.
    /// </summary>
    public static Bound SoftmaxLoss(DataSet data, int classCount, double[] theta, Penalty penalty)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(penalty);
        var rows = SoftmaxRowTerms(data, classCount, theta);
        var s = rows.Sum(r => r.Weight * (1 + 4 * r.Z + r.Loss)) / data.SampleWeightSum + SoftmaxPenaltyScale(data, theta, penalty);
        return new Bound(Gamma(data.RowCount + data.FeatureCount + classCount + 8 + WeightingRoundings(data)) * s, s, "γₙ₊d₊k₊₈·[(1/n)Σ(1 + 4Zᵢ + ℓᵢ) + penalty]");
    }

    /// <summary>
    /// ∇L, parameter (c, j): (1/n)Σᵢ (p_ic − [yᵢ = c]) aᵢⱼ. A logit error moves p_c by Σ_m |p_c(δ_cm − p_m)| ≤ 2p_c(1 − p_c) ≤ ½
    /// times it: ½γ_d₊₁Zᵢ. The reference's p_c = e^{z_c − m}/S errs by γ_k₊₃ relative; libtorch's, exp of log_softmax's
    /// output, by that output's absolute error γ_k₊₃(1 + 2Zᵢ + ln k) relative. Subtracting the indicator, multiplying by
    /// aᵢⱼ and summing n terms add γₙ₊₂|p_ic − [yᵢ = c]||aᵢⱼ|:
    /// γₙ₊d₊k₊₈·[(1/n)Σᵢ|aᵢⱼ|(Zᵢ/2 + p_ic(2 + 2Zᵢ + ln k) + |p_ic − [yᵢ = c]|) + 2λ₂|w_cj| + λ₁].
    /// </summary>
    public static Bound[] SoftmaxGradient(DataSet data, int classCount, double[] theta, Penalty penalty)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(penalty);
        var rows = SoftmaxRowTerms(data, classCount, theta);
        int n = data.RowCount, d = data.FeatureCount, block = d + 1;
        var g = Gamma(n + d + classCount + 8 + WeightingRoundings(data));
        var logK = Math.Log(classCount);
        var bounds = new Bound[theta.Length];
        for (var t = 0; t < theta.Length; t++)
        {
            int c = t / block + 1, j = t % block;
            var s = 0.0;
            for (var i = 0; i < n; i++)
            {
                var a = j < d ? Math.Abs(data[i, j]) : 1.0;
                var r = rows[i];
                var p = r.P[c];
                s += r.Weight * a * (r.Z / 2 + p * (2 + 2 * r.Z + logK) + Math.Abs(p - (r.Label == c ? 1 : 0)));
            }
            s /= data.SampleWeightSum;
            if (j < d) s += 2 * penalty.L2 * Math.Abs(theta[t]) + penalty.L1;
            bounds[t] = new Bound(g * s, s, "γₙ₊d₊k₊₈·[(1/n)Σᵢ|aᵢⱼ|(Zᵢ/2 + p_ic(2 + 2Zᵢ + ln k) + |p_ic − δ|) + 2λ₂|w_cj| + λ₁]");
        }
        return bounds;
    }

    /// <summary>
    /// ∇²L, entry ((c, j), (e, m)): (1/n)Σᵢ p_ic(δ_ce − p_ie) aᵢⱼaᵢₘ. A logit error moves p_c(δ − p_e) by at most
    /// 2p_c·|δ − p_e| + p_c·2p_e ≤ 4p_c times it (each p's logit sensitivity is ≤ 2p); the probabilities' own errors
    /// (γ_k₊₃(2 + 2Zᵢ + ln k) relative, as for the gradient) enter both factors; the products and the sum of n terms
    /// γₙ₊₃: γₙ₊d₊k₊₁₀·[(1/n)Σᵢ|aᵢⱼaᵢₘ|(4p_icZᵢ + 2p_ic(|δ − p_ie| + p_ie)(2 + 2Zᵢ + ln k)) + 2λ₂δ].
    /// </summary>
    public static Bound[,] SoftmaxHessian(DataSet data, int classCount, double[] theta, Penalty penalty)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(penalty);
        var rows = SoftmaxRowTerms(data, classCount, theta);
        int n = data.RowCount, d = data.FeatureCount, block = d + 1;
        var g = Gamma(n + d + classCount + 10 + WeightingRoundings(data));
        var logK = Math.Log(classCount);
        var bounds = new Bound[theta.Length, theta.Length];
        for (var t = 0; t < theta.Length; t++)
            for (var u = t; u < theta.Length; u++)
            {
                int c = t / block + 1, j = t % block, e = u / block + 1, m = u % block;
                var s = 0.0;
                for (var i = 0; i < n; i++)
                {
                    var r = rows[i];
                    var aj = j < d ? Math.Abs(data[i, j]) : 1.0;
                    var am = m < d ? Math.Abs(data[i, m]) : 1.0;
                    var pc = r.P[c];
                    var pe = r.P[e];
                    s += r.Weight * aj * am * (4 * pc * r.Z + 2 * pc * (Math.Abs((c == e ? 1 : 0) - pe) + pe) * (2 + 2 * r.Z + logK));
                }
                s /= data.SampleWeightSum;
                if (t == u && j < d) s += 2 * penalty.L2;
                bounds[t, u] = bounds[u, t] = new Bound(g * s, s, "γₙ₊d₊k₊₁₀·[(1/n)Σᵢ|aᵢⱼaᵢₘ|(4p_icZᵢ + 2p_ic(|δ − p_ie| + p_ie)(2 + 2Zᵢ + ln k)) + 2λ₂δ]");
            }
        return bounds;
    }

    private sealed record SoftmaxRow(double Z, double[] P, int Label, double Loss, double Weight);

    private static SoftmaxRow[] SoftmaxRowTerms(DataSet data, int classCount, double[] theta)
    {
        int n = data.RowCount, d = data.FeatureCount, block = d + 1;
        var y = data.Targets.Span;
        var rows = new SoftmaxRow[n];
        for (var i = 0; i < n; i++)
        {
            var z = new double[classCount];
            var big = 0.0;
            for (var c = 1; c < classCount; c++)
            {
                double s = theta[(c - 1) * block + d], a = Math.Abs(s);
                for (var j = 0; j < d; j++)
                {
                    s += theta[(c - 1) * block + j] * data[i, j];
                    a += Math.Abs(theta[(c - 1) * block + j] * data[i, j]);
                }
                z[c] = s;
                big = Math.Max(big, a);
            }
            var top = z.Max();
            var total = z.Sum(v => Math.Exp(v - top));
            var label = (int)y[i];
            rows[i] = new SoftmaxRow(big, [.. z.Select(v => Math.Exp(v - top) / total)], label, top + Math.Log(total) - z[label], data.SampleWeight(i));
        }
        return rows;
    }

    private static double SoftmaxPenaltyScale(DataSet data, double[] theta, Penalty penalty)
    {
        var block = data.FeatureCount + 1;
        double squares = 0, absolutes = 0;
        for (var t = 0; t < theta.Length; t++)
        {
            if (t % block == data.FeatureCount) continue; // a bias: not penalised
            squares += theta[t] * theta[t];
            absolutes += Math.Abs(theta[t]);
        }
        return penalty.L2 * squares + penalty.L1 * absolutes;
    }
}
