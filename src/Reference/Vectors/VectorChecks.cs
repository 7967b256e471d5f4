using TensorLinear.Numerics;

namespace TensorLinear.Reference;

/// <summary>
/// The input checks shared by <see cref="Vector"/> and <see cref="VectorGradients"/>, so that a function and its
/// gradient reject the same inputs with the same message. Callers name their arguments x and y, as these do.
/// </summary>
internal static class VectorChecks
{
    /// <summary>x and y must make an angle: matching, finite and both non-zero.</summary>
    public static void Angle(double[] x, double[] y)
    {
        Check.Vectors(x, nameof(x), y, nameof(y));
        Check.NonZero(x, nameof(x), "the zero vector has no direction, so it makes no angle");
        Check.NonZero(y, nameof(y), "the zero vector has no direction, so it makes no angle");
    }

    /// <summary>x must be projectable on y: matching, finite, and y non-zero.</summary>
    public static void Projection(double[] x, double[] y)
    {
        Check.Vectors(x, nameof(x), y, nameof(y));
        Check.NonZero(y, nameof(y), "projecting needs a direction to project on");
    }
}
