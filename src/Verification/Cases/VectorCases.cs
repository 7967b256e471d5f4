namespace TensorLinear.Verification.Cases;

// The inputs of the vector entries: norms, the unit vector, dot products, angles, projections and distances.

/// <summary>One vector x (a norm, the unit vector, the sigmoid's logits).</summary>
/// <param name="X">The vector.</param>
public sealed record VectorCase(double[] X) : CaseInput
{
    /// <inheritdoc/>
    public override IEnumerable<double> Numbers => X;

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, string Value)> Parts => [("x", Format(X))];

    /// <summary>x is non-empty and finite.</summary>
    public bool IsWellFormed => X.Length > 0 && IsFinite;

    /// <inheritdoc/>
    public override IEnumerable<CaseInput> Shrinks() => Shrink.Parts([X]).Select(s => this with { X = s.Vectors[0] });
}

/// <summary>A vector x and a norm order p (the p-norm, 1 &lt; p &lt; ∞).</summary>
/// <param name="X">The vector.</param>
/// <param name="P">The order p.</param>
public sealed record NormOrderCase(double[] X, double P) : CaseInput
{
    /// <inheritdoc/>
    public override IEnumerable<double> Numbers => [.. X, P];

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, string Value)> Parts => [("x", Format(X)), ("p", Format(P))];

    /// <summary>x is non-empty and finite.</summary>
    public bool IsWellFormed => X.Length > 0 && X.All(double.IsFinite) && !double.IsNaN(P);

    /// <inheritdoc/>
    public override IEnumerable<CaseInput> Shrinks() => Shrink.Parts([X], P).Select(s => this with { X = s.Vectors[0], P = s.Scalars[0] });
}

/// <summary>Two vectors x and y of one length (the dot product, the cosine and angle, the projections).</summary>
/// <param name="X">The first vector.</param>
/// <param name="Y">The second vector.</param>
public sealed record PairCase(double[] X, double[] Y) : CaseInput
{
    /// <inheritdoc/>
    public override IEnumerable<double> Numbers => [.. X, .. Y];

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, string Value)> Parts => [("x", Format(X)), ("y", Format(Y))];

    /// <summary>x and y are non-empty, of one length and finite.</summary>
    public bool IsWellFormed => X.Length > 0 && Y.Length == X.Length && IsFinite;

    /// <inheritdoc/>
    public override IEnumerable<CaseInput> Shrinks() => Shrink.Parts([X, Y]).Select(s => this with { X = s.Vectors[0], Y = s.Vectors[1] });
}

/// <summary>Two points x and y and a norm order p: the distance ‖x − y‖ₚ (p = 1, 2, ∞ or in between).</summary>
/// <param name="X">The first point.</param>
/// <param name="Y">The second point.</param>
/// <param name="P">The order p.</param>
public sealed record DistanceCase(double[] X, double[] Y, double P) : CaseInput
{
    /// <inheritdoc/>
    public override IEnumerable<double> Numbers => [.. X, .. Y, P];

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, string Value)> Parts => [("x", Format(X)), ("y", Format(Y)), ("p", Format(P))];

    /// <summary>x and y are non-empty, of one length and finite; p is a number (∞ is an order).</summary>
    public bool IsWellFormed => X.Length > 0 && Y.Length == X.Length && X.All(double.IsFinite) && Y.All(double.IsFinite) && !double.IsNaN(P);

    /// <inheritdoc/>
    public override IEnumerable<CaseInput> Shrinks() =>
        Shrink.Parts([X, Y], P).Select(s => this with { X = s.Vectors[0], Y = s.Vectors[1], P = s.Scalars[0] });
}
