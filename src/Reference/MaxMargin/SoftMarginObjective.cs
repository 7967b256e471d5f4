using TensorLinear.Data;
using TensorLinear.MaxMargin;
using TensorLinear.Models;
using TensorLinear.Numerics;
using TensorLinear.Reference.Losses;
using TensorLinear.Reference.Models;

namespace TensorLinear.Reference.MaxMargin;

/// <summary>
/// The soft-margin objective in its C-form, P(w, b) = ½‖w‖² + C Σᵢ max(0, 1 − yᵢ(wᵀxᵢ + b)), labels yᵢ = ±1, and a
/// subgradient of it. The C-form everywhere in TensorLinear; it is the λ-form ½λ‖w‖² + (1/n) Σᵢ hingeᵢ times nC, with
/// λ = 1/(nC), so both have the same minimiser. C → ∞ is the hard margin.
/// </summary>
public static class SoftMarginObjective
{
    /// <summary>P(w, b) = ½‖w‖² + C Σᵢ max(0, 1 − yᵢ(wᵀxᵢ + b)).</summary>
    /// <exception cref="OutOfDomainException">C is not finite and &gt; 0, or a label is not ±1.</exception>
    /// <exception cref="DegenerateInputException">Only one class occurs.</exception>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature.</exception>
    public static double Value(DataSet data, LinearModel model, double c)
    {
        var (y, s) = Scores(data, model, c);
        var w = model.Weights;
        double squared = 0.0, hinge = 0.0;
        foreach (var wj in w) squared += wj * wj;
        // ½‖w‖² + C Σᵢ max(0, 1 − yᵢsᵢ)
        for (var i = 0; i < s.Length; i++) hinge += Hinge.Value(y[i], s[i]);
        return 0.5 * squared + c * hinge;
    }

    /// <summary>
    /// A subgradient of P: ∂P/∂w = w + C Σᵢ gᵢxᵢ and ∂P/∂b = C Σᵢ gᵢ, gᵢ = <see cref="Hinge.Subgradient"/>(yᵢ, sᵢ) — −yᵢ
    /// inside the margin, 0 outside and on it (the kink, where any gᵢ between −yᵢ and 0 would do).
    /// </summary>
    /// <inheritdoc cref="Value" path="/exception"/>
    public static ModelGradient Subgradient(DataSet data, LinearModel model, double c)
    {
        var (y, s) = Scores(data, model, c);
        int n = data.RowCount, d = data.FeatureCount;
        var x = data.Features.Span;
        var gw = model.Weights.ToArray();
        var gb = 0.0;
        for (var i = 0; i < n; i++)
        {
            // the chain rule through sᵢ = wᵀxᵢ + b: ∂sᵢ/∂w = xᵢ, ∂sᵢ/∂b = 1
            var g = c * Hinge.Subgradient(y[i], s[i]);
            if (g == 0.0) continue;
            for (var j = 0; j < d; j++) gw[j] += g * x[i * d + j];
            gb += g;
        }
        return new ModelGradient([.. gw], gb);
    }

    private static (double[] Labels, double[] Scores) Scores(DataSet data, LinearModel model, double c)
    {
        Check.Positive(c, nameof(c));
        MarginLabels.Check(data);
        return (data.TargetArray(), LinearRegression.Predict(data, model));
    }
}
