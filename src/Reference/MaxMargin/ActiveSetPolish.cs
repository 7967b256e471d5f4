using TensorLinear.MaxMargin;

namespace TensorLinear.Reference.MaxMargin;

/// <summary>What the polish found: the multipliers, the bias, and the condition number of its last KKT matrix.</summary>
internal sealed record PolishedSolution(double[] Alpha, double[] Weights, double Bias, double ConditionNumber);

/// <summary>
/// Makes the dual method's answer exact: a primal–dual active-set method started at the support vectors the dual
/// method found. With F the rows on the margin (free multipliers) and B those at the bound C (soft margin only), the
/// KKT conditions become a square linear system in (α_F, b):
/// <code>
///   Σ_{j∈F} Qᵢⱼαⱼ + yᵢb = 1 − C Σ_{j∈B} Qᵢⱼ    (i ∈ F: yᵢ(wᵀxᵢ + b) = 1, with w = Σⱼ αⱼyⱼxⱼ)
///   Σ_{j∈F} yⱼαⱼ       = −C Σ_{j∈B} yⱼ          (Σⱼ αⱼyⱼ = 0)
/// </code>
/// solved directly, so its solution carries rounding only. A multiplier that comes out negative (or above C) leaves F
/// (or joins B); a row that then violates its margin joins F; repeat until none does. The result is the optimum
/// exactly when the KKT conditions hold, which the caller measures.
/// </summary>
internal static class ActiveSetPolish
{
    /// <summary>The polished solution, or null when F empties (b is then not fixed by equalities) or the system is inconsistent.</summary>
    /// <param name="dual">The engine's mathematics.</param>
    /// <param name="y">The ±1 labels.</param>
    /// <param name="start">The dual method's multipliers in the scaling of the SVM dual (w = Σ αᵢyᵢxᵢ).</param>
    /// <param name="c">C, or +∞ for the hard margin.</param>
    /// <param name="tolerance">How far below 1 a margin may be (relative to the score scale) and still count as on it.</param>
    /// <param name="radius">max ‖xᵢ‖, for the score scale.</param>
    public static PolishedSolution? Run(IMarginDual dual, double[] y, double[] start, double c, double tolerance, double radius)
    {
        var n = y.Length;
        var hard = double.IsPositiveInfinity(c);
        var free = new SortedSet<int>(Enumerable.Range(0, n).Where(i => start[i] > 0.0 && (hard || start[i] < c)));
        var bound = new SortedSet<int>(Enumerable.Range(0, n).Where(i => !hard && start[i] >= c));
        for (var round = 0; round < 4 * n + 10; round++)
        {
            if (free.Count == 0) return null;
            int[] f = [.. free], b = [.. bound];
            var (m, r) = System(dual, y, f, b, c, radius);
            var v = dual.Solve(m, r);
            if (v is null || v.Any(e => !double.IsFinite(e))) return null;
            Unscale(v, radius);
            // A multiplier on the wrong side of its box leaves the free set: the most wrong first.
            var worst = Enumerable.Range(0, f.Length).MinBy(k => v[k]);
            if (v[worst] < 0.0)
            {
                free.Remove(f[worst]);
                continue;
            }
            if (!hard)
            {
                var top = Enumerable.Range(0, f.Length).MaxBy(k => v[k]);
                if (v[top] > c)
                {
                    free.Remove(f[top]);
                    bound.Add(f[top]);
                    continue;
                }
            }
            var alpha = new double[n];
            for (var k = 0; k < f.Length; k++) alpha[f[k]] = v[k];
            foreach (var k in b) alpha[k] = c;
            var w = dual.Weights(alpha);
            var bias = v[^1];
            // The margins yᵢ(wᵀxᵢ + b) = yᵢ(gᵢ + 1) + yᵢb, with g the dual gradient for c = 1.
            var g = dual.DualGradient(alpha, Enumerable.Repeat(1.0, n).ToArray());
            var scale = Math.Max(1.0, Math.Sqrt(w.Sum(e => e * e)) * radius + Math.Abs(bias));
            var entering = -1;
            var worstViolation = tolerance * scale;
            for (var i = 0; i < n; i++)
            {
                var margin = g[i] + 1.0 + y[i] * bias;
                // A row off the free set breaks its condition: α = 0 needs margin ≥ 1, α = C needs margin ≤ 1.
                var violation = free.Contains(i) ? 0.0 : bound.Contains(i) ? margin - 1.0 : 1.0 - margin;
                if (violation > worstViolation) (worstViolation, entering) = (violation, i);
            }
            if (entering < 0) return new PolishedSolution(alpha, w, bias, SmallLinearSystem.ConditionNumber(m));
            bound.Remove(entering);
            free.Add(entering);
        }
        return null;
    }

    // The system (D M D)(D⁻¹v) = D r with D = diag(2⁻ᵉ, …, 2⁻ᵉ, 2ᵉ), 2ᵉ ≤ max ‖xᵢ‖ < 2ᵉ⁺¹: the scaling is exact and turns Q (of size R²) and the column of labels (size 1) into entries of size 1, exactly,
    // so that the pivoting and its rank test see the structure of M and not the data's units.
    private static (double[,] M, double[] R) System(IMarginDual dual, double[] y, int[] f, int[] b, double c, double radius)
    {
        var e = Math.ILogB(radius);
        var k = f.Length;
        var m = new double[k + 1, k + 1];
        var r = new double[k + 1];
        var q = dual.LabelledGram(f, f);
        var qb = b.Length == 0 ? null : dual.LabelledGram(f, b);
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++) m[i, j] = Math.ScaleB(q[i, j], -2 * e);
            m[i, k] = y[f[i]];
            m[k, i] = y[f[i]];
            r[i] = 1.0;
            if (qb is not null)
                for (var j = 0; j < b.Length; j++) r[i] -= c * qb[i, j];
            r[i] = Math.ScaleB(r[i], -e);
        }
        foreach (var j in b) r[k] -= c * y[j];
        r[k] = Math.ScaleB(r[k], e);
        return (m, r);
    }

    // v = D v′: the unknowns of the scaled system back to (α_F, b).
    private static void Unscale(double[] v, double radius)
    {
        var e = Math.ILogB(radius);
        for (var k = 0; k < v.Length - 1; k++) v[k] = Math.ScaleB(v[k], -e);
        v[^1] = Math.ScaleB(v[^1], e);
    }
}
