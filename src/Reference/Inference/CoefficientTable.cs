using System.Collections.Immutable;

namespace TensorLinear.Reference.Inference;

/// <summary>
/// Estimates with their standard errors, test statistics, p-values and confidence intervals, all from one covariance
/// matrix of the estimates: θ̂ⱼ ± q·√Vⱼⱼ with q the two-sided critical value of t (ν degrees of freedom) or z.
/// </summary>
public sealed record CoefficientTable
{
    private readonly double[,] _covariance;

    private CoefficientTable(ImmutableArray<Coefficient> coefficients, double[,] covariance, TestStatistic statistic, int? degreesOfFreedom, InferenceOptions options)
    {
        Coefficients = coefficients;
        _covariance = covariance;
        Statistic = statistic;
        DegreesOfFreedom = degreesOfFreedom;
        Level = options.Level;
        Robust = options.Robust;
    }

    /// <summary>The rows, in the order θ = (w₁, …, w_d, b) of the parameters.</summary>
    public ImmutableArray<Coefficient> Coefficients { get; }

    /// <summary>Whether the statistics are t (least squares) or z (logistic).</summary>
    public TestStatistic Statistic { get; }

    /// <summary>The t statistics' degrees of freedom n − p; null for z.</summary>
    public int? DegreesOfFreedom { get; }

    /// <summary>The confidence level of the intervals.</summary>
    public double Level { get; }

    /// <summary>The covariance the standard errors come from.</summary>
    public RobustCovariance Robust { get; }

    /// <summary>A copy of the covariance matrix V of the estimates, in the order of <see cref="Coefficients"/>.</summary>
    public double[,] Covariance() => (double[,])_covariance.Clone();

    /// <summary>
    /// The same table for the same model in other parameters, with the same statistic, degrees of freedom, level and
    /// covariance kind: for estimates mapped from standardised to original units, θ′ = Tθ + c and V′ = TVTᵀ.
    /// </summary>
    /// <exception cref="DimensionMismatchException">Not one estimate and one covariance row per coefficient.</exception>
    public CoefficientTable Reparameterised(IReadOnlyList<double> estimates, double[,] covariance) =>
        From([.. Coefficients.Select(c => c.Name)], estimates, covariance, Statistic, DegreesOfFreedom ?? 0, new InferenceOptions { Level = Level, Robust = Robust });

    /// <summary>The table of <paramref name="estimates"/> with covariance <paramref name="covariance"/>.</summary>
    /// <param name="names">One name per estimate.</param>
    /// <param name="estimates">θ̂.</param>
    /// <param name="covariance">V, p × p (copied).</param>
    /// <param name="statistic">t or z.</param>
    /// <param name="degreesOfFreedom">ν for t; ignored for z.</param>
    /// <param name="options">The level, and the covariance's name as reported; the defaults when null.</param>
    /// <exception cref="DimensionMismatchException">The names, estimates and covariance do not have one entry per parameter.</exception>
    /// <exception cref="OutOfDomainException">An option out of range, or t with fewer than one degree of freedom.</exception>
    public static CoefficientTable From(IReadOnlyList<string> names, IReadOnlyList<double> estimates, double[,] covariance,
                                        TestStatistic statistic, int degreesOfFreedom, InferenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(covariance);
        options ??= new InferenceOptions();
        options.Validate();
        var p = estimates.Count;
        if (names.Count != p || covariance.GetLength(0) != p || covariance.GetLength(1) != p)
            throw new DimensionMismatchException(nameof(covariance), $"is {covariance.GetLength(0)} × {covariance.GetLength(1)} with {names.Count} names for {p} estimates; all must have one entry per parameter");
        if (statistic == TestStatistic.T && degreesOfFreedom < 1)
            throw new OutOfDomainException(nameof(degreesOfFreedom), $"is {degreesOfFreedom}; a t statistic needs n − p ≥ 1");
        double? nu = statistic == TestStatistic.T ? degreesOfFreedom : null;
        var critical = Distributions.CriticalValue(options.Level, nu);
        var rows = ImmutableArray.CreateBuilder<Coefficient>(p);
        for (var j = 0; j < p; j++)
        {
            // A variance that is 0 in exact arithmetic (an exact fit) can round to a tiny negative number.
            var error = Math.Sqrt(Math.Max(covariance[j, j], 0.0));
            var t = estimates[j] / error;
            rows.Add(new Coefficient(names[j], estimates[j], error, t, Distributions.TwoSided(t, nu), estimates[j] - critical * error, estimates[j] + critical * error));
        }
        return new CoefficientTable(rows.MoveToImmutable(), (double[,])covariance.Clone(), statistic, nu is null ? null : degreesOfFreedom, options);
    }
}
