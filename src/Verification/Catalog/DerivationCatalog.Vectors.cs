using FsCheck.Fluent;
using TensorLinear.Autograd;
using TensorLinear.Verification.Cases;
using TensorLinear.Verification.Checks;
using TensorLinear.Verification.Exact;
using TensorLinear.Verification.Generators;
using TensorLinear.Verification.Tolerances;
using static TensorLinear.Verification.Catalog.CatalogParts;
using Tensor = TorchSharp.torch.Tensor;

namespace TensorLinear.Verification.Catalog;

// Vectors and norms, angles and projections: Reference.Vector and VectorGradients against Autograd.Derivations.TensorVector.
public static partial class DerivationCatalog
{
    private static Derivation[] CreateVectors(ReferenceFunctions f) =>
    [
        new Derivation<PairCase>
        {
            Name = EntryNames.Dot,
            Formula = "xᵀy = Σᵢ xᵢyᵢ, ∇ = (y, x)",
            References = [f.Dot, f.DotGradientX, f.DotGradientY],
            Twins = [TensorVector.Dot],
            Exact = c => ExactVectors.Dot,
            Notes = "Values may cancel (nearly orthogonal vectors): the bound scales with Σ|xᵢyᵢ|, not |xᵀy|.",
            Generator = Inputs.Pair(nonZeroX: false, nonZeroY: false),
            IsValid = c => c.IsWellFormed,
            Bind = c => Pair(c, f.Dot, Gradient(f.DotGradientX, f.DotGradientY), TensorVector.Dot, TolerancePolicy.Dot, TolerancePolicy.DotGradient),
            Identities = [CauchySchwarz(f)],
        },
        new Derivation<VectorCase>
        {
            Name = EntryNames.Norm1,
            Formula = "‖x‖₁ = Σᵢ |xᵢ|, ∇ = sign(x)",
            References = [f.Norm1, f.Norm1Gradient],
            Twins = [TensorVector.Norm1],
            Exact = c => ExactVectors.Norm1,
            Notes = "Kinks at zero components: both sides take sign(0) = 0, a subgradient; the checker recognises the kink.",
            Generator = Inputs.Vector(nonZero: false),
            IsValid = c => c.IsWellFormed,
            Bind = c => Single(c, f.Norm1, f.Norm1Gradient, TensorVector.Norm1, TolerancePolicy.Norm1, TolerancePolicy.Norm1Gradient,
                x => [.. x.Select(Math.Abs)]),
        },
        new Derivation<VectorCase>
        {
            Name = EntryNames.Norm2,
            Formula = "‖x‖₂ = √(Σᵢ xᵢ²), ∇ = x/‖x‖₂",
            References = [f.Norm2, f.Norm2Gradient],
            Twins = [TensorVector.Norm2],
            Exact = c => ExactVectors.Norm2,
            Notes = "x = 0 is excluded (the reference refuses ∇‖0‖₂; libtorch returns 0): tested separately as an error.",
            Generator = Inputs.Vector(nonZero: true),
            IsValid = c => c.IsWellFormed && NonZero(c.X),
            Bind = c => Single(c, f.Norm2, f.Norm2Gradient, TensorVector.Norm2, TolerancePolicy.Norm2, TolerancePolicy.Norm2Gradient),
        },
        new Derivation<VectorCase>
        {
            Name = EntryNames.NormInf,
            Formula = "‖x‖∞ = maxᵢ |xᵢ|, ∇ = sign(xᵢ)/k on the k tied components",
            References = [f.NormInf, f.NormInfGradient],
            Twins = [TensorVector.NormInf],
            Exact = c => ExactVectors.NormInf,
            Notes = "Ties are kinks; both sides split sign(xᵢ)/k evenly among the k tied components (libtorch 2.10's norm backward for p = ∞, confirmed by DomainEdgeTests).",
            Generator = Inputs.Vector(nonZero: false),
            IsValid = c => c.IsWellFormed,
            Bind = c => Single(c, f.NormInf, f.NormInfGradient, TensorVector.NormInf, TolerancePolicy.NormInf, TolerancePolicy.NormInfGradient,
                MaxNormKinkDistances),
        },
        new Derivation<NormOrderCase>
        {
            Name = EntryNames.NormP,
            Formula = "‖x‖ₚ = (Σᵢ |xᵢ|ᵖ)^(1/p), ∇ = sign(xᵢ)|xᵢ|^(p−1)/‖x‖ₚ^(p−1), 1 < p < ∞",
            References = [f.NormP, f.NormPGradient],
            Twins = [TensorVector.NormP],
            Exact = c => ExactVectors.NormP(c.P),
            Notes = "p in [1.1, 8]; x ≠ 0; for p < 2 no zero component (‖·‖ₚ is not twice differentiable there, so the Taylor test could not see order 2). Components stay within 1e3, so libtorch's |x|ᵖ cannot overflow.",
            Generator = Inputs.VectorAndOrder(),
            IsValid = c => c.IsWellFormed && c.P > 1 && c.P < 10 && NonZero(c.X) && (c.P >= 2 || c.X.All(v => v != 0)),
            Bind = c =>
            {
                var p = c.P;
                return Single(new VectorCase(c.X), x => f.NormP(x, p), x => f.NormPGradient(x, p), x => TensorVector.NormP(x, p),
                    x => TolerancePolicy.NormP(x, p), x => TolerancePolicy.NormPGradient(x, p));
            },
        },
        new Derivation<VectorCase>
        {
            Name = EntryNames.Unit,
            Formula = "x̂ = x/‖x‖₂, Jacobian (I − x̂x̂ᵀ)/‖x‖₂",
            References = [f.Unit, f.UnitJacobian],
            Twins = [TensorVector.Unit],
            Exact = c => ExactVectors.Unit,
            Notes = "x = 0 is excluded (no direction): tested separately as an error on both sides.",
            Generator = Inputs.Vector(nonZero: true),
            IsValid = c => c.IsWellFormed && NonZero(c.X),
            Bind = c =>
            {
                var x = c.X;
                return new Problem
                {
                    Point = x, Variables = Names("x", x.Length), Reference = f.Unit, Twin = TensorVector.Unit, ValueError = TolerancePolicy.Unit,
                    HandJacobian = f.UnitJacobian, JacobianError = TolerancePolicy.UnitJacobian, VariableScales = DirectionScales(x, x)[..x.Length],
                };
            },
            Identities = [UnitLength(f)],
        },
        new Derivation<PairCase>
        {
            Name = EntryNames.Cosine,
            Formula = "cos θ = x̂ᵀŷ, ∇ₓ = (ŷ − cos θ·x̂)/‖x‖",
            References = [f.Cosine, f.CosineGradientX, f.CosineGradientY],
            Twins = [TensorVector.Cosine],
            Exact = c => ExactVectors.Cosine,
            Notes = "x, y ≠ 0. The value is clamped to [−1, 1] on both sides; the twin's clamp leaves the gradient that of x̂ᵀŷ.",
            Generator = Inputs.Pair(),
            IsValid = c => c.IsWellFormed && NonZero(c.X) && NonZero(c.Y),
            Bind = c => Pair(c, f.Cosine, Gradient(f.CosineGradientX, f.CosineGradientY), TensorVector.Cosine, TolerancePolicy.Cosine, TolerancePolicy.CosineGradient,
                directional: true),
        },
        new Derivation<PairCase>
        {
            Name = EntryNames.Angle,
            Formula = "θ = 2·atan2(‖x̂ − ŷ‖, ‖x̂ + ŷ‖), ∇ₓ = −r̂/‖x‖ with r̂ the direction of ŷ's component orthogonal to x̂",
            References = [f.Angle, f.AngleGradientX, f.AngleGradientY],
            Twins = [TensorVector.Angle],
            Exact = c => ExactVectors.Angle,
            Notes = "Away from the cone points θ = 0 and π: every case keeps x at least 1e-4·max(1, |components|) from the line of y (and y from that of x), so the finite-difference step stays far from the cone. The cone points are the entry '" + EntryNames.AngleConePoint + "'.",
            Generator = Inputs.Pair().Where(c => AngleExclusion(c.X, c.Y) is null),
            IsValid = c => c.IsWellFormed && NonZero(c.X) && NonZero(c.Y) && AngleExclusion(c.X, c.Y) is null,
            Bind = c => Pair(c, f.Angle, Gradient(f.AngleGradientX, f.AngleGradientY), TensorVector.Angle, TolerancePolicy.Angle, TolerancePolicy.AngleGradient,
                directional: true),
        },
        AngleAtConePoint(f),
        new Derivation<PairCase>
        {
            Name = EntryNames.ScalarProjection,
            Formula = "xᵀŷ, ∇ₓ = ŷ, ∇_y = (x − (xᵀŷ)ŷ)/‖y‖",
            References = [f.ScalarProjection, f.ScalarProjectionGradientX, f.ScalarProjectionGradientY],
            Twins = [TensorVector.ScalarProjection],
            Exact = c => ExactVectors.ScalarProjection,
            Notes = "y ≠ 0.",
            Generator = Inputs.Pair(nonZeroX: false),
            IsValid = c => c.IsWellFormed && NonZero(c.Y),
            Bind = c => Pair(c, f.ScalarProjection, Gradient(f.ScalarProjectionGradientX, f.ScalarProjectionGradientY), TensorVector.ScalarProjection,
                TolerancePolicy.ScalarProjection, TolerancePolicy.ScalarProjectionGradient, directional: true),
        },
        new Derivation<PairCase>
        {
            Name = EntryNames.Project,
            Formula = "proj_y(x) = (xᵀŷ)·ŷ, ∂/∂x = ŷŷᵀ, ∂/∂y row i = (ŷᵢx + s·eᵢ − 2s·ŷᵢŷ)/‖y‖ with s = xᵀŷ",
            References = [f.Project, f.ProjectJacobianX, f.ProjectJacobianY],
            Twins = [TensorVector.Project],
            Exact = c => ExactVectors.Project,
            Notes = "y ≠ 0.",
            Generator = Inputs.Pair(nonZeroX: false),
            IsValid = c => c.IsWellFormed && NonZero(c.Y),
            Bind = c => VectorValued(c, f.Project, f.ProjectJacobianX, f.ProjectJacobianY, TensorVector.Project, TolerancePolicy.Project, TolerancePolicy.ProjectJacobian),
            Identities = [ProjectionIdempotent(f)],
        },
        new Derivation<PairCase>
        {
            Name = EntryNames.Reject,
            Formula = "rej_y(x) = x − proj_y(x), ∂/∂x = I − ŷŷᵀ, ∂/∂y = −∂proj/∂y",
            References = [f.Reject, f.RejectJacobianX, f.RejectJacobianY],
            Twins = [TensorVector.Reject],
            Exact = c => ExactVectors.Reject,
            Notes = "y ≠ 0.",
            Generator = Inputs.Pair(nonZeroX: false),
            IsValid = c => c.IsWellFormed && NonZero(c.Y),
            Bind = c => VectorValued(c, f.Reject, f.RejectJacobianX, f.RejectJacobianY, TensorVector.Reject, TolerancePolicy.Reject, TolerancePolicy.RejectJacobian),
            Identities = [ResidualOrthogonal(f)],
        },
        new Derivation<DistanceCase>
        {
            Name = EntryNames.Distance,
            Formula = "d(x, y) = ‖x − y‖ₚ for p = 1, 2, ∞ or in [1.1, 8]; ∇ₓ = ∇‖·‖ₚ at x − y, ∇_y = −∇ₓ",
            References = [f.Distance, f.DistanceGradientX, f.DistanceGradientY],
            Twins = [TensorVector.Distance],
            Exact = c => ExactVectors.Distance(c.P),
            Notes = "The distance between two points (the distance from a hyperplane to a point is '" + EntryNames.SignedDistance + "'). Cases avoid x = y for 1 < p < ∞ (no gradient there) and, for 1 < p < 2, an x − y with a zero component (not twice differentiable).",
            Generator = Inputs.PairAndOrder().Where(c => DistanceExclusion(c.X, c.Y, c.P) is null),
            IsValid = c => c.IsWellFormed && (c.P is 1.0 or 2.0 || double.IsPositiveInfinity(c.P) || (c.P > 1 && c.P < 10))
                           && DistanceExclusion(c.X, c.Y, c.P) is null,
            Bind = c =>
            {
                var p = c.P;
                return Pair(new PairCase(c.X, c.Y),
                    (x, y) => f.Distance(x, y, p),
                    (x, y) => [.. f.DistanceGradientX(x, y, p), .. f.DistanceGradientY(x, y, p)],
                    (x, y) => TensorVector.Distance(x, y, p),
                    (x, y) => TolerancePolicy.Distance(x, y, p), (x, y) => TolerancePolicy.DistanceGradient(x, y, p),
                    kinkDistances: DistanceKinks(p));
            },
        },
    ];

    // ---- identities ------------------------------------------------------------------------------------------------

    private static Identity CauchySchwarz(ReferenceFunctions f) => Identity.Of<PairCase>("Cauchy–Schwarz", "|xᵀy| ≤ ‖x‖₂‖y‖₂", c =>
    {
        var (x, y) = (c.X, c.Y);
        var bound = TolerancePolicy.CauchySchwarz(x, y);
        var reference = Math.Abs(f.Dot(x, y)) - f.Norm2(x) * f.Norm2(y);
        var tensor = Math.Abs(TwinValue(t => TensorVector.Dot(Part(t, 0, x.Length), Part(t, x.Length, x.Length)), [.. x, .. y]))
                     - TwinValue(TensorVector.Norm2, x) * TwinValue(TensorVector.Norm2, y);
        return [Residual(0, "|xᵀy| − ‖x‖‖y‖", ReferenceSide, reference, bound, inequality: true),
                Residual(1, "|xᵀy| − ‖x‖‖y‖", TensorSide, tensor, bound, inequality: true)];
    });

    private static Identity UnitLength(ReferenceFunctions f) => Identity.Of<VectorCase>("unit length", "‖unit(x)‖₂ = 1", c =>
    {
        var x = c.X;
        var bound = TolerancePolicy.UnitLength(x.Length);
        var reference = f.Norm2(f.Unit(x)) - 1.0;
        var tensor = TwinValue(t => TensorVector.Norm2(TensorVector.Unit(t)), x) - 1.0;
        return [Residual(0, "‖x̂‖ − 1", ReferenceSide, reference, bound), Residual(1, "‖x̂‖ − 1", TensorSide, tensor, bound)];
    });

    private static Identity ProjectionIdempotent(ReferenceFunctions f) => Identity.Of<PairCase>("idempotent", "proj_y(proj_y(x)) = proj_y(x)", c =>
    {
        var (x, y) = (c.X, c.Y);
        var bounds = TolerancePolicy.ProjectionIdempotent(x, y);
        var p = f.Project(x, y);
        var pp = f.Project(p, y);
        var n = x.Length;
        Tensor TwinProject(Tensor t) => TensorVector.Project(Part(t, 0, n), Part(t, n, n));
        var tp = Checks.CaseEvaluation.EvaluateTwin(TwinProject, [.. x, .. y]);
        var tpp = Checks.CaseEvaluation.EvaluateTwin(TwinProject, [.. tp, .. y]);
        var elements = new List<ElementCheck>();
        for (var i = 0; i < n; i++)
        {
            elements.Add(Residual(i, $"proj(proj(x))[{i}] − proj(x)[{i}]", ReferenceSide, pp[i] - p[i], bounds[i]));
            elements.Add(Residual(n + i, $"proj(proj(x))[{i}] − proj(x)[{i}]", TensorSide, tpp[i] - tp[i], bounds[i]));
        }
        return elements;
    });

    private static Identity ResidualOrthogonal(ReferenceFunctions f) => Identity.Of<PairCase>("residual orthogonal", "(x − proj_y(x))ᵀy = 0", c =>
    {
        var (x, y) = (c.X, c.Y);
        var n = x.Length;
        var r = f.Reject(x, y);
        var tr = Checks.CaseEvaluation.EvaluateTwin(t => TensorVector.Reject(Part(t, 0, n), Part(t, n, n)), [.. x, .. y]);
        var tensorDot = TwinValue(t => TensorVector.Dot(Part(t, 0, n), Part(t, n, n)), [.. tr, .. y]);
        return [Residual(0, "rejᵀy", ReferenceSide, f.Dot(r, y), TolerancePolicy.ResidualOrthogonal(x, y, r)),
                Residual(1, "rejᵀy", TensorSide, tensorDot, TolerancePolicy.ResidualOrthogonal(x, y, tr))];
    });

    // ---- binding helpers -------------------------------------------------------------------------------------------

    private static Problem Single(VectorCase c, Func<double[], double> f, Func<double[], double[]> gradient, Func<Tensor, Tensor> twin,
                                  Func<double[], Bound> valueError, Func<double[], Bound[]> gradientError, Func<double[], double[]>? kinkDistances = null)
    {
        var x = c.X;
        return Scalar(x, Names("x", x.Length), f, gradient, twin, valueError, gradientError, kinkDistances: kinkDistances);
    }

    /// <summary>∇ with respect to θ = (x, y): the two gradients, one after the other.</summary>
    private static Func<double[], double[], double[]> Gradient(Func<double[], double[], double[]> gradientX, Func<double[], double[], double[]> gradientY) =>
        (x, y) => [.. gradientX(x, y), .. gradientY(x, y)];

    /// <summary>A scalar function of a pair (x, y), differentiated with respect to θ = (x, y).</summary>
    private static Problem Pair(PairCase c, Func<double[], double[], double> f, Func<double[], double[], double[]> gradient,
                                Func<Tensor, Tensor, Tensor> twin,
                                Func<double[], double[], Bound> valueError, Func<double[], double[], Bound[]> gradientError,
                                Func<double[], double[], double[]>? kinkDistances = null, bool directional = false)
    {
        var (x, y) = (c.X, c.Y);
        var n = x.Length;
        double[][] Parts(double[] t) => Split(t, n, n);
        return Scalar(Concat(x, y), Names(Names("x", n), Names("y", n)),
            t => { var p = Parts(t); return f(p[0], p[1]); },
            t => { var p = Parts(t); return gradient(p[0], p[1]); },
            t => twin(Part(t, 0, n), Part(t, n, n)),
            t => { var p = Parts(t); return valueError(p[0], p[1]); },
            t => { var p = Parts(t); return gradientError(p[0], p[1]); },
            kinkDistances: kinkDistances is null ? null : t => { var p = Parts(t); return kinkDistances(p[0], p[1]); },
            variableScales: directional ? DirectionScales(x, y) : null);
    }

    /// <summary>
    /// The natural scales of a function of the directions of x and y (a cosine, an angle, a projection on y): a
    /// vector's direction turns by O(1) when it moves by its own length, so a vector shorter than 1 is stepped on the
    /// scale ‖v‖∞ rather than 1 (CheckerFrame) — else the finite-difference step of 5·10⁻⁶ could exceed the vector.
    /// </summary>
    private static double[] DirectionScales(double[] x, double[] y)
    {
        double sx = Math.Min(1.0, x.Max(Math.Abs)), sy = Math.Min(1.0, y.Max(Math.Abs));
        return [.. x.Select(_ => sx), .. y.Select(_ => sy)];
    }

    /// <summary>A vector function of a pair (x, y), with its n×2n Jacobian [∂/∂x | ∂/∂y] with respect to θ = (x, y).</summary>
    private static Problem VectorValued(PairCase c, Func<double[], double[], double[]> f,
                                        Func<double[], double[], double[,]> jacobianX, Func<double[], double[], double[,]> jacobianY,
                                        Func<Tensor, Tensor, Tensor> twin,
                                        Func<double[], double[], Bound[]> valueError, Func<double[], double[], Bound[,]> jacobianError)
    {
        var (x, y) = (c.X, c.Y);
        var n = x.Length;
        return new Problem
        {
            Point = Concat(x, y),
            Variables = Names(Names("x", n), Names("y", n)),
            Reference = t => { var p = Split(t, n, n); return f(p[0], p[1]); },
            Twin = t => twin(Part(t, 0, n), Part(t, n, n)),
            ValueError = t => { var p = Split(t, n, n); return valueError(p[0], p[1]); },
            HandJacobian = t => { var p = Split(t, n, n); return Columns(jacobianX(p[0], p[1]), jacobianY(p[0], p[1])); },
            JacobianError = t => { var p = Split(t, n, n); return jacobianError(p[0], p[1]); },
            VariableScales = DirectionScales(x, y),
        };
    }

    // The finite-difference step is about 5e-6·max(1, |xⱼ|); the angle is smooth within ‖x‖·sin θ of x. Require that
    // distance to be 1e-4·max(1, |x|∞) at least (the step at most 5% of it), and the same for y.
    private static string? AngleExclusion(double[] x, double[] y)
    {
        if (!NonZero(x) || !NonZero(y)) return "x or y is zero: no angle";
        var sin = Math.Sin(TolerancePolicy.AngleOf(x, y));
        var nx = TolerancePolicy.Norm2Of(x) * sin;
        var ny = TolerancePolicy.Norm2Of(y) * sin;
        var scale = Math.Max(1.0, Math.Max(x.Max(Math.Abs), y.Max(Math.Abs)));
        return nx < 1e-4 * scale || ny < 1e-4 * scale
            ? "x and y are (nearly) parallel: the angle's cone point is within reach of the finite-difference step"
            : null;
    }

    // x and y both move, so x − y moves by up to twice the step: each side gets half the kink distance of x − y.
    private static Func<double[], double[], double[]>? DistanceKinks(double p) => p switch
    {
        1.0 => (x, y) => { var d = TolerancePolicy.Difference(x, y).Select(v => Math.Abs(v) / 2).ToArray(); return [.. d, .. d]; },
        double.PositiveInfinity => (x, y) => { var d = MaxNormKinkDistances(TolerancePolicy.Difference(x, y)).Select(v => v / 2).ToArray(); return [.. d, .. d]; },
        _ => null,
    };

    private static string? DistanceExclusion(double[] x, double[] y, double p)
    {
        if (p == 1.0 || double.IsPositiveInfinity(p)) return null;
        var d = TolerancePolicy.Difference(x, y);
        if (d.All(v => v == 0)) return "x = y: ‖x − y‖ₚ has no gradient at 0 for 1 < p < ∞";
        if (p < 2 && d.Any(v => v == 0)) return "x − y has a zero component, where ‖·‖ₚ (1 < p < 2) is not twice differentiable";
        return null;
    }
}
