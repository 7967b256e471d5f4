namespace TensorLinear.Verification.Tolerances;

// The bounds of the lines and the decision rule (DerivationCatalog.Lines.cs).
public static partial class TolerancePolicy
{
    /// <summary>
    /// [m, b] of the line through p and q. m = (q₁ − p₁)/(q₀ − p₀): two subtractions and a division, γ₃·|m|.
    /// b: the reference's fused y₀ − m·x₀ rounds once, the twin's twice, on top of m's error times |p₀|:
    /// γ₅·(|m·p₀| + |p₁|) for either.
    /// </summary>
    public static Bound[] LineThrough(double[] p, double[] q)
    {
        var m = (q[1] - p[1]) / (q[0] - p[0]);
        var sb = Math.Abs(m * p[0]) + Math.Abs(p[1]);
        return [new Bound(Gamma(3) * Math.Abs(m), Math.Abs(m), "γ₃·|m|"), new Bound(Gamma(5) * sb, sb, "γ₅·(|m·p₀| + |p₁|)")];
    }

    /// <summary>
    /// The Jacobian of [m, b] with respect to (p₀, p₁, q₀, q₁). Row m: ±1/Δx and ±m/Δx, each from the rounded Δx and
    /// Δy and a division or two, γ₄·(1 + |m|)/|Δx|. Row b = p₁ − m·p₀: −m − p₀·∂m/∂p₀, 1 − p₀·∂m/∂p₁, −p₀·∂m/∂q: a
    /// product and a sum more, γ₆·(1 + |m| + |p₀|(1 + |m|)/|Δx|).
    /// </summary>
    public static Bound[,] LineThroughJacobian(double[] p, double[] q)
    {
        var run = Math.Abs(q[0] - p[0]);
        var m = Math.Abs((q[1] - p[1]) / (q[0] - p[0]));
        var sm = (1 + m) / run;
        var sb = 1 + m + Math.Abs(p[0]) * sm;
        var bounds = new Bound[2, 4];
        for (var j = 0; j < 4; j++)
        {
            bounds[0, j] = new Bound(Gamma(4) * sm, sm, "γ₄·(1 + |m|)/|Δx|");
            bounds[1, j] = new Bound(Gamma(6) * sb, sb, "γ₆·(1 + |m| + |p₀|(1 + |m|)/|Δx|)");
        }
        return bounds;
    }

    /// <summary>
    /// [m⊥, b⊥] of the perpendicular to slope m through (x₀, y₀): m⊥ = −1/m one division, u·|m⊥|; b⊥ = y₀ − m⊥·x₀ one
    /// fused step (reference) or a product and a sum (twin) on top of m⊥'s error: γ₃·(|m⊥·x₀| + |y₀|).
    /// </summary>
    public static Bound[] PerpendicularThrough(double m, double[] point)
    {
        var perpendicular = Math.Abs(1 / m);
        var sb = perpendicular * Math.Abs(point[0]) + Math.Abs(point[1]);
        return [new Bound(U * perpendicular, perpendicular, "u·|m⊥|"), new Bound(Gamma(3) * sb, sb, "γ₃·(|m⊥·x₀| + |y₀|)")];
    }

    /// <summary>
    /// The Jacobian of [m⊥, b⊥] with respect to (m, x₀, y₀): 1/m² (γ₃: a reciprocal, its square), and for b⊥
    /// −x₀/m², 1/m and 1, a product more: γ₄ on the scale 1/m² of the slope's row, |x₀|/m² + 1/|m| + 1 of the intercept's.
    /// </summary>
    public static Bound[,] PerpendicularThroughJacobian(double m, double[] point)
    {
        var inverseSquare = 1 / (m * m);
        var sb = Math.Abs(point[0]) * inverseSquare + Math.Abs(1 / m) + 1;
        var bounds = new Bound[2, 3];
        for (var j = 0; j < 3; j++)
        {
            bounds[0, j] = new Bound(Gamma(3) * inverseSquare, inverseSquare, "γ₃/m²");
            bounds[1, j] = new Bound(Gamma(4) * sb, sb, "γ₄·(|x₀|/m² + 1/|m| + 1)");
        }
        return bounds;
    }

    /// <summary>
    /// |m·m⊥ + 1| for the perpendicular's computed slope m⊥ = fl(−1/m) = −(1/m)(1 + δ): m·m⊥ = −(1 + δ), so the residual
    /// is |δ| ≤ u, and evaluating it rounds the product and the sum once each: γ₃.
    /// </summary>
    public static Bound PerpendicularResidual() => new(Gamma(3), 1.0, "γ₃");

    /// <summary>
    /// |m·p₀ + b − p₁| and |m·q₀ + b − q₁| for the computed line through p and q: m errs by γ₃|m| and b by
    /// γ₅(|m·p₀| + |p₁|) (<see cref="LineThrough"/>), and the evaluation rounds a product and two sums:
    /// γ₈·(|m|(|p₀| + |q₀|) + |p₁| + |q₁|).
    /// </summary>
    public static Bound PassesThrough(double[] p, double[] q)
    {
        var m = Math.Abs((q[1] - p[1]) / (q[0] - p[0]));
        var s = m * (Math.Abs(p[0]) + Math.Abs(q[0])) + Math.Abs(p[1]) + Math.Abs(q[1]);
        return new Bound(Gamma(8) * s, s, "γ₈·(|m|(|p₀| + |q₀|) + |p₁| + |q₁|)");
    }

    /// <summary>
    /// A verdict (1 or 0) of two implementations: exact — the same answer — unless the quantity it compares lies
    /// within <paramref name="margin"/> (the two sides' rounding of it) of its threshold, where either answer is right.
    /// </summary>
    public static Bound Verdict(double distanceToThreshold, double margin) =>
        Math.Abs(distanceToThreshold) <= margin
            ? new Bound(1.0, 1.0, "within rounding of the threshold: either verdict")
            : Bound.Exact(1.0, "exact: away from the threshold by more than both sides' rounding");

    /// <summary>
    /// The parallel test |m₁ − m₂| ≤ τ·max(|m₁|, |m₂|): both sides take the same correctly rounded subtraction, absolute
    /// values, maximum and product, so they give the same verdict: exact.
    /// </summary>
    public static Bound Parallel() => Bound.Exact(1.0, "exact: the same correctly rounded operations on both sides");

    /// <summary>
    /// The parallel verdict of one side against the exact one: it rounds d = |m₁ − m₂| and s = τ·max(|m₁|, |m₂|) once
    /// each (relative u; max and |·| are exact), so it is right unless |d − s| is within u·(d + s) of the threshold.
    /// </summary>
    public static Bound ParallelAgainstTheTruth(double m1, double m2, double tolerance)
    {
        double d = Math.Abs(m1 - m2), s = tolerance * Math.Max(Math.Abs(m1), Math.Abs(m2));
        return Verdict(d - s, U * (d + s) + UnderflowFloor);
    }

    /// <summary>
    /// The perpendicular test |m₁m₂ + 1| ≤ τ: the reference fuses m₁m₂ + 1 (one rounding), the twin rounds the product
    /// and the sum; they differ by at most u·|m₁m₂| + 2u·|m₁m₂ + 1|, so the verdicts agree unless the residual is that
    /// close to τ (<see cref="Verdict"/>).
    /// </summary>
    public static Bound Perpendicular(double m1, double m2, double tolerance)
    {
        var r = Math.Abs(Math.FusedMultiplyAdd(m1, m2, 1.0));
        return Verdict(r - tolerance, U * Math.Abs(m1 * m2) + 2 * U * r + UnderflowFloor);
    }

    /// <summary>
    /// The decision rule's verdict wᵀx ≥ t: exact when w and x are integers whose products sum below 2⁵³ (every
    /// operation is then exact); otherwise the verdicts agree unless |wᵀx − t| is within both sides' dot-product
    /// bound γₙ·Σ|wᵢxᵢ| (<see cref="Verdict"/>).
    /// </summary>
    public static Bound Accepts(double[] w, double[] x, double target)
    {
        var absolute = AbsDot(w, x);
        if (w.Concat(x).All(v => v == Math.Floor(v)) && absolute < 9007199254740992.0)
            return Bound.Exact(1.0, "exact: integer products and sums below 2⁵³");
        var s = 0.0;
        for (var i = 0; i < w.Length; i++) s += w[i] * x[i];
        return Verdict(s - target, 2 * Gamma(w.Length) * absolute + UnderflowFloor);
    }
}
