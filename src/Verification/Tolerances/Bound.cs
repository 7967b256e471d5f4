namespace TensorLinear.Verification.Tolerances;

/// <summary>
/// A bound on the forward error of one computed quantity: |computed − exact| ≤ <see cref="Value"/>, written as a
/// coefficient (a multiple of the unit roundoff, such as γₙ) times the <see cref="Scale"/> the error is proportional to
/// (Σ|xᵢyᵢ| for a dot product, ‖x‖ for a norm, …). Bounds come from <see cref="TolerancePolicy"/>, never from a guess.
/// </summary>
/// <param name="Value">The bound itself, in the units of the quantity (≥ 0; 0 where the computation is exact).</param>
/// <param name="Scale">
/// The magnitude the error is proportional to: errors and bounds are reported relative to it, so a relative error of
/// 1e-3 on a dot product that cancels to near 0 reads as what it is, a tiny error on the scale of Σ|xᵢyᵢ|.
/// </param>
/// <param name="Rule">The formula of the bound in words, e.g. "γₙ·Σ|xᵢyᵢ|"; docs/tolerances.md derives each.</param>
public sealed record Bound(double Value, double Scale, string Rule)
{
    /// <summary>The bound of an exact computation (both sides produce the same double): 0.</summary>
    public static Bound Exact(double scale, string rule = "exact") => new(0.0, scale, rule);

    /// <summary><see cref="Value"/>/<see cref="Scale"/>, the bound relative to its scale (0 when the scale is 0).</summary>
    public double Relative => Scale > 0.0 ? Value / Scale : 0.0;

    /// <summary>
    /// The bound on the difference of two computations of the same quantity, each within its own bound:
    /// |a − b| ≤ |a − exact| + |exact − b|, plus <see cref="TolerancePolicy.UnderflowFloor"/>. The scale is the larger
    /// of the two.
    /// </summary>
    public static Bound Sum(Bound first, Bound second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return new Bound(first.Value + second.Value + TolerancePolicy.UnderflowFloor, Math.Max(first.Scale, second.Scale),
            first.Rule == second.Rule ? $"2·({first.Rule})" : $"({first.Rule}) + ({second.Rule})");
    }

    /// <summary>This bound with <paramref name="extra"/> added to its value (same scale), e.g. a finite difference's own error.</summary>
    public Bound Plus(double extra, string what) => new(Value + extra, Scale, $"{Rule} + {what}");
}
