using TensorLinear.Autograd;
using TensorLinear.Reference;
using TensorLinear.Verification.Cases;
using TensorLinear.Verification.Checks;
using TensorLinear.Verification.Exact;
using TensorLinear.Verification.Generators;
using TensorLinear.Verification.Tolerances;
using static TensorLinear.Verification.Catalog.CatalogParts;
using static TorchSharp.torch;

namespace TensorLinear.Verification.Catalog;

// Lines y = m·x + b and the decision rule wᵀx ≥ t: Reference.Line and DecisionRule against
// Autograd.Derivations.TensorLine and TensorDecisionRule.
public static partial class DerivationCatalog
{
    private static Derivation[] CreateLines(ReferenceFunctions f) =>
    [
        new Derivation<TwoPointsCase>
        {
            Name = EntryNames.LineThrough,
            Formula = "m = (q₁ − p₁)/(q₀ − p₀), b = p₁ − m·p₀, differentiated in θ = (p, q)",
            References = [f.LineThrough],
            Twins = [TensorLine.Through],
            Exact = c => ExactGeometry.LineThrough,
            Notes = "Non-vertical lines (q₀ ≠ p₀): a vertical line has no slope, and the twin refuses it. The reference has no hand derivative of the slope: autograd's is checked against finite differences.",
            Generator = Inputs.TwoPoints(),
            IsValid = c => c.IsWellFormed && c.P[0] != c.Q[0],
            HasHandDerivative = false,
            Bind = c => new Problem
            {
                Point = Concat(c.P, c.Q),
                Variables = ["p₀", "p₁", "q₀", "q₁"],
                Reference = t => SlopeAndIntercept(f.LineThrough(t[..2], t[2..])),
                Twin = t => TensorLine.Through(Part(t, 0, 2), Part(t, 2, 2)),
                ValueError = t => TolerancePolicy.LineThrough(t[..2], t[2..]),
                JacobianError = t => TolerancePolicy.LineThroughJacobian(t[..2], t[2..]),
                // the slope changes on the scale of the run q₀ − p₀ in the abscissas, on the scale 1 in the ordinates
                VariableScales = [Math.Abs(c.Q[0] - c.P[0]), 1.0, Math.Abs(c.Q[0] - c.P[0]), 1.0],
            },
            Identities = [PassesThroughBoth(f)],
        },
        new Derivation<SlopeAndPointCase>
        {
            Name = EntryNames.PerpendicularThrough,
            Formula = "m⊥ = −1/m, b⊥ = y₀ − m⊥·x₀, differentiated in θ = (m, x₀, y₀)",
            References = [f.PerpendicularThrough, f.IsPerpendicularTo],
            Twins = [TensorLine.PerpendicularThrough, TensorLine.IsPerpendicular],
            Exact = c => ExactGeometry.PerpendicularThrough,
            Notes = "m ≠ 0 (the perpendicular of a horizontal line is vertical). No hand derivative in the reference: autograd's against finite differences.",
            Generator = Inputs.SlopeAndPoint(),
            IsValid = c => c.IsWellFormed && c.Slope != 0,
            HasHandDerivative = false,
            Bind = c =>
            {
                var b = c.Intercept;
                return new Problem
                {
                    Point = [c.Slope, .. c.Point],
                    Variables = ["m", "x₀", "y₀"],
                    Reference = t => SlopeAndIntercept(f.PerpendicularThrough(new Line.Sloped(t[0], b), t[1..])),
                    Twin = t => TensorLine.PerpendicularThrough(t[0], Part(t, 1, 2)),
                    ValueError = t => TolerancePolicy.PerpendicularThrough(t[0], t[1..]),
                    JacobianError = t => TolerancePolicy.PerpendicularThroughJacobian(t[0], t[1..]),
                    // −1/m changes on the scale |m| in m; the point enters linearly
                    VariableScales = [Math.Abs(c.Slope), 1.0, 1.0],
                };
            },
            Identities = [PerpendicularIsPerpendicular(f)],
        },
        new Derivation<TwoSlopesCase>
        {
            Name = EntryNames.Parallel,
            Formula = "parallel ⇔ |m₁ − m₂| ≤ τ·max(|m₁|, |m₂|)",
            References = [f.IsParallelTo],
            Twins = [TensorLine.IsParallel],
            Exact = c => ExactVerdicts.Parallel(c.Tolerance),
            Notes = "A verdict (1 or 0), values only: equal slopes, slopes a few ulps apart and unrelated ones, with τ from 0 to 1e-6. The engines must agree exactly; against the exact verdict either may differ within rounding of the threshold.",
            Generator = Inputs.TwoSlopes(),
            IsValid = c => c.IsWellFormed,
            Differentiable = false,
            HasHandDerivative = false,
            Bind = c => Verdict(c,
                (m1, m2, tau) => f.IsParallelTo(new Line.Sloped(m1, 0.0), new Line.Sloped(m2, 0.0), tau),
                (t, tau) => TensorLine.IsParallel(t[0], t[1], tau),
                (_, _, _) => TolerancePolicy.Parallel(), TolerancePolicy.ParallelAgainstTheTruth),
        },
        new Derivation<TwoSlopesCase>
        {
            Name = EntryNames.Perpendicular,
            Formula = "perpendicular ⇔ |m₁m₂ + 1| ≤ τ",
            References = [f.IsPerpendicularTo],
            Twins = [TensorLine.IsPerpendicular],
            Exact = c => ExactVerdicts.Perpendicular(c.Tolerance),
            Notes = "A verdict (1 or 0), values only; either verdict is right when |m₁m₂ + 1| is within rounding of τ (the margin covers each side against the exact verdict too).",
            Generator = Inputs.TwoSlopes(),
            IsValid = c => c.IsWellFormed,
            Differentiable = false,
            HasHandDerivative = false,
            Bind = c => Verdict(c,
                (m1, m2, tau) => f.IsPerpendicularTo(new Line.Sloped(m1, 0.0), new Line.Sloped(m2, 0.0), tau),
                (t, tau) => TensorLine.IsPerpendicular(t[0], t[1], tau),
                TolerancePolicy.Perpendicular),
        },
        new Derivation<DecisionCase>
        {
            Name = EntryNames.DecisionScore,
            Formula = "s = wᵀx, differentiated in θ = (x, w)",
            References = [f.DecisionScore],
            Twins = [TensorDecisionRule.Score],
            Exact = c => ExactGeometry.DecisionScore,
            Notes = "w ≠ 0. No hand derivative in the reference: autograd's (w, x) against finite differences.",
            Generator = Inputs.DecisionRule(),
            IsValid = c => c.IsWellFormed && NonZero(c.Weights),
            HasHandDerivative = false,
            Bind = c =>
            {
                var (w, x, target) = (c.Weights, c.X, c.Target);
                var n = w.Length;
                return Scalar(Concat(x, w), Names(Names("x", n), Names("w", n)),
                    t => f.DecisionScore(new DecisionRule(t[n..], target), t[..n]), null,
                    t => TensorDecisionRule.Score(Part(t, n, n), Part(t, 0, n)),
                    t => TolerancePolicy.Dot(t[n..], t[..n]), t => TolerancePolicy.DotGradient(t[n..], t[..n]));
            },
        },
        new Derivation<DecisionCase>
        {
            Name = EntryNames.DecisionRule,
            Formula = "accept x ⇔ wᵀx ≥ t",
            References = [f.Accepts],
            Twins = [TensorDecisionRule.Accepts],
            Exact = c => ExactVerdicts.Accepts(c.Target),
            Notes = "A verdict (1 or 0), values only: exact ties of small integers must be accepted by both sides; elsewhere either verdict is right only within rounding of t.",
            Generator = Inputs.DecisionRule(),
            IsValid = c => c.IsWellFormed && NonZero(c.Weights),
            Differentiable = false,
            HasHandDerivative = false,
            Bind = c =>
            {
                var (w, x, target) = (c.Weights, c.X, c.Target);
                var n = w.Length;
                return new Problem
                {
                    Point = Concat(x, w),
                    Variables = Names(Names("x", n), Names("w", n)),
                    Reference = t => [f.Accepts(new DecisionRule(t[n..], target), t[..n]) ? 1.0 : 0.0],
                    Twin = t => TensorDecisionRule.Accepts(Part(t, n, n), Part(t, 0, n), tensor(target, ScalarType.Float64)).to_type(ScalarType.Float64).reshape(1),
                    ValueError = t => [TolerancePolicy.Accepts(t[n..], t[..n], target)],
                };
            },
        },
    ];

    private static double[] SlopeAndIntercept(Line line) => line switch
    {
        Line.Sloped s => [s.Slope, s.Intercept],
        _ => throw new DegenerateInputException("line", $"is {line}: a vertical line has no slope and intercept"),
    };

    /// <summary>A verdict of two slopes and a tolerance, θ = (m₁, m₂), as 1 or 0 on each side.</summary>
    private static Problem Verdict(TwoSlopesCase c, Func<double, double, double, bool> reference, Func<Tensor, double, Tensor> twin,
                                   Func<double, double, double, Bound> bound, Func<double, double, double, Bound>? truthBound = null)
    {
        var tau = c.Tolerance;
        return new Problem
        {
            Point = [c.First, c.Second],
            Variables = ["m₁", "m₂"],
            Reference = t => [reference(t[0], t[1], tau) ? 1.0 : 0.0],
            Twin = t => twin(t, tau).to_type(ScalarType.Float64).reshape(1),
            ValueError = t => [bound(t[0], t[1], tau)],
            TruthError = truthBound is null ? null : t => [truthBound(t[0], t[1], tau)],
        };
    }

    private static Identity PassesThroughBoth(ReferenceFunctions f) => Identity.Of<TwoPointsCase>("passes through both points", "m·p₀ + b = p₁ and m·q₀ + b = q₁", c =>
    {
        var (p, q) = (c.P, c.Q);
        var bound = TolerancePolicy.PassesThrough(p, q);
        var reference = SlopeAndIntercept(f.LineThrough(p, q));
        var twin = CaseEvaluation.EvaluateTwin(t => TensorLine.Through(Part(t, 0, 2), Part(t, 2, 2)), [.. p, .. q]);
        double Miss(double[] line, double[] point) => line[0] * point[0] + line[1] - point[1];
        return [Residual(0, "m·p₀ + b − p₁", ReferenceSide, Miss(reference, p), bound), Residual(1, "m·q₀ + b − q₁", ReferenceSide, Miss(reference, q), bound),
                Residual(2, "m·p₀ + b − p₁", TensorSide, Miss(twin, p), bound), Residual(3, "m·q₀ + b − q₁", TensorSide, Miss(twin, q), bound)];
    });

    private static Identity PerpendicularIsPerpendicular(ReferenceFunctions f) => Identity.Of<SlopeAndPointCase>("perpendicular", "m·m⊥ = −1, and IsPerpendicularTo holds within γ₃", c =>
    {
        var (m, point) = (c.Slope, c.Point);
        var bound = TolerancePolicy.PerpendicularResidual();
        var line = new Line.Sloped(m, c.Intercept);
        var perpendicular = f.PerpendicularThrough(line, point);
        var twin = CaseEvaluation.EvaluateTwin(t => TensorLine.PerpendicularThrough(t[0], Part(t, 1, 2)), [m, .. point]);
        var exact = Bound.Exact(1.0, "exact: the verdict holds or it does not");
        return [Residual(0, "IsPerpendicularTo(line, perpendicular, γ₃)", ReferenceSide, f.IsPerpendicularTo(line, perpendicular, bound.Value) ? 0.0 : 1.0, exact),
                Residual(1, "m·m⊥ + 1", TensorSide, m * twin[0] + 1.0, bound)];
    });
}
