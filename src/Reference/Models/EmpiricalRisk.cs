using TensorLinear.Numerics;
using System.Runtime.CompilerServices;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Losses;

namespace TensorLinear.Reference.Models;

/// <summary>
/// The penalised mean loss of a linear score, L(θ) = (1/n) Σᵢ ℓ(zᵢ, yᵢ) + λ₂‖w‖₂² + λ₁‖w‖₁ with zᵢ = wᵀxᵢ + b and
/// θ = (w₁, …, w_d, b), and its derivatives, for any row loss ℓ; for weighted data the mean is (1/Σωᵢ) Σᵢ ωᵢℓ(zᵢ, yᵢ).
/// </summary>
/// <remarks>
/// The derivation is done once here by the chain rule through zᵢ, whose derivatives are ∂zᵢ/∂w = xᵢ and ∂zᵢ/∂b = 1,
/// i.e. ∂zᵢ/∂θ = aᵢ = (xᵢ, 1):
/// ∇L = (1/n) Σ ℓ′(zᵢ, yᵢ) aᵢ and ∇²L = (1/n) Σ ℓ″(zᵢ, yᵢ) aᵢaᵢᵀ (zᵢ is linear in θ, so no second term); a row
/// weight ωᵢ multiplies each row's term and Σωᵢ replaces n. Unweighted data have ωᵢ = 1 and Σωᵢ = n exactly, so the
/// one code path gives the unweighted results to the bit.
/// Each loss supplies ℓ, ℓ′ and ℓ″ (<see cref="IPointwiseLoss"/>). The public facades
/// <see cref="LinearRegression"/> and <see cref="LogisticRegression"/> name the results in their own terms.
/// </remarks>
internal static class EmpiricalRisk<TLoss> where TLoss : struct, IPointwiseLoss
{
    /// <summary>The penalised mean loss.</summary>
    public static double Loss(DataSet data, LinearModel model, Penalty penalty)
    {
        var theta = Validate(data, model, penalty);
        var scores = Scores(data, theta);
        var targets = data.Targets.Span;
        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++) sum += data.SampleWeight(i) * TLoss.Value(scores[i], targets[i]);
        return Finite(sum / data.SampleWeightSum + PenaltyTerm.Value(penalty, Weights(theta)), "loss");
    }

    /// <summary>∇L, the L1 term contributing its subgradient λ₁·sign(w).</summary>
    public static ModelGradient Gradient(DataSet data, LinearModel model, Penalty penalty)
    {
        var theta = Validate(data, model, penalty);
        var gradient = new double[theta.Length];
        DataLossAndGradient(data, theta, gradient);
        PenaltyTerm.AddRidgeGradient(penalty.L2, Weights(theta), gradient);
        PenaltyTerm.AddLassoSubgradient(penalty.L1, Weights(theta), gradient);
        foreach (var g in gradient) Finite(g, "gradient");
        return ModelGradient.FromParameterVector(gradient);
    }

    /// <summary>∇²L of the smooth part: (1/Σωᵢ) Σ ωᵢℓ″(zᵢ, yᵢ) aᵢaᵢᵀ + 2λ₂ on the weight diagonal.</summary>
    public static double[,] Hessian(DataSet data, LinearModel model, Penalty penalty)
    {
        var theta = Validate(data, model, penalty);
        var scores = Scores(data, theta);
        var targets = data.Targets.Span;
        var curvatures = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++) curvatures[i] = data.SampleWeight(i) * TLoss.Curvature(scores[i], targets[i]);
        var hessian = MeanWeightedGram(data, curvatures);
        PenaltyTerm.AddRidgeCurvature(penalty.L2, hessian, data.FeatureCount);
        foreach (var h in hessian) Finite(h, "Hessian");
        return hessian;
    }

    /// <summary>
    /// A matrix B with ∇²L(θ) ≼ B at every θ: (c/Σωᵢ) Σ ωᵢaᵢaᵢᵀ + 2λ₂ on the weight diagonal, c = sup ℓ″. Because each
    /// ℓ″(zᵢ, yᵢ) ≤ c and ωᵢaᵢaᵢᵀ ≽ 0, B − ∇²L(θ) = (1/Σωᵢ) Σ ωᵢ(c − ℓ″ᵢ) aᵢaᵢᵀ ≽ 0. For squared error ℓ″ ≡ c, so B is
    /// the Hessian.
    /// </summary>
    public static double[,] HessianBound(DataSet data, double l2)
    {
        var curvatures = new double[data.RowCount];
        for (var i = 0; i < curvatures.Length; i++) curvatures[i] = data.SampleWeight(i) * TLoss.MaxCurvature;
        var bound = MeanWeightedGram(data, curvatures);
        PenaltyTerm.AddRidgeCurvature(l2, bound, data.FeatureCount);
        return bound;
    }

    /// <summary>
    /// The unpenalised mean loss (1/Σωᵢ) Σ ωᵢℓ(zᵢ, yᵢ), returned, and its gradient (1/Σωᵢ) Σ ωᵢℓ′(zᵢ, yᵢ)(xᵢ, 1), written to
    /// <paramref name="gradient"/>, in one pass over the rows: each row's score, slope and contribution are computed
    /// while the row is in cache. No checks: training calls this every epoch and its monitor judges the result.
    /// </summary>
    public static double DataLossAndGradient(DataSet data, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        var x = data.Features.Span;
        var y = data.Targets.Span;
        int n = data.RowCount, d = data.FeatureCount;
        var total = data.SampleWeightSum;
        gradient.Clear();
        var weightGradient = gradient[..d];
        double loss = 0.0, biasGradient = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = x.Slice(i * d, d);
            var z = Score(row, theta);
            var weight = data.SampleWeight(i);
            loss += weight * TLoss.Value(z, y[i]);
            var slope = weight * TLoss.Slope(z, y[i]);
            for (var j = 0; j < row.Length; j++) weightGradient[j] += slope * row[j]; // ωᵢℓ′ᵢ·xᵢ
            biasGradient += slope;                                                     // ωᵢℓ′ᵢ·1
        }
        for (var j = 0; j < d; j++) weightGradient[j] /= total;
        gradient[d] = biasGradient / total;
        return loss / total;
    }

    /// <summary>The scores z = Xw + b of a model checked against the data, each finite.</summary>
    /// <exception cref="DimensionMismatchException">The model's weight count differs from the data's feature count.</exception>
    /// <exception cref="OutOfDomainException">A score overflows.</exception>
    public static double[] CheckedScores(DataSet data, LinearModel model)
    {
        var scores = Scores(data, ValidateModel(data, model));
        foreach (var z in scores) Finite(z, "score");
        return scores;
    }

    /// <summary>The scores z = Xw + b, one per row.</summary>
    public static double[] Scores(DataSet data, ReadOnlySpan<double> theta)
    {
        var x = data.Features.Span;
        int n = data.RowCount, d = data.FeatureCount;
        var scores = new double[n];
        for (var i = 0; i < n; i++) scores[i] = Score(x.Slice(i * d, d), theta);
        return scores;
    }

    /// <summary>Checks the arguments every loss derivative shares and returns θ = (w, b).</summary>
    /// <exception cref="DimensionMismatchException">The model's weight count differs from the data's feature count.</exception>
    /// <exception cref="OutOfDomainException">Targets outside the loss's domain (labels not 0/1 for log-loss).</exception>
    public static double[] Validate(DataSet data, LinearModel model, Penalty penalty, string modelName = "model")
    {
        ArgumentNullException.ThrowIfNull(penalty);
        var theta = ValidateModel(data, model, modelName);
        TLoss.CheckTargets(data.Targets.Span, nameof(data));
        return theta;
    }

    /// <summary>Checks a model against the data's shape (all a prediction needs) and returns θ = (w, b).</summary>
    /// <exception cref="DimensionMismatchException">The model's weight count differs from the data's feature count.</exception>
    public static double[] ValidateModel(DataSet data, LinearModel model, string modelName = "model")
    {
        Check.ModelFits(data, model, modelName);
        return model.ToParameterVector();
    }

    // zᵢ = b + Σⱼ xᵢⱼwⱼ. The one place a score is formed, so every function sees bit-identical scores.
    // Four partial sums (over j ≡ 0, 1, 2, 3 mod 4) instead of one: each addition to a single sum must wait for the one
    // before it, and four independent chains let the processor overlap them, which makes the training epoch about
    // 1.5× faster. Only the order of the additions changes, and with it nothing but the rounding (still within γ_d).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Score(ReadOnlySpan<double> row, ReadOnlySpan<double> theta)
    {
        var w = theta[..row.Length];
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        var j = 0;
        for (; j + 3 < row.Length; j += 4)
        {
            s0 += row[j] * w[j];
            s1 += row[j + 1] * w[j + 1];
            s2 += row[j + 2] * w[j + 2];
            s3 += row[j + 3] * w[j + 3];
        }
        for (; j < row.Length; j++) s0 += row[j] * w[j];
        return theta[row.Length] + ((s0 + s1) + (s2 + s3));
    }

    // (1/Σωᵢ) Σ cᵢ aᵢaᵢᵀ with aᵢ = (xᵢ, 1), the cᵢ already carrying the row weights. The upper triangle of the weight block is accumulated row by row into a flat
    // array, each of its rows a contiguous span (the n·d²/2 multiply-adds dominate, and spans keep them free of
    // bounds checks); the bias row and column are Σ cᵢxᵢ and Σ cᵢ.
    private static double[,] MeanWeightedGram(DataSet data, double[] weights)
    {
        var x = data.Features.Span;
        int n = data.RowCount, d = data.FeatureCount;
        var total = data.SampleWeightSum;
        var upper = new double[d * d];
        var biasColumn = new double[d];
        var biasCorner = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = x.Slice(i * d, d);
            for (var j = 0; j < d; j++)
            {
                var cx = weights[i] * row[j];
                var target = upper.AsSpan(j * d + j, d - j);
                var tail = row[j..];
                for (var k = 0; k < tail.Length; k++) target[k] += cx * tail[k]; // cᵢxᵢⱼxᵢₖ for k ≥ j
                biasColumn[j] += cx;                                              // cᵢxᵢⱼ·1
            }
            biasCorner += weights[i];                                             // cᵢ·1·1
        }
        var gram = new double[d + 1, d + 1];
        for (var j = 0; j < d; j++)
        {
            for (var k = j; k < d; k++) gram[j, k] = gram[k, j] = upper[j * d + k] / total;
            gram[j, d] = gram[d, j] = biasColumn[j] / total;
        }
        gram[d, d] = biasCorner / total;
        return gram;
    }

    private static ReadOnlySpan<double> Weights(double[] theta) => theta.AsSpan(0, theta.Length - 1);

    // Finite data and a finite model can still overflow (wᵀx or a squared residual beyond 1.8e308); say so rather than
    // return ∞ or NaN.
    private static double Finite(double value, string what) =>
        double.IsFinite(value)
            ? value
            : throw new OutOfDomainException("model", FormattableString.Invariant($"the {what} is {value}: the scores wᵀx + b, or the loss built from them, overflow double range for these features and weights; scale one or the other"));
}
