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

    /// <summary>Fits y ≈ Xw + b (or y ≈ Xw without an intercept) by Householder QR; by weighted least squares when the data are weighted.</summary>
    /// <remarks>
    /// With A = [1 X] (the ones column first, so that a constant feature is reported as a copy of the intercept),
    /// A = QR gives θ̂ = R⁻¹Qᵀy, σ̂² = RSS/(n − p) and Cov(θ̂) = σ̂²(AᵀA)⁻¹ = σ̂²R⁻¹R⁻ᵀ, since AᵀA = RᵀQᵀQR = RᵀR.
    /// <para>Weighted data (ωᵢ, precision weights as statsmodels' WLS and R's lm take them) minimise Σωᵢ(yᵢ − aᵢᵀθ)²:
    /// the same factorisation of the whitened rows √ωᵢaᵢ and targets √ωᵢyᵢ, never of AᵀΩA. Then RSS = Σωᵢeᵢ²,
    /// σ̂² = RSS/(n − p), Cov(θ̂) = σ̂²(AᵀΩA)⁻¹ and R² = 1 − RSS/Σωᵢ(yᵢ − ȳ_ω)², ȳ_ω the weighted mean.</para>
    /// </remarks>
    /// <exception cref="DegenerateInputException">n ≤ p: no more rows than parameters.</exception>
    /// <exception cref="RankDeficientException">Some column is (to rounding) a linear combination of earlier ones.</exception>
    /// <exception cref="OutOfDomainException">A coefficient, a variance or the residual sum of squares is beyond the range
    /// of double, or below its normal range (data near 1e-160 or 1e160 and beyond: their squares are out of range).
    /// </exception>
    public static LeastSquaresFit Fit(DataSet data, bool fitIntercept = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        var names = ColumnNames(data, fitIntercept);
        int n = data.RowCount, p = names.Length;
        if (n <= p)
            throw new DegenerateInputException(nameof(data),
                $"has {n} rows for {p} parameters; least squares with standard errors needs more rows than parameters: with fewer the fit is not unique, and with as many it interpolates and leaves no degrees of freedom n − p for σ̂²");

        // Solved on AD and 2⁻ᵉy, each column and y scaled by a power of two to a largest magnitude in [1, 2): exact, and
        // it keeps Householder's sums of squares from underflowing (data near 1e-170) or overflowing (near 1e170).
        // θ̂ⱼ scales back by 2^(e − eⱼ), RSS by 2^(2e) and Cov(θ̂)ⱼₖ by 2^(2e − eⱼ − eₖ); R² is scale-free.
        var (design, exponents) = ScaledDesign(data, fitIntercept);
        var targets = Whitened(data, data.TargetArray());
        var e = PowerOfTwoScaling.Exponent(targets);
        var y = Vector<double>.Build.DenseOfArray(targets).Map(v => Math.ScaleB(v, -e));
        var qr = design.QR(QRMethod.Thin);
        ColumnRank.RequireFullRank(qr.R.ToArray(), names, n, nameof(data), exponents);

        var theta = qr.Solve(y);                    // Rθ = Qᵀy
        var fitted = design * theta;
        var residuals = y - fitted;
        var rss = residuals.DotProduct(residuals);
        var variance = rss / (n - p);               // σ̂² = RSS/(n − p)
        var rInverse = UpperTriangularInverse(qr.R);
        var covariance = rInverse.TransposeAndMultiply(rInverse).Multiply(variance); // σ̂²R⁻¹R⁻ᵀ

        // The RSS first: where the data's squares leave double's range, it is the first thing to go.
        var (weights, weightExponent) = ScaledWeights(data);
        var unscaledRss = PowerOfTwoScaling.Unscale(rss, 2 * e + weightExponent, nameof(data), "the residual sum of squares");
        var order = ThetaOrder(data.FeatureCount, fitIntercept);
        double Coefficient(int j) => PowerOfTwoScaling.Unscale(theta[order[j]], e - exponents[order[j]], nameof(data), $"the coefficient of {names[order[j]]}");
        var coefficients = Enumerable.Range(0, data.FeatureCount).Select(Coefficient).ToArray();
        var thetaCovariance = new double[p, p];
        for (var j = 0; j < p; j++)
            for (var k = 0; k < p; k++)
                thetaCovariance[j, k] = PowerOfTwoScaling.Unscale(covariance[order[j], order[k]],
                    2 * e - exponents[order[j]] - exponents[order[k]], nameof(data), "a coefficient's variance or covariance");

        return new LeastSquaresFit(coefficients, fitIntercept ? Coefficient(p - 1) : 0.0, fitIntercept, thetaCovariance,
                                   unscaledRss, n,
                                   RSquared(data, weights, y.ToArray(), fitted.ToArray(), rss, e, fitIntercept), data.FeatureNames);
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
        var (design, exponents) = ScaledDesign(data, fitIntercept);
        ColumnRank.RequireFullRank(design.QR(QRMethod.Thin).R.ToArray(), names, data.RowCount, nameof(data), exponents);
    }

    /// <summary>
    /// By the scaled Householder QR of <see cref="Fit"/>, A = QR (of the whitened rows √ωᵢaᵢ when the data are
    /// weighted, so that (AᵀΩA)⁻¹ and the whitened rows' influence and leverage result): (AᵀA)⁻¹ = R⁻¹R⁻ᵀ, the rows' influence
    /// gᵢ = (AᵀA)⁻¹aᵢ (the columns of the pseudoinverse A⁺ = R⁻¹Qᵀ) and their leverages hᵢ = ‖Qᵀeᵢ‖², all in the order of
    /// θ. Read from Q and R⁻¹, never as (AᵀA)⁻¹aᵢ, whose product cancels as badly as AᵀA is conditioned (Longley: 7 digits
    /// of a sandwich standard error lost that way).
    /// </summary>
    /// <exception cref="RankDeficientException">Some column is (to rounding) a linear combination of earlier ones.</exception>
    internal static (double[,] InverseGram, double[][] Influence, double[] Leverage) Influence(DataSet data, bool fitIntercept)
    {
        CheckFullRank(data, fitIntercept);
        var (design, exponents) = ScaledDesign(data, fitIntercept);
        var qr = design.QR(QRMethod.Thin);
        var rInverse = UpperTriangularInverse(qr.R);
        var scaled = rInverse.TransposeAndMultiply(rInverse); // (DAᵀAD)⁻¹ = D⁻¹(AᵀA)⁻¹D⁻¹, D = diag(2^−eⱼ)
        var pseudoinverse = rInverse * qr.Q.Transpose(); // (AD)⁺ = R⁻¹Qᵀ, so A⁺ = D(AD)⁺
        var order = ThetaOrder(data.FeatureCount, fitIntercept);
        int n = data.RowCount, p = order.Length;
        var inverse = new double[p, p];
        for (var j = 0; j < p; j++)
            for (var k = 0; k < p; k++)
                inverse[j, k] = PowerOfTwoScaling.Unscale(scaled[order[j], order[k]], -exponents[order[j]] - exponents[order[k]], nameof(data), "an entry of (AᵀA)⁻¹");
        var influence = new double[n][];
        var leverage = new double[n];
        for (var i = 0; i < n; i++)
        {
            influence[i] = new double[p];
            for (var j = 0; j < p; j++) influence[i][j] = Math.ScaleB(pseudoinverse[order[j], i], -exponents[order[j]]);
            for (var k = 0; k < p; k++) leverage[i] += qr.Q[i, k] * qr.Q[i, k];
        }
        return (inverse, influence, leverage);
    }

    // order[j] is the design column that holds θⱼ: the design puts the intercept first, θ puts it last.
    private static int[] ThetaOrder(int featureCount, bool fitIntercept) =>
        fitIntercept
            ? [.. Enumerable.Range(1, featureCount), 0]
            : [.. Enumerable.Range(0, featureCount)];

    private static string[] ColumnNames(DataSet data, bool fitIntercept) =>
        fitIntercept ? [InterceptName, .. data.FeatureNames] : [.. data.FeatureNames];

    // AD with A = [1 X] (an intercept) or A = X (none), its rows whitened (times √ωᵢ) when the data are weighted, column
    // j scaled by 2^−eⱼ to a largest magnitude in [1, 2); returns AD and the eⱼ. Exact but for the whitening, except that
    // an entry below 2⁻¹⁰⁷⁴ times its column's largest would flush to 0, where it counts for nothing in the
    // factorisation anyway.
    private static (Matrix<double> Design, int[] Exponents) ScaledDesign(DataSet data, bool fitIntercept)
    {
        var offset = fitIntercept ? 1 : 0;
        var exponents = new int[data.FeatureCount + offset];
        var features = data.Features.Span;
        var roots = RootWeights(data);
        for (var c = 0; c < data.FeatureCount; c++)
        {
            var largest = 0.0;
            for (var i = 0; i < data.RowCount; i++) largest = Math.Max(largest, Math.Abs((roots?[i] ?? 1.0) * features[i * data.FeatureCount + c]));
            exponents[c + offset] = PowerOfTwoScaling.Exponent(largest);
        }
        var design = Matrix<double>.Build.Dense(data.RowCount, exponents.Length,
            (i, c) => c < offset ? roots?[i] ?? 1.0 : Math.ScaleB((roots?[i] ?? 1.0) * data[i, c - offset], -exponents[c]));
        return (design, exponents);
    }

    /// <summary>
    /// The sample weights divided by 2ᵏ, k the exponent of the largest (exact), and k; (null, 0) for unweighted data.
    /// Weighted least squares is unchanged by a common factor of the weights — θ̂, Cov(θ̂), R² and ℓ alike, and RSS
    /// scales by it — and ω/2ᵏ &lt; 2 keeps the whitened rows no larger than the data's own, whatever the weights' scale.
    /// </summary>
    internal static (double[]? Weights, int Exponent) ScaledWeights(DataSet data)
    {
        if (!data.IsWeighted) return (null, 0);
        var k = PowerOfTwoScaling.Exponent(data.SampleWeights.Span);
        return ([.. data.SampleWeightArray().Select(w => Math.ScaleB(w, -k))], k);
    }

    // √(ωᵢ/2ᵏ), the whitening factors; null for unweighted data, whose rows stay bit for bit as they are.
    private static double[]? RootWeights(DataSet data) => ScaledWeights(data).Weights?.Select(Math.Sqrt).ToArray();

    /// <summary>The values vᵢ times √(ωᵢ/2ᵏ) (<see cref="ScaledWeights"/>): the targets or residuals of the whitened problem (unchanged when unweighted).</summary>
    internal static double[] Whitened(DataSet data, double[] values)
    {
        var roots = RootWeights(data);
        if (roots is not null)
            for (var i = 0; i < values.Length; i++) values[i] *= roots[i];
        return values;
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

    // R² of the scaled, whitened targets y and fit; for weighted data 1 − RSS/TSS_ω with TSS_ω from the targets 2⁻ᵉyᵢ
    // themselves (whitened targets have no single mean to centre on) and the same scaled weights as RSS.
    private static double? RSquared(DataSet data, double[]? weights, double[] targets, double[] fitted, double rss, int e, bool fitIntercept)
    {
        if (RegressionMetrics.AreConstant(data.TargetArray()) && (fitIntercept || data.Targets.Span[0] == 0.0)) return null;
        if (weights is null)
            return fitIntercept ? RegressionMetrics.RSquared(targets, fitted) : RegressionMetrics.UncentredRSquared(targets, fitted);
        var scaled = data.TargetArray().Select(v => Math.ScaleB(v, -e)).ToArray();
        return 1.0 - rss / RegressionMetrics.TotalSumOfSquares(scaled, weights, fitIntercept);
    }
}
