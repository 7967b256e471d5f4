using System.Collections.Immutable;
using TensorLinear.Models;

namespace TensorLinear.Reference.LeastSquares;

/// <summary>
/// An ordinary least-squares fit y ≈ Xw + b with the statistics of its coefficients. Parameters are in the order
/// θ = (w₁, …, w_d, b) wherever they form one vector, as everywhere in TensorLinear.
/// </summary>
public sealed record LeastSquaresFit
{
    private readonly double[,] _covariance;

    // The fit's statistics follow from the coefficients, their covariance and the RSS:
    // SE(θⱼ) = √Cov(θ)ⱼⱼ and σ̂ = √(RSS/(n − p)).
    internal LeastSquaresFit(double[] coefficients, double intercept, bool hasIntercept, double[,] covariance,
                             double residualSumOfSquares, int rowCount, double? rSquared, ImmutableArray<string> featureNames)
    {
        Coefficients = coefficients.ToImmutableArray();
        Intercept = intercept;
        HasIntercept = hasIntercept;
        _covariance = covariance;
        var standardErrors = new double[covariance.GetLength(0)];
        // A variance that is 0 in exact arithmetic (an exact fit) can round to a tiny negative number.
        for (var j = 0; j < standardErrors.Length; j++) standardErrors[j] = Math.Sqrt(Math.Max(covariance[j, j], 0.0));
        StandardErrors = standardErrors.AsSpan(0, coefficients.Length).ToImmutableArray();
        InterceptStandardError = hasIntercept ? standardErrors[^1] : null;
        ResidualSumOfSquares = residualSumOfSquares;
        RowCount = rowCount;
        ParameterCount = standardErrors.Length;
        ResidualStandardDeviation = Math.Sqrt(residualSumOfSquares / DegreesOfFreedom);
        RSquared = rSquared;
        FeatureNames = featureNames;
    }

    /// <summary>The weights w, one per feature.</summary>
    public ImmutableArray<double> Coefficients { get; }

    /// <summary>The intercept b; 0 for a fit without one.</summary>
    public double Intercept { get; }

    /// <summary>Whether the intercept was fitted (otherwise the fit passes through the origin).</summary>
    public bool HasIntercept { get; }

    /// <summary>The standard errors of the weights, SE(wⱼ) = σ̂·√((XᵀX)⁻¹)ⱼⱼ with X the design matrix.</summary>
    public ImmutableArray<double> StandardErrors { get; }

    /// <summary>The standard error of the intercept; null for a fit without one.</summary>
    public double? InterceptStandardError { get; }

    /// <summary>RSS = Σ (yᵢ − ŷᵢ)².</summary>
    public double ResidualSumOfSquares { get; }

    /// <summary>σ̂ = √(RSS/(n − p)), the unbiased estimate of the noise's standard deviation.</summary>
    public double ResidualStandardDeviation { get; }

    /// <summary>
    /// R² = 1 − RSS/Σ(yᵢ − ȳ)² with an intercept; the uncentred 1 − RSS/Σyᵢ² without one. Null when its denominator
    /// is 0 (all targets equal, or all 0 without an intercept), where R² is undefined.
    /// </summary>
    public double? RSquared { get; }

    /// <summary>The number of rows n.</summary>
    public int RowCount { get; }

    /// <summary>The number of fitted parameters p: the weights, plus one for the intercept. The design has full column rank p (otherwise the fit raises <see cref="RankDeficientException"/>).</summary>
    public int ParameterCount { get; }

    /// <summary>The residual degrees of freedom n − p.</summary>
    public int DegreesOfFreedom => RowCount - ParameterCount;

    /// <summary>The features' names, in the order of <see cref="Coefficients"/>.</summary>
    public ImmutableArray<string> FeatureNames { get; }

    /// <summary>The fitted model ŷ = Xw + b.</summary>
    public LinearModel Model => new(Coefficients, Intercept);

    /// <summary>
    /// A copy of Cov(θ̂) = σ̂²(AᵀA)⁻¹, A the design matrix: p×p in the order (w₁, …, w_d, b), or d×d without an
    /// intercept.
    /// </summary>
    public double[,] Covariance() => (double[,])_covariance.Clone();
}
