using TensorLinear.Cli.Data;
namespace TensorLinear.Cli.Fitting;

/// <summary>Everything <c>tensorlinear fit --model softmax</c> was asked to do, as parsed from its options.</summary>
internal sealed record SoftmaxSettings
{
    /// <summary>The file, its delimiter, the target, the feature and weight columns, and what a missing cell does.</summary>
    public required DataSource Source { get; init; }

    /// <summary>Newton (the default) or gradient descent.</summary>
    public Solver Solver { get; init; } = Solver.Newton;

    public EngineChoice Engine { get; init; } = EngineChoice.Both;

    /// <summary>Gradient descent's step; null for 1/L.</summary>
    public double? LearningRate { get; init; }

    /// <summary>The most Newton iterations or descent epochs; null for the defaults.</summary>
    public int? Epochs { get; init; }

    /// <summary>Newton's decrement tolerance or descent's relative gradient tolerance; null for the defaults.</summary>
    public double? Tolerance { get; init; }

    /// <summary>The ridge strength λ₂ on the weights.</summary>
    public double L2 { get; init; }

    /// <summary>The plot file (SVG or PNG by the extension); null for none.</summary>
    public string? PlotFile { get; init; }

    public bool Json { get; init; }

    /// <summary>The engines to run, in order.</summary>
    public IReadOnlyList<string> Engines => Engine switch
    {
        EngineChoice.Reference => ["reference"],
        EngineChoice.Torch => ["torch"],
        _ => ["reference", "torch"],
    };

    /// <summary>Refuses combinations the tool cannot honour, each with a one-line reason.</summary>
    /// <exception cref="UsageException">An option out of range or not for this solver.</exception>
    public void Validate()
    {
        if (Solver == Solver.Qr) throw new UsageException("--solver qr is least squares; --model softmax fits by newton (the default) or gd");
        if (LearningRate is double eta && !(eta > 0.0 && double.IsFinite(eta)))
            throw new UsageException(FormattableString.Invariant($"--lr is {eta}; it must be a positive number or 'auto'"));
        if (LearningRate is not null && Solver == Solver.Newton) throw new UsageException("--lr is gradient descent's step; Newton's method chooses its own (use --solver gd)");
        if (Epochs is < 0) throw new UsageException($"--epochs is {Epochs}; it must be ≥ 0");
        if (PlotFile is string plot) FitSettings.CheckPlot(plot, Source.File);
    }
}
