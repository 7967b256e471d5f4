using TensorLinear.Cli.Data;
using TensorLinear.MaxMargin;

namespace TensorLinear.Cli.Fitting;

/// <summary>Everything <c>tensorlinear fit --model svm</c> was asked to do, as parsed from its options.</summary>
internal sealed record SvmSettings
{
    /// <summary>C when --margin soft is asked for without --C.</summary>
    public const double DefaultC = 1.0;

    /// <summary>The file, its delimiter, the target, the feature and weight columns, and what a missing cell does.</summary>
    public required DataSource Source { get; init; }

    /// <summary>Hard margin (the default) or soft.</summary>
    public MarginKind Margin { get; init; } = MarginKind.Hard;

    /// <summary>The soft margin's C; null for <see cref="DefaultC"/> (and for the hard margin).</summary>
    public double? C { get; init; }

    public EngineChoice Engine { get; init; } = EngineChoice.Both;

    /// <summary>The dual method's relative gap tolerance; null for <see cref="MaxMarginOptions.Tolerance"/>'s default.</summary>
    public double? Tolerance { get; init; }

    /// <summary>The dual method's most pair updates; null for the default.</summary>
    public int? MaxIterations { get; init; }

    public string? PlotFile { get; init; }

    public bool Json { get; init; }

    /// <summary>The engines to run, in order.</summary>
    public IReadOnlyList<string> Engines => Engine switch
    {
        EngineChoice.Reference => ["reference"],
        EngineChoice.Torch => ["torch"],
        _ => ["reference", "torch"],
    };

    /// <summary>The C of the fit: +∞ for the hard margin.</summary>
    public double EffectiveC => Margin == MarginKind.Hard ? double.PositiveInfinity : C ?? DefaultC;

    /// <summary>The dual method's options.</summary>
    public MaxMarginOptions Options => new()
    {
        Tolerance = Tolerance ?? MaxMarginOptions.Default.Tolerance,
        MaxIterations = MaxIterations ?? MaxMarginOptions.Default.MaxIterations,
    };

    /// <summary>Refuses combinations the tool cannot honour, each with a one-line reason.</summary>
    /// <exception cref="UsageException">An option out of range.</exception>
    public void Validate()
    {
        if (C is double c && !(c > 0.0 && double.IsFinite(c)))
            throw new UsageException(FormattableString.Invariant($"--C is {c}; it must be a positive number"));
        if (C is not null && Margin == MarginKind.Hard)
            throw new UsageException("--C prices the hinge losses of the soft margin; the hard margin has none (use --margin soft --C X)");
        if (Tolerance is double tol && !(tol > 0.0 && tol < 1.0))
            throw new UsageException(FormattableString.Invariant($"--tol is {tol}; for --model svm it is the relative duality gap, in (0, 1)"));
        if (MaxIterations is < 0) throw new UsageException($"--epochs is {MaxIterations}; it must be ≥ 0");
        if (PlotFile is string plot) FitSettings.CheckPlot(plot, Source.File);
    }
}
