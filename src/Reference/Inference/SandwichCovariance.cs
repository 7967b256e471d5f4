namespace TensorLinear.Reference.Inference;

/// <summary>
/// Heteroskedasticity-consistent covariances of an estimate: V = Σᵢ ωᵢeᵢ²gᵢgᵢᵀ = B(Σᵢ ωᵢeᵢ²aᵢaᵢᵀ)B, with aᵢ the design
/// row, B the classical bread, gᵢ = Baᵢ the row's influence and eᵢ its score residual.
/// </summary>
/// <remarks>
/// For least squares B = (AᵀA)⁻¹ and eᵢ = yᵢ − ŷᵢ; for logistic regression B = (AᵀWA)⁻¹, the inverse information, and
/// eᵢ = yᵢ − pᵢ, the score of row i being eᵢaᵢ. HC0 has ωᵢ = 1; HC1 multiplies HC0 by n/(n − p); HC2 has
/// ωᵢ = 1/(1 − hᵢ) and HC3 ωᵢ = 1/(1 − hᵢ)², hᵢ the leverage: aᵢᵀBaᵢ for least squares, pᵢ(1 − pᵢ)aᵢᵀBaᵢ for logistic
/// (the diagonal of W^½A(AᵀWA)⁻¹AᵀW^½), as R's sandwich::vcovHC gives for a glm. Summed as rank-one terms from the
/// influences rather than as the product BMB, whose factors' cancellation loses digits on ill-conditioned designs.
/// </remarks>
public static class SandwichCovariance
{
    /// <summary>The sandwich of <paramref name="kind"/> (not <see cref="RobustCovariance.None"/>).</summary>
    /// <param name="influence">gᵢ = Baᵢ, one array of p per row.</param>
    /// <param name="residuals">eᵢ, one per row.</param>
    /// <param name="leverage">hᵢ, one per row (read by HC2 and HC3 only).</param>
    /// <param name="kind">HC0 to HC3.</param>
    /// <exception cref="DimensionMismatchException">The three do not have one entry per row, or the influences differ in length.</exception>
    /// <exception cref="OutOfDomainException">Not a sandwich, n ≤ p, or a row of leverage 1 (HC2, HC3), whose weight is infinite.</exception>
    public static double[,] Of(IReadOnlyList<double[]> influence, IReadOnlyList<double> residuals, IReadOnlyList<double> leverage, RobustCovariance kind)
    {
        ArgumentNullException.ThrowIfNull(influence);
        ArgumentNullException.ThrowIfNull(residuals);
        ArgumentNullException.ThrowIfNull(leverage);
        if (kind == RobustCovariance.None || !Enum.IsDefined(kind))
            throw new OutOfDomainException(nameof(kind), $"is {kind}; a sandwich is HC0, HC1, HC2 or HC3");
        var n = influence.Count;
        var p = n == 0 ? 0 : influence[0].Length;
        if (residuals.Count != n || leverage.Count != n || influence.Any(g => g.Length != p))
            throw new DimensionMismatchException(nameof(influence), $"has {n} rows for {residuals.Count} residuals and {leverage.Count} leverages; each needs one per row, and every influence {p} entries");
        if (n <= p) throw new OutOfDomainException(nameof(influence), $"has {n} rows for {p} parameters; a sandwich needs more rows than parameters");
        var covariance = new double[p, p];
        for (var i = 0; i < n; i++)
        {
            var weight = kind is RobustCovariance.Hc2 or RobustCovariance.Hc3 ? LeverageWeight(kind, leverage[i], i) : 1.0;
            var e2 = weight * residuals[i] * residuals[i];
            var g = influence[i];
            for (var j = 0; j < p; j++)
                for (var k = 0; k < p; k++)
                    covariance[j, k] += e2 * g[j] * g[k];
        }
        if (kind == RobustCovariance.Hc1)
        {
            var correction = (double)n / (n - p);
            for (var j = 0; j < p; j++)
                for (var k = 0; k < p; k++)
                    covariance[j, k] *= correction;
        }
        return covariance;
    }

    // 1/(1 − h) or 1/(1 − h)²: a row with h = 1 fits itself exactly and its weight is infinite.
    private static double LeverageWeight(RobustCovariance kind, double leverage, int row)
    {
        var complement = 1.0 - leverage;
        if (!(complement > 0.0))
            throw new OutOfDomainException("data", $"has row {row + 1} with leverage {leverage:R}, which the fit passes through exactly; HC2 and HC3 divide by 1 − h: use HC0 or HC1");
        return kind == RobustCovariance.Hc2 ? 1.0 / complement : 1.0 / (complement * complement);
    }
}
