namespace TensorLinear.MaxMargin;

/// <summary>How long the dual pair-coordinate method runs before its solution is polished by the active-set solve.</summary>
public sealed record MaxMarginOptions
{
    /// <summary>
    /// Stop when the certified gap is at most this fraction of the objective: (P − D)/P for the soft margin, the
    /// Frank–Wolfe gap of the hull problem over ‖p − q‖² for the hard margin. Relative, so independent of the data's
    /// units. The active-set polish that follows makes the answer exact to rounding when it identifies the support
    /// vectors; this only has to be small enough for that.
    /// </summary>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>
    /// The most pair updates. SMO's linear rate is slow for large C (C·max‖xᵢ‖² ≫ 1 on overlapping classes): its
    /// multipliers climb to C a step at a time, and such a fit may stop here unpolished, its duality gap reported.
    /// </summary>
    public int MaxIterations { get; init; } = 100_000;

    /// <summary>The default settings.</summary>
    public static MaxMarginOptions Default { get; } = new();

    /// <summary>Throws <see cref="OutOfDomainException"/> for a tolerance outside (0, 1) or a negative iteration limit.</summary>
    public void Validate()
    {
        if (!(Tolerance > 0.0 && Tolerance < 1.0))
            throw new OutOfDomainException(nameof(Tolerance), FormattableString.Invariant($"is {Tolerance}; a relative gap tolerance lies in (0, 1)"));
        if (MaxIterations < 0)
            throw new OutOfDomainException(nameof(MaxIterations), $"is {MaxIterations}; it must be ≥ 0");
    }
}
