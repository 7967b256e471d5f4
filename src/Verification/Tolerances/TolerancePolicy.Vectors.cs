
namespace TensorLinear.Verification.Tolerances;

// The bounds of the vector entries (DerivationCatalog.Vectors.cs): dot, norms, unit vectors, angles, projections, distance, and their identities.
public static partial class TolerancePolicy
{
    /// <summary>xᵀy: γₙ·Σ|xᵢyᵢ| for any order of summation, with or without fused multiply–adds.</summary>
    public static Bound Dot(double[] x, double[] y)
    {
        var s = AbsDot(x, y);
        return new Bound(Gamma(x.Length) * s, s, "γₙ·Σ|xᵢyᵢ|");
    }

    /// <summary>∇(xᵀy) = (y, x): copies, exact on both sides (autograd multiplies by the upstream 1).</summary>
    public static Bound[] DotGradient(double[] x, double[] y) =>
        [.. y.Select(v => Bound.Exact(Math.Abs(v))), .. x.Select(v => Bound.Exact(Math.Abs(v)))];

    /// <summary>‖x‖₁ = Σ|xᵢ|: a sum of n non-negative terms, γₙ₋₁·‖x‖₁.</summary>
    public static Bound Norm1(double[] x)
    {
        var s = x.Sum(Math.Abs);
        return new Bound(Gamma(x.Length - 1) * s, s, "γₙ₋₁·‖x‖₁");
    }

    /// <summary>∇‖x‖₁ = sign(x): exact.</summary>
    public static Bound[] Norm1Gradient(double[] x) => [.. x.Select(_ => Bound.Exact(1.0))];

    /// <summary>
    /// ‖x‖₂: n squares and n − 1 additions relative γₙ on Σxᵢ², halved by the square root, plus its own rounding:
    /// γₙ₊₁·‖x‖₂. Scaling by a power of two (both sides) is exact and changes nothing.
    /// </summary>
    public static Bound Norm2(double[] x)
    {
        var s = Norm2Of(x);
        return new Bound(Gamma(x.Length + 1) * s, s, "γₙ₊₁·‖x‖₂");
    }

    /// <summary>∇‖x‖₂ = xᵢ/‖x‖₂: the norm's γₙ₊₁ and one division, γₙ₊₂·|x̂ᵢ|.</summary>
    public static Bound[] Norm2Gradient(double[] x)
    {
        var norm = Norm2Of(x);
        var g = Gamma(x.Length + 2);
        return [.. x.Select(v => new Bound(g * Math.Abs(v) / norm, Math.Abs(v) / norm, "γₙ₊₂·|x̂ᵢ|"))];
    }

    /// <summary>‖x‖∞ = max|xᵢ|: exact.</summary>
    public static Bound NormInf(double[] x) => Bound.Exact(x.Max(Math.Abs));

    /// <summary>∇‖x‖∞ = sign(xᵢ)/k on the k tied components: one correctly rounded 1/k, u·|gᵢ|.</summary>
    public static Bound[] NormInfGradient(double[] x)
    {
        var largest = x.Max(Math.Abs);
        var ties = x.Count(v => Math.Abs(v) == largest);
        return [.. x.Select(v => Math.Abs(v) == largest && v != 0.0
            ? new Bound(U / ties, 1.0 / ties, "u·|gᵢ| (the rounding of 1/k)")
            : Bound.Exact(0.0))];
    }

    /// <summary>
    /// ‖x‖ₚ for 1 &lt; p &lt; ∞: each |xᵢ/s|ᵖ within (p + 2)u (the reference rounds the ratio, and pow errs by 2u), the sum
    /// γₙ₋₁, the root divides that relative error by p and adds 2u, the scale s one more: γₙ₊₆·‖x‖ₚ for p ≥ 1.
    /// </summary>
    public static Bound NormP(double[] x, double p)
    {
        var s = NormPOf(x, p);
        return new Bound(Gamma(x.Length + 6) * s, s, "γₙ₊₆·‖x‖ₚ");
    }

    /// <summary>
    /// ∇‖x‖ₚ = sign(xᵢ)|xᵢ|^(p−1)/‖x‖ₚ^(p−1). The reference raises ratios rᵢ = |xᵢ|/s ≤ 1 to p − 1 and divides by
    /// S^((p−1)/p): (p + 1)u + 2u + γₙ₊ₚ₊₁ + 3u ≤ γₙ₊₂ₚ₊₇. libtorch raises the rounded norm (relative γₙ₊₃) to p − 1,
    /// multiplying its error by p − 1: γ₍ₚ₋₁₎₍ₙ₊₃₎₊₆. Per component, the larger of the two times |gᵢ|.
    /// </summary>
    public static Bound[] NormPGradient(double[] x, double p)
    {
        var n = x.Length;
        var g = Gamma(Math.Max(n + 2 * p + 7, (p - 1) * (n + 3) + 6));
        var norm = NormPOf(x, p);
        return [.. x.Select(v =>
        {
            var gi = Math.Pow(Math.Abs(v) / norm, p - 1);
            return new Bound(g * gi, gi, "γ_max(n+2p+7, (p−1)(n+3)+6)·|gᵢ|");
        })];
    }

    /// <summary>x̂ = x/‖x‖₂: the norm's γₙ₊₁ and one division, γₙ₊₂·|x̂ᵢ| per component.</summary>
    public static Bound[] Unit(double[] x)
    {
        var norm = Norm2Of(x);
        var g = Gamma(x.Length + 2);
        return [.. x.Select(v => new Bound(g * Math.Abs(v) / norm, Math.Abs(v) / norm, "γₙ₊₂·|x̂ᵢ|"))];
    }

    /// <summary>
    /// The Jacobian of x̂, (δᵢⱼ − x̂ᵢx̂ⱼ)/‖x‖: x̂ (γₙ₊₂ per component), the product, the subtraction and the division by
    /// ‖x‖ (γₙ₊₂): γ₃ₙ₊₈·(δᵢⱼ + |x̂ᵢx̂ⱼ|)/‖x‖. Autograd's δᵢⱼ/‖x‖ − xᵢxⱼ/‖x‖³ (two paths through x/‖x‖) stays within it.
    /// </summary>
    public static Bound[,] UnitJacobian(double[] x)
    {
        var n = x.Length;
        var norm = Norm2Of(x);
        var xHat = UnitOf(x);
        var g = Gamma(3 * n + 8);
        var bounds = new Bound[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var s = ((i == j ? 1.0 : 0.0) + Math.Abs(xHat[i] * xHat[j])) / norm;
                bounds[i, j] = new Bound(g * s, s, "γ₃ₙ₊₈·(δᵢⱼ + |x̂ᵢx̂ⱼ|)/‖x‖");
            }
        return bounds;
    }

    /// <summary>
    /// cos θ = x̂ᵀŷ: x̂ and ŷ each within γₙ₊₂ per component and the dot γₙ: γ₃ₙ₊₄·Σ|x̂ᵢŷᵢ| (≤ γ₃ₙ₊₄). The clamp to
    /// [−1, 1] only moves a value towards the exact one.
    /// </summary>
    public static Bound Cosine(double[] x, double[] y)
    {
        var c = AbsDot(UnitOf(x), UnitOf(y));
        return new Bound(Gamma(3 * x.Length + 4) * c, c, "γ₃ₙ₊₄·Σ|x̂ᵢŷᵢ|");
    }

    /// <summary>
    /// ∇ₓ cos θ = (ŷ − cos θ·x̂)/‖x‖: ŷ, x̂ (γₙ₊₂ each), cos θ (γ₃ₙ₊₄), one fused multiply–add and the division by ‖x‖
    /// (γₙ₊₂): γ₅ₙ₊₁₀·(|ŷᵢ| + |x̂ᵢ|)/‖x‖; autograd's two paths through x/‖x‖ stay within the same. Likewise for y.
    /// </summary>
    public static Bound[] CosineGradient(double[] x, double[] y)
    {
        double[] xHat = UnitOf(x), yHat = UnitOf(y);
        double nx = Norm2Of(x), ny = Norm2Of(y);
        var g = Gamma(5 * x.Length + 10);
        var bounds = new Bound[2 * x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var s = Math.Abs(xHat[i]) + Math.Abs(yHat[i]);
            bounds[i] = new Bound(g * s / nx, s / nx, "γ₅ₙ₊₁₀·(|x̂ᵢ| + |ŷᵢ|)/‖x‖");
            bounds[x.Length + i] = new Bound(g * s / ny, s / ny, "γ₅ₙ₊₁₀·(|x̂ᵢ| + |ŷᵢ|)/‖y‖");
        }
        return bounds;
    }

    /// <summary>
    /// θ = 2·atan2(‖x̂ − ŷ‖, ‖x̂ + ŷ‖): the unit vectors err by γₙ₊₂ per component, so each norm by at most
    /// 2γₙ₊₂ + γₙ₊₂·(its value); atan2's partial derivatives are bounded by (b, a)/(a² + b²) with a² + b² = 4, and it
    /// rounds once more: |Δθ| ≤ 5γₙ₊₂ + 2uθ ≤ 5γₙ₊₂·(1 + θ). An absolute bound: rounding x̂ and ŷ moves the angle by
    /// about u whatever its size, so near 0 its relative error is not small on either side.
    /// </summary>
    public static Bound Angle(double[] x, double[] y)
    {
        var theta = AngleOf(x, y);
        return new Bound(5 * Gamma(x.Length + 2) * (1 + theta), 1 + theta, "5γₙ₊₂·(1 + θ)");
    }

    /// <summary>
    /// ∇θ, normwise: autograd through Kahan's formula errs by at most 24γₙ₊₅/(‖x‖ sin θ) (the unit vectors of
    /// x̂ ∓ ŷ lose relative accuracy as 1/‖x̂ − ŷ‖ and 1/‖x̂ + ŷ‖, whose product is 2 sin θ); the hand form
    /// −r̂/‖x‖ (r̂ from ŷ ∓ x̂, orthogonalised to x̂ and normalised) by γ₄ₙ₊₈/(‖x‖ sin θ) at most. Each component is charged the normwise bound 24γ₅ₙ₊₁₂/(‖x‖ sin θ).
    /// </summary>
    public static Bound[] AngleGradient(double[] x, double[] y)
    {
        var sin = Math.Sin(AngleOf(x, y));
        double nx = Norm2Of(x), ny = Norm2Of(y);
        var g = 24 * Gamma(5 * x.Length + 12);
        return [.. x.Select(_ => new Bound(g / (nx * sin), 1 / (nx * sin), "24γ₅ₙ₊₁₂/(‖x‖·sin θ)")),
                .. y.Select(_ => new Bound(g / (ny * sin), 1 / (ny * sin), "24γ₅ₙ₊₁₂/(‖y‖·sin θ)"))];
    }

    /// <summary>xᵀŷ: ŷ within γₙ₊₂ and the dot γₙ, so γ₂ₙ₊₂·A with A = Σ|xᵢŷᵢ|.</summary>
    public static Bound ScalarProjection(double[] x, double[] y)
    {
        var a = AbsDot(x, UnitOf(y));
        return new Bound(Gamma(2 * x.Length + 2) * a, a, "γ₂ₙ₊₂·Σ|xᵢŷᵢ|");
    }

    /// <summary>
    /// ∇ₓ(xᵀŷ) = ŷ: γₙ₊₂·|ŷᵢ|. ∇_y = (x − (xᵀŷ)ŷ)/‖y‖: the projection (γ₃ₙ₊₅·A|ŷᵢ|), the subtraction and the division
    /// (γₙ₊₂): γ₄ₙ₊₈·(|xᵢ| + A|ŷᵢ|)/‖y‖; autograd's x/‖y‖ − (xᵀy)y/‖y‖³ stays within it.
    /// </summary>
    public static Bound[] ScalarProjectionGradient(double[] x, double[] y)
    {
        var yHat = UnitOf(y);
        var a = AbsDot(x, yHat);
        var ny = Norm2Of(y);
        double gx = Gamma(x.Length + 2), gy = Gamma(4 * x.Length + 8);
        return [.. yHat.Select(v => new Bound(gx * Math.Abs(v), Math.Abs(v), "γₙ₊₂·|ŷᵢ|")),
                .. x.Select((v, i) =>
                {
                    var s = (Math.Abs(v) + a * Math.Abs(yHat[i])) / ny;
                    return new Bound(gy * s, s, "γ₄ₙ₊₈·(|xᵢ| + A|ŷᵢ|)/‖y‖");
                })];
    }

    /// <summary>(xᵀŷ)·ŷᵢ: the scalar projection (γ₂ₙ₊₂·A), ŷᵢ (γₙ₊₂) and the product: γ₃ₙ₊₅·A·|ŷᵢ|.</summary>
    public static Bound[] Project(double[] x, double[] y)
    {
        var yHat = UnitOf(y);
        var a = AbsDot(x, yHat);
        var g = Gamma(3 * x.Length + 5);
        return [.. yHat.Select(v => new Bound(g * a * Math.Abs(v), a * Math.Abs(v), "γ₃ₙ₊₅·A·|ŷᵢ|"))];
    }

    /// <summary>x − proj: the projection and one subtraction, γ₃ₙ₊₆·(|xᵢ| + A|ŷᵢ|).</summary>
    public static Bound[] Reject(double[] x, double[] y)
    {
        var yHat = UnitOf(y);
        var a = AbsDot(x, yHat);
        var g = Gamma(3 * x.Length + 6);
        return [.. x.Select((v, i) =>
        {
            var s = Math.Abs(v) + a * Math.Abs(yHat[i]);
            return new Bound(g * s, s, "γ₃ₙ₊₆·(|xᵢ| + A|ŷᵢ|)");
        })];
    }

    /// <summary>
    /// The Jacobian [∂proj/∂x | ∂proj/∂y] of (xᵀŷ)ŷ, n×2n. ∂/∂x = ŷŷᵀ: ŷ twice (γₙ₊₂ each) and a product, γ₂ₙ₊₅·|ŷᵢŷⱼ|.
    /// ∂/∂y row i = (ŷᵢx + s·eᵢ − 2s·ŷᵢŷ)/‖y‖: ŷ (γₙ₊₂), s = xᵀŷ (γ₂ₙ₊₂·A), two products, two sums and the division
    /// by ‖y‖ (γₙ₊₂): γ₄ₙ₊₁₀·(|ŷᵢxⱼ| + A·δᵢⱼ + 2A|ŷᵢŷⱼ|)/‖y‖ with A = Σ|xₖŷₖ| ≥ |s|. Autograd's chain through ŷ = y/‖y‖
    /// takes the same operations in another order, and stays within the same counts.
    /// </summary>
    public static Bound[,] ProjectJacobian(double[] x, double[] y) => PairJacobian(x, y, identityTerm: false);

    /// <summary>
    /// The Jacobian [∂rej/∂x | ∂rej/∂y] of x − proj_y(x): ∂/∂x = I − ŷŷᵀ, the bound of ŷŷᵀ plus one subtraction,
    /// γ₂ₙ₊₆·(δᵢⱼ + |ŷᵢŷⱼ|); ∂/∂y = −∂proj/∂y, the bound of <see cref="ProjectJacobian"/>.
    /// </summary>
    public static Bound[,] RejectJacobian(double[] x, double[] y) => PairJacobian(x, y, identityTerm: true);

    private static Bound[,] PairJacobian(double[] x, double[] y, bool identityTerm)
    {
        var n = x.Length;
        var yHat = UnitOf(y);
        var ny = Norm2Of(y);
        var a = AbsDot(x, yHat);
        double gx = Gamma(2 * n + (identityTerm ? 6 : 5)), gy = Gamma(4 * n + 10);
        var bounds = new Bound[n, 2 * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var delta = i == j ? 1.0 : 0.0;
                var sx = (identityTerm ? delta : 0.0) + Math.Abs(yHat[i] * yHat[j]);
                bounds[i, j] = new Bound(gx * sx, sx, identityTerm ? "γ₂ₙ₊₆·(δᵢⱼ + |ŷᵢŷⱼ|)" : "γ₂ₙ₊₅·|ŷᵢŷⱼ|");
                var sy = (Math.Abs(yHat[i] * x[j]) + a * delta + 2 * a * Math.Abs(yHat[i] * yHat[j])) / ny;
                bounds[i, n + j] = new Bound(gy * sy, sy, "γ₄ₙ₊₁₀·(|ŷᵢxⱼ| + A·δᵢⱼ + 2A|ŷᵢŷⱼ|)/‖y‖");
            }
        return bounds;
    }

    /// <summary>
    /// The identity ‖∇ₓθ‖₂·‖x‖₂ = 1 near a cone point (θ or π − θ small), for one side. The reference's direction r̂ is
    /// formed from ŷ ∓ x̂ (γₙ₊₂ per unit vector), orthogonalised and normalised (γ₂ₙ₊₄), then divided by ‖x‖ and
    /// multiplied back (γₙ₊₂): γ₄ₙ₊₈ in all. Autograd differentiates 2·atan2(‖x̂ − ŷ‖, ‖x̂ + ŷ‖), whose smaller norm
    /// is about sin θ while its components err by γₙ₊₂ absolutely, so its direction errs by γₙ₊₂/sin θ relative:
    /// γ₄ₙ₊₈·(1 + 2/sin θ) bounds both sides.
    /// </summary>
    public static Bound AngleGradientLength(double[] x, double[] y)
    {
        var sin = Math.Sin(AngleOf(x, y));
        return new Bound(Gamma(4 * x.Length + 8) * (1 + 2 / sin), 1.0, "γ₄ₙ₊₈·(1 + 2/sin θ)");
    }

    /// <summary>
    /// ‖x − y‖ₚ: the bound of <see cref="Norm(double[], double)"/> at the difference, plus what rounding the difference
    /// itself can move the norm by.
    /// </summary>
    public static Bound Distance(double[] x, double[] y, double p)
    {
        // The differences round as well, each by u·|dᵢ|, and a p-norm moves by at most the norm of the change:
        // |‖d̃‖ₚ − ‖d‖ₚ| ≤ ‖d̃ − d‖ₚ ≤ u·‖d‖ₚ. Without this term the ∞-norm's bound was 0, and the truth check (against
        // the difference in double-double) measured errors of u·‖d‖∞ that no comparison of the two engines could see.
        var norm = Norm(Difference(x, y), p);
        return new Bound(norm.Value + U * norm.Scale * (1 + U), norm.Scale, $"{norm.Rule} + u·‖x − y‖ₚ (the differences' rounding)");
    }

    /// <summary>∇ₓ‖x − y‖ₚ = ∇‖·‖ₚ at x − y, ∇_y its negative: the norm's gradient bound at the difference, twice.</summary>
    public static Bound[] DistanceGradient(double[] x, double[] y, double p)
    {
        var g = NormGradient(Difference(x, y), p);
        return [.. g, .. g];
    }

    /// <summary>The norm's bound for p = 1, 2, ∞ or any other p ≥ 1.</summary>
    public static Bound Norm(double[] x, double p) => p switch
    {
        1.0 => Norm1(x),
        2.0 => Norm2(x),
        double.PositiveInfinity => NormInf(x),
        _ => NormP(x, p),
    };

    /// <summary>The norm gradient's bound for p = 1, 2, ∞ or any other p ≥ 1.</summary>
    public static Bound[] NormGradient(double[] x, double p) => p switch
    {
        1.0 => Norm1Gradient(x),
        2.0 => Norm2Gradient(x),
        double.PositiveInfinity => NormInfGradient(x),
        _ => NormPGradient(x, p),
    };


    /// <summary>|‖x̂‖₂ − 1| for a computed x̂: its components err by γₙ₊₂ relative, the norm by γₙ₊₁: γ₂ₙ₊₃.</summary>
    public static Bound UnitLength(int n) => new(Gamma(2 * n + 3), 1.0, "γ₂ₙ₊₃");

    /// <summary>
    /// |xᵀy| − ‖x‖‖y‖ ≤ 0 exactly; computed, the dot may rise by γₙΣ|xᵢyᵢ| and the product of the two norms fall by
    /// γ₂ₙ₊₃·‖x‖‖y‖: the computed excess must not pass γₙΣ|xᵢyᵢ| + γ₂ₙ₊₃‖x‖‖y‖.
    /// </summary>
    public static Bound CauchySchwarz(double[] x, double[] y)
    {
        var product = Norm2Of(x) * Norm2Of(y);
        return new Bound(Gamma(x.Length) * AbsDot(x, y) + Gamma(2 * x.Length + 3) * product, product, "γₙΣ|xᵢyᵢ| + γ₂ₙ₊₃‖x‖‖y‖");
    }

    /// <summary>
    /// |proj(proj(x)) − proj(x)|ᵢ: the first projection errs by e with |eᵢ| ≤ γ₃ₙ₊₅A|ŷᵢ|, the exact projection of the
    /// computed one is proj(x) + (eᵀŷ)ŷ (as large again), and the second computation errs as the first: 4γ₃ₙ₊₅·A|ŷᵢ|.
    /// </summary>
    public static Bound[] ProjectionIdempotent(double[] x, double[] y) =>
        [.. Project(x, y).Select(b => new Bound(4 * b.Value, b.Scale, "4γ₃ₙ₊₅·A|ŷᵢ|"))];

    /// <summary>
    /// (x − proj(x))ᵀy = 0 exactly; the computed residual errs by γ₃ₙ₊₆(|xᵢ| + A|ŷᵢ|) per component, which moves the dot
    /// by at most 2.1γ₃ₙ₊₆·A‖y‖, and the dot of the computed residual with y rounds by γₙΣ|rᵢyᵢ|.
    /// </summary>
    public static Bound ResidualOrthogonal(double[] x, double[] y, double[] residual)
    {
        var a = AbsDot(x, UnitOf(y));
        var ny = Norm2Of(y);
        return new Bound(2.1 * Gamma(3 * x.Length + 6) * a * ny + Gamma(x.Length) * AbsDot(residual, y), a * ny,
            "2.1γ₃ₙ₊₆·A‖y‖ + γₙΣ|rᵢyᵢ|");
    }
}
