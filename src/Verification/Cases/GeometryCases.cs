namespace TensorLinear.Verification.Cases;

// The inputs of the geometry entries: hyperplanes, lines and the decision rule.

/// <summary>
/// A hyperplane wᵀx + w₀ = 0 and a point x, with a scale c &gt; 0 for the scale-invariance identity
/// d(c·w, c·w₀; x) = d(w, w₀; x).
/// </summary>
/// <param name="Weights">The normal w.</param>
/// <param name="Bias">The offset w₀.</param>
/// <param name="X">The point.</param>
/// <param name="Scale">The scale c of the identity.</param>
public sealed record HyperplaneCase(double[] Weights, double Bias, double[] X, double Scale) : CaseInput
{
    /// <inheritdoc/>
    public override IEnumerable<double> Numbers => [.. Weights, .. X, Bias, Scale];

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, string Value)> Parts =>
        [("w", Format(Weights)), ("w₀", Format(Bias)), ("x", Format(X)), ("c", Format(Scale))];

    /// <summary>w and x are non-empty, of one length and finite, and c &gt; 0.</summary>
    public bool IsWellFormed => Weights.Length > 0 && X.Length == Weights.Length && IsFinite && Scale > 0;

    /// <inheritdoc/>
    public override IEnumerable<CaseInput> Shrinks() => Shrink.Parts([Weights, X], Bias, Scale)
        .Select(s => this with { Weights = s.Vectors[0], X = s.Vectors[1], Bias = s.Scalars[0], Scale = s.Scalars[1] });
}

/// <summary>Two points p and q of the plane, the line through them.</summary>
/// <param name="P">The first point (p₀, p₁).</param>
/// <param name="Q">The second point (q₀, q₁).</param>
public sealed record TwoPointsCase(double[] P, double[] Q) : CaseInput
{
    /// <inheritdoc/>
    public override IEnumerable<double> Numbers => [.. P, .. Q];

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, string Value)> Parts => [("p", Format(P)), ("q", Format(Q))];

    /// <summary>p and q are points of the plane, finite.</summary>
    public bool IsWellFormed => P.Length == 2 && Q.Length == 2 && IsFinite;

    /// <inheritdoc/>
    public override IEnumerable<CaseInput> Shrinks() => Shrink.Parts([P, Q]).Select(s => this with { P = s.Vectors[0], Q = s.Vectors[1] });
}

/// <summary>A line y = m·x + b and a point of the plane (the perpendicular through the point).</summary>
/// <param name="Slope">The slope m.</param>
/// <param name="Intercept">The intercept b.</param>
/// <param name="Point">The point (x₀, y₀).</param>
public sealed record SlopeAndPointCase(double Slope, double Intercept, double[] Point) : CaseInput
{
    /// <inheritdoc/>
    public override IEnumerable<double> Numbers => [.. Point, Slope, Intercept];

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, string Value)> Parts => [("m", Format(Slope)), ("b", Format(Intercept)), ("point", Format(Point))];

    /// <summary>The point is a point of the plane and everything is finite.</summary>
    public bool IsWellFormed => Point.Length == 2 && IsFinite;

    /// <inheritdoc/>
    public override IEnumerable<CaseInput> Shrinks() => Shrink.Parts([Point], Slope, Intercept)
        .Select(s => this with { Point = s.Vectors[0], Slope = s.Scalars[0], Intercept = s.Scalars[1] });
}

/// <summary>Two slopes and a relative tolerance τ ≥ 0 (the parallel and perpendicular verdicts).</summary>
/// <param name="First">The slope m₁.</param>
/// <param name="Second">The slope m₂.</param>
/// <param name="Tolerance">The tolerance τ.</param>
public sealed record TwoSlopesCase(double First, double Second, double Tolerance) : CaseInput
{
    /// <inheritdoc/>
    public override IEnumerable<double> Numbers => [First, Second, Tolerance];

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, string Value)> Parts => [("m₁", Format(First)), ("m₂", Format(Second)), ("τ", Format(Tolerance))];

    /// <summary>Everything is finite and τ ≥ 0.</summary>
    public bool IsWellFormed => IsFinite && Tolerance >= 0;

    /// <inheritdoc/>
    public override IEnumerable<CaseInput> Shrinks() => Shrink.Parts([], First, Second, Tolerance)
        .Select(s => this with { First = s.Scalars[0], Second = s.Scalars[1], Tolerance = s.Scalars[2] });
}

/// <summary>A decision rule wᵀx ≥ t and an applicant x (the loan rule).</summary>
/// <param name="Weights">The weights w.</param>
/// <param name="X">The applicant.</param>
/// <param name="Target">The threshold t.</param>
public sealed record DecisionCase(double[] Weights, double[] X, double Target) : CaseInput
{
    /// <inheritdoc/>
    public override IEnumerable<double> Numbers => [.. Weights, .. X, Target];

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, string Value)> Parts => [("w", Format(Weights)), ("x", Format(X)), ("t", Format(Target))];

    /// <summary>w and x are non-empty, of one length, and everything is finite.</summary>
    public bool IsWellFormed => Weights.Length > 0 && X.Length == Weights.Length && IsFinite;

    /// <inheritdoc/>
    public override IEnumerable<CaseInput> Shrinks() => Shrink.Parts([Weights, X], Target)
        .Select(s => this with { Weights = s.Vectors[0], X = s.Vectors[1], Target = s.Scalars[0] });
}
