using TensorLinear.Data;

namespace TensorLinear.Reference.Tests.MaxMargin;

// The seed's six points (x1, x2, label): (5,5,1), (2,4,2), (6,6,1), (3,2,2), (7,4,1), (5,1,2), labels mapped as the CLI
// maps them (the larger number is class 1, the +1 side): label 2 → +1, label 1 → −1.
//
// The maximum-margin line, by hand. The +1 points lie lower left, the −1 points upper right. For a unit normal
// u ∝ −(a, 1), a > 0, the gap between the classes is min₋ (a, 1)ᵀx − max₊ (a, 1)ᵀx over √(a² + 1). The −1 minimum is
// 5a + 5 (from (5,5); (7,4) gives 7a + 4, larger for a > ½); the +1 maximum is 2a + 4 (from (2,4)) for a ≤ 1 and 5a + 1
// (from (5,1)) for a ≥ 1. So the gap is (3a + 1)/√(a² + 1) for a ≤ 1, increasing (its derivative has the sign of
// 3 − a), and 4/√(a² + 1) for a ≥ 1, decreasing: the widest gap is at a = 1, 4/√2 = 2√2, and the margin is √2.
// Canonical scaling: w = −(1, 1)/2 and b = 4, so wᵀx + b = 4 − (x1 + x2)/2: (5,5) → −1, (2,4) → +1, (5,1) → +1,
// (6,6) → −2, (3,2) → +1.5, (7,4) → −1.5. The support vectors are rows 0, 1 and 5; ‖w‖ = 1/√2, margin 1/‖w‖ = √2;
// signed distances (wᵀx + b)/‖w‖ = √2·(−1, 1, −2, 1.5, −1.5, 1).
// The multipliers from stationarity w = Σ αᵢyᵢxᵢ and Σ αᵢyᵢ = 0 on the support vectors:
//   −α₀ + α₁ + α₅ = 0,  −5α₀ + 2α₁ + 5α₅ = −½,  −5α₀ + 4α₁ + α₅ = −½
// The last two give α₁ = 2α₅, the first α₀ = 3α₅, and then −6α₅ = −½: α = (1/4, 1/6, 0, 0, 0, 1/12), all ≥ 0.
// Check: Σα = ½ = ‖w‖², so the dual Σα − ½‖w‖² = ¼ equals the primal ½‖w‖² = ¼: no gap.
internal static class SeedPoints
{
    public static readonly double[][] Rows = [[5, 5], [2, 4], [6, 6], [3, 2], [7, 4], [5, 1]];

    public static readonly double[] Labels = [-1, 1, -1, 1, -1, 1];

    public static DataSet Data => DataSet.FromRows(Rows, Labels, ["x1", "x2"], "label");

    public static readonly double[] Weights = [-0.5, -0.5];

    public const double Bias = 4.0;

    public static readonly double Margin = Math.Sqrt(2.0);

    public static readonly int[] SupportVectors = [0, 1, 5];

    public static readonly double[] Alphas = [1.0 / 4, 1.0 / 6, 0, 0, 0, 1.0 / 12];

    public static readonly double[] SignedDistances = [.. new[] { -1.0, 1.0, -2.0, 1.5, -1.5, 1.0 }.Select(s => s * Math.Sqrt(2.0))];
}
