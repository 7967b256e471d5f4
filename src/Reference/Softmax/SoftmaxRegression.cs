using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Models;
using TensorLinear.Softmax;

namespace TensorLinear.Reference.Softmax;

/// <summary>
/// Multinomial (softmax) logistic regression over k ≥ 2 classes with class 0 as the reference category: the
/// probabilities, the mean cross-entropy loss and its gradient and Hessian, derived in
/// <c>docs/derivations/softmax-regression.md</c>.
/// </summary>
/// <remarks>
/// The targets must be the labels 0 … k−1, k the model's <see cref="SoftmaxModel.ClassCount"/>. Row i has logits
/// z_ic = w_cᵀxᵢ + b_c (z_i0 = 0) and aᵢ = (xᵢ, 1); θ is the blocks (w_c, b_c) of c = 1 … k−1
/// (<see cref="SoftmaxModel.ToParameterVector"/>). Every function takes the penalty λ₂‖W‖² + λ₁‖W‖₁ on the weights
/// (none when omitted); the biases are never penalised. With k = 2 each function is the logistic one. For weighted data
/// every mean (1/n)Σᵢ is the weighted mean (1/Σωᵢ)Σᵢωᵢ (docs/derivations/weights.md).
/// </remarks>
public static class SoftmaxRegression
{
    /// <summary>The n×k probabilities P(class c | xᵢ) = e^{z_ic} / Σ_m e^{z_im} (the targets are not read).</summary>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature and class.</exception>
    public static double[,] Probabilities(DataSet data, SoftmaxModel model)
    {
        SoftmaxRows.Validate(data, model, Penalty.None, requireLabels: false);
        int n = data.RowCount, k = model.ClassCount;
        var probabilities = new double[n, k];
        Span<double> z = stackalloc double[k], p = stackalloc double[k];
        for (var i = 0; i < n; i++)
        {
            SoftmaxRows.Logits(data, model, i, z);
            SoftmaxRows.Softmax(z, p);
            for (var c = 0; c < k; c++) probabilities[i, c] = p[c];
        }
        return probabilities;
    }

    /// <summary>The predicted class of each row, argmax_c z_ic (the lowest class at a tie; the targets are not read).</summary>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature and class.</exception>
    // Deciding on the logits rather than on rounded probabilities keeps the boundaries exact.
    public static int[] Classify(DataSet data, SoftmaxModel model)
    {
        SoftmaxRows.Validate(data, model, Penalty.None, requireLabels: false);
        var classes = new int[data.RowCount];
        Span<double> z = stackalloc double[model.ClassCount];
        for (var i = 0; i < classes.Length; i++)
        {
            SoftmaxRows.Logits(data, model, i, z);
            var top = 0;
            for (var c = 1; c < z.Length; c++) if (z[c] > z[top]) top = c;
            classes[i] = top;
        }
        return classes;
    }

    /// <summary>The loss (1/n) Σᵢ [log Σ_c e^{z_ic} − z_{i,yᵢ}] + λ₂‖W‖² + λ₁‖W‖₁.</summary>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature and class.</exception>
    /// <exception cref="OutOfDomainException">A label is not one of 0 … k−1, or the logits overflow.</exception>
    public static double Loss(DataSet data, SoftmaxModel model, Penalty? penalty = null)
    {
        penalty ??= Penalty.None;
        SoftmaxRows.Validate(data, model, penalty);
        var y = data.Targets.Span;
        Span<double> z = stackalloc double[model.ClassCount], p = stackalloc double[model.ClassCount];
        var sum = 0.0;
        for (var i = 0; i < data.RowCount; i++)
        {
            SoftmaxRows.Logits(data, model, i, z);
            sum += data.SampleWeight(i) * SoftmaxRows.RowLoss(z, (int)y[i], SoftmaxRows.Softmax(z, p));
        }
        return SoftmaxRows.Finite(sum / data.SampleWeightSum + PenaltyTerm.Value(penalty, model.Weights.AsSpan()), "loss");
    }

    /// <summary>
    /// ∇L over θ: the block of class c is (1/n) Σᵢ (p_ic − [yᵢ = c]) aᵢ, plus 2λ₂w_c + λ₁·sign(w_c) on its weights
    /// (sign(0) = 0).
    /// </summary>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature and class.</exception>
    /// <exception cref="OutOfDomainException">A label is not one of 0 … k−1, or the logits overflow.</exception>
    // ∂ℓᵢ/∂z_ic = p_ic − [yᵢ = c] (the derivative of log Σ e^{z} is softmax(z)), through ∂z_ic/∂(w_c, b_c) = aᵢ.
    public static double[] Gradient(DataSet data, SoftmaxModel model, Penalty? penalty = null)
    {
        penalty ??= Penalty.None;
        SoftmaxRows.Validate(data, model, penalty);
        int n = data.RowCount, d = data.FeatureCount, k = model.ClassCount, block = d + 1;
        var y = data.Targets.Span;
        var gradient = new double[model.ParameterCount];
        Span<double> z = stackalloc double[k], p = stackalloc double[k];
        for (var i = 0; i < n; i++)
        {
            SoftmaxRows.Logits(data, model, i, z);
            SoftmaxRows.Softmax(z, p);
            var x = data.Features.Span.Slice(i * d, d);
            for (var c = 1; c < k; c++)
            {
                var slope = data.SampleWeight(i) * (y[i] == c ? -SoftmaxRows.SumExcept(p, c) : p[c]); // ωᵢ(p_ic − [yᵢ = c])
                var g = gradient.AsSpan((c - 1) * block, block);
                for (var j = 0; j < d; j++) g[j] += slope * x[j];  // ·xᵢ
                g[d] += slope;                                     // ·1
            }
        }
        for (var t = 0; t < gradient.Length; t++) gradient[t] /= data.SampleWeightSum;
        for (var c = 1; c < k; c++)
        {
            var g = gradient.AsSpan((c - 1) * block, d);
            PenaltyTerm.AddRidgeGradient(penalty.L2, SoftmaxRows.ClassWeights(model, c), g);
            PenaltyTerm.AddLassoSubgradient(penalty.L1, SoftmaxRows.ClassWeights(model, c), g);
        }
        foreach (var v in gradient) SoftmaxRows.Finite(v, "gradient");
        return gradient;
    }

    /// <summary>
    /// ∇²L over θ of the smooth part: the (c, c′) block is (1/n) Σᵢ p_ic(δ_cc′ − p_ic′) aᵢaᵢᵀ, i.e.
    /// (1/n) Σᵢ (diag(pᵢ) − pᵢpᵢᵀ) ⊗ aᵢaᵢᵀ over the non-reference classes, plus 2λ₂ on the weights' diagonal.
    /// </summary>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature and class.</exception>
    /// <exception cref="OutOfDomainException">A label is not one of 0 … k−1, or the logits overflow.</exception>
    // ∂(p_ic − [yᵢ = c])/∂z_ic′ = p_ic(δ_cc′ − p_ic′), through ∂z_ic′/∂(w_c′, b_c′) = aᵢ; z is linear in θ, so no second term.
    // The labels do not enter (they are checked so that the three functions share one domain).
    public static double[,] Hessian(DataSet data, SoftmaxModel model, Penalty? penalty = null)
    {
        penalty ??= Penalty.None;
        SoftmaxRows.Validate(data, model, penalty);
        int n = data.RowCount, d = data.FeatureCount, k = model.ClassCount, block = d + 1;
        var size = model.ParameterCount;
        var hessian = new double[size, size];
        Span<double> z = stackalloc double[k], p = stackalloc double[k], a = stackalloc double[block];
        for (var i = 0; i < n; i++)
        {
            SoftmaxRows.Logits(data, model, i, z);
            SoftmaxRows.Softmax(z, p);
            data.Features.Span.Slice(i * d, d).CopyTo(a);
            a[d] = 1.0; // aᵢ = (xᵢ, 1)
            for (var c = 1; c < k; c++)
                for (var e = c; e < k; e++)
                {
                    var weight = data.SampleWeight(i) * (c == e ? p[c] * SoftmaxRows.SumExcept(p, c) : -p[c] * p[e]); // ωᵢp_ic(δ_ce − p_ie)
                    int row = (c - 1) * block, column = (e - 1) * block;
                    for (var j = 0; j < block; j++)
                        for (var m = 0; m < block; m++) hessian[row + j, column + m] += weight * a[j] * a[m];
                }
        }
        for (var r = 0; r < size; r++)
            for (var s = r; s < size; s++)
            {
                hessian[r, s] /= data.SampleWeightSum;
                hessian[s, r] = hessian[r, s]; // the (e, c) blocks are the transposes of the (c, e) blocks computed above
            }
        for (var c = 1; c < k; c++)
            for (var j = 0; j < d; j++) hessian[(c - 1) * block + j, (c - 1) * block + j] += 2.0 * penalty.L2; // ∂²λ₂w²/∂w² = 2λ₂
        foreach (var h in hessian) SoftmaxRows.Finite(h, "Hessian");
        return hessian;
    }
}
