using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using TensorLinear.Data;
using TensorLinear.Numerics;
using TensorLinear.Reference.Metrics;

namespace TensorLinear.Reference.LeastSquares;

/// <summary>
/// The closed-form least-squares fit, the ground truth gradient descent is checked against: minimise ‖y − Aθ‖₂² by a
/// Householder QR factorisation A = QR, never by the normal equations AᵀAθ = Aᵀy, which square the condition number
/// (docs/derivations/linear-regression.md).
/// </summary>
public static class OrdinaryLeastSquares
{
    /// <summary>
    /// A column of the design counts as a combination of earlier ones when |Rⱼⱼ| ≤ τ‖aⱼ‖ with
    /// τ = <see cref="RankToleranceFactor"/>·n·ε.
    /// </summary>
    /// <remarks>
    /// |Rⱼⱼ|/‖aⱼ‖ is the sine of the angle between column aⱼ and the span of the columns before it, so the test does not
    /// change when a column is rescaled (a comparison with max|Rᵢᵢ| would call a tiny but independent column
    /// dependent). For an exactly dependent column, Householder QR returns the R of a matrix whose columns are each
    /// perturbed by a relative O(n·u) (Higham, Accuracy and Stability, Thm 19.4), so the computed sine is of that size;
    /// measured on random dependent columns it stays below 0.45·n·ε. The factor 10 leaves a margin of 20 over that,
    /// while NIST's Filip polynomial, the hardest certified linear problem, whose smallest sine is 5e-8, passes.
    /// </remarks>
    public const double RankToleranceFactor = 10.0;

    /// <summary>The name the intercept's column of ones carries in messages.</summary>
    public const string InterceptName = "(intercept)";

    /// <summary>Fits y ≈ Xw + b (or y ≈ Xw without an intercept) by Householder QR.</summary>
    /// <remarks>
    /// With A = [1 X] (the ones column first, so that a constant feature is reported as a copy of the intercept),
    /// A = QR gives θ̂ = R⁻¹Qᵀy, σ̂² = RSS/(n − p) and Cov(θ̂) = σ̂²(AᵀA)⁻¹ = σ̂²R⁻¹R⁻ᵀ, since AᵀA = RᵀQᵀQR = RᵀR.
    /// </remarks>
    /// <exception cref="DegenerateInputException">n ≤ p: no more rows than parameters.</exception>
    /// <exception cref="RankDeficientException">Some column is (to rounding) a linear combination of earlier ones.</exception>
    /// <exception cref="OutOfDomainException">The data are so large that the factorisation overflows.</exception>
    public static LeastSquaresFit Fit(DataSet data, bool fitIntercept = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        var names = ColumnNames(data, fitIntercept);
        int n = data.RowCount, p = names.Length;
        if (n <= p)
            throw new DegenerateInputException(nameof(data),
                $"has {n} rows for {p} parameters; least squares with standard errors needs more rows than parameters: with fewer the fit is not unique, and with as many it interpolates and leaves no degrees of freedom n − p for σ̂²");

        var a = DesignMatrix(data, fitIntercept);
        var y = Vector<double>.Build.DenseOfArray(data.TargetArray());
        var qr = a.QR(QRMethod.Thin);
        RejectDependentColumns(a, qr.R, names, n);

        var theta = qr.Solve(y);                    // Rθ = Qᵀy
        var fitted = a * theta;
        var residuals = y - fitted;
        var rss = residuals.DotProduct(residuals);
        var variance = rss / (n - p);               // σ̂² = RSS/(n − p)
        var rInverse = UpperTriangularInverse(qr.R);
        var covariance = rInverse.TransposeAndMultiply(rInverse).Multiply(variance); // σ̂²R⁻¹R⁻ᵀ

        var order = ThetaOrder(data.FeatureCount, fitIntercept);
        var coefficients = Enumerable.Range(0, data.FeatureCount).Select(j => theta[order[j]]).ToArray();
        var thetaCovariance = new double[p, p];
        for (var j = 0; j < p; j++)
            for (var k = 0; k < p; k++)
                thetaCovariance[j, k] = covariance[order[j], order[k]];
        foreach (var value in thetaCovariance) CheckFinite(value);
        foreach (var value in theta) CheckFinite(value);

        return new LeastSquaresFit(coefficients, fitIntercept ? theta[0] : 0.0, fitIntercept, thetaCovariance, rss, n,
                                   RSquared(data.TargetArray(), fitted.ToArray(), fitIntercept), data.FeatureNames);
    }

    /// <summary>
    /// Throws unless the design A = [1 X] (X without an intercept) has full column rank by the test <see cref="Fit"/>
    /// applies (<see cref="RankToleranceFactor"/>): for solvers that need a full-rank design without fitting least
    /// squares, such as Newton–Raphson, whose information matrix AᵀWA is singular exactly when A is rank-deficient.
    /// </summary>
    /// <exception cref="DegenerateInputException">Fewer rows than columns, so the rank cannot be full.</exception>
    /// <exception cref="RankDeficientException">Some column is (to rounding) a linear combination of earlier ones.</exception>
    public static void CheckFullRank(DataSet data, bool fitIntercept = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        var names = ColumnNames(data, fitIntercept);
        if (data.RowCount < names.Length)
            throw new DegenerateInputException(nameof(data), $"has {data.RowCount} rows for {names.Length} columns, so its design matrix cannot have full column rank");
        var a = DesignMatrix(data, fitIntercept);
        RejectDependentColumns(a, a.QR(QRMethod.Thin).R, names, data.RowCount);
    }

    // order[j] is the design column that holds θⱼ: the design puts the intercept first, θ puts it last.
    private static int[] ThetaOrder(int featureCount, bool fitIntercept) =>
        fitIntercept
            ? [.. Enumerable.Range(1, featureCount), 0]
            : [.. Enumerable.Range(0, featureCount)];

    private static string[] ColumnNames(DataSet data, bool fitIntercept) =>
        fitIntercept ? [InterceptName, .. data.FeatureNames] : [.. data.FeatureNames];

    // A = [1 X] with an intercept, A = X without.
    private static Matrix<double> DesignMatrix(DataSet data, bool fitIntercept)
    {
        var offset = fitIntercept ? 1 : 0;
        return Matrix<double>.Build.Dense(data.RowCount, data.FeatureCount + offset,
            (i, c) => c < offset ? 1.0 : data[i, c - offset]);
    }

    // |Rⱼⱼ| is the length of the part of aⱼ outside the span of a₀..aⱼ₋₁, and ‖R₀..ⱼ,ⱼ‖ = ‖aⱼ‖ because Q has
    // orthonormal columns: their ratio is the sine of the angle between aⱼ and that span.
    private static void RejectDependentColumns(Matrix<double> a, Matrix<double> r, string[] names, int n)
    {
        var tolerance = RankToleranceFactor * n * FloatingPoint.Epsilon;
        var dependent = Enumerable.Range(0, names.Length)
            .Where(j => Math.Abs(r[j, j]) <= tolerance * Norm(r.Column(j, 0, j + 1)))
            .ToArray();
        if (dependent.Length == 0) return;

        var explanations = dependent.Select(j => Combination(a, j, dependent, names));
        throw new RankDeficientException("data", dependent.Select(j => names[j]), names.Length - dependent.Length, names.Length,
            string.Join("; ", explanations)
            + FormattableString.Invariant($" (a column counts as a combination of earlier ones when the part of it outside their span is at most τ = {RankToleranceFactor}·n·ε = {tolerance:G3} of its length). Drop or merge the columns named."));
    }

    // How column j is made of the independent columns before it: the least-squares coefficients c of aⱼ on them,
    // listing the terms whose size |cₖ|‖aₖ‖ is above √ε of ‖aⱼ‖ (the rest is rounding noise).
    private static string Combination(Matrix<double> a, int j, int[] dependent, string[] names)
    {
        var column = a.Column(j);
        var earlier = Enumerable.Range(0, j).Where(k => !dependent.Contains(k)).ToArray();
        if (earlier.Length == 0 || Norm(column) == 0.0) return $"{names[j]} is all zeros";
        var basis = Matrix<double>.Build.DenseOfColumnVectors(earlier.Select(k => a.Column(k)));
        var c = basis.QR(QRMethod.Thin).Solve(column);
        var terms = earlier
            .Select((k, m) => (Name: names[k], Coefficient: c[m], Size: Math.Abs(c[m]) * Norm(a.Column(k))))
            .Where(t => t.Size > Math.Sqrt(FloatingPoint.Epsilon) * Norm(column))
            .Select(t => t.Coefficient.ToString("G6", CultureInfo.InvariantCulture) + "·" + t.Name);
        return $"{names[j]} ≈ {string.Join(" + ", terms)}";
    }

    // Solves RX = I column by column by back substitution: X = R⁻¹, upper triangular like R.
    private static Matrix<double> UpperTriangularInverse(Matrix<double> r)
    {
        var p = r.RowCount;
        var inverse = Matrix<double>.Build.Dense(p, p);
        for (var c = 0; c < p; c++)
        {
            inverse[c, c] = 1.0 / r[c, c];
            for (var i = c - 1; i >= 0; i--)
            {
                var sum = 0.0;
                for (var k = i + 1; k <= c; k++) sum += r[i, k] * inverse[k, c];
                inverse[i, c] = -sum / r[i, i];
            }
        }
        return inverse;
    }

    private static double? RSquared(double[] targets, double[] fitted, bool fitIntercept) =>
        fitIntercept
            ? RegressionMetrics.AreConstant(targets) ? null : RegressionMetrics.RSquared(targets, fitted)
            : Array.TrueForAll(targets, y => y == 0.0) ? null : RegressionMetrics.UncentredRSquared(targets, fitted);

    // ‖v‖₂ as s·√Σ(vᵢ/s)² with s = max|vᵢ|, which does not overflow for entries near 1e200.
    private static double Norm(Vector<double> v)
    {
        var scale = v.AbsoluteMaximum();
        return scale == 0.0 ? 0.0 : scale * (v / scale).L2Norm();
    }

    private static void CheckFinite(double value)
    {
        if (!double.IsFinite(value))
            throw new OutOfDomainException("data", "the QR factorisation overflowed; the features or targets are too large in magnitude, rescale them");
    }
}
