using TensorLinear.Data;

namespace TensorLinear.Tests.Shared;

/// <summary>
/// Issue 12's rank case: n = 30 rows, x₁ = t, x₂ = t + 10⁻⁶·s and x₃ = x₁ − x₂, which is exact (Sterbenz: x₁ and x₂ are
/// within a factor 2 of each other), so the design [1 x₁ x₂ x₃] has rank 3 exactly while x₃ is 10⁶ times shorter than
/// x₁ and x₂.
/// </summary>
internal static class CancellingColumns
{
    public static DataSet Data()
    {
        var random = new Random(12);
        var rows = new double[30][];
        var y = new double[30];
        for (var i = 0; i < rows.Length; i++)
        {
            var t = 1.0 + random.NextDouble();  // in [1, 2): x₂ stays within a factor 2 of x₁
            var s = random.NextDouble() - 0.5;
            var x2 = t + 1e-6 * s;
            rows[i] = [t, x2, t - x2];
            y[i] = 1.0 + 2.0 * t + random.NextDouble();
        }
        return DataSet.FromRows(rows, y);
    }
}
