namespace TensorLinear.Reference.Inference;

/// <summary>
/// What a coefficient table reports: the confidence level of its intervals (the CLI's <c>--level</c>) and the
/// covariance its standard errors come from (<c>--robust</c>). Immutable; vary it with <c>with</c> in C# and with the
/// copy constructor in F#, <c>InferenceOptions(options, Level = 0.9)</c>.
/// </summary>
public sealed record InferenceOptions
{
    /// <summary>The defaults: 95% intervals, the classical covariance.</summary>
    public InferenceOptions() { }

    /// <summary>A copy of <paramref name="original"/>, to which F# can give new values as it creates it.</summary>
    public InferenceOptions(InferenceOptions original)
    {
        ArgumentNullException.ThrowIfNull(original);
        Level = original.Level;
        Robust = original.Robust;
    }

    /// <summary>The confidence level of the intervals, in (0, 1).</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>The covariance the standard errors come from.</summary>
    public RobustCovariance Robust { get; init; } = RobustCovariance.None;

    /// <summary>Throws a typed error when an option is out of range.</summary>
    /// <exception cref="OutOfDomainException">A level outside (0, 1), or an unknown covariance.</exception>
    public void Validate()
    {
        if (!(Level > 0.0 && Level < 1.0)) throw new OutOfDomainException(nameof(Level), $"is {Level}; a confidence level is in (0, 1), e.g. 0.95");
        if (!Enum.IsDefined(Robust)) throw new OutOfDomainException(nameof(Robust), $"is {(int)Robust}, not a covariance TensorLinear knows");
    }
}
