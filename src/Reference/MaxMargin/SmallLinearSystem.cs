namespace TensorLinear.Reference.MaxMargin;

/// <summary>
/// Gaussian elimination with complete pivoting for the small KKT systems of the active-set polish (one row per
/// support vector, plus the bias): rank-revealing, so a degenerate active set (more support vectors than the
/// dimension fixes, or dependent ones) gives a basic solution instead of a division by a rounding error.
/// </summary>
internal static class SmallLinearSystem
{
    /// <summary>
    /// A solution of M v = r: the unique one when M is nonsingular, a basic one (the unknowns of negligible pivots 0)
    /// when it is singular to working precision, or null when the system is then inconsistent.
    /// </summary>
    public static double[]? Solve(double[,] m, double[] r)
    {
        var n = r.Length;
        var a = (double[,])m.Clone();
        var b = (double[])r.Clone();
        var columns = Enumerable.Range(0, n).ToArray(); // columns[k]: the unknown eliminated at step k
        var largest = 0.0;
        foreach (var e in a) largest = Math.Max(largest, Math.Abs(e));
        // A pivot below n·u·max|Mᵢⱼ| is what rounding leaves of a zero: the remaining block is treated as singular.
        var negligible = n * Numerics.FloatingPoint.UnitRoundoff * 16 * largest;
        var rank = 0;
        for (var k = 0; k < n; k++, rank++)
        {
            int pr = k, pc = k;
            for (var i = k; i < n; i++)
                for (var j = k; j < n; j++)
                    if (Math.Abs(a[i, j]) > Math.Abs(a[pr, pc])) (pr, pc) = (i, j);
            if (Math.Abs(a[pr, pc]) <= negligible) break;
            SwapRows(a, b, k, pr);
            SwapColumns(a, k, pc);
            (columns[k], columns[pc]) = (columns[pc], columns[k]);
            for (var i = k + 1; i < n; i++)
            {
                var f = a[i, k] / a[k, k];
                if (f == 0.0) continue;
                for (var j = k; j < n; j++) a[i, j] -= f * a[k, j];
                b[i] -= f * b[k];
            }
        }
        // The rows beyond the rank must be satisfied by any solution: their right-hand sides must be rounding too.
        var bScale = b.Max(Math.Abs);
        for (var i = rank; i < n; i++)
            if (Math.Abs(b[i]) > Math.Sqrt(Numerics.FloatingPoint.UnitRoundoff) * Math.Max(bScale, 1.0)) return null;
        var v = new double[n];
        for (var k = rank - 1; k >= 0; k--)
        {
            var s = b[k];
            for (var j = k + 1; j < rank; j++) s -= a[k, j] * v[columns[j]];
            v[columns[k]] = s / a[k, k];
        }
        return v;
    }

    /// <summary>κ∞(M) = ‖M‖∞·‖M⁻¹‖∞, from the inverse's columns solved one by one; +∞ when M is singular.</summary>
    public static double ConditionNumber(double[,] m)
    {
        var n = m.GetLength(0);
        var inverseRows = new double[n];
        for (var j = 0; j < n; j++)
        {
            var e = new double[n];
            e[j] = 1.0;
            var column = Solve(m, e);
            if (column is null || column.Any(double.IsNaN)) return double.PositiveInfinity;
            for (var i = 0; i < n; i++) inverseRows[i] += Math.Abs(column[i]);
        }
        var norm = Enumerable.Range(0, n).Max(i => Enumerable.Range(0, n).Sum(j => Math.Abs(m[i, j])));
        return norm * inverseRows.Max();
    }

    private static void SwapRows(double[,] a, double[] b, int i, int k)
    {
        if (i == k) return;
        for (var j = 0; j < a.GetLength(1); j++) (a[i, j], a[k, j]) = (a[k, j], a[i, j]);
        (b[i], b[k]) = (b[k], b[i]);
    }

    private static void SwapColumns(double[,] a, int j, int k)
    {
        if (j == k) return;
        for (var i = 0; i < a.GetLength(0); i++) (a[i, j], a[i, k]) = (a[i, k], a[i, j]);
    }
}
