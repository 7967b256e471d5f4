using TensorLinear.Cli.Data;
namespace TensorLinear.Cli.Fitting;

/// <summary>Everything <c>tensorlinear fit --model softmax</c> was asked to do, as parsed from its options.</summary>
internal sealed record SoftmaxSettings
{
    /// <summary>The CSV file, or "-" for standard input.</summary>
    public required string DataFile { get; init; }

    /// <summary>The character between fields.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>What a missing cell in a column used does: an error (the default) or its row dropped.</summary>
    public MissingValues Missing { get; init; }

    /// <summary>The class column: k ≥ 2 labels, numbered by <see cref="Data.ClassLabels"/>.</summary>
    public required string Target { get; init; }

    /// <summary>The feature columns; null for every column but the target (and the weights column).</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>The column of sample weights (<c>--weights</c>); null for none.</summary>
    public string? Weights { get; init; }

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
    }
}
