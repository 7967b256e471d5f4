using System.Globalization;

namespace TensorLinear.Numerics;

/// <summary>
/// The rank test both least-squares engines apply to the triangular factor R of their design A = QR: which columns are,
/// to rounding, linear combinations of the columns before them.
/// </summary>
/// <remarks>
/// <para>The columns are scaled to unit length first (AD, D = diag(1/‖aⱼ‖), has the factor RD, since ‖aⱼ‖ = ‖R·ⱼ‖), so a
/// tiny but independent column is judged like any other. Then, column by column, j is dependent when the unit columns
/// kept so far together with column j are singular to rounding: when s = 1/‖T⁻¹‖_F, T the k×k triangular factor of
/// those k columns, is at most τ√k with τ = <see cref="ToleranceFactor"/>·n·ε. s lies between σ_min(T)/√k and
/// σ_min(T), so it is a condition estimate: the unit columns have σ_max ≤ ‖T‖_F = √k.</para>
/// <para>It cannot be fooled by cancellation. Householder QR returns the exact factor of A + ΔA with
/// ‖Δaⱼ‖ ≤ O(n·u)‖aⱼ‖ (Higham, Accuracy and Stability, Thm 19.4); if the columns are exactly dependent, the computed
/// unit-column factor has σ_min ≤ ‖ΔAD‖_F ≤ √k·O(n·u) however large the terms of the combination are, and s ≤ σ_min is
/// under the threshold. The former test, |Rⱼⱼ| ≤ τ‖aⱼ‖ (the sine of aⱼ's angle to the span before it), could be fooled:
/// the rounding in Rⱼⱼ scales with the terms of the combination, not with aⱼ. For n = 30, x₂ = x₁ + 10⁻⁶s and
/// x₃ = x₁ − x₂ (exactly) the sine came out about 10⁶ε against τ = 6.7e-14, and both engines returned coefficients
/// near ±10¹⁴. Since s is at most that sine, every column the old test flagged is still flagged. NIST's Filip, a
/// degree-10 polynomial whose unit-column design has κ = 5.2e9 and σ_min = 6.0e-10 (mpmath), is well clear: s ≥ 1.8e-10 against
/// τ√11 = 6e-13.</para>
/// </remarks>
public static class ColumnRank
{
    /// <summary>τ/(n·ε): a column is dependent when s ≤ τ√k with τ = 10·n·ε (see the remarks).</summary>
    /// <remarks>
    /// Measured on random exactly dependent columns the old sine stayed below 0.45·n·ε, and s is smaller still; the
    /// factor 10 leaves a margin of 20 over that, and the √k the growth of ‖ΔAD‖_F with the number of columns.
    /// </remarks>
    public const double ToleranceFactor = 10.0;

    /// <summary>The name the intercept's column of ones carries in messages.</summary>
    public const string InterceptName = "(intercept)";

    /// <summary>τ = <see cref="ToleranceFactor"/>·n·ε for a design of <paramref name="rowCount"/> rows.</summary>
    public static double Tolerance(long rowCount) => ToleranceFactor * rowCount * FloatingPoint.Epsilon;

    /// <summary>
    /// Throws unless the design whose QR factor is <paramref name="r"/> (its leading p×p block is read, p the number of
    /// <paramref name="names"/>) has full column rank by the test above.
    /// </summary>
    /// <param name="r">The upper triangular factor, at least p×p; rows and columns beyond p are ignored.</param>
    /// <param name="names">The columns' names, in the design's order.</param>
    /// <param name="rowCount">n, the design's number of rows, which sets τ.</param>
    /// <param name="argumentName">The argument the design came from, for the exception.</param>
    /// <param name="columnExponents">When the factor is of AD, D = diag(2^−eⱼ) (columns scaled by powers of two), the
    /// eⱼ, so that the combinations in the message are in A's units; null when R is A's own factor.</param>
    /// <exception cref="RankDeficientException">Some column is (to rounding) a combination of earlier ones; the message
    /// says which, and with what coefficients.</exception>
    /// <exception cref="OutOfDomainException">R holds ∞ or NaN (the factorisation overflowed).</exception>
    public static void RequireFullRank(double[,] r, IReadOnlyList<string> names, long rowCount, string argumentName,
                                       IReadOnlyList<int>? columnExponents = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(names);
        var p = names.Count;
        for (var i = 0; i < p; i++)
            for (var j = i; j < p; j++)
                if (!double.IsFinite(r[i, j]))
                    throw new OutOfDomainException(argumentName, FormattableString.Invariant($"the QR factor holds {r[i, j]}: the factorisation overflowed, so the rank cannot be judged"));
        var tolerance = Tolerance(rowCount);
        var dependences = Dependences(r, p, tolerance);
        if (dependences.Count == 0) return;
        var explanations = dependences.Select(d => Explain(d, names, columnExponents));
        throw new RankDeficientException(argumentName, dependences.Select(d => names[d.Column]), p - dependences.Count, p,
            string.Join("; ", explanations)
            + FormattableString.Invariant($" (a column counts as a combination of earlier ones when, scaled to unit length with the independent columns before it, their smallest singular value is at most τ·√k, τ = {ToleranceFactor}·n·ε = {tolerance:G3}, k the number of columns). Drop or merge the columns named."));
    }

    /// <summary>A dependent column and its coefficients on the independent columns before it (aⱼ ≈ Σ cₖaₖ).</summary>
    private sealed record Dependence(int Column, (int Column, double Coefficient, double Size)[] Terms, bool Zero);

    // Gram–Schmidt, twice (twice is enough for orthogonality to working precision), on the unit columns bⱼ = R·ⱼ/‖R·ⱼ‖
    // in p dimensions: Q holds an orthonormal basis of the kept columns and T⁻¹ the inverse of their factor, bordered
    // by one column per kept column: [[T, c], [0, δ]]⁻¹ = [[T⁻¹, −T⁻¹c/δ], [0, 1/δ]].
    private static List<Dependence> Dependences(double[,] r, int p, double tolerance)
    {
        var dependences = new List<Dependence>();
        var basis = new List<double[]>();
        var kept = new List<int>();
        var norms = new double[p];
        var inverse = new double[p, p]; // T⁻¹ of the kept columns, k×k upper triangular
        var inverseSquares = 0.0;       // ‖T⁻¹‖²_F
        for (var j = 0; j < p; j++)
        {
            var b = new double[p];
            for (var i = 0; i <= j && i < p; i++) b[i] = r[i, j];
            norms[j] = Norm(b);
            if (!(norms[j] > 0.0)) { dependences.Add(new Dependence(j, [], Zero: true)); continue; }
            for (var i = 0; i < p; i++) b[i] /= norms[j];

            var k = kept.Count;
            var c = new double[k];
            for (var pass = 0; pass < 2; pass++)
                for (var m = 0; m < k; m++)
                {
                    var q = basis[m];
                    var projection = 0.0;
                    for (var i = 0; i < p; i++) projection += q[i] * b[i];
                    for (var i = 0; i < p; i++) b[i] -= projection * q[i];
                    c[m] += projection;
                }
            var delta = Norm(b);
            var combination = new double[k]; // T⁻¹c: bⱼ ≈ Σ combinationₘ b_keptₘ
            for (var m = 0; m < k; m++)
            {
                var sum = 0.0;
                for (var l = m; l < k; l++) sum += inverse[m, l] * c[l];
                combination[m] = sum;
            }
            var squares = inverseSquares + 1.0 / (delta * delta);
            foreach (var v in combination) squares += v / delta * (v / delta);
            var s = 1.0 / Math.Sqrt(squares);
            if (!(s > tolerance * Math.Sqrt(k + 1))) // NaN or ∞ in T⁻¹ (δ = 0) count as singular
            {
                var terms = new (int, double, double)[k];
                for (var m = 0; m < k; m++)
                    terms[m] = (kept[m], combination[m] * norms[j] / norms[kept[m]], Math.Abs(combination[m]));
                dependences.Add(new Dependence(j, terms, Zero: false));
                continue;
            }
            for (var m = 0; m < k; m++) inverse[m, k] = -combination[m] / delta;
            inverse[k, k] = 1.0 / delta;
            inverseSquares = squares;
            for (var i = 0; i < p; i++) b[i] /= delta;
            basis.Add(b);
            kept.Add(j);
        }
        return dependences;
    }

    // "x3 ≈ 1·x1 + 1·x2", listing the terms whose share |cₖ|‖aₖ‖/‖aⱼ‖ is above √ε (the rest is rounding noise). A
    // coefficient on the scaled columns, aⱼ2^−eⱼ ≈ Σ cₖaₖ2^−eₖ, is cₖ2^(eⱼ − eₖ) on A's own.
    private static string Explain(Dependence d, IReadOnlyList<string> names, IReadOnlyList<int>? exponents)
    {
        if (d.Zero) return $"{names[d.Column]} is all zeros";
        var terms = d.Terms
            .Where(t => t.Size > Math.Sqrt(FloatingPoint.Epsilon))
            .Select(t => Math.ScaleB(t.Coefficient, exponents is null ? 0 : exponents[d.Column] - exponents[t.Column])
                .ToString("G6", CultureInfo.InvariantCulture) + "·" + names[t.Column])
            .ToArray();
        return terms.Length == 0
            ? $"{names[d.Column]} is negligible next to the columns before it"
            : $"{names[d.Column]} ≈ {string.Join(" + ", terms)}";
    }

    // ‖v‖₂ as s·√Σ(vᵢ/s)² with s = max|vᵢ|, which neither overflows nor underflows.
    private static double Norm(double[] v)
    {
        var scale = 0.0;
        foreach (var e in v) scale = Math.Max(scale, Math.Abs(e));
        if (scale == 0.0 || !double.IsFinite(scale)) return scale;
        var sum = 0.0;
        foreach (var e in v) sum += (e / scale) * (e / scale);
        return scale * Math.Sqrt(sum);
    }
}
