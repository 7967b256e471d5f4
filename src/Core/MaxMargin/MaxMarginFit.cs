using System.Collections.Immutable;
using TensorLinear.Models;

namespace TensorLinear.MaxMargin;

/// <summary>
/// A maximum-margin classifier fitted to data with ±1 labels: the hyperplane wᵀx + b = 0 in the canonical scaling
/// (the support vectors at yᵢ(wᵀxᵢ + b) = 1), its multipliers, and the certificate that it is the optimum.
/// </summary>
/// <param name="Engine">The engine whose mathematics computed it: "reference" or "torch".</param>
/// <param name="Kind">Hard or soft margin.</param>
/// <param name="C">The soft margin's C; +∞ for the hard margin.</param>
/// <param name="Model">The weights w and bias b; the decision is sign(wᵀx + b), +1 the positive class.</param>
/// <param name="Alphas">The dual multipliers αᵢ ≥ 0 (≤ C), one per row, with w = Σᵢ αᵢyᵢxᵢ.</param>
/// <param name="SupportVectors">The rows with αᵢ &gt; 0, in row order: the points that fix the hyperplane.</param>
/// <param name="SignedDistances">Each row's signed distance (wᵀxᵢ + b)/‖w‖ to the hyperplane (positive on the +1 side).</param>
/// <param name="Margin">1/‖w‖: the distance from the hyperplane to each of the lines wᵀx + b = ±1.</param>
/// <param name="GeometricMargin">min ᵢ yᵢ·dᵢ, the smallest signed distance of a row to the hyperplane on its own side;
/// equal to <see cref="Margin"/> for the hard margin, and smaller (possibly negative) for the soft one.</param>
/// <param name="Kkt">The KKT residuals and the duality gap, measured after the solve.</param>
/// <param name="Iterations">Pair updates of the dual method, before the polish.</param>
/// <param name="Polished">True when the active-set solve on the support vectors succeeded, so the solution is exact to
/// rounding; false when the dual method's own iterate is returned (its certificate says how close it is).</param>
/// <param name="ConditionNumber">κ∞ of the active-set KKT matrix that fixed (α, b), the amplifier of rounding in the
/// polished solution; null when not polished.</param>
public sealed record MaxMarginFit(
    string Engine,
    MarginKind Kind,
    double C,
    LinearModel Model,
    ImmutableArray<double> Alphas,
    ImmutableArray<int> SupportVectors,
    ImmutableArray<double> SignedDistances,
    double Margin,
    double GeometricMargin,
    KktResiduals Kkt,
    int Iterations,
    bool Polished,
    double? ConditionNumber)
{
    /// <summary>The decision scores wᵀxᵢ + b = ‖w‖·dᵢ, from the signed distances.</summary>
    public double[] Scores() => [.. SignedDistances.Select(d => d / Margin)];
}
