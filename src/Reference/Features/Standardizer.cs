using System.Collections.Immutable;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.LeastSquares;

namespace TensorLinear.Reference.Features;

/// <summary>
/// Standardisation x′ⱼ = (xⱼ − mⱼ)/sⱼ of each feature by its mean mⱼ and standard deviation sⱼ, and the map that carries a
/// model fitted in those units back to the original ones. Equal feature scales make the Hessian well conditioned, which
/// is what makes gradient descent fast (docs/derivations/gradient-descent.md).
/// </summary>
public sealed class Standardizer
{
    private Standardizer(double[] means, double[] standardDeviations, ImmutableArray<string> featureNames)
    {
        Means = means.ToImmutableArray();
        StandardDeviations = standardDeviations.ToImmutableArray();
        FeatureNames = featureNames;
    }

    /// <summary>The features' means mⱼ = (1/n) Σᵢ xᵢⱼ.</summary>
    public ImmutableArray<double> Means { get; }

    /// <summary>The features' population standard deviations sⱼ = √((1/n) Σᵢ (xᵢⱼ − mⱼ)²), each &gt; 0.</summary>
    public ImmutableArray<double> StandardDeviations { get; }

    /// <summary>The names of the features standardised.</summary>
    public ImmutableArray<string> FeatureNames { get; }

    /// <summary>Measures the mean and standard deviation of each feature of <paramref name="data"/>.</summary>
    /// <remarks>
    /// Two passes (the mean, then the squared deviations from it) rather than Σx² − n·m², which cancels
    /// catastrophically when the mean is large against the spread. The 1/n form is used; any fixed divisor gives the
    /// same fitted model once mapped back.
    /// </remarks>
    /// <exception cref="DegenerateInputException">A feature is constant: sⱼ = 0 and it cannot be scaled to unit spread
    /// (it is a copy of the intercept; drop it).</exception>
    public static Standardizer Fit(DataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = data.RowCount, d = data.FeatureCount;
        var means = new double[d];
        var deviations = new double[d];
        for (var j = 0; j < d; j++)
        {
            var column = Enumerable.Range(0, n).Select(i => data[i, j]).ToArray();
            // Equality, not sⱼ = 0: the mean of equal values can round off them, leaving an sⱼ of pure rounding.
            if (Array.TrueForAll(column, x => x == column[0]))
                throw new DegenerateInputException(nameof(data), $"feature '{data.FeatureNames[j]}' is constant ({column[0]}), so its standard deviation is 0 and it cannot be standardised; as a copy of the intercept it adds nothing to the model, so drop it");
            means[j] = column.Sum() / n;
            deviations[j] = Math.Sqrt(column.Sum(x => (x - means[j]) * (x - means[j])) / n);
        }
        return new Standardizer(means, deviations, data.FeatureNames);
    }

    /// <summary>The data set with every feature standardised, x′ᵢⱼ = (xᵢⱼ − mⱼ)/sⱼ; targets and names unchanged.</summary>
    /// <exception cref="DimensionMismatchException">The data set has a different number of features.</exception>
    public DataSet Transform(DataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFeatureCount(data.FeatureCount, nameof(data));
        int n = data.RowCount, d = data.FeatureCount;
        var standardized = new double[n * d];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < d; j++)
                standardized[i * d + j] = (data[i, j] - Means[j]) / StandardDeviations[j];
        return data.WithFeatures(standardized);
    }

    /// <summary>
    /// The model in original units that predicts what <paramref name="standardizedModel"/> predicts on standardised
    /// features: wⱼ = w′ⱼ/sⱼ and b = b′ − Σⱼ w′ⱼmⱼ/sⱼ.
    /// </summary>
    /// <remarks>A penalty on w′ is not the same penalty on w: map back a penalised fit knowing that.</remarks>
    /// <exception cref="DimensionMismatchException">The model has a different number of weights.</exception>
    public LinearModel ToOriginalUnits(LinearModel standardizedModel)
    {
        ArgumentNullException.ThrowIfNull(standardizedModel);
        CheckFeatureCount(standardizedModel.FeatureCount, nameof(standardizedModel));
        return LinearModel.FromParameterVector(Multiply(Map(), standardizedModel.ToParameterVector()));
    }

    /// <summary>
    /// The least-squares fit in original units: coefficients mapped as for a model, and the covariance as
    /// Cov(θ) = T·Cov(θ′)·Tᵀ for the linear map θ = Tθ′, which gives the standard errors (SE(wⱼ) = SE(w′ⱼ)/sⱼ, and the
    /// intercept's through its covariances with the weights). RSS, σ̂ and R² do not change: the fitted values are the same.
    /// </summary>
    /// <exception cref="DimensionMismatchException">The fit has a different number of weights.</exception>
    /// <exception cref="OutOfDomainException">The fit has no intercept: centring moves the origin, so a fit through the
    /// origin of the standardised features is not a fit through the origin of the original ones.</exception>
    public LeastSquaresFit ToOriginalUnits(LeastSquaresFit standardizedFit)
    {
        ArgumentNullException.ThrowIfNull(standardizedFit);
        CheckFeatureCount(standardizedFit.Coefficients.Length, nameof(standardizedFit));
        if (!standardizedFit.HasIntercept)
            throw new OutOfDomainException(nameof(standardizedFit), "has no intercept; centring the features moves the origin, so fit the standardised data with an intercept to map it back");
        var t = Map();
        var theta = Multiply(t, standardizedFit.Model.ToParameterVector());
        var covariance = Multiply(Multiply(t, standardizedFit.Covariance()), Transpose(t));
        return new LeastSquaresFit(theta[..^1], theta[^1], true, covariance, standardizedFit.ResidualSumOfSquares,
                                   standardizedFit.RowCount, standardizedFit.RSquared, FeatureNames);
    }

    /// <summary>
    /// A covariance of standardised parameters θ′ = (w′, b′) carried to original units, Cov(θ) = T·Cov(θ′)·Tᵀ for the
    /// linear map θ = Tθ′ of <see cref="ToOriginalUnits(LinearModel)"/>: for estimators other than least squares, such
    /// as Newton–Raphson's, whose covariance is (XᵀWX)⁻¹.
    /// </summary>
    /// <exception cref="DimensionMismatchException">The matrix is not (d+1)×(d+1), d the standardizer's feature count:
    /// centring moves the origin, so only a fit with an intercept maps back.</exception>
    public double[,] ToOriginalUnits(double[,] standardizedCovariance)
    {
        ArgumentNullException.ThrowIfNull(standardizedCovariance);
        var p = Means.Length + 1;
        if (standardizedCovariance.GetLength(0) != p || standardizedCovariance.GetLength(1) != p)
            throw new DimensionMismatchException(nameof(standardizedCovariance), $"is {standardizedCovariance.GetLength(0)}×{standardizedCovariance.GetLength(1)}; it must be {p}×{p}, over the {Means.Length} weights and the intercept");
        var t = Map();
        return Multiply(Multiply(t, standardizedCovariance), Transpose(t));
    }

    // T with θ = Tθ′ for θ = (w, b): wⱼ = w′ⱼ/sⱼ is row j; b = b′ − Σⱼ (mⱼ/sⱼ)w′ⱼ is the last row.
    private double[,] Map()
    {
        var d = Means.Length;
        var t = new double[d + 1, d + 1];
        for (var j = 0; j < d; j++)
        {
            t[j, j] = 1.0 / StandardDeviations[j];
            t[d, j] = -Means[j] / StandardDeviations[j];
        }
        t[d, d] = 1.0;
        return t;
    }

    private static double[] Multiply(double[,] a, double[] v)
    {
        var result = new double[a.GetLength(0)];
        for (var i = 0; i < result.Length; i++)
            for (var k = 0; k < v.Length; k++)
                result[i] += a[i, k] * v[k];
        return result;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var result = new double[a.GetLength(0), b.GetLength(1)];
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < b.GetLength(1); j++)
                for (var k = 0; k < a.GetLength(1); k++)
                    result[i, j] += a[i, k] * b[k, j];
        return result;
    }

    private static double[,] Transpose(double[,] a)
    {
        var result = new double[a.GetLength(1), a.GetLength(0)];
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < a.GetLength(1); j++)
                result[j, i] = a[i, j];
        return result;
    }

    private void CheckFeatureCount(int count, string name)
    {
        if (count != Means.Length)
            throw new DimensionMismatchException(name, $"has {count} features but the standardizer was fitted to {Means.Length}");
    }
}
