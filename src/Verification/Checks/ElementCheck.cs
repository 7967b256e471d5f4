namespace TensorLinear.Verification.Checks;

/// <summary>
/// One element compared (a value, a gradient component, a Hessian entry, a weight after some epoch, an identity's
/// residual): the values each side produced, the error of the pair that is furthest out, and the derived bound.
/// </summary>
public sealed record ElementCheck
{
    /// <summary>The element's position (flattened, row-major for matrices).</summary>
    public required int Index { get; init; }

    /// <summary>The element's name, e.g. "∂/∂x[3]", "H[w1, b]", "epoch 2: w[0]".</summary>
    public required string Element { get; init; }

    /// <summary>The reference's (hand-derived) value; for an identity, the reference side's residual.</summary>
    public required double Reference { get; init; }

    /// <summary>The tensor twin's (autograd's) value; for an identity, the tensor side's residual; null when not compared.</summary>
    public double? Autograd { get; init; }

    /// <summary>The truth (the definition in double-double, rounded to double), when compared.</summary>
    public double? Truth { get; init; }

    /// <summary>The finite-difference value, when compared.</summary>
    public double? FiniteDifference { get; init; }

    /// <summary>Which pair <see cref="AbsoluteError"/> and <see cref="Bound"/> belong to, e.g. "reference vs autograd".</summary>
    public required string Pair { get; init; }

    /// <summary>|a − b| for <see cref="Pair"/> (for an identity, |residual|).</summary>
    public required double AbsoluteError { get; init; }

    /// <summary>The derived bound on <see cref="AbsoluteError"/>.</summary>
    public required double Bound { get; init; }

    /// <summary>The magnitude the bound is proportional to (Σ|xᵢyᵢ| for a dot product…); relative figures are relative to it.</summary>
    public required double Scale { get; init; }

    /// <summary>The bound's formula in words.</summary>
    public string Rule { get; init; } = "";

    /// <summary>A remark: a kink and its one-sided slopes, another pair that is also out of bounds.</summary>
    public string? Note { get; init; }

    /// <summary>True when the error is within the bound (false for a NaN error).</summary>
    public bool Passed => AbsoluteError <= Bound;

    /// <summary>|error|/scale: the error relative to the magnitude the bound is derived from.</summary>
    public double RelativeError => Scale > 0 ? AbsoluteError / Scale : AbsoluteError == 0 ? 0 : double.PositiveInfinity;

    /// <summary>bound/scale: the bound relative to the same magnitude (a multiple of u such as γₙ).</summary>
    public double RelativeBound => Scale > 0 ? Bound / Scale : 0;

    /// <summary>|error|/bound: above 1 is a failure (0 when the error is 0, ∞ when only the bound is).</summary>
    public double Ratio => double.IsNaN(AbsoluteError) ? double.PositiveInfinity
        : AbsoluteError == 0 ? 0 : Bound == 0 ? double.PositiveInfinity : AbsoluteError / Bound;
}
