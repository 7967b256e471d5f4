using TensorLinear.Data;
using TensorLinear.Models;

namespace TensorLinear.MaxMargin;

/// <summary>
/// How far a maximum-margin solution (w, b, α) is from satisfying the Karush–Kuhn–Tucker conditions, each residual
/// relative to the size of the terms it is made of, so that the numbers are independent of the data's units and
/// "to rounding" means a small multiple of the unit roundoff 1.1e-16. The KKT conditions are necessary and
/// sufficient for this convex problem: all of them zero is a proof of optimality.
/// </summary>
/// <param name="PrimalFeasibility">max ᵢ max(0, 1 − yᵢsᵢ) over the score scale, sᵢ = wᵀxᵢ + b (hard margin; the soft
/// margin's slacks ξᵢ = max(0, 1 − yᵢsᵢ) make it feasible by construction, so 0 there).</param>
/// <param name="DualFeasibility">How far an αᵢ is below 0 (or, for the soft margin, above C), over max αᵢ.</param>
/// <param name="ComplementarySlackness">max ᵢ of αᵢ·|yᵢsᵢ − 1 + ξᵢ| and (C − αᵢ)·ξᵢ, over max α (or C) and the score scale:
/// a multiplier is non-zero only on the margin, and a slack only where the multiplier is at its bound C.</param>
/// <param name="Stationarity">‖w − Σᵢ αᵢyᵢxᵢ‖₂ over ‖w‖ + Σᵢ αᵢ‖xᵢ‖₂: ∂L/∂w = 0.</param>
/// <param name="BiasStationarity">|Σᵢ αᵢyᵢ| over Σᵢ αᵢ: ∂L/∂b = 0.</param>
/// <param name="PrimalObjective">P = ½‖w‖² (+ C Σᵢ ξᵢ for the soft margin).</param>
/// <param name="DualObjective">D = Σᵢ αᵢ − ½‖Σᵢ αᵢyᵢxᵢ‖², a lower bound on the optimum for any feasible α.</param>
/// <param name="RelativeDualityGap">(P − D)/P: P − P* ≤ P − D, so this bounds the relative suboptimality.</param>
/// <param name="ScoreScale">The scale of the scores the residuals are relative to: ‖w‖·max‖xᵢ‖ + |b|, at least 1.</param>
public sealed record KktResiduals(
    double PrimalFeasibility,
    double DualFeasibility,
    double ComplementarySlackness,
    double Stationarity,
    double BiasStationarity,
    double PrimalObjective,
    double DualObjective,
    double RelativeDualityGap,
    double ScoreScale)
{
    /// <summary>The largest of the five KKT residuals and |the relative duality gap|.</summary>
    public double Largest => new[] { PrimalFeasibility, DualFeasibility, ComplementarySlackness, Stationarity, BiasStationarity, Math.Abs(RelativeDualityGap) }.Max();

    /// <summary>
    /// Measures the conditions for the model and multipliers on data with ±1 targets, in plain double arithmetic, the
    /// same for both engines' solutions: the certificate is independent of how the solution was found.
    /// </summary>
    /// <param name="data">The rows and their ±1 labels.</param>
    /// <param name="model">The hyperplane (w, b).</param>
    /// <param name="alpha">The multipliers, one per row.</param>
    /// <param name="c">The soft margin's C, or +∞ for the hard margin.</param>
    /// <exception cref="DimensionMismatchException">A weight or multiplier count that does not fit the data.</exception>
    public static KktResiduals Measure(DataSet data, LinearModel model, ReadOnlySpan<double> alpha, double c)
    {
        Numerics.Check.ModelFits(data, model);
        Numerics.Check.SameLength(data.RowCount, nameof(data), alpha.Length, nameof(alpha));
        int n = data.RowCount, d = data.FeatureCount;
        var x = data.Features.Span;
        var y = data.Targets.Span;
        var w = model.Weights.AsSpan();
        var hard = double.IsPositiveInfinity(c);

        double radius = 0.0, alphaSum = 0.0, alphaMax = 0.0, alphaNorms = 0.0, alphaY = 0.0, lowest = 0.0;
        var combination = new double[d]; // Σᵢ αᵢyᵢxᵢ
        for (var i = 0; i < n; i++)
        {
            var row = x.Slice(i * d, d);
            var norm = Norm(row);
            radius = Math.Max(radius, norm);
            alphaSum += alpha[i];
            alphaMax = Math.Max(alphaMax, alpha[i]);
            alphaNorms += Math.Abs(alpha[i]) * norm;
            alphaY += alpha[i] * y[i];
            lowest = Math.Max(lowest, Math.Max(-alpha[i], hard ? 0.0 : alpha[i] - c));
            for (var j = 0; j < d; j++) combination[j] += alpha[i] * y[i] * row[j];
        }
        var wNorm = Norm(w);
        var scoreScale = Math.Max(1.0, wNorm * radius + Math.Abs(model.Bias));

        double primal = 0.0, slackness = 0.0, hinge = 0.0;
        var alphaScale = Math.Max(alphaMax, hard ? 0.0 : c);
        for (var i = 0; i < n; i++)
        {
            var row = x.Slice(i * d, d);
            var s = model.Bias;
            for (var j = 0; j < d; j++) s += w[j] * row[j];
            var m = y[i] * s;                     // the functional margin yᵢ(wᵀxᵢ + b)
            var xi = Math.Max(0.0, 1.0 - m);      // the slack ξᵢ
            if (hard) primal = Math.Max(primal, xi / scoreScale);
            else hinge += xi;
            var onMargin = alphaScale == 0.0 ? 0.0 : Math.Abs(alpha[i]) / alphaScale * Math.Abs(m - 1.0 + (hard ? 0.0 : xi));
            var slackAtBound = hard ? 0.0 : (c - alpha[i]) / c * xi;
            slackness = Math.Max(slackness, Math.Max(onMargin, slackAtBound) / scoreScale);
        }

        var residual = new double[d];
        for (var j = 0; j < d; j++) residual[j] = w[j] - combination[j];
        var stationarity = Norm(residual) / Math.Max(wNorm + alphaNorms, double.Epsilon);
        var biasStationarity = alphaSum == 0.0 ? 0.0 : Math.Abs(alphaY) / alphaSum;

        var combinationNorm = Norm(combination);
        var primalObjective = 0.5 * wNorm * wNorm + (hard ? 0.0 : c * hinge);
        var dualObjective = alphaSum - 0.5 * combinationNorm * combinationNorm;
        var gap = primalObjective == 0.0 ? 0.0 : (primalObjective - dualObjective) / primalObjective;
        return new KktResiduals(primal, alphaMax == 0.0 ? 0.0 : lowest / alphaMax, slackness, stationarity, biasStationarity,
            primalObjective, dualObjective, gap, scoreScale);
    }

    // ‖v‖₂ scaled by its largest component, so that no square overflows or underflows.
    private static double Norm(ReadOnlySpan<double> v)
    {
        var largest = 0.0;
        foreach (var e in v) largest = Math.Max(largest, Math.Abs(e));
        if (largest == 0.0) return 0.0;
        var sum = 0.0;
        foreach (var e in v) sum += e / largest * (e / largest);
        return largest * Math.Sqrt(sum);
    }
}
