
namespace TensorLinear.Verification.Tolerances;

// The bounds of the hyperplane entries (DerivationCatalog.Geometry.cs), θ = (x, w, w₀), and their identities.
public static partial class TolerancePolicy
{
    /// <summary>wᵀx + w₀: the dot (γₙ) and one addition, γₙ₊₁·(Σ|wᵢxᵢ| + |w₀|).</summary>
    public static Bound HyperplaneEvaluate(double[] w, double bias, double[] x)
    {
        var s = AbsDot(w, x) + Math.Abs(bias);
        return new Bound(Gamma(w.Length + 1) * s, s, "γₙ₊₁·(Σ|wᵢxᵢ| + |w₀|)");
    }

    /// <summary>∇(wᵀx + w₀) = (w, x, 1): exact.</summary>
    public static Bound[] HyperplaneEvaluateGradient(double[] w, double[] x) =>
        [.. w.Select(v => Bound.Exact(Math.Abs(v))), .. x.Select(v => Bound.Exact(Math.Abs(v))), Bound.Exact(1.0)];

    /// <summary>
    /// d = (wᵀx + w₀)/‖w‖: the score (γₙ₊₁), the norm (γₙ₊₁) and the division: γ₂ₙ₊₃·S with
    /// S = (Σ|wᵢxᵢ| + |w₀|)/‖w‖ ≥ |d|. The reference's exact rescaling of w by a power of two changes nothing.
    /// </summary>
    public static Bound SignedDistance(double[] w, double bias, double[] x)
    {
        var s = DistanceScale(w, bias, x);
        return new Bound(Gamma(2 * w.Length + 3) * s, s, "γ₂ₙ₊₃·S, S = (Σ|wᵢxᵢ| + |w₀|)/‖w‖");
    }

    /// <summary>
    /// ∇d in the order (x, w, w₀): ∇ₓ = ŵ (γₙ₊₂·|ŵᵢ|); ∇_w = (x − d·ŵ)/‖w‖ (d within γ₂ₙ₊₃S, ŵ within γₙ₊₂, a fused
    /// multiply–add and a division by ‖w‖: γ₄ₙ₊₈·(|xᵢ| + S|ŵᵢ|)/‖w‖); ∂d/∂w₀ = 1/‖w‖ (γₙ₊₂/‖w‖).
    /// </summary>
    public static Bound[] SignedDistanceGradient(double[] w, double bias, double[] x)
    {
        var n = w.Length;
        var norm = Norm2Of(w);
        var s = DistanceScale(w, bias, x);
        double g1 = Gamma(n + 2), g2 = Gamma(4 * n + 8);
        return [.. w.Select(v => new Bound(g1 * Math.Abs(v) / norm, Math.Abs(v) / norm, "γₙ₊₂·|ŵᵢ|")),
                .. x.Select((v, i) =>
                {
                    var scale = (Math.Abs(v) + s * Math.Abs(w[i]) / norm) / norm;
                    return new Bound(g2 * scale, scale, "γ₄ₙ₊₈·(|xᵢ| + S|ŵᵢ|)/‖w‖");
                }),
                new Bound(g1 / norm, 1 / norm, "γₙ₊₂/‖w‖")];
    }

    /// <summary>p = x − d·ŵ: d (γ₂ₙ₊₃S), ŵ (γₙ₊₂) and one fused step: γ₃ₙ₊₆·(|xᵢ| + S|ŵᵢ|).</summary>
    public static Bound[] Foot(double[] w, double bias, double[] x)
    {
        var norm = Norm2Of(w);
        var s = DistanceScale(w, bias, x);
        var g = Gamma(3 * w.Length + 6);
        return [.. x.Select((v, i) =>
        {
            var scale = Math.Abs(v) + s * Math.Abs(w[i]) / norm;
            return new Bound(g * scale, scale, "γ₃ₙ₊₆·(|xᵢ| + S|ŵᵢ|)");
        })];
    }

    /// <summary>
    /// The Jacobian [∂p/∂x | ∂p/∂w | ∂p/∂w₀] of the foot, n×(2n+1). ∂/∂x = I − ŵŵᵀ: ŵ twice (γₙ₊₂ each), a product and
    /// a subtraction, γ₂ₙ₊₆·(δᵢⱼ + |ŵᵢŵⱼ|). ∂/∂w row i = −(ŵᵢx + d·eᵢ − 2d·ŵᵢŵ)/‖w‖: as for the projection's Jacobian
    /// with d (γ₂ₙ₊₃·S) for s, γ₄ₙ₊₁₀·(|ŵᵢxⱼ| + S·δᵢⱼ + 2S|ŵᵢŵⱼ|)/‖w‖. ∂/∂w₀ = −ŵ/‖w‖: γ₂ₙ₊₅·|ŵᵢ|/‖w‖. Autograd's chain
    /// through d and ŵ takes the same operations in another order.
    /// </summary>
    public static Bound[,] FootJacobian(double[] w, double bias, double[] x)
    {
        var n = w.Length;
        var norm = Norm2Of(w);
        var wHat = UnitOf(w);
        var s = DistanceScale(w, bias, x);
        double gx = Gamma(2 * n + 6), gw = Gamma(4 * n + 10), gb = Gamma(2 * n + 5);
        var bounds = new Bound[n, 2 * n + 1];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var delta = i == j ? 1.0 : 0.0;
                var sx = delta + Math.Abs(wHat[i] * wHat[j]);
                bounds[i, j] = new Bound(gx * sx, sx, "γ₂ₙ₊₆·(δᵢⱼ + |ŵᵢŵⱼ|)");
                var sw = (Math.Abs(wHat[i] * x[j]) + s * delta + 2 * s * Math.Abs(wHat[i] * wHat[j])) / norm;
                bounds[i, n + j] = new Bound(gw * sw, sw, "γ₄ₙ₊₁₀·(|ŵᵢxⱼ| + S·δᵢⱼ + 2S|ŵᵢŵⱼ|)/‖w‖");
            }
            var sb = Math.Abs(wHat[i]) / norm;
            bounds[i, 2 * n] = new Bound(gb * sb, sb, "γ₂ₙ₊₅·|ŵᵢ|/‖w‖");
        }
        return bounds;
    }


    /// <summary>
    /// d(cw, cw₀, x) − d(w, w₀, x) for c &gt; 0: rounding cw and cw₀ (u each, relative) moves d by at most 2.01u·S, and each
    /// evaluation errs by γ₂ₙ₊₃·S: 2γ₂ₙ₊₅·S.
    /// </summary>
    public static Bound ScaleInvariance(double[] w, double bias, double[] x)
    {
        var s = DistanceScale(w, bias, x);
        return new Bound(2 * Gamma(2 * w.Length + 5) * s, s, "2γ₂ₙ₊₅·S");
    }

    /// <summary>
    /// d(foot(x)) = 0 exactly; the computed foot errs by γ₃ₙ₊₆(|xᵢ| + S|ŵᵢ|), which moves d by at most 2γ₃ₙ₊₆S, and d at
    /// it is computed within γ₂ₙ₊₃·2S: 5γ₃ₙ₊₆·S.
    /// </summary>
    public static Bound FootOnHyperplane(double[] w, double bias, double[] x)
    {
        var s = DistanceScale(w, bias, x);
        return new Bound(5 * Gamma(3 * w.Length + 6) * s, s, "5γ₃ₙ₊₆·S");
    }
}
