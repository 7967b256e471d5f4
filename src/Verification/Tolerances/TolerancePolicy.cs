using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;

namespace TensorLinear.Verification.Tolerances;

/// <summary>
/// Every tolerance of the agreement suite, each derived from the forward error of the operations that compute it
/// (docs/tolerances.md works each one out). A bound here is the error of <em>one</em> implementation against exact
/// arithmetic; two implementations of the same formula (the reference and its tensor twin) may differ by the sum of
/// their bounds (<see cref="Bound.Sum"/>), and a value may differ from a finite difference by its own bound plus the
/// finite difference's truncation and rounding error.
/// </summary>
/// <remarks>
/// <para>The building blocks (Higham, Accuracy and Stability of Numerical Algorithms, ch. 3): with u = 2⁻⁵³ and
/// γₖ = ku/(1 − ku), k successive roundings multiply a value by at most 1 + γₖ; a sum of n terms in <em>any</em> order
/// (recursive, pairwise, vectorised, BLAS-blocked) errs by at most γₙ₋₁·Σ|tᵢ|; a dot product of length n by at most
/// γₙ·Σ|xᵢyᵢ|; and γₐ + γ_b ≤ γₐ₊_b. Libraries' elementary functions (exp, log, log1p, pow, atan2, sqrt) are taken
/// to be within 2u relative (1 ulp), which glibc and SLEEF document; a bound charges each of them 2 roundings.</para>
/// <para>Bounds are per component and first order: products of two γ's (of order u²) are absorbed by rounding each
/// k up. The same expression bounds both sides when both evaluate the same formula; where libtorch evaluates a
/// formula differently (BCE from logits, the sigmoid's derivative from a rounded σ, a p-norm's gradient from the
/// rounded norm raised to p − 1) the bound is the larger of the two analyses.</para>
/// </remarks>
public static class TolerancePolicy
{
    /// <summary>u = 2⁻⁵³, the unit roundoff of float64.</summary>
    public const double U = FloatingPoint.UnitRoundoff;

    /// <summary>
    /// 2⁻¹⁰²², the smallest normal double: the absolute error allowed on top of every comparison. The model
    /// fl(a ∘ b) = (a ∘ b)(1 + δ) holds only in the normal range; below it results lose relative accuracy, and libtorch's
    /// σ(z) = 1/(1 + e⁻ᶻ) returns 0 once e⁻ᶻ overflows (z &lt; −709), where the reference's eᶻ/(1 + eᶻ) returns the
    /// subnormal σ(z) &lt; 2⁻¹⁰²². Two results that differ by less than this differ only in the underflow range.
    /// </summary>
    public const double UnderflowFloor = 2.2250738585072014e-308;

    /// <summary>γₖ = ku/(1 − ku) (0 for k ≤ 0).</summary>
    public static double Gamma(double k) => k <= 0 ? 0.0 : FloatingPoint.Gamma((int)Math.Ceiling(k));

    // ---- comparisons ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Two implementations of one quantity, each within its bound, differ by at most the sum of the bounds plus
    /// <see cref="UnderflowFloor"/>: |a − b| ≤ |a − exact| + |exact − b|.
    /// </summary>
    public static Bound BetweenImplementations(Bound first, Bound second) => Bound.Sum(first, second);

    /// <summary>
    /// A derivative within <paramref name="derivative"/> of the exact one, against a finite difference whose own error
    /// (truncation |D(h/2) − D(h)| plus rounding 3δ/h, as the gradient checker estimates them) is
    /// <paramref name="finiteDifferenceError"/>: the two may differ by the sum, plus <see cref="UnderflowFloor"/>.
    /// </summary>
    public static Bound AgainstFiniteDifference(Bound derivative, double finiteDifferenceError)
    {
        ArgumentNullException.ThrowIfNull(derivative);
        return new Bound(derivative.Value + finiteDifferenceError + UnderflowFloor, derivative.Scale,
            $"finite-difference error (truncation + rounding) + {derivative.Rule}");
    }

    // ---- vectors -------------------------------------------------------------------------------------------------

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
    /// −∇cos θ/sin θ by 23γ₅ₙ₊₁₀/(‖x‖ sin θ). Each component is charged the normwise bound 24γ₅ₙ₊₁₂/(‖x‖ sin θ).
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
    /// ‖x − y‖ₚ: both sides form x − y by one correctly rounded subtraction per component (the same doubles), so they
    /// differ only through the norm of that difference: the bound of <see cref="Norm(double[], double)"/> at it.
    /// </summary>
    public static Bound Distance(double[] x, double[] y, double p) => Norm(Difference(x, y), p);

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

    // ---- hyperplanes: θ = (x, w, w₀) -------------------------------------------------------------------------------

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

    // ---- pointwise losses over n rows ----------------------------------------------------------------------------

    /// <summary>MSE = (1/n)Σrᵢ²: the residual, its square (3 roundings relative), the sum γₙ₋₁ and the mean: γₙ₊₃·MSE.</summary>
    public static Bound MeanSquaredError(double[] targets, double[] predictions)
    {
        var mse = targets.Select((t, i) => (predictions[i] - t) * (predictions[i] - t)).Average();
        return new Bound(Gamma(targets.Length + 3) * mse, mse, "γₙ₊₃·MSE");
    }

    /// <summary>∇ MSE = (2/n)(ŷ − y): the residual, 2/n and the product, γ₃·|gᵢ|.</summary>
    public static Bound[] MeanSquaredErrorGradient(double[] targets, double[] predictions)
    {
        var n = targets.Length;
        return [.. targets.Select((t, i) =>
        {
            var g = Math.Abs(2.0 * (predictions[i] - t) / n);
            return new Bound(Gamma(3) * g, g, "γ₃·|gᵢ|");
        })];
    }

    /// <summary>MAE = (1/n)Σ|rᵢ|: the residuals (u), the sum γₙ₋₁ and the mean: γₙ₊₁·MAE.</summary>
    public static Bound MeanAbsoluteError(double[] targets, double[] predictions)
    {
        var mae = targets.Select((t, i) => Math.Abs(predictions[i] - t)).Average();
        return new Bound(Gamma(targets.Length + 1) * mae, mae, "γₙ₊₁·MAE");
    }

    /// <summary>∇ MAE = sign(ŷ − y)/n: the one rounding of 1/n, u·|gᵢ|.</summary>
    public static Bound[] MeanAbsoluteErrorGradient(double[] targets, double[] predictions)
    {
        var n = targets.Length;
        return [.. targets.Select((t, i) => predictions[i] != t
            ? new Bound(U / n, 1.0 / n, "u·|gᵢ|")
            : Bound.Exact(0.0))];
    }

    /// <summary>
    /// BCE from probabilities, (1/n)Σ −[yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)]: each log within 2u relative (the reference's
    /// log1p within 10u), libtorch's log(1 − p) after rounding 1 − p within u + 2u|log(1 − p)|, the products and sums
    /// a few roundings more, the mean γₙ: γₙ₊₁₄·(1/n)Σ(1 + |log pᵢ| + |log(1 − pᵢ)|).
    /// </summary>
    public static Bound BinaryCrossEntropyFromProbabilities(double[] labels, double[] probabilities)
    {
        var s = probabilities.Average(p => 1.0 + Math.Abs(Math.Max(Math.Log(p), -100)) + Math.Abs(Math.Max(Math.Log(1 - p), -100)));
        return new Bound(Gamma(labels.Length + 14) * s, s, "γₙ₊₁₄·(1/n)Σ(1 + |log pᵢ| + |log(1 − pᵢ)|)");
    }

    /// <summary>
    /// ∂/∂pᵢ = (pᵢ − yᵢ)/(pᵢ(1 − pᵢ))/n: five roundings on the hand side, libtorch's
    /// (p − y)/max(p(1 − p), 10⁻¹²)·(1/n) as many plus the rounding of 1/n: γ₆·|gᵢ| (where p(1 − p) ≥ 10⁻¹²).
    /// </summary>
    public static Bound[] BinaryCrossEntropyFromProbabilitiesGradient(double[] labels, double[] probabilities)
    {
        var n = labels.Length;
        return [.. labels.Select((y, i) =>
        {
            var p = probabilities[i];
            var g = Math.Abs((p - y) / (p * (1 - p)) / n);
            return new Bound(Gamma(6) * g, g, "γ₆·|gᵢ|");
        })];
    }

    /// <summary>
    /// BCE from logits, (1/n)Σ softplus(zᵢ) − yᵢzᵢ: per row at most 16 roundings of quantities no larger than
    /// 1 + 2|zᵢ| (softplus(z) ≤ |z| + ln 2, |yz| ≤ |z|; libtorch's (1 − y)z + m + log(e⁻ᵐ + e⁻ᶻ⁻ᵐ) likewise), the mean γₙ:
    /// γₙ₊₁₆·(1/n)Σ(1 + 2|zᵢ|). Absolute, not relative: at z = 40, y = 1 the loss is 4·10⁻¹⁸ and libtorch's log(1 + e⁻⁴⁰)
    /// rounds it to 0.
    /// </summary>
    public static Bound BinaryCrossEntropyFromLogits(double[] labels, double[] logits)
    {
        var s = logits.Average(z => 1.0 + 2.0 * Math.Abs(z));
        return new Bound(Gamma(labels.Length + 16) * s, s, "γₙ₊₁₆·(1/n)Σ(1 + 2|zᵢ|)");
    }

    /// <summary>∂/∂zᵢ = (σ(zᵢ) − yᵢ)/n: σ within γ₄, the subtraction and the division: γ₆·(σᵢ + |yᵢ|)/n.</summary>
    public static Bound[] BinaryCrossEntropyFromLogitsGradient(double[] labels, double[] logits)
    {
        var n = labels.Length;
        return [.. labels.Select((y, i) =>
        {
            var s = (Sigmoid(logits[i]) + Math.Abs(y)) / n;
            return new Bound(Gamma(6) * s, s, "γ₆·(σᵢ + |yᵢ|)/n");
        })];
    }

    /// <summary>σ(z): one exponential (2u), an addition and a division, γ₄·σᵢ.</summary>
    public static Bound[] Sigmoid(double[] z) => [.. z.Select(v => new Bound(Gamma(4) * Sigmoid(v), Sigmoid(v), "γ₄·σᵢ"))];

    /// <summary>
    /// The Jacobian of σ, diagonal σ(zᵢ)σ(−zᵢ): the reference within γ₈ relative; libtorch forms (1 − σ̂)σ̂ from the
    /// rounded σ̂ = σ(1 + δ), |δ| ≤ γ₄, which adds σ²γ₄ (at z = 40 it returns 0 for 4·10⁻¹⁸): γ₈·σᵢσ(−zᵢ) + γ₄·σᵢ². The
    /// off-diagonal entries are exactly 0 on both sides.
    /// </summary>
    public static Bound[,] SigmoidJacobian(double[] z)
    {
        var n = z.Length;
        var bounds = new Bound[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                if (i != j) { bounds[i, j] = Bound.Exact(0.0); continue; }
                double s = Sigmoid(z[i]), d = s * Sigmoid(-z[i]);
                bounds[i, j] = new Bound(Gamma(8) * d + Gamma(4) * s * s, d + s * s, "γ₈·σᵢσ(−zᵢ) + γ₄·σᵢ²");
            }
        return bounds;
    }

    // ---- linear models: θ = (w, b), scores zᵢ = wᵀxᵢ + b ------------------------------------------------------------

    /// <summary>
    /// The mean loss plus λ₂‖w‖² + λ₁‖w‖₁. Each score errs by γ_d₊₁·Zᵢ with Zᵢ = Σⱼ|wⱼxᵢⱼ| + |b| (any order of the dot).
    /// MSE: the residual by γ_d₊₂(Zᵢ + |yᵢ|), its square by 2|rᵢ| times that, the sum and the mean γₙ₊₁:
    /// γₙ₊d₊₆·[(1/n)Σ(2|rᵢ|(Zᵢ + |yᵢ|) + rᵢ²) + λ₂‖w‖² + λ₁‖w‖₁]. Log-loss: a score error moves ℓ by at most
    /// |σ − y| ≤ 1 times it, the evaluation errs as <see cref="BinaryCrossEntropyFromLogits"/>:
    /// γₙ₊d₊₁₆·[(1/n)Σ(1 + 2|zᵢ| + Zᵢ) + λ₂‖w‖² + λ₁‖w‖₁].
    /// </summary>
    public static Bound ModelLoss(ModelKind kind, DataSet data, double[] theta, Penalty penalty)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(penalty);
        var rows = RowTerms(data, theta);
        int n = data.RowCount, d = data.FeatureCount;
        var pen = PenaltyScale(theta, penalty);
        if (kind == ModelKind.Linear)
        {
            var s = rows.Average(r => 2 * Math.Abs(r.Residual) * (r.Z + Math.Abs(r.Y)) + r.Residual * r.Residual) + pen;
            return new Bound(Gamma(n + d + 6) * s, s, "γₙ₊d₊₆·[(1/n)Σ(2|rᵢ|(Zᵢ + |yᵢ|) + rᵢ²) + penalty]");
        }
        var l = rows.Average(r => 1 + 2 * Math.Abs(r.Score) + r.Z) + pen;
        return new Bound(Gamma(n + d + 16) * l, l, "γₙ₊d₊₁₆·[(1/n)Σ(1 + 2|zᵢ| + Zᵢ) + penalty]");
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
        var g = linear ? Gamma(n + d + 6) : Gamma(n + d + 8);
        var bounds = new Bound[d + 1];
        for (var j = 0; j <= d; j++)
        {
            var s = 0.0;
            for (var i = 0; i < n; i++)
            {
                var a = j < d ? Math.Abs(data[i, j]) : 1.0;
                var r = rows[i];
                s += linear ? a * (r.Z + Math.Abs(r.Y) + Math.Abs(r.Residual)) : a * (r.Z / 4 + r.Sigma + Math.Abs(r.Y));
            }
            s *= (linear ? 2.0 : 1.0) / n;
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
        var g = linear ? Gamma(n + 4) : Gamma(n + d + 10);
        var weights = rows.Select(r => linear ? 2.0 : r.Z / 10 + r.Sigma * Sigmoid(-r.Score) + r.Sigma * r.Sigma).ToArray();
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
                s /= n;
                if (j == k && j < d) s += 2 * penalty.L2;
                bounds[j, k] = bounds[k, j] = new Bound(g * s, s, linear
                    ? "γₙ₊₄·[(2/n)Σᵢ|aᵢⱼaᵢₖ| + 2λ₂δⱼₖ]"
                    : "γₙ₊d₊₁₀·[(1/n)Σᵢ|aᵢⱼaᵢₖ|(Zᵢ/10 + σᵢσ(−zᵢ) + σᵢ²) + 2λ₂δⱼₖ]");
            }
        return bounds;
    }

    // ---- gradient descent ----------------------------------------------------------------------------------------

    /// <summary>
    /// The error one epoch adds to the difference of two runs of descent, per parameter: each side's gradient error
    /// times η, and each side's rounding of the step θ − ηg (a product and a difference) and of the soft threshold:
    /// 2·η·Gⱼ + 2γ₃·(|θⱼ| + η|gⱼ| + ηλ₁). Differences already present are not amplified: for η ≤ 2/L the map
    /// θ ↦ θ − η∇f(θ) is non-expansive in the 2-norm (its Jacobian I − ηH̄ has eigenvalues in [−1, 1] because
    /// 0 ≼ H̄ ≼ L·I for the convex losses here), and the soft threshold is non-expansive too. So after t epochs
    /// ‖θ_t − θ′_t‖₂ ≤ Σₛ ‖eₛ‖₂, with eₛ this vector at the iterate of epoch s.
    /// </summary>
    public static double[] DescentStepError(Bound[] gradientError, double[] theta, double[] gradient, double learningRate, double l1)
    {
        ArgumentNullException.ThrowIfNull(gradientError);
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(gradient);
        var e = new double[theta.Length];
        for (var j = 0; j < theta.Length; j++)
            e[j] = 2 * learningRate * gradientError[j].Value + 2 * Gamma(3) * (Math.Abs(theta[j]) + learningRate * Math.Abs(gradient[j]) + learningRate * l1);
        return e;
    }

    /// <summary>
    /// The bound on two losses evaluated at parameters δ apart (‖δ‖₂ ≤ <paramref name="distance"/>): each side's value
    /// error, plus how far L moves over δ — the smooth part by at most ‖∇f‖·‖δ‖ + (L/2)‖δ‖² (L the Lipschitz constant of
    /// ∇f), the L1 term by λ₁√d‖δ‖.
    /// </summary>
    public static Bound LossAtNearbyParameters(Bound valueError, double gradientNorm, double lipschitz, double distance, double l1, int weightCount)
    {
        ArgumentNullException.ThrowIfNull(valueError);
        var move = gradientNorm * distance + 0.5 * lipschitz * distance * distance + l1 * Math.Sqrt(weightCount) * distance;
        return new Bound(2 * valueError.Value + move, valueError.Scale, "2·(value bound) + ‖∇f‖·Δ + (L/2)Δ² + λ₁√d·Δ");
    }

    // ---- identities ----------------------------------------------------------------------------------------------

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

    /// <summary>
    /// The slack of the descent lemma as computed: for f with L-Lipschitz gradient and η = 1/L̂ (L ≤ 1.5L̂),
    /// f(θ − ηĝ) ≤ f(θ) − (η/4)‖ĝ‖² + η‖E‖‖ĝ‖ where E bounds ĝ − ∇f; computed, each value errs by its bound and the
    /// rounding of θ − ηĝ (|δⱼ| ≤ 2u(|θⱼ| + η|ĝⱼ|)) moves f by at most (2‖ĝ‖ + ‖E‖ + L‖δ‖)‖δ‖.
    /// </summary>
    public static Bound DescentDecrease(Bound valueAtStart, Bound valueAfterStep, Bound[] gradientError, double[] theta, double[] gradient, double learningRate, double lipschitz)
    {
        ArgumentNullException.ThrowIfNull(valueAtStart);
        ArgumentNullException.ThrowIfNull(valueAfterStep);
        ArgumentNullException.ThrowIfNull(gradientError);
        var errorNorm = Math.Sqrt(gradientError.Sum(b => b.Value * b.Value));
        var gradientNorm = Norm2Of(gradient);
        var delta = Math.Sqrt(theta.Select((t, j) => Math.Pow(2 * U * (Math.Abs(t) + learningRate * Math.Abs(gradient[j])), 2)).Sum());
        var value = valueAtStart.Value + valueAfterStep.Value + learningRate * errorNorm * gradientNorm
                    + (2 * gradientNorm + errorNorm + lipschitz * delta) * delta;
        return new Bound(value, valueAtStart.Scale, "value bounds + η‖E‖‖ĝ‖ + (2‖ĝ‖ + ‖E‖ + L‖δ‖)‖δ‖");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    internal static double AbsDot(double[] x, double[] y)
    {
        var s = 0.0;
        for (var i = 0; i < x.Length; i++) s += Math.Abs(x[i] * y[i]);
        return s;
    }

    internal static double Norm2Of(double[] x)
    {
        var scale = x.Length == 0 ? 0.0 : x.Max(Math.Abs);
        if (scale == 0.0) return 0.0;
        var s = 0.0;
        foreach (var v in x) s += (v / scale) * (v / scale);
        return scale * Math.Sqrt(s);
    }

    internal static double NormPOf(double[] x, double p)
    {
        var scale = x.Max(Math.Abs);
        if (scale == 0.0) return 0.0;
        return scale * Math.Pow(x.Sum(v => Math.Pow(Math.Abs(v) / scale, p)), 1 / p);
    }

    internal static double[] UnitOf(double[] x)
    {
        var norm = Norm2Of(x);
        return [.. x.Select(v => v / norm)];
    }

    internal static double AngleOf(double[] x, double[] y)
    {
        double[] a = UnitOf(x), b = UnitOf(y);
        return 2 * Math.Atan2(Norm2Of(Difference(a, b)), Norm2Of([.. a.Select((v, i) => v + b[i])]));
    }

    internal static double[] Difference(double[] x, double[] y) => [.. x.Select((v, i) => v - y[i])];

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private static double DistanceScale(double[] w, double bias, double[] x) => (AbsDot(w, x) + Math.Abs(bias)) / Norm2Of(w);

    private static double PenaltyScale(double[] theta, Penalty penalty)
    {
        double squares = 0, absolutes = 0;
        for (var j = 0; j < theta.Length - 1; j++)
        {
            squares += theta[j] * theta[j];
            absolutes += Math.Abs(theta[j]);
        }
        return penalty.L2 * squares + penalty.L1 * absolutes;
    }

    private readonly record struct RowTerm(double Score, double Z, double Y, double Residual, double Sigma);

    private static RowTerm[] RowTerms(DataSet data, double[] theta)
    {
        int n = data.RowCount, d = data.FeatureCount;
        var y = data.Targets.Span;
        var rows = new RowTerm[n];
        for (var i = 0; i < n; i++)
        {
            double z = theta[d], big = Math.Abs(theta[d]);
            for (var j = 0; j < d; j++)
            {
                z += theta[j] * data[i, j];
                big += Math.Abs(theta[j] * data[i, j]);
            }
            rows[i] = new RowTerm(z, big, y[i], z - y[i], Sigmoid(z));
        }
        return rows;
    }
}
