using TensorLinear.Numerics;

namespace TensorLinear.Reference;

/// <summary>
/// A straight line in the plane: either <see cref="Sloped"/>, y = m·x + b, or <see cref="Vertical"/>, x = c. A
/// vertical line has no slope (the run is 0), so it is its own case rather than an infinite slope. Points in the
/// plane are <c>double[]</c> of length 2, (x, y).
/// </summary>
/// <remarks>Derived in docs/derivations/lines-and-hyperplanes.md. Immutable.</remarks>
public abstract record Line
{
    private Line() { }

    /// <summary>The line y = m·x + b with finite slope m and intercept b.</summary>
    public sealed record Sloped : Line
    {
        /// <summary>Creates y = <paramref name="slope"/>·x + <paramref name="intercept"/>.</summary>
        /// <exception cref="NonFiniteInputException">The slope or the intercept is NaN or infinite.</exception>
        public Sloped(double slope, double intercept)
        {
            Check.Finite(slope, nameof(slope));
            Check.Finite(intercept, nameof(intercept));
            Slope = slope;
            Intercept = intercept;
        }

        /// <summary>The slope m: the rise in y per unit run in x.</summary>
        public double Slope { get; }

        /// <summary>The intercept b: where the line crosses the y-axis.</summary>
        public double Intercept { get; }

        /// <inheritdoc/>
        public override Line PerpendicularThrough(double[] point)
        {
            CheckPoint(point, nameof(point));
            if (Slope == 0.0) return new Vertical(point[0]);
            // m⊥ = −1/m, since m·m⊥ = −1
            return SlopedThrough(point, -1.0 / Slope, nameof(point));
        }
    }

    /// <summary>The vertical line x = c.</summary>
    public sealed record Vertical : Line
    {
        /// <summary>Creates the vertical line x = <paramref name="x"/>.</summary>
        /// <exception cref="NonFiniteInputException"><paramref name="x"/> is NaN or infinite.</exception>
        public Vertical(double x)
        {
            Check.Finite(x, nameof(x));
            X = x;
        }

        /// <summary>The abscissa c that every point of the line shares.</summary>
        public double X { get; }

        /// <inheritdoc/>
        public override Line PerpendicularThrough(double[] point)
        {
            CheckPoint(point, nameof(point));
            return new Sloped(0.0, point[1]);
        }
    }

    /// <summary>
    /// The line through the points p and q: vertical when they share their x, else slope m = (q_y − p_y)/(q_x − p_x)
    /// and intercept b = p_y − m·p_x.
    /// </summary>
    /// <exception cref="EmptyInputException">p or q is empty.</exception>
    /// <exception cref="NonFiniteInputException">A coordinate is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">p or q does not have 2 coordinates.</exception>
    /// <exception cref="DegenerateInputException">p and q coincide, and one point fixes no line.</exception>
    /// <exception cref="OutOfDomainException">The line is so steep, or so far out, that m or b overflows double.</exception>
    public static Line Through(double[] p, double[] q)
    {
        CheckPoint(p, nameof(p));
        CheckPoint(q, nameof(q));
        if (p[0] == q[0] && p[1] == q[1])
            throw new DegenerateInputException(nameof(q), "coincides with p; a line needs two distinct points");
        if (p[0] == q[0]) return new Vertical(p[0]);
        // m = rise/run
        var slope = (q[1] - p[1]) / (q[0] - p[0]);
        return SlopedThrough(p, slope, nameof(q));
    }

    /// <summary>
    /// Whether this line and <paramref name="other"/> are parallel: both vertical, or both sloped with
    /// m₁ = m₂. A line is parallel to itself.
    /// </summary>
    /// <param name="other">The other line.</param>
    /// <param name="tolerance">
    /// Accept |m₁ − m₂| ≤ tolerance·max(|m₁|, |m₂|); the default 0 asks for equal slopes. Slopes computed from
    /// rounded points are rarely equal to the last bit, so callers comparing such lines choose a tolerance.
    /// </param>
    /// <exception cref="OutOfDomainException">The tolerance is negative or not finite.</exception>
    public bool IsParallelTo(Line other, double tolerance = 0.0)
    {
        ArgumentNullException.ThrowIfNull(other);
        Check.NonNegative(tolerance, nameof(tolerance));
        return (this, other) switch
        {
            (Vertical, Vertical) => true,
            // m₁ = m₂
            (Sloped a, Sloped b) => Math.Abs(a.Slope - b.Slope) <= tolerance * Math.Max(Math.Abs(a.Slope), Math.Abs(b.Slope)),
            _ => false,
        };
    }

    /// <summary>
    /// Whether this line and <paramref name="other"/> are perpendicular: a vertical line and a horizontal one
    /// (slope exactly 0), or two sloped lines with m₁·m₂ = −1.
    /// </summary>
    /// <param name="other">The other line.</param>
    /// <param name="tolerance">
    /// Accept |m₁·m₂ + 1| ≤ tolerance for two sloped lines, with m₁·m₂ + 1 evaluated in one rounding (a fused
    /// multiply–add), so the default 0 asks for m₁·m₂ = −1 exactly. A slope −1/m from
    /// <see cref="PerpendicularThrough"/> is rounded once, so m·fl(−1/m) + 1 = −δ with |δ| ≤ u: pass
    /// <see cref="FloatingPoint.UnitRoundoff"/> to accept it. The tolerance does not apply to a vertical line, which
    /// is perpendicular only to a slope of exactly 0.
    /// </param>
    /// <exception cref="OutOfDomainException">The tolerance is negative or not finite.</exception>
    public bool IsPerpendicularTo(Line other, double tolerance = 0.0)
    {
        ArgumentNullException.ThrowIfNull(other);
        Check.NonNegative(tolerance, nameof(tolerance));
        return (this, other) switch
        {
            (Vertical, Sloped b) => b.Slope == 0.0,
            (Sloped a, Vertical) => a.Slope == 0.0,
            // m₁·m₂ = −1
            (Sloped a, Sloped b) => Math.Abs(Math.FusedMultiplyAdd(a.Slope, b.Slope, 1.0)) <= tolerance,
            _ => false,
        };
    }

    /// <summary>
    /// The line through <paramref name="point"/> perpendicular to this one: slope −1/m for a sloped line, the
    /// vertical line through the point for a horizontal one, and the horizontal line through it for a vertical one.
    /// </summary>
    /// <exception cref="EmptyInputException">The point is empty.</exception>
    /// <exception cref="NonFiniteInputException">A coordinate is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">The point does not have 2 coordinates.</exception>
    /// <exception cref="OutOfDomainException">The slope is so small that −1/m, or the new intercept, overflows double.</exception>
    public abstract Line PerpendicularThrough(double[] point);

    // The line of the given slope through the point, b = y₀ − m·x₀ (point–slope form) in one rounding.
    private static Sloped SlopedThrough(double[] point, double slope, string name)
    {
        var intercept = Math.FusedMultiplyAdd(-slope, point[0], point[1]);
        if (!double.IsFinite(slope) || !double.IsFinite(intercept))
            throw new OutOfDomainException(name, FormattableString.Invariant(
                $"gives a line of slope {slope} and intercept {intercept}: too steep, or too far out, for y = m·x + b in double"));
        return new Sloped(slope, intercept);
    }

    private static void CheckPoint(double[] point, string name)
    {
        Check.Vector(point, name);
        if (point.Length != 2)
            throw new DimensionMismatchException(name, $"has {point.Length} coordinates; a point in the plane has 2");
    }
}
