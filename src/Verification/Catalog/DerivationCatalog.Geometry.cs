using TensorLinear.Autograd;
using TensorLinear.Reference;
using TensorLinear.Verification.Cases;
using TensorLinear.Verification.Exact;
using TensorLinear.Verification.Generators;
using TensorLinear.Verification.Tolerances;
using static TensorLinear.Verification.Catalog.CatalogParts;
using Tensor = TorchSharp.torch.Tensor;

namespace TensorLinear.Verification.Catalog;

// Hyperplanes: Reference.Hyperplane against Autograd.Derivations.TensorHyperplane, differentiated with respect to
// θ = (x, w, w₀), from a HyperplaneCase.
public static partial class DerivationCatalog
{
    private static Derivation[] CreateGeometry(ReferenceFunctions f) =>
    [
        new Derivation<HyperplaneCase>
        {
            Name = EntryNames.HyperplaneScore,
            Formula = "wᵀx + w₀, ∇ = (w, x, 1) in θ = (x, w, w₀)",
            References = [f.HyperplaneScore, f.HyperplaneScoreGradientX, f.HyperplaneScoreGradientWeights, f.HyperplaneScoreGradientBias],
            Twins = [TensorHyperplane.Evaluate],
            Exact = c => ExactGeometry.HyperplaneScore,
            Notes = "w ≠ 0 (a hyperplane needs a normal).",
            Generator = Inputs.Hyperplane(),
            IsValid = ValidHyperplane,
            Bind = c => HyperplaneProblem(c,
                (w, b, x) => f.HyperplaneScore(new Hyperplane(w, b), x),
                (w, b, x) =>
                {
                    var h = new Hyperplane(w, b);
                    return [.. f.HyperplaneScoreGradientX(h), .. f.HyperplaneScoreGradientWeights(h, x), f.HyperplaneScoreGradientBias()];
                },
                TensorHyperplane.Evaluate,
                TolerancePolicy.HyperplaneEvaluate,
                (w, b, x) => TolerancePolicy.HyperplaneEvaluateGradient(w, x)),
        },
        new Derivation<HyperplaneCase>
        {
            Name = EntryNames.SignedDistance,
            Formula = "d = (wᵀx + w₀)/‖w‖₂, ∇ₓ = ŵ, ∇_w = (x − d·ŵ)/‖w‖, ∂/∂w₀ = 1/‖w‖",
            References = [f.SignedDistance, f.SignedDistanceGradientX, f.SignedDistanceGradientWeights, f.SignedDistanceGradientBias],
            Twins = [TensorHyperplane.SignedDistance],
            Exact = c => ExactGeometry.SignedDistance,
            Notes = "w ≠ 0. The signed distance from the hyperplane to a point (the distance between two points is '" + EntryNames.Distance + "').",
            Generator = Inputs.Hyperplane(),
            IsValid = ValidHyperplane,
            Bind = c => HyperplaneProblem(c,
                (w, b, x) => f.SignedDistance(new Hyperplane(w, b), x),
                (w, b, x) =>
                {
                    var h = new Hyperplane(w, b);
                    return [.. f.SignedDistanceGradientX(h), .. f.SignedDistanceGradientWeights(h, x), f.SignedDistanceGradientBias(h)];
                },
                TensorHyperplane.SignedDistance,
                TolerancePolicy.SignedDistance,
                TolerancePolicy.SignedDistanceGradient),
            Identities = [ScaleInvariance(f)],
        },
        new Derivation<HyperplaneCase>
        {
            Name = EntryNames.Foot,
            Formula = "p = x − d·ŵ, the point of the hyperplane nearest x; ∂p/∂x = I − ŵŵᵀ, ∂p/∂w row i = −(ŵᵢx + d·eᵢ − 2d·ŵᵢŵ)/‖w‖, ∂p/∂w₀ = −ŵ/‖w‖",
            References = [f.Foot, f.FootJacobianX, f.FootJacobianWeights, f.FootJacobianBias],
            Twins = [TensorHyperplane.Foot],
            Exact = c => ExactGeometry.Foot,
            Notes = "w ≠ 0.",
            Generator = Inputs.Hyperplane(),
            IsValid = ValidHyperplane,
            Bind = c =>
            {
                var (w, b, x) = (c.Weights, c.Bias, c.X);
                var n = w.Length;
                return new Problem
                {
                    Point = Concat(x, w, [b]),
                    Variables = Names(Names("x", n), Names("w", n), ["w₀"]),
                    Reference = t => { var (tx, tw, tb) = HyperplaneParts(t, n); return f.Foot(new Hyperplane(tw, tb), tx); },
                    Twin = t => TensorHyperplane.Foot(Part(t, n, n), t[2 * n], Part(t, 0, n)),
                    ValueError = t => { var (tx, tw, tb) = HyperplaneParts(t, n); return TolerancePolicy.Foot(tw, tb, tx); },
                    HandJacobian = t =>
                    {
                        var (tx, tw, tb) = HyperplaneParts(t, n);
                        var h = new Hyperplane(tw, tb);
                        return Columns(f.FootJacobianX(h), f.FootJacobianWeights(h, tx), Column(f.FootJacobianBias(h)));
                    },
                    JacobianError = t => { var (tx, tw, tb) = HyperplaneParts(t, n); return TolerancePolicy.FootJacobian(tw, tb, tx); },
                };
            },
            Identities = [FootOnHyperplane(f)],
        },
    ];

    private static bool ValidHyperplane(HyperplaneCase c) => c.IsWellFormed && NonZero(c.Weights);

    private static (double[] X, double[] W, double Bias) HyperplaneParts(double[] theta, int n) =>
        (theta[..n], theta[n..(2 * n)], theta[2 * n]);

    /// <summary>A scalar function of a hyperplane and a point, differentiated with respect to θ = (x, w, w₀).</summary>
    private static Problem HyperplaneProblem(HyperplaneCase c, Func<double[], double, double[], double> f, Func<double[], double, double[], double[]> gradient,
                                             Func<Tensor, Tensor, Tensor, Tensor> twin, Func<double[], double, double[], Bound> valueError,
                                             Func<double[], double, double[], Bound[]> gradientError)
    {
        var (w, b, x) = (c.Weights, c.Bias, c.X);
        var n = w.Length;
        return Scalar(Concat(x, w, [b]), Names(Names("x", n), Names("w", n), ["w₀"]),
            t => { var (tx, tw, tb) = HyperplaneParts(t, n); return f(tw, tb, tx); },
            t => { var (tx, tw, tb) = HyperplaneParts(t, n); return gradient(tw, tb, tx); },
            t => twin(Part(t, n, n), t[2 * n], Part(t, 0, n)),
            t => { var (tx, tw, tb) = HyperplaneParts(t, n); return valueError(tw, tb, tx); },
            t => { var (tx, tw, tb) = HyperplaneParts(t, n); return gradientError(tw, tb, tx); });
    }

    private static Identity ScaleInvariance(ReferenceFunctions f) => Identity.Of<HyperplaneCase>("scale invariance", "d(c·w, c·w₀; x) = d(w, w₀; x) for c > 0", c =>
    {
        var (w, b, x, scale) = (c.Weights, c.Bias, c.X, c.Scale);
        var bound = TolerancePolicy.ScaleInvariance(w, b, x);
        var cw = w.Select(v => scale * v).ToArray();
        var reference = f.SignedDistance(new Hyperplane(cw, scale * b), x) - f.SignedDistance(new Hyperplane(w, b), x);
        var n = w.Length;
        Tensor Twin(Tensor t) => TensorHyperplane.SignedDistance(Part(t, n, n), t[2 * n], Part(t, 0, n));
        var tensor = TwinValue(Twin, [.. x, .. cw, scale * b]) - TwinValue(Twin, [.. x, .. w, b]);
        return [Residual(0, "d(cw, cw₀) − d(w, w₀)", ReferenceSide, reference, bound), Residual(1, "d(cw, cw₀) − d(w, w₀)", TensorSide, tensor, bound)];
    });

    private static Identity FootOnHyperplane(ReferenceFunctions f) => Identity.Of<HyperplaneCase>("foot on the hyperplane", "d(foot(x)) = 0", c =>
    {
        var (w, b, x) = (c.Weights, c.Bias, c.X);
        var bound = TolerancePolicy.FootOnHyperplane(w, b, x);
        var plane = new Hyperplane(w, b);
        var reference = f.SignedDistance(plane, f.Foot(plane, x));
        var n = w.Length;
        var foot = Checks.CaseEvaluation.EvaluateTwin(t => TensorHyperplane.Foot(Part(t, n, n), t[2 * n], Part(t, 0, n)), [.. x, .. w, b]);
        var tensor = TwinValue(t => TensorHyperplane.SignedDistance(Part(t, n, n), t[2 * n], Part(t, 0, n)), [.. foot, .. w, b]);
        return [Residual(0, "d(foot)", ReferenceSide, reference, bound), Residual(1, "d(foot)", TensorSide, tensor, bound)];
    });
}
