using TensorLinear.Numerics;
using TorchSharp;
using static TorchSharp.torch;
using TensorLinear.Autograd.Runtime;

namespace TensorLinear.Autograd;

/// <summary>
/// The tensor twins of <c>TensorLinear.Reference.Line</c> for lines y = m·x + b of the plane: the slope and intercept
/// of the line through two points, the perpendicular through a point, and the parallel and perpendicular tests,
/// written with libtorch operations so that autograd differentiates the slope and intercept with respect to the
/// points.
/// </summary>
/// <remarks>
/// A line is held as its slope and intercept (two tensors), so a vertical line x = c has no twin: where the reference
/// returns <c>Line.Vertical</c> (two points with one abscissa, the perpendicular of a horizontal line) the twin refuses
/// with a <see cref="DegenerateInputException"/>. Points are float64 vectors of two coordinates, slopes float64 tensors
/// of one element; other shapes and non-finite values raise the reference's typed errors.
/// </remarks>
public static class TensorLine
{
    /// <summary>The slope and intercept [m, b] of the line through p and q: m = (q₁ − p₁)/(q₀ − p₀), b = p₁ − m·p₀.</summary>
    /// <exception cref="InvalidInputException">A point that is not a finite float64 vector of two coordinates.</exception>
    /// <exception cref="DegenerateInputException">p₀ = q₀: the line is vertical (or p = q, no line), with no slope.</exception>
    public static Tensor Through(Tensor p, Tensor q)
    {
        var (a, c) = (Point(p, nameof(p)), Point(q, nameof(q)));
        if (a[0] == c[0])
            throw new DegenerateInputException(nameof(q), "has the abscissa of p: the line through them is vertical (or they coincide), and a vertical line has no slope");
        return WrappedTensorDisposeScope(() =>
        {
            // m = rise/run
            var slope = (q[1] - p[1]) / (q[0] - p[0]);
            // b = y₀ − m·x₀ (point–slope form)
            return stack([slope, p[1] - slope * p[0]]);
        });
    }

    /// <summary>The slope and intercept [m⊥, b⊥] of the line perpendicular to slope m through the point: m⊥ = −1/m, b⊥ = y₀ − m⊥·x₀.</summary>
    /// <exception cref="InvalidInputException">A slope or point that is not finite float64 of the right shape.</exception>
    /// <exception cref="DegenerateInputException">m = 0: the perpendicular is vertical, with no slope.</exception>
    public static Tensor PerpendicularThrough(Tensor slope, Tensor point)
    {
        var m = TensorChecks.Scalar(slope, nameof(slope));
        Point(point, nameof(point));
        if (m == 0.0) throw new DegenerateInputException(nameof(slope), "is 0: the perpendicular of a horizontal line is vertical, and has no slope");
        return WrappedTensorDisposeScope(() =>
        {
            // m⊥ = −1/m, since m·m⊥ = −1
            var perpendicular = slope.reshape(1)[0].reciprocal().neg();
            return stack([perpendicular, point[1] - perpendicular * point[0]]);
        });
    }

    /// <summary>Whether slopes m₁ and m₂ are parallel within a relative tolerance τ: |m₁ − m₂| ≤ τ·max(|m₁|, |m₂|) (a boolean tensor).</summary>
    /// <exception cref="InvalidInputException">A slope that is not finite float64 of one element, or τ negative or NaN.</exception>
    public static Tensor IsParallel(Tensor m1, Tensor m2, double tolerance)
    {
        Slopes(m1, m2, tolerance);
        using var tau = tensor(tolerance, ScalarType.Float64);
        // m₁ = m₂, within τ relative
        return WrappedTensorDisposeScope(() => (m1 - m2).abs().le(tau * maximum(m1.abs(), m2.abs())).reshape(1)[0]);
    }

    /// <summary>Whether slopes m₁ and m₂ are perpendicular within τ: |m₁·m₂ + 1| ≤ τ (a boolean tensor).</summary>
    /// <exception cref="InvalidInputException">A slope that is not finite float64 of one element, or τ negative or NaN.</exception>
    public static Tensor IsPerpendicular(Tensor m1, Tensor m2, double tolerance)
    {
        Slopes(m1, m2, tolerance);
        using var tau = tensor(tolerance, ScalarType.Float64);
        // m₁·m₂ = −1, within τ
        return WrappedTensorDisposeScope(() => (m1 * m2).Plus(ones_like(m1)).abs().le(tau).reshape(1)[0]);
    }

    private static double[] Point(Tensor point, string name)
    {
        var values = TensorChecks.Vector(point, name);
        if (values.Length != 2)
            throw new DimensionMismatchException(name, $"has {values.Length} coordinates; a point in the plane has 2");
        return values;
    }

    private static void Slopes(Tensor m1, Tensor m2, double tolerance)
    {
        TensorChecks.Scalar(m1, nameof(m1));
        TensorChecks.Scalar(m2, nameof(m2));
        Check.NonNegative(tolerance, nameof(tolerance));
    }
}
