using System.Collections.Immutable;
using System.Diagnostics;
using TensorLinear.Autograd;
using TensorLinear.Autograd.MaxMargin;
using TensorLinear.Cli.Data;
using TensorLinear.Data;
using TensorLinear.MaxMargin;
using TensorLinear.Reference.MaxMargin;

namespace TensorLinear.Cli.Fitting;

/// <summary>
/// Runs <c>tensorlinear fit --model svm</c>: reads the two-class data, maps the classes to ±1, and fits the
/// maximum-margin classifier with the one method (MaxMarginSolver) on each engine's mathematics, then compares them.
/// </summary>
internal static class SvmRunner
{
    /// <summary>Fits as <paramref name="settings"/> ask.</summary>
    /// <exception cref="UsageException">Options that do not fit together.</exception>
    /// <exception cref="DataFormatException">The file cannot be read as two-class data.</exception>
    /// <exception cref="NotSeparableException">The hard margin on data the classes' hulls of which meet.</exception>
    /// <exception cref="InvalidInputException">Data the solver cannot fit.</exception>
    public static SvmReport Run(SvmSettings settings, Terminal terminal)
    {
        settings.Validate();
        var source = settings.Source;
        var table = terminal.WithProgress($"read {source.File}", settings.Json, _ =>
            CsvDataReader.Read(source.File, source.Delimiter, terminal.Input));
        var rows = source.Select(table, source.Features);
        var input = LoadedData.From(rows.Table, source.Target, rows.Features, classes: true) with { DroppedLines = rows.DroppedLines };
        // Class 1 of the mapping (the larger number, the affirmative word, …) is the +1 side, as for logistic regression.
        var data = input.Data.WithTargets(MarginLabels.FromClasses(input.Data.Targets.Span));
        if (settings.Engines.Contains("torch")) Torch.Initialize();
        var fits = terminal.WithProgress($"fit svm ({settings.Margin.ToString().ToLowerInvariant()} margin)", settings.Json, _ =>
            settings.Engines.Select(engine => Solve(settings, engine, data)).ToImmutableArray());
        var agreement = fits.Length == 2 ? EngineAgreement.Of(fits[0].Fit, fits[1].Fit) : null;
        return new SvmReport(settings, input, data, fits, agreement);
    }

    private static (MaxMarginFit Fit, double Seconds) Solve(SvmSettings settings, string engine, DataSet data)
    {
        using IMarginDual dual = engine == "torch" ? new TorchMarginDual(data) : new ReferenceMarginDual(data);
        var clock = Stopwatch.StartNew();
        var fit = settings.Margin == MarginKind.Hard
            ? MaxMarginSolver.FitHardMargin(data, dual, settings.Options)
            : MaxMarginSolver.FitSoftMargin(data, settings.EffectiveC, dual, settings.Options);
        return (fit, clock.Elapsed.TotalSeconds);
    }
}
