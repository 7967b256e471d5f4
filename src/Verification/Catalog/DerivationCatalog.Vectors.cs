using TensorLinear.Autograd.Derivations;
using TensorLinear.Reference;
using TensorLinear.Verification.Checks;
using TensorLinear.Verification.Generators;
using TensorLinear.Verification.Tolerances;
using static TensorLinear.Verification.Catalog.CatalogParts;
using Tensor = TorchSharp.torch.Tensor;

namespace TensorLinear.Verification.Catalog;

// Vectors and norms, angles and projections: Reference.Vector and VectorGradients against Autograd.Derivations.TensorVector.
public static partial class DerivationCatalog
{
    /// <summary>The vector entries: dot, the norms, unit vectors, cosine, angle, projections and distance.</summary>
    public static IReadOnlyList<Derivation> Vectors => _vectors ??= CreateVectors();

    private static IReadOnlyList<Derivation>? _vectors;

    private static Derivation[] CreateVectors() =>
    [
        new()
        {
            Name = "dot",
            Formula = "xᵀy = Σᵢ xᵢyᵢ, ∇ = (y, x)",
            Reference = "Vector.Dot, VectorGradients.DotGradientX/Y",
            Twin = "TensorVector.Dot",
            Notes = "Values may cancel (nearly orthogonal vectors): the bound scales with Σ|xᵢyᵢ|, not |xᵀy|.",
            Generator = Inputs.Pair(nonZeroX: false, nonZeroY: false),
            IsValid = c => CatalogParts.Vectors(c, 2),
            Bind = c => Pair(c,
                (x, y) => Vector.Dot(x, y),
                (x, y) => [.. VectorGradients.DotGradientX(x, y), .. VectorGradients.DotGradientY(x, y)],
                (x, y) => TensorVector.Dot(x, y),
                TolerancePolicy.Dot, TolerancePolicy.DotGradient),
            Identities = [CauchySchwarz],
        },
        new()
        {
            Name = "norm1",
            Formula = "‖x‖₁ = Σᵢ |xᵢ|, ∇ = sign(x)",
            Reference = "Vector.Norm1, VectorGradients.Norm1Gradient",
            Twin = "TensorVector.Norm1",
            Notes = "Kinks at zero components: both sides take sign(0) = 0, a subgradient; the checker recognises the kink.",
            Generator = Inputs.Vector(nonZero: false),
            IsValid = c => CatalogParts.Vectors(c, 1),
            Bind = c => Single(c, Vector.Norm1, VectorGradients.Norm1Gradient, TensorVector.Norm1, TolerancePolicy.Norm1, TolerancePolicy.Norm1Gradient,
                x => [.. x.Select(Math.Abs)]),
        },
        new()
        {
            Name = "norm2",
            Formula = "‖x‖₂ = √(Σᵢ xᵢ²), ∇ = x/‖x‖₂",
            Reference = "Vector.Norm2, VectorGradients.Norm2Gradient",
            Twin = "TensorVector.Norm2",
            Notes = "x = 0 is excluded (the reference refuses ∇‖0‖₂; libtorch returns 0): tested separately as an error.",
            Generator = Inputs.Vector(nonZero: true),
            IsValid = c => CatalogParts.Vectors(c, 1) && NonZero(c.Vectors[0]),
            Bind = c => Single(c, Vector.Norm2, VectorGradients.Norm2Gradient, TensorVector.Norm2, TolerancePolicy.Norm2, TolerancePolicy.Norm2Gradient),
        },
        new()
        {
            Name = "normInf",
            Formula = "‖x‖∞ = maxᵢ |xᵢ|, ∇ = sign(xᵢ)/k on the k tied components",
            Reference = "Vector.NormInf, VectorGradients.NormInfGradient",
            Twin = "TensorVector.NormInf",
            Notes = "Ties are kinks; both sides split sign(xᵢ)/k evenly among the k tied components (libtorch 2.10's norm backward for p = ∞, confirmed by DomainEdgeTests).",
            Generator = Inputs.Vector(nonZero: false),
            IsValid = c => CatalogParts.Vectors(c, 1),
            Bind = c => Single(c, Vector.NormInf, VectorGradients.NormInfGradient, TensorVector.NormInf, TolerancePolicy.NormInf, TolerancePolicy.NormInfGradient,
                MaxNormKinkDistances),
        },
        new()
        {
            Name = "normP",
            Formula = "‖x‖ₚ = (Σᵢ |xᵢ|ᵖ)^(1/p), ∇ = sign(xᵢ)|xᵢ|^(p−1)/‖x‖ₚ^(p−1), 1 < p < ∞",
            Reference = "Vector.NormP, VectorGradients.NormPGradient",
            Twin = "TensorVector.NormP",
            Notes = "p in [1.1, 8]; x ≠ 0; for p < 2 no zero component (‖·‖ₚ is not twice differentiable there, so the Taylor test could not see order 2). Components stay within 1e3, so libtorch's |x|ᵖ cannot overflow.",
            Generator = Inputs.VectorAndOrder(),
            IsValid = c => CatalogParts.Vectors(c, 1) && c.Scalars.Length == 1 && c.Scalars[0] > 1 && c.Scalars[0] < 10
                           && NonZero(c.Vectors[0]) && (c.Scalars[0] >= 2 || c.Vectors[0].All(v => v != 0)),
            Bind = c =>
            {
                var p = c.Scalars[0];
                return Single(c, x => Vector.NormP(x, p), x => VectorGradients.NormPGradient(x, p), x => TensorVector.NormP(x, p),
                    x => TolerancePolicy.NormP(x, p), x => TolerancePolicy.NormPGradient(x, p));
            },
        },
        new()
        {
            Name = "unit",
            Formula = "x̂ = x/‖x‖₂, Jacobian (I − x̂x̂ᵀ)/‖x‖₂",
            Reference = "Vector.Unit; the Jacobian (I − x̂x̂ᵀ)/‖x‖ is derived here from Vector.Unit and Vector.Norm2",
            Twin = "TensorVector.Unit",
            Notes = "x = 0 is excluded (no direction): tested separately as an error on both sides.",
            Generator = Inputs.Vector(nonZero: true),
            IsValid = c => CatalogParts.Vectors(c, 1) && NonZero(c.Vectors[0]),
            Bind = c =>
            {
                var x = c.Vectors[0];
                return new Problem
                {
                    Point = x,
                    Variables = Names("x", x.Length),
                    Reference = Vector.Unit,
                    Twin = TensorVector.Unit,
                    ValueError = TolerancePolicy.Unit,
                    // ∂x̂ᵢ/∂xⱼ = δᵢⱼ/‖x‖ − xᵢxⱼ/‖x‖³ = (δᵢⱼ − x̂ᵢx̂ⱼ)/‖x‖
                    HandJacobian = t =>
                    {
                        var u = Vector.Unit(t);
                        var norm = Vector.Norm2(t);
                        var j = new double[t.Length, t.Length];
                        for (var a = 0; a < t.Length; a++)
                            for (var b = 0; b < t.Length; b++) j[a, b] = ((a == b ? 1.0 : 0.0) - u[a] * u[b]) / norm;
                        return j;
                    },
                    JacobianError = TolerancePolicy.UnitJacobian,
                };
            },
            Identities = [UnitLength],
        },
        new()
        {
            Name = "cosine",
            Formula = "cos θ = x̂ᵀŷ, ∇ₓ = (ŷ − cos θ·x̂)/‖x‖",
            Reference = "Vector.Cosine, VectorGradients.CosineGradientX/Y",
            Twin = "TensorVector.Cosine",
            Notes = "x, y ≠ 0. The value is clamped to [−1, 1] on both sides; the twin's clamp leaves the gradient that of x̂ᵀŷ.",
            Generator = Inputs.Pair(),
            IsValid = c => CatalogParts.Vectors(c, 2) && NonZero(c.Vectors[0]) && NonZero(c.Vectors[1]),
            Bind = c => Pair(c,
                (x, y) => Vector.Cosine(x, y),
                (x, y) => [.. VectorGradients.CosineGradientX(x, y), .. VectorGradients.CosineGradientY(x, y)],
                (x, y) => TensorVector.Cosine(x, y),
                TolerancePolicy.Cosine, TolerancePolicy.CosineGradient),
        },
        new()
        {
            Name = "angle",
            Formula = "θ = 2·atan2(‖x̂ − ŷ‖, ‖x̂ + ŷ‖), ∇ₓ = −∇ₓ cos θ/sin θ",
            Reference = "Vector.Angle; its gradient by the chain rule from VectorGradients.CosineGradientX/Y",
            Twin = "TensorVector.Angle (Kahan's formula, with libtorch's atan2 through TorchSharp)",
            Notes = "The angle has cone points at θ = 0 and π (parallel vectors): values are checked there, derivatives only where the distance from x to the line of y (and from y to that of x) is at least 1e-4·max(1, |components|), so the finite-difference step stays far from the cone.",
            Generator = Inputs.Pair(),
            IsValid = c => CatalogParts.Vectors(c, 2) && NonZero(c.Vectors[0]) && NonZero(c.Vectors[1]),
            Bind = c => Pair(c,
                (x, y) => Vector.Angle(x, y),
                (x, y) =>
                {
                    // dθ = −d(cos θ)/sin θ
                    var sin = Math.Sin(Vector.Angle(x, y));
                    return [.. VectorGradients.CosineGradientX(x, y).Select(g => -g / sin), .. VectorGradients.CosineGradientY(x, y).Select(g => -g / sin)];
                },
                (x, y) => TensorVector.Angle(x, y),
                TolerancePolicy.Angle, TolerancePolicy.AngleGradient,
                AngleExclusion),
        },
        new()
        {
            Name = "scalar projection",
            Formula = "xᵀŷ, ∇ₓ = ŷ, ∇_y = (x − (xᵀŷ)ŷ)/‖y‖",
            Reference = "Vector.ScalarProjection, VectorGradients.ScalarProjectionGradientX/Y",
            Twin = "TensorVector.ScalarProjection",
            Notes = "y ≠ 0.",
            Generator = Inputs.Pair(nonZeroX: false),
            IsValid = c => CatalogParts.Vectors(c, 2) && NonZero(c.Vectors[1]),
            Bind = c => Pair(c,
                (x, y) => Vector.ScalarProjection(x, y),
                (x, y) => [.. VectorGradients.ScalarProjectionGradientX(x, y), .. VectorGradients.ScalarProjectionGradientY(x, y)],
                (x, y) => TensorVector.ScalarProjection(x, y),
                TolerancePolicy.ScalarProjection, TolerancePolicy.ScalarProjectionGradient),
        },
        new()
        {
            Name = "project",
            Formula = "proj_y(x) = (xᵀŷ)·ŷ",
            Reference = "Vector.Project",
            Twin = "TensorVector.Project",
            Notes = "y ≠ 0. Values and identities; its derivatives are those of the scalar projection and the unit vector.",
            Generator = Inputs.Pair(nonZeroX: false),
            IsValid = c => CatalogParts.Vectors(c, 2) && NonZero(c.Vectors[1]),
            Differentiable = false,
            HasHandDerivative = false,
            Bind = c => VectorValued(c, (x, y) => Vector.Project(x, y), (x, y) => TensorVector.Project(x, y), TolerancePolicy.Project),
            Identities = [ProjectionIdempotent],
        },
        new()
        {
            Name = "reject",
            Formula = "rej_y(x) = x − proj_y(x)",
            Reference = "Vector.Reject",
            Twin = "TensorVector.Reject",
            Notes = "y ≠ 0. Values and identities.",
            Generator = Inputs.Pair(nonZeroX: false),
            IsValid = c => CatalogParts.Vectors(c, 2) && NonZero(c.Vectors[1]),
            Differentiable = false,
            HasHandDerivative = false,
            Bind = c => VectorValued(c, (x, y) => Vector.Reject(x, y), (x, y) => TensorVector.Reject(x, y), TolerancePolicy.Reject),
            Identities = [ResidualOrthogonal],
        },
        new()
        {
            Name = "distance",
            Formula = "d(x, y) = ‖x − y‖ₚ for p = 1, 2, ∞ or in [1.1, 8]; ∇ₓ = ∇‖·‖ₚ at x − y, ∇_y = −∇ₓ",
            Reference = "Vector.Distance; its gradient from VectorGradients' norm gradients at x − y",
            Twin = "TensorVector.Distance",
            Notes = "Derivatives are not checked at x = y for 1 < p < ∞ (no gradient there), nor, for 1 < p < 2, where x − y has a zero component.",
            Generator = Inputs.PairAndOrder(),
            IsValid = c => CatalogParts.Vectors(c, 2) && c.Scalars.Length == 1 && (c.Scalars[0] is 1.0 or 2.0 || double.IsPositiveInfinity(c.Scalars[0]) || (c.Scalars[0] > 1 && c.Scalars[0] < 10)),
            Bind = c =>
            {
                var p = c.Scalars[0];
                return Pair(c,
                    (x, y) => Vector.Distance(x, y, p),
                    (x, y) =>
                    {
                        var g = NormGradient(TolerancePolicy.Difference(x, y), p);
                        return [.. g, .. g.Select(v => -v)];
                    },
                    (x, y) => TensorVector.Distance(x, y, p),
                    (x, y) => TolerancePolicy.Distance(x, y, p), (x, y) => TolerancePolicy.DistanceGradient(x, y, p),
                    (x, y) => DistanceExclusion(x, y, p),
                    DistanceKinks(p));
            },
        },
    ];

    // ---- identities ------------------------------------------------------------------------------------------------

    private static Identity CauchySchwarz => new("Cauchy–Schwarz", "|xᵀy| ≤ ‖x‖₂‖y‖₂", c =>
    {
        double[] x = c.Vectors[0], y = c.Vectors[1];
        var bound = TolerancePolicy.CauchySchwarz(x, y);
        var reference = Math.Abs(Vector.Dot(x, y)) - Vector.Norm2(x) * Vector.Norm2(y);
        var tensor = Math.Abs(TwinValue(t => TensorVector.Dot(Part(t, 0, x.Length), Part(t, x.Length, x.Length)), [.. x, .. y]))
                     - TwinValue(TensorVector.Norm2, x) * TwinValue(TensorVector.Norm2, y);
        return [Residual(0, "|xᵀy| − ‖x‖‖y‖", ReferenceSide, reference, bound, inequality: true),
                Residual(1, "|xᵀy| − ‖x‖‖y‖", TensorSide, tensor, bound, inequality: true)];
    });

    private static Identity UnitLength => new("unit length", "‖unit(x)‖₂ = 1", c =>
    {
        var x = c.Vectors[0];
        var bound = TolerancePolicy.UnitLength(x.Length);
        var reference = Vector.Norm2(Vector.Unit(x)) - 1.0;
        var tensor = TwinValue(t => TensorVector.Norm2(TensorVector.Unit(t)), x) - 1.0;
        return [Residual(0, "‖x̂‖ − 1", ReferenceSide, reference, bound), Residual(1, "‖x̂‖ − 1", TensorSide, tensor, bound)];
    });

    private static Identity ProjectionIdempotent => new("idempotent", "proj_y(proj_y(x)) = proj_y(x)", c =>
    {
        double[] x = c.Vectors[0], y = c.Vectors[1];
        var bounds = TolerancePolicy.ProjectionIdempotent(x, y);
        var p = Vector.Project(x, y);
        var pp = Vector.Project(p, y);
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

    private static Identity ResidualOrthogonal => new("residual orthogonal", "(x − proj_y(x))ᵀy = 0", c =>
    {
        double[] x = c.Vectors[0], y = c.Vectors[1];
        var n = x.Length;
        var r = Vector.Reject(x, y);
        var tr = Checks.CaseEvaluation.EvaluateTwin(t => TensorVector.Reject(Part(t, 0, n), Part(t, n, n)), [.. x, .. y]);
        var tensorDot = TwinValue(t => TensorVector.Dot(Part(t, 0, n), Part(t, n, n)), [.. tr, .. y]);
        return [Residual(0, "rejᵀy", ReferenceSide, Vector.Dot(r, y), TolerancePolicy.ResidualOrthogonal(x, y, r)),
                Residual(1, "rejᵀy", TensorSide, tensorDot, TolerancePolicy.ResidualOrthogonal(x, y, tr))];
    });

    // ---- binding helpers -------------------------------------------------------------------------------------------

    private static Problem Single(CaseInput c, Func<double[], double> f, Func<double[], double[]> gradient, Func<Tensor, Tensor> twin,
                                  Func<double[], Bound> valueError, Func<double[], Bound[]> gradientError, Func<double[], double[]>? kinkDistances = null)
    {
        var x = c.Vectors[0];
        return Scalar(x, Names("x", x.Length), f, gradient, twin, valueError, gradientError, kinkDistances: kinkDistances);
    }

    /// <summary>A scalar function of a pair (x, y), differentiated with respect to θ = (x, y).</summary>
    private static Problem Pair(CaseInput c, Func<double[], double[], double> f, Func<double[], double[], double[]> gradient,
                                Func<Tensor, Tensor, Tensor> twin,
                                Func<double[], double[], Bound> valueError, Func<double[], double[], Bound[]> gradientError,
                                Func<double[], double[], string?>? exclusion = null, Func<double[], double[], double[]>? kinkDistances = null)
    {
        double[] x = c.Vectors[0], y = c.Vectors[1];
        var n = x.Length;
        double[][] Parts(double[] t) => Split(t, n, n);
        return Scalar(Concat(x, y), Names(Names("x", n), Names("y", n)),
            t => { var p = Parts(t); return f(p[0], p[1]); },
            t => { var p = Parts(t); return gradient(p[0], p[1]); },
            t => twin(Part(t, 0, n), Part(t, n, n)),
            t => { var p = Parts(t); return valueError(p[0], p[1]); },
            t => { var p = Parts(t); return gradientError(p[0], p[1]); },
            exclusion?.Invoke(x, y),
            kinkDistances: kinkDistances is null ? null : t => { var p = Parts(t); return kinkDistances(p[0], p[1]); });
    }

    /// <summary>A vector function of a pair (x, y), values only.</summary>
    private static Problem VectorValued(CaseInput c, Func<double[], double[], double[]> f, Func<Tensor, Tensor, Tensor> twin,
                                        Func<double[], double[], Bound[]> valueError)
    {
        double[] x = c.Vectors[0], y = c.Vectors[1];
        var n = x.Length;
        return new Problem
        {
            Point = Concat(x, y),
            Variables = Names(Names("x", n), Names("y", n)),
            Reference = t => { var p = Split(t, n, n); return f(p[0], p[1]); },
            Twin = t => twin(Part(t, 0, n), Part(t, n, n)),
            ValueError = t => { var p = Split(t, n, n); return valueError(p[0], p[1]); },
        };
    }

    private static double[] NormGradient(double[] d, double p) => p switch
    {
        1.0 => VectorGradients.Norm1Gradient(d),
        2.0 => VectorGradients.Norm2Gradient(d),
        double.PositiveInfinity => VectorGradients.NormInfGradient(d),
        _ => VectorGradients.NormPGradient(d, p),
    };

    // The finite-difference step is about 5e-6·max(1, |xⱼ|); the angle is smooth within ‖x‖·sin θ of x. Require that
    // distance to be 1e-4·max(1, |x|∞) at least (the step at most 5% of it), and the same for y.
    private static string? AngleExclusion(double[] x, double[] y)
    {
        var sin = Math.Sin(Vector.Angle(x, y));
        var nx = Vector.Norm2(x) * sin;
        var ny = Vector.Norm2(y) * sin;
        var scale = Math.Max(1.0, Math.Max(Vector.NormInf(x), Vector.NormInf(y)));
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
