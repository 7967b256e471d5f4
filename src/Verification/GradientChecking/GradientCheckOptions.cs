using TensorLinear.Numerics;

namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// Settings of a gradient check. Every default is derived rather than guessed (see docs/gradcheck.md); the ones that
/// can be overridden are the assumptions a derivation cannot know: how accurately f itself is evaluated, and a fixed
/// tolerance for those who want torch-style behaviour.
/// </summary>
/// <remarks>
/// F#: <c>GradientCheckOptions(Seed = 7, RunTaylorTest = false)</c>, and <c>GradientCheckOptions(options, Seed = 8)</c>
/// for a copy with a new seed (F#'s <c>{ o with … }</c> is for F# records only; this is C#'s <c>options with { Seed = 8 }</c>).
/// </remarks>
public sealed record GradientCheckOptions
{
    /// <summary>The options every check uses when none are given.</summary>
    public static GradientCheckOptions Default { get; } = new();

    /// <summary>The defaults (<see cref="Default"/>).</summary>
    public GradientCheckOptions() { }

    /// <summary>
    /// A copy of <paramref name="original"/>, to which F# can give new values as it creates it:
    /// <c>GradientCheckOptions(options, Seed = 8)</c> is F# for C#'s <c>options with { Seed = 8 }</c>.
    /// </summary>
    public GradientCheckOptions(GradientCheckOptions original)
    {
        ArgumentNullException.ThrowIfNull(original);
        Seed = original.Seed;
        Tolerance = original.Tolerance;
        Step = original.Step;
        CoordinateScales = original.CoordinateScales;
        RunTaylorTest = original.RunTaylorTest;
        TaylorHalvings = original.TaylorHalvings;
        DetectKinks = original.DetectKinks;
        FunctionRelativeError = original.FunctionRelativeError;
        MaxRowsInText = original.MaxRowsInText;
    }

    /// <summary>
    /// Seed of the random directions: the Taylor test's and the noise probe's (the same seed gives the same report).
    /// </summary>
    public int Seed { get; init; }

    /// <summary>
    /// A fixed tolerance that replaces the derived bound: coordinate i then agrees when its discrepancy is at most
    /// Tolerance·max(1, |finite difference|) (an absolute tolerance near 0, a relative one away from it). Null (the
    /// default) derives each bound from the finite-difference error estimate and the rounding of the compared values.
    /// </summary>
    public double? Tolerance { get; init; }

    /// <summary>
    /// A fixed finite-difference step h for every coordinate (torch's <c>eps</c>); the Richardson estimate then uses
    /// x ± h and x ± h/2, and its truncation x ± 2h. Null (the default) starts each coordinate at u^(1/5)·σⱼ
    /// (σⱼ = |xⱼ|, or ‖x‖∞ when xⱼ = 0, or 1) and moves the step until the measured truncation balances the rounding.
    /// </summary>
    public double? Step { get; init; }

    /// <summary>
    /// The typical magnitude sⱼ of each coordinate (Dennis and Schnabel's typx), when the point's own magnitudes are not
    /// the scale on which f changes (a coordinate that happens to be near 0): the steps are then relative to
    /// max(|xⱼ|, sⱼ) and never grow beyond it. Null (the default) takes |xⱼ| (‖x‖∞ for a zero coordinate) and lets
    /// the step grow towards the scale of f.
    /// </summary>
    public double[]? CoordinateScales { get; init; }

    /// <summary>Run the Taylor test along a seeded random direction as well (default true).</summary>
    public bool RunTaylorTest { get; init; } = true;

    /// <summary>How many observed orders of the Taylor test (the last ones before rounding dominates) its verdict takes the median of.</summary>
    public int TaylorHalvings { get; init; } = 8;

    /// <summary>
    /// Recognise kinks (|x| at 0, the L1 norm at a zero component, max at a tie) from one-sided differences and accept
    /// any claimed value between the one-sided slopes there (default true).
    /// </summary>
    public bool DetectKinks { get; init; } = true;

    /// <summary>
    /// ρ, the relative error with which f (and the claimed gradient) are evaluated. Null (the default) assumes an
    /// evaluation of O(n) roundings without catastrophic cancellation, ρ = γ₂ₙ₊₁₆ (<see cref="FloatingPoint.Gamma"/>);
    /// give a larger value for a function whose terms cancel. An empirical noise estimate from the difference stencil
    /// is added to this model automatically.
    /// </summary>
    public double? FunctionRelativeError { get; init; }

    /// <summary>How many coordinates (worst first) the text form lists before summarising the rest (default 20).</summary>
    public int MaxRowsInText { get; init; } = 20;

    /// <summary>Validates the options, throwing <see cref="OutOfDomainException"/> for a value outside its range.</summary>
    internal void Validate()
    {
        if (Tolerance is double t) Check.Positive(t, nameof(Tolerance));
        if (FunctionRelativeError is double r) Check.Positive(r, nameof(FunctionRelativeError));
        if (Step is double h) Check.Positive(h, nameof(Step));
        if (TaylorHalvings < 1)
            throw new OutOfDomainException(nameof(TaylorHalvings), FormattableString.Invariant($"is {TaylorHalvings}; the Taylor test needs at least 1 observed order"));
        if (MaxRowsInText < 1)
            throw new OutOfDomainException(nameof(MaxRowsInText), FormattableString.Invariant($"is {MaxRowsInText}; it must be ≥ 1"));
    }

    /// <summary>Checks <see cref="CoordinateScales"/> against n inputs.</summary>
    internal void ValidateScales(int n)
    {
        if (CoordinateScales is not { } s) return;
        Check.SameLength(n, "x", s.Length, nameof(CoordinateScales));
        foreach (var v in s) Check.Positive(v, nameof(CoordinateScales));
    }

    /// <summary>ρ for a function of n inputs: the override, or γ₂ₙ₊₁₆.</summary>
    internal double RelativeErrorFor(int n) => FunctionRelativeError ?? FloatingPoint.Gamma(2);
}
