using TensorLinear.Data;
using TensorLinear.MaxMargin;
using TensorLinear.Models;
using TensorLinear.Numerics;

namespace TensorLinear.Reference.MaxMargin;

/// <summary>
/// The maximum-margin line (hyperplane) of two classes labelled ±1, derived in docs/derivations/max-margin.md: the
/// dual solved by pair-coordinate descent to a certified gap, then made exact by an active-set solve on the support
/// vectors, then certified by the KKT conditions measured on the result. The mathematics comes from an
/// <see cref="IMarginDual"/> — the reference's by default, libtorch's for the torch engine — so that the same method
/// runs on both engines.
/// </summary>
public static class MaxMarginSolver
{
    /// <summary>
    /// A polished solution is accepted when every KKT residual and the relative duality gap are at most this: far above
    /// the rounding a well-conditioned active set leaves (about κ·u ≈ 1e-14), far below any real violation.
    /// </summary>
    public const double AcceptedResidual = 1e-9;

    /// <summary>
    /// The hard margin: minimise ½‖w‖² subject to yᵢ(wᵀxᵢ + b) ≥ 1, equivalently maximise the smallest signed distance
    /// of a row to the hyperplane on its own side (the loss −distance of the seed). Exact to rounding on separable data.
    /// </summary>
    /// <param name="data">Rows and ±1 labels.</param>
    /// <param name="dual">The engine's mathematics on the same data; the reference's when null.</param>
    /// <param name="options">The dual method's tolerance and iteration limit.</param>
    /// <exception cref="OutOfDomainException">A label is not ±1, sample weights, or an option is out of range.</exception>
    /// <exception cref="DegenerateInputException">One class only.</exception>
    /// <exception cref="NotSeparableException">The classes' convex hulls meet: no hyperplane separates them.</exception>
    public static MaxMarginFit FitHardMargin(DataSet data, IMarginDual? dual = null, MaxMarginOptions? options = null)
    {
        var (x, y, radius, opts) = Prepare(data, options);
        using var owned = dual is null ? new ReferenceMarginDual(data) : null;
        var engine = dual ?? owned!;
        var hull = PairwiseDualDescent.NearestPoints(x, y, engine, opts, radius);
        // From the nearest points p − q = z of the hulls to the canonical hyperplane: w = 2z/‖z‖², so that the slab
        // between the classes has half-width 1/‖w‖ = ‖z‖/2, and α = 2μ/‖z‖² (w = Σ αᵢyᵢxᵢ).
        var zz = hull.Alpha.Zip(hull.Gradient, (m, g) => m * g).Sum();
        var alpha = hull.Alpha.Select(m => 2.0 * m / zz).ToArray();
        return Finish(data, engine, y, alpha, hull.Bias, double.PositiveInfinity, hull.Iterations, radius);
    }

    /// <summary>
    /// The soft margin: minimise ½‖w‖² + C Σᵢ max(0, 1 − yᵢ(wᵀxᵢ + b)) (<see cref="SoftMarginObjective"/>), for any
    /// data with both classes, by the dual with 0 ≤ αᵢ ≤ C, to a certified duality gap, then polished.
    /// </summary>
    /// <param name="data">Rows and ±1 labels.</param>
    /// <param name="c">C &gt; 0: the price of a unit of hinge loss against ½‖w‖².</param>
    /// <param name="dual">The engine's mathematics on the same data; the reference's when null.</param>
    /// <param name="options">The dual method's tolerance and iteration limit.</param>
    /// <exception cref="OutOfDomainException">C is not finite and &gt; 0, a label is not ±1, sample weights, or an option is out of range.</exception>
    /// <exception cref="DegenerateInputException">One class only, or an optimum with w = 0 (C too small for any direction to pay).</exception>
    public static MaxMarginFit FitSoftMargin(DataSet data, double c, IMarginDual? dual = null, MaxMarginOptions? options = null)
    {
        Check.Positive(c, nameof(c));
        var (x, y, radius, opts) = Prepare(data, options);
        using var owned = dual is null ? new ReferenceMarginDual(data) : null;
        var engine = dual ?? owned!;
        var run = PairwiseDualDescent.SoftMargin(x, y, c, engine, opts);
        return Finish(data, engine, y, run.Alpha, run.Bias, c, run.Iterations, radius);
    }

    private static (double[][] X, double[] Y, double Radius, MaxMarginOptions Options) Prepare(DataSet data, MaxMarginOptions? options)
    {
        MarginLabels.Check(data);
        if (data.IsWeighted)
            throw new OutOfDomainException(nameof(data), "has sample weights; the max-margin fits take none (a hard margin is set by its support vectors alone)");
        var opts = options ?? MaxMarginOptions.Default;
        opts.Validate();
        var x = data.ToRows();
        var radius = x.Max(Vector.Norm2);
        if (radius == 0.0) throw new DegenerateInputException(nameof(data), "every row is the origin; the classes share their one point and cannot be separated");
        return (x, data.TargetArray(), radius, opts);
    }

    // The dual method's iterate, polished when the active-set solve succeeds and certifies; the iterate itself otherwise.
    private static MaxMarginFit Finish(DataSet data, IMarginDual dual, double[] y, double[] alpha, double bias, double c, int iterations, double radius)
    {
        var kind = double.IsPositiveInfinity(c) ? MarginKind.Hard : MarginKind.Soft;
        var polished = ActiveSetPolish.Run(dual, y, alpha, c, AcceptedResidual, radius);
        if (polished is not null)
        {
            var exact = Build(data, dual, kind, c, polished.Alpha, polished.Weights, polished.Bias, iterations, true, polished.ConditionNumber);
            if (exact.Kkt.Largest <= AcceptedResidual) return exact;
        }
        return Build(data, dual, kind, c, alpha, dual.Weights(alpha), bias, iterations, false, null);
    }

    private static MaxMarginFit Build(DataSet data, IMarginDual dual, MarginKind kind, double c, double[] alpha, double[] w, double bias,
                                      int iterations, bool polished, double? condition)
    {
        if (w.All(e => e == 0.0))
            throw new DegenerateInputException("C", FormattableString.Invariant($"is {c}; at this C the optimum is w = 0, every row inside the margin, and there is no line; raise C"));
        var model = new LinearModel(w, bias);
        // Each row's distance by the engine's own hyperplane (Hyperplane.SignedDistance, or its tensor twin).
        var distances = dual.SignedDistances(model);
        var y = data.Targets.Span;
        var geometric = double.PositiveInfinity;
        for (var i = 0; i < distances.Length; i++) geometric = Math.Min(geometric, y[i] * distances[i]);
        var support = Enumerable.Range(0, alpha.Length).Where(i => alpha[i] > 0.0).ToArray();
        return new MaxMarginFit(dual.Name, kind, c, model, [.. alpha], [.. support], [.. distances],
            1.0 / Vector.Norm2(w), geometric, KktResiduals.Measure(data, model, alpha, c), iterations, polished, condition);
    }
}
