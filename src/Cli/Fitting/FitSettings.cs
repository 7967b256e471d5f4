using TensorLinear.Cli.Data;
using TensorLinear.Cli.Output;
using TensorLinear.Models;
using TensorLinear.Reference.Inference;

namespace TensorLinear.Cli.Fitting;

/// <summary>The solvers <c>tensorlinear fit</c> offers.</summary>
internal enum Solver
{
    /// <summary>Full-batch gradient descent on the chosen engine.</summary>
    Gd,

    /// <summary>Closed-form least squares by Householder QR (linear models).</summary>
    Qr,

    /// <summary>Newton–Raphson, i.e. IRLS (logistic models).</summary>
    Newton,
}

/// <summary>Which engines a fit runs on.</summary>
internal enum EngineChoice
{
    /// <summary>The hand-derived reference only.</summary>
    Reference,

    /// <summary>libtorch only.</summary>
    Torch,

    /// <summary>Both, compared.</summary>
    Both,
}

/// <summary>Everything <c>tensorlinear fit</c> was asked to do, as parsed from its options.</summary>
internal sealed record FitSettings
{
    /// <summary>The file, its delimiter, the target, the feature and weight columns, and what a missing cell does.</summary>
    public required DataSource Source { get; init; }

    public ModelKind Model { get; init; }

    public Solver Solver { get; init; }

    public EngineChoice Engine { get; init; } = EngineChoice.Both;

    /// <summary>The fixed step of gradient descent; null for 1/L.</summary>
    public double? LearningRate { get; init; }

    /// <summary>Epochs of gradient descent or iterations of Newton–Raphson; null for the solver's default.</summary>
    public int? Epochs { get; init; }

    /// <summary>The stopping tolerance: ‖∇L‖ for gradient descent, λ²/2 for Newton–Raphson; null for the solver's default.</summary>
    public double? Tolerance { get; init; }

    public double L2 { get; init; }

    public double L1 { get; init; }

    public bool Standardize { get; init; }

    /// <summary>The degree of the polynomial in the single feature; null for the features as they are.</summary>
    public int? Degree { get; init; }

    /// <summary>The model's terms as a formula ("x1 + x2 + x1:x2 + x1^2", <see cref="Features.Term.Parse"/>); null for each feature once.</summary>
    public string? Terms { get; init; }

    /// <summary>The columns read as labels (one indicator per level but the reference), beside those in which no cell is a number.</summary>
    public IReadOnlyList<string>? Categorical { get; init; }

    /// <summary>The file the fitted model is saved to (<see cref="Features.SavedModel"/>); null for none.</summary>
    public string? SaveFile { get; init; }

    public bool FitIntercept { get; init; } = true;

    public string? PlotFile { get; init; }

    /// <summary>The confidence level of the coefficient table's intervals (<c>--level</c>).</summary>
    public double Level { get; init; } = DefaultLevel;

    /// <summary>The covariance the coefficient table's standard errors come from (<c>--robust</c>).</summary>
    public RobustCovariance Robust { get; init; } = RobustCovariance.None;

    /// <summary>The level of the intervals unless told otherwise.</summary>
    public const double DefaultLevel = 0.95;

    /// <summary>What the coefficient table is asked to report.</summary>
    public InferenceOptions Inference => new() { Level = Level, Robust = Robust };

    public bool Json { get; init; }

    /// <summary>The epochs gradient descent runs unless told otherwise (<see cref="Training.TrainingOptions"/>'s default).</summary>
    public const int DefaultEpochs = 1000;

    /// <summary>The iterations Newton–Raphson may take unless told otherwise: it needs a handful.</summary>
    public const int DefaultNewtonIterations = 100;

    /// <summary>Penalty.None or the ridge and lasso strengths asked for.</summary>
    public Penalty Penalty => L2 == 0.0 && L1 == 0.0 ? Penalty.None : new Penalty(L2, L1);

    /// <summary>The engines to run, in order.</summary>
    public IReadOnlyList<string> Engines => Engine switch
    {
        EngineChoice.Reference => ["reference"],
        EngineChoice.Torch => ["torch"],
        _ => ["reference", "torch"],
    };

    /// <summary>Refuses combinations the tool cannot honour, each with a one-line reason.</summary>
    /// <exception cref="UsageException">An option out of range or one that does not fit the model or solver.</exception>
    public void Validate()
    {
        if (Solver == Solver.Qr && Model != ModelKind.Linear)
            throw new UsageException("--solver qr is closed-form least squares, for --model linear; fit a logistic model with --solver newton or gd");
        if (Solver == Solver.Newton && Model != ModelKind.Logistic)
            throw new UsageException("--solver newton is Newton–Raphson (IRLS) for --model logistic; fit a linear model with --solver qr or gd");
        if (Solver == Solver.Qr && (L2 != 0.0 || L1 != 0.0))
            throw new UsageException("--solver qr fits ordinary least squares, without penalties; use --solver gd for --l2 or --l1");
        if (Solver == Solver.Newton && L1 != 0.0)
            throw new UsageException("--solver newton needs the loss's Hessian, which an L1 penalty lacks; use --solver gd for --l1");
        if (Solver != Solver.Gd && LearningRate is not null)
            throw new UsageException("--lr is the step of gradient descent; it applies to --solver gd only");
        if (Solver == Solver.Qr && (Epochs is not null || Tolerance is not null))
            throw new UsageException("--solver qr is closed-form: --epochs and --tol do not apply");
        if (LearningRate is double eta && !(eta > 0.0 && double.IsFinite(eta)))
            throw new UsageException(FormattableString.Invariant($"--lr is {eta}; it must be a positive number or 'auto'"));
        if (Epochs is < 0) throw new UsageException($"--epochs is {Epochs}; it must be ≥ 0");
        if (Tolerance is double tol && !(tol >= 0.0 && double.IsFinite(tol)))
            throw new UsageException(FormattableString.Invariant($"--tol is {tol}; it must be a number ≥ 0"));
        if (!(L2 >= 0.0 && double.IsFinite(L2))) throw new UsageException(FormattableString.Invariant($"--l2 is {L2}; it must be a number ≥ 0"));
        if (!(L1 >= 0.0 && double.IsFinite(L1))) throw new UsageException(FormattableString.Invariant($"--l1 is {L1}; it must be a number ≥ 0"));
        if (Degree is < 1) throw new UsageException($"--degree is {Degree}; a polynomial needs degree ≥ 1");
        if (!(Level > 0.0 && Level < 1.0))
            throw new UsageException(FormattableString.Invariant($"--level is {Level}; a confidence level is a number between 0 and 1, e.g. 0.95"));
        if (!Penalty.IsNone && (Robust != RobustCovariance.None || Level != DefaultLevel))
            throw new UsageException("--level and --robust are for the coefficient table of a maximum-likelihood fit, which a penalty (--l2, --l1) biases: it has none");
        if (Standardize && !FitIntercept)
            throw new UsageException("--standardize centres the features, which moves the origin, so it cannot be combined with --no-intercept");
        if (Terms is not null && (Source.Features is not null || Degree is not null))
            throw new UsageException("--terms names the features and their powers itself; it cannot be combined with --features or --degree");
        if (PlotFile is string plot) CheckPlot(plot, Source.File);
        if (SaveFile is string save)
        {
            OutputFile.Check("--save", save, Source.File == Data.CsvDataReader.StandardInput ? [] : [Source.File]);
            if (PlotFile is string other && Path.GetFullPath(other) == Path.GetFullPath(save))
                throw new UsageException($"--save and --plot both name {save}; give them two files");
        }
    }

    /// <summary>The extensions --plot writes, each naming its format.</summary>
    public static IReadOnlyList<string> PlotExtensions => Output.Plots.FitPlot.Extensions;

    // Checked before the fit, so that a plot that cannot be written costs no fitting.
    internal static void CheckPlot(string plot, string dataFile)
    {
        OutputFile.Check("--plot", plot, dataFile == Data.CsvDataReader.StandardInput ? [] : [dataFile]);
        var extension = Path.GetExtension(plot).ToLowerInvariant();
        if (!PlotExtensions.Contains(extension))
            throw new UsageException($"--plot {plot}: the format is chosen by the extension, which must be {string.Join(" or ", PlotExtensions)}");
    }
}
