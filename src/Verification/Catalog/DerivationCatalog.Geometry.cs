using TensorLinear.Autograd.Derivations;
using TensorLinear.Reference;
using TensorLinear.Verification.Generators;
using TensorLinear.Verification.Tolerances;
using static TensorLinear.Verification.Catalog.CatalogParts;
using Tensor = TorchSharp.torch.Tensor;

namespace TensorLinear.Verification.Catalog;

// Hyperplanes: Reference.Hyperplane against Autograd.Derivations.TensorHyperplane, differentiated with respect to
// θ = (x, w, w₀). Inputs: Vectors = [w, x], Scalars = [w₀, c].
public static partial class DerivationCatalog
{
    /// <summary>The hyperplane entries: the score, the signed distance and the foot of the perpendicular.</summary>
    public static IReadOnlyList<Derivation> Geometry => _geometry ??= CreateGeometry();

    private static IReadOnlyList<Derivation>? _geometry;

    private static Derivation[] CreateGeometry() =>
    [
        new()
        {
            Name = "hyperplane score",
            Formula = "wᵀx + w₀, ∇ = (w, x, 1) in θ = (x, w, w₀)",
            Reference = "Hyperplane.Evaluate; its gradient (w, x, 1) is derived here",
            Twin = "TensorHyperplane.Evaluate",
            Notes = "w ≠ 0 (a hyperplane needs a normal).",
            Generator = Inputs.Hyperplane(),
            IsValid = ValidHyperplane,
            Bind = c => HyperplaneProblem(c,
                (w, b, x) => new Hyperplane(w, b).Evaluate(x),
                (w, b, x) => [.. w, .. x, 1.0],
                TensorHyperplane.Evaluate,
                TolerancePolicy.HyperplaneEvaluate,
                (w, b, x) => TolerancePolicy.HyperplaneEvaluateGradient(w, x)),
        },
        new()
        {
            Name = "signed distance",
            Formula = "d = (wᵀx + w₀)/‖w‖₂, ∇ₓ = ŵ, ∇_w = (x − d·ŵ)/‖w‖, ∂/∂w₀ = 1/‖w‖",
            Reference = "Hyperplane.SignedDistance, SignedDistanceGradientX/Weights/Bias",
            Twin = "TensorHyperplane.SignedDistance",
            Notes = "w ≠ 0.",
            Generator = Inputs.Hyperplane(),
            IsValid = ValidHyperplane,
            Bind = c => HyperplaneProblem(c,
                (w, b, x) => new Hyperplane(w, b).SignedDistance(x),
                (w, b, x) =>
                {
                    var h = new Hyperplane(w, b);
                    return [.. h.SignedDistanceGradientX(), .. h.SignedDistanceGradientWeights(x), h.SignedDistanceGradientBias()];
                },
                TensorHyperplane.SignedDistance,
                TolerancePolicy.SignedDistance,
                TolerancePolicy.SignedDistanceGradient),
            Identities = [ScaleInvariance],
        },
        new()
        {
            Name = "foot",
            Formula = "p = x − d·ŵ, the point of the hyperplane nearest x",
            Reference = "Hyperplane.Foot",
            Twin = "TensorHyperplane.Foot",
            Notes = "w ≠ 0. Values and identities; its derivatives are those of the signed distance and the unit normal.",
            Generator = Inputs.Hyperplane(),
            IsValid = ValidHyperplane,
            Differentiable = false,
            HasHandDerivative = false,
            Bind = c =>
            {
                var (w, b, x) = (c.Vectors[0], c.Scalars[0], c.Vectors[1]);
                var n = w.Length;
                return new Problem
                {
                    Point = Concat(x, w, [b]),
                    Variables = Names(Names("x", n), Names("w", n), ["w₀"]),
                    Reference = t => { var (tx, tw, tb) = HyperplaneParts(t, n); return new Hyperplane(tw, tb).Foot(tx); },
                    Twin = t => TensorHyperplane.Foot(Part(t, n, n), t[2 * n], Part(t, 0, n)),
                    ValueError = t => { var (tx, tw, tb) = HyperplaneParts(t, n); return TolerancePolicy.Foot(tw, tb, tx); },
                };
            },
            Identities = [FootOnHyperplane],
        },
    ];

    private static bool ValidHyperplane(CaseInput c) =>
        CatalogParts.Vectors(c, 2) && c.Scalars.Length == 2 && double.IsFinite(c.Scalars[0]) && c.Scalars[1] > 0 && NonZero(c.Vectors[0]);

    private static (double[] X, double[] W, double Bias) HyperplaneParts(double[] theta, int n) =>
        (theta[..n], theta[n..(2 * n)], theta[2 * n]);

    /// <summary>A scalar function of a hyperplane and a point, differentiated with respect to θ = (x, w, w₀).</summary>
    private static Problem HyperplaneProblem(CaseInput c, Func<double[], double, double[], double> f, Func<double[], double, double[], double[]> gradient,
                                             Func<Tensor, Tensor, Tensor, Tensor> twin, Func<double[], double, double[], Bound> valueError,
                                             Func<double[], double, double[], Bound[]> gradientError)
    {
        var (w, b, x) = (c.Vectors[0], c.Scalars[0], c.Vectors[1]);
        var n = w.Length;
        return Scalar(Concat(x, w, [b]), Names(Names("x", n), Names("w", n), ["w₀"]),
            t => { var (tx, tw, tb) = HyperplaneParts(t, n); return f(tw, tb, tx); },
            t => { var (tx, tw, tb) = HyperplaneParts(t, n); return gradient(tw, tb, tx); },
            t => twin(Part(t, n, n), t[2 * n], Part(t, 0, n)),
            t => { var (tx, tw, tb) = HyperplaneParts(t, n); return valueError(tw, tb, tx); },
            t => { var (tx, tw, tb) = HyperplaneParts(t, n); return gradientError(tw, tb, tx); });
    }

    private static Identity ScaleInvariance => new("scale invariance", "d(c·w, c·w₀; x) = d(w, w₀; x) for c > 0", c =>
    {
        var (w, b, x, scale) = (c.Vectors[0], c.Scalars[0], c.Vectors[1], c.Scalars[1]);
        var bound = TolerancePolicy.ScaleInvariance(w, b, x);
        var cw = w.Select(v => scale * v).ToArray();
        var reference = new Hyperplane(cw, scale * b).SignedDistance(x) - new Hyperplane(w, b).SignedDistance(x);
        var n = w.Length;
        Tensor Twin(Tensor t) => TensorHyperplane.SignedDistance(Part(t, n, n), t[2 * n], Part(t, 0, n));
        var tensor = TwinValue(Twin, [.. x, .. cw, scale * b]) - TwinValue(Twin, [.. x, .. w, b]);
        return [Residual(0, "d(cw, cw₀) − d(w, w₀)", ReferenceSide, reference, bound), Residual(1, "d(cw, cw₀) − d(w, w₀)", TensorSide, tensor, bound)];
    });

    private static Identity FootOnHyperplane => new("foot on the hyperplane", "d(foot(x)) = 0", c =>
    {
        var (w, b, x) = (c.Vectors[0], c.Scalars[0], c.Vectors[1]);
        var bound = TolerancePolicy.FootOnHyperplane(w, b, x);
        var plane = new Hyperplane(w, b);
        var reference = plane.SignedDistance(plane.Foot(x));
        var n = w.Length;
        var foot = Checks.CaseEvaluation.EvaluateTwin(t => TensorHyperplane.Foot(Part(t, n, n), t[2 * n], Part(t, 0, n)), [.. x, .. w, b]);
        var tensor = TwinValue(t => TensorHyperplane.SignedDistance(Part(t, n, n), t[2 * n], Part(t, 0, n)), [.. foot, .. w, b]);
        return [Residual(0, "d(foot)", ReferenceSide, reference, bound), Residual(1, "d(foot)", TensorSide, tensor, bound)];
    });
}
