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
    /// <summary>The name the intercept's column of ones carries in messages.</summary>
    public const string InterceptName = ColumnRank.InterceptName;

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
        ColumnRank.RequireFullRank(qr.R.ToArray(), names, n, nameof(data));

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
    /// applies (<see cref="ColumnRank"/>): for solvers that need a full-rank design without fitting least
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
        ColumnRank.RequireFullRank(a.QR(QRMethod.Thin).R.ToArray(), names, data.RowCount, nameof(data));
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

    private static void CheckFinite(double value)
    {
        if (!double.IsFinite(value))
            throw new OutOfDomainException("data", "the QR factorisation overflowed; the features or targets are too large in magnitude, rescale them");
    }
}
