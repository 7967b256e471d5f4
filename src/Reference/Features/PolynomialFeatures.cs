using TensorLinear.Data;
using TensorLinear.Numerics;

namespace TensorLinear.Reference.Features;

/// <summary>
/// The powers x, x², …, x^K of one variable as K features, so that a linear model in them is a polynomial of degree K
/// in x (the constant term is the model's intercept).
/// </summary>
/// <remarks>
/// The columns of powers of a variable far from 0, or of a high degree, are nearly parallel: centre and scale x first
/// (for instance to [−1, 1]) to keep the least-squares problem well conditioned.
/// </remarks>
public static class PolynomialFeatures
{
    /// <summary>The n×K matrix whose row i is (xᵢ, xᵢ², …, xᵢ^K).</summary>
    /// <exception cref="InvalidInputException">x is empty or holds NaN/∞.</exception>
    /// <exception cref="OutOfDomainException">The degree is below 1, or a power overflows.</exception>
    public static double[,] Of(double[] x, int degree)
    {
        Check.Vector(x, nameof(x));
        if (degree < 1) throw new OutOfDomainException(nameof(degree), $"is {degree}; a polynomial feature set needs degree ≥ 1");
        var powers = new double[x.Length, degree];
        for (var i = 0; i < x.Length; i++)
        {
            var power = 1.0;
            for (var k = 0; k < degree; k++)
            {
                power *= x[i]; // x^(k+1) = x^k·x
                if (!double.IsFinite(power))
                    throw new OutOfDomainException(nameof(x), FormattableString.Invariant($"x[{i}] = {x[i]} raised to the power {k + 1} overflows; scale x first"));
                powers[i, k] = power;
            }
        }
        return powers;
    }

    /// <summary>
    /// The data set whose one feature is replaced by its powers 1..K, named name, name^2, …, name^K; targets unchanged.
    /// </summary>
    /// <exception cref="DimensionMismatchException">The data set has more than one feature.</exception>
    /// <exception cref="OutOfDomainException">The degree is below 1, or a power overflows.</exception>
    public static DataSet Of(DataSet data, int degree)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != 1)
            throw new DimensionMismatchException(nameof(data), $"has {data.FeatureCount} features; polynomial features are of one variable");
        var powers = Of(data.Features.ToArray(), degree);
        var name = data.FeatureNames[0];
        var names = Enumerable.Range(1, degree).Select(k => k == 1 ? name : $"{name}^{k}");
        return DataSet.FromMatrix(powers, data.TargetArray(), names, data.TargetName).WithSampleWeights(data.IsWeighted ? data.SampleWeightArray() : null);
    }
}
