using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using TensorLinear.Softmax;

namespace TensorLinear.Reference.Softmax;

/// <summary>
/// One row of a softmax model at a time: its k logits z = (0, w₁ᵀx + b₁, …), their log-sum-exp and the class
/// probabilities, each computed shifted by the largest logit so that nothing overflows; and the checks every softmax
/// function begins with.
/// </summary>
internal static class SoftmaxRows
{
    /// <summary>Checks the model against the data (one weight per feature and class) and the labels (0 … k−1).</summary>
    /// <exception cref="DimensionMismatchException">The model's feature count differs from the data's.</exception>
    /// <exception cref="OutOfDomainException">A label is not one of 0 … k−1.</exception>
    public static void Validate(DataSet data, SoftmaxModel model, Penalty penalty, bool requireLabels = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(penalty);
        if (model.FeatureCount != data.FeatureCount)
            throw new DimensionMismatchException(nameof(model), $"has {model.FeatureCount} weights per class but the data set has {data.FeatureCount} features; a softmax model needs one weight per feature and class");
        if (requireLabels) Check.ClassLabels(data.Targets.Span, model.ClassCount, nameof(data));
    }

    /// <summary>The logits of row i into <paramref name="z"/> (length k): z₀ = 0, z_c = w_cᵀxᵢ + b_c.</summary>
    public static void Logits(DataSet data, SoftmaxModel model, int i, Span<double> z)
    {
        var d = data.FeatureCount;
        var x = data.Features.Span.Slice(i * d, d);
        var w = model.Weights.AsSpan();
        z[0] = 0.0; // the reference class
        for (var c = 1; c < z.Length; c++)
        {
            var s = model.Biases[c - 1];
            var wc = w.Slice((c - 1) * d, d);
            for (var j = 0; j < d; j++) s += wc[j] * x[j];
            z[c] = s;
        }
    }

    /// <summary>
    /// Writes pᵢ = softmax(zᵢ) into <paramref name="p"/> and returns the row's log-sum-exp as two parts: with
    /// m = max_c z_c and s = Σ_{c ≠ argmax} e^{z_c − m}, log Σ_c e^{z_c} = m + log1p(s), every exponent ≤ 0.
    /// </summary>
    public static (double Max, double Log1pRest) Softmax(ReadOnlySpan<double> z, Span<double> p)
    {
        var top = 0;
        for (var c = 1; c < z.Length; c++) if (z[c] > z[top]) top = c;
        var m = z[top];
        var rest = 0.0;
        for (var c = 0; c < z.Length; c++)
        {
            p[c] = c == top ? 1.0 : Math.Exp(z[c] - m); // e^{z_c − m} ≤ 1
            if (c != top) rest += p[c];
        }
        var total = 1.0 + rest;
        for (var c = 0; c < z.Length; c++) p[c] /= total; // p_c = e^{z_c − m} / Σ_m e^{z_m − m}
        return (m, Elementary.Log1p(rest));
    }

    /// <summary>
    /// The row's loss log Σ_c e^{z_c} − z_y = (m − z_y) + log1p(s): two non-negative terms, so nothing cancels (for
    /// k = 2 it is softplus(z₁) − y·z₁, the binary cross-entropy from the logit, to rounding).
    /// </summary>
    public static double RowLoss(ReadOnlySpan<double> z, int label, (double Max, double Log1pRest) lse) =>
        (lse.Max - z[label]) + lse.Log1pRest;

    /// <summary>
    /// 1 − p_c as Σ_{m ≠ c} p_m: a sum of positive terms, with all its digits where p_c is near 1 and 1 − p_c would keep
    /// none of them (p_c = 1 − 10⁻¹⁵ leaves 1 − p_c with one digit). The gradient's p_c − 1 and the Hessian's p_c(1 − p_c)
    /// take it from here.
    /// </summary>
    public static double SumExcept(ReadOnlySpan<double> p, int c)
    {
        var sum = 0.0;
        for (var m = 0; m < p.Length; m++) if (m != c) sum += p[m];
        return sum;
    }

    /// <summary>The weights of class c ≥ 1 as a span of the model's row-major weights.</summary>
    public static ReadOnlySpan<double> ClassWeights(SoftmaxModel model, int c) =>
        model.Weights.AsSpan().Slice((c - 1) * model.FeatureCount, model.FeatureCount);

    /// <summary>Returns a finite result; otherwise says that the scores overflow, rather than return ∞ or NaN.</summary>
    public static double Finite(double value, string what) =>
        double.IsFinite(value)
            ? value
            : throw new OutOfDomainException("model", FormattableString.Invariant($"the {what} is {value}: the logits wᵀx + b, or the loss built from them, overflow double range for these features and weights; scale one or the other"));
}
