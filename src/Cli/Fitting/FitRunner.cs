using TensorLinear.Autograd;
using System.Collections.Immutable;
using System.Diagnostics;
using TensorLinear.Autograd.LeastSquares;
using TensorLinear.Autograd.Models;
using TensorLinear.Cli.Data;
using TensorLinear.Cli.Runtime;
using TensorLinear.Data;
using TensorLinear.Features;
using TensorLinear.Models;
using TensorLinear.Reference.Features;
using TensorLinear.Reference.LeastSquares;
using TensorLinear.Reference.Metrics;
using TensorLinear.Reference.Models;
using TensorLinear.Reference.Training;
using TensorLinear.Training;

namespace TensorLinear.Cli.Fitting;

/// <summary>
/// Runs <c>tensorlinear fit</c>: reads the data, builds the features, fits on each engine asked for, maps the results
/// back to original units and measures them. All the mathematics is the libraries'; this only puts it together.
/// </summary>
internal static class FitRunner
{
    /// <summary>The name the intercept's coefficient carries in the output.</summary>
    public const string InterceptName = "intercept";

    /// <summary>Fits as <paramref name="settings"/> ask, with a progress bar from <paramref name="terminal"/> when it shows one.</summary>
    /// <exception cref="UsageException">Options that do not fit together or do not fit the data.</exception>
    /// <exception cref="DataFormatException">The file cannot be read as the data asked for.</exception>
    /// <exception cref="InvalidInputException">Data the solver cannot fit (too few rows, collinear columns, …).</exception>
    /// <exception cref="DivergenceException">Gradient descent diverged.</exception>
    /// <exception cref="TensorLinear.Autograd.NativeLibraryException">libtorch is needed and cannot be loaded.</exception>
    public static FitReport Run(FitSettings settings, Terminal terminal)
    {
        settings.Validate();
        var source = settings.Source;
        var table = terminal.WithProgress($"read {source.File}", settings.Json, bar =>
        {
            var task = bar.Task("", ProgressSteps);
            return CsvDataReader.Read(source.File, source.Delimiter, terminal.Input, new Fraction(task));
        });
        var terms = Terms(settings);
        var rows = source.Select(table, terms is null ? source.Features : [.. terms.SelectMany(t => t.Factors).Select(f => f.Column).Distinct()]);
        var input = LoadedData.From(rows.Table, source.Target, rows.Features, settings.Model == ModelKind.Logistic, settings.Categorical) with { DroppedLines = rows.DroppedLines };
        // The reference alone needs no libtorch; Newton–Raphson's Hessian check asks libtorch whichever engine fits.
        if (settings.Engines.Contains("torch") || settings.Solver == Solver.Newton) Torch.Initialize();
        try
        {
            var encoding = Encoding(settings, input, terms);
            var features = encoding.Encode(input.Columns, input.Data.TargetArray(), input.Data.TargetName).WithSampleWeights(rows.Weights);
            CheckMagnitudes(input, features);
            if (settings.FitIntercept && features.FeatureNames.Contains(InterceptName))
                throw new DataFormatException(input.Source, null, InterceptName, "a feature column has the name the output gives the intercept; rename the column");
            var standardizer = settings.Standardize ? Standardizer.Fit(features) : null;
            var training = standardizer?.Transform(features) ?? features;
            var names = settings.FitIntercept ? features.FeatureNames.Add(InterceptName) : features.FeatureNames;
            // Descent's bar counts epochs against the limit; Newton's counts iterations, its end not known ahead.
            var total = settings.Solver == Solver.Gd ? settings.Epochs ?? FitSettings.DefaultEpochs : 1;
            var solved = terminal.WithProgress($"fit {settings.Solver.ToString().ToLowerInvariant()}", settings.Json, bar =>
                settings.Engines.Select(engine => Solve(settings, engine, training, standardizer,
                    settings.Solver == Solver.Newton ? bar.Counter(engine, "iteration") : bar.Task(engine, total))).ToList());
            // The checks after the fit (metrics, separation, the Hessian) take seconds on large data: a bar of their own,
            // one step per check done.
            var newton = settings.Solver == Solver.Newton;
            var (fits, hessian) = terminal.WithProgress("check", settings.Json, bar =>
            {
                var step = new Steps(bar.Task(newton ? "metrics, separation, Hessian" : "metrics, separation", 2 * solved.Count + (newton ? 1 : 0)));
                var measured = solved.Select(s => Measure(settings, s, features, training, standardizer, step)).ToImmutableArray();
                var check = CheckHessian(settings, training, measured);
                step.Done();
                return (measured, check);
            });
            return new FitReport(settings, input, encoding, features, names, fits, Compare(fits, settings.FitIntercept), hessian,
                FitWarnings.Of(settings, training, fits))
            {
                Standardization = standardizer is null ? null : new Standardization(standardizer.Means, standardizer.StandardDeviations),
            };
        }
        catch (InvalidInputException e) when (e.ArgumentName == "data")
        {
            // The solvers and the standardizer name their argument "data"; the user knows it as the file.
            throw new DataFormatException(input.Source, null, null, e.Message[(e.ArgumentName.Length + 2)..]);
        }
    }

    // The terms --terms asks for, parsed; null for the features as they are (or their powers, for --degree).
    private static IReadOnlyList<Term>? Terms(FitSettings settings)
    {
        if (settings.Terms is not string formula) return null;
        try
        {
            return Term.Parse(formula);
        }
        catch (OutOfDomainException e)
        {
            throw new UsageException($"--terms {e.Message[(e.ArgumentName.Length + 2)..]}");
        }
    }

    // The encoding of the file's features: the terms asked for, the powers x, x², …, xᴷ of the single feature for
    // --degree, or each feature as it is (a categorical one as its indicators).
    private static FeatureEncoding Encoding(FitSettings settings, LoadedData input, IReadOnlyList<Term>? terms)
    {
        if (settings.Degree is int degree)
        {
            if (input.Columns.Length != 1)
                throw new UsageException($"--degree fits a polynomial in one feature, but there are {input.Columns.Length} ({string.Join(", ", input.Columns.Select(c => c.Name))}); name one with --features");
            var x = input.Columns[0].Name;
            terms = [.. Enumerable.Range(1, degree).Select(k => new Term([new Factor(x, k)]))];
        }
        try
        {
            return FeatureEncoding.Fit(input.Columns, terms);
        }
        catch (OutOfDomainException e) when (e.ArgumentName == "terms")
        {
            throw new UsageException($"--{(settings.Degree is null ? "terms" : "degree")} {e.Message[(e.ArgumentName.Length + 2)..]}");
        }
    }

    // Products and powers of the file's values may pass the magnitude the solvers' sums of squares can hold (see
    // LoadedData.OverflowLimit), or overflow outright.
    private static void CheckMagnitudes(LoadedData input, DataSet features)
    {
        var largest = LoadedData.OverflowLimit(features.RowCount, features.FeatureCount);
        for (var j = 0; j < features.FeatureCount; j++)
            for (var i = 0; i < features.RowCount; i++)
                if (!(Math.Abs(features[i, j]) <= largest))
                    throw new DataFormatException(input.Source, null, features.FeatureNames[j],
                        FormattableString.Invariant($"row {i + 1} of the feature is {Output.Format.Short(features[i, j])}, too large to fit: past {Output.Format.Difference(largest)} the sums of squares a fit forms overflow; rescale the columns it is made of"));
    }

    // One engine's solve, timed.
    private sealed record Solved(string Engine, SolverResult Result, double Seconds);

    private static Solved Solve(FitSettings settings, string engineName, DataSet training, Standardizer? standardizer, IProgress<int> progress)
    {
        ILinearModelEngine engine = engineName == "torch" ? TorchEngine.Instance : new ReferenceEngine();
        var epochs = new Progress(progress);
        // One untimed evaluation first, so that the time measured is the fit's and not loading libtorch or compiling code.
        engine.Loss(settings.Model, training, LinearModel.Zero(training.FeatureCount), Penalty.None);
        var clock = Stopwatch.StartNew();
        var fit = settings.Solver switch
        {
            Solver.Gd => Descend(settings, engine, training, epochs),
            Solver.Qr => LeastSquares(settings, engineName, training, standardizer),
            _ => Newton(settings, engine, training, standardizer, epochs),
        };
        var seconds = clock.Elapsed.TotalSeconds;
        progress.Report(int.MaxValue);
        return new Solved(engineName, fit, seconds);
    }

    // The solve mapped to original units and measured: its separation (one step of the bar), then its metrics (another).
    private static EngineFit Measure(FitSettings settings, Solved solved, DataSet features, DataSet training, Standardizer? standardizer, Steps step)
    {
        var fit = solved.Result;
        var model = standardizer?.ToOriginalUnits(fit.TrainedModel) ?? fit.TrainedModel;
        var separation = fit.Separation is null ? null : ToOriginalUnits(fit.Separation, standardizer, features);
        if (settings.Solver == Solver.Gd && settings.Model == ModelKind.Logistic && settings.Penalty.IsNone)
            separation = DescentSeparation(settings, features, training, model, standardizer);
        step.Done();
        // Per-row measures of the fit count every row once; the weighted model's own statistics are the inference's.
        var rows = features.WithSampleWeights(null);
        var regression = settings.Model == ModelKind.Linear ? FitMetrics.Regression(rows, model, settings.FitIntercept) : null;
        var classification = settings.Model == ModelKind.Logistic ? FitMetrics.Classification(rows, model) : null;
        var inference = separation?.IsSeparated == true ? null : FitInference.Of(settings, training, fit.TrainedModel, model, standardizer);
        step.Done();
        var errors = inference is null ? fit.StandardErrors : [.. inference.Coefficients.Coefficients.Select(c => c.StandardError)];
        return new EngineFit(solved.Engine, model, fit.TrainedModel, errors, fit.Loss, fit.LossHistory, fit.Iterations,
            fit.StopReason, fit.Converged, fit.LearningRate, solved.Seconds, regression, classification, separation, inference);
    }

    // What a solver returns before the results are mapped to original units and measured.
    private sealed record SolverResult(
        LinearModel TrainedModel, ImmutableArray<double>? StandardErrors, double Loss, ImmutableArray<double> LossHistory,
        int Iterations, string StopReason, bool Converged, double? LearningRate, SeparationReport? Separation);

    private static SolverResult Descend(FitSettings settings, ILinearModelEngine engine, DataSet training, IProgress<EpochProgress> progress)
    {
        var defaults = new TrainingOptions();
        var options = defaults with
        {
            LearningRate = settings.LearningRate,
            MaxEpochs = settings.Epochs ?? FitSettings.DefaultEpochs,
            Tolerance = settings.Tolerance ?? defaults.Tolerance,
            Penalty = settings.Penalty,
            FitIntercept = settings.FitIntercept,
        };
        var result = engine.Train(settings.Model, training, options, null, progress);
        return new SolverResult(result.Model, null, result.FinalLoss, result.LossHistory, result.Epochs,
            result.Converged ? "converged" : "epoch limit", result.Converged, result.LearningRate, null);
    }

    private static SolverResult LeastSquares(FitSettings settings, string engineName, DataSet training, Standardizer? standardizer)
    {
        var n = training.SampleWeightSum; // the loss is RSS/n, or RSS_ω/Σωᵢ for weighted rows
        if (engineName == "torch")
        {
            var solution = TensorLeastSquares.Fit(training, settings.FitIntercept);
            return new SolverResult(solution.Model, null, solution.ResidualSumOfSquares / n, [], 0, "closed form", true, null, null);
        }
        var fit = OrdinaryLeastSquares.Fit(training, settings.FitIntercept);
        var original = standardizer?.ToOriginalUnits(fit) ?? fit;
        ImmutableArray<double> errors = original.InterceptStandardError is double interceptError
            ? original.StandardErrors.Add(interceptError)
            : original.StandardErrors;
        return new SolverResult(fit.Model, errors, fit.ResidualSumOfSquares / n, [], 0, "closed form", true, null, null);
    }

    private static SolverResult Newton(FitSettings settings, ILinearModelEngine engine, DataSet training, Standardizer? standardizer, IProgress<EpochProgress> progress)
    {
        var options = new NewtonOptions
        {
            MaxIterations = settings.Epochs ?? FitSettings.DefaultNewtonIterations,
            Tolerance = settings.Tolerance ?? new NewtonOptions().Tolerance,
            Penalty = settings.Penalty,
            FitIntercept = settings.FitIntercept,
        };
        var result = NewtonRaphson.Fit(training, options, engine, progress);
        ImmutableArray<double>? errors = null;
        if (result.Covariance() is double[,] covariance)
        {
            var original = standardizer?.ToOriginalUnits(covariance) ?? covariance;
            errors = [.. Enumerable.Range(0, original.GetLength(0)).Select(j => Math.Sqrt(Math.Max(original[j, j], 0.0)))];
        }
        var reason = result.StopReason switch
        {
            NewtonStopReason.Converged => "converged",
            NewtonStopReason.IterationLimit => "iteration limit",
            NewtonStopReason.Separated => "separated",
            _ => "stalled",
        };
        return new SolverResult(result.Model, errors, result.FinalLoss, result.LossHistory, result.Iterations, reason,
            result.Converged, null, settings.Penalty.IsNone ? result.Separation : null);
    }

    // Descent on separated classes runs until its epoch limit with ‖w‖ growing; say so. The final iterate is checked as
    // a certificate first; when it does not separate yet, Newton–Raphson on the same data settles the question.
    private static SeparationReport DescentSeparation(FitSettings settings, DataSet features, DataSet training, LinearModel model, Standardizer? standardizer)
    {
        var certificate = Separation.Check(features, model);
        if (certificate.IsSeparated) return certificate;
        try
        {
            var probe = NewtonRaphson.Fit(training, new NewtonOptions { FitIntercept = settings.FitIntercept });
            return ToOriginalUnits(probe.Separation, standardizer, features);
        }
        catch (InvalidInputException)
        {
            // Too few rows or collinear columns: descent copes, Newton–Raphson cannot, and the question stays open.
            return SeparationReport.None;
        }
    }

    // The separating hyperplane found on standardised features, in original units with unit normal again: the map
    // keeps every score wᵀx + b, so it keeps the separation.
    private static SeparationReport ToOriginalUnits(SeparationReport separation, Standardizer? standardizer, DataSet features)
    {
        if (standardizer is null || separation.Hyperplane is null) return separation;
        var mapped = standardizer.ToOriginalUnits(separation.Hyperplane);
        var check = Separation.Check(features, mapped);
        if (separation.Kind == SeparationKind.Complete && check.IsSeparated) return check;
        // Quasi-complete (or a row whose score the map moved across 0 by rounding): keep what the solver found.
        var norm = Math.Sqrt(mapped.Weights.Sum(w => w * w));
        return new SeparationReport(separation.Kind, new LinearModel(mapped.Weights.Select(w => w / norm), mapped.Bias / norm), separation.Margin, separation.RowsOnHyperplane);
    }

    private static Agreement? Compare(ImmutableArray<EngineFit> fits, bool fitIntercept)
    {
        if (fits.Length < 2) return null;
        double[] a = fits[0].Parameters(fitIntercept), b = fits[1].Parameters(fitIntercept);
        var difference = a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
        var scale = Math.Max(1.0, a.Concat(b).Max(Math.Abs));
        return new Agreement(difference, difference / scale, Math.Abs(fits[0].Loss - fits[1].Loss));
    }

    // Newton–Raphson's hand Hessian against libtorch's double backward, at the first engine's solution in the units
    // it was trained in (where the solver used it).
    private static HessianCheck? CheckHessian(FitSettings settings, DataSet training, ImmutableArray<EngineFit> fits)
    {
        if (settings.Solver != Solver.Newton) return null;
        var model = fits[0].TrainedModel;
        var penalty = settings.Penalty;
        var hand = LogisticRegression.Hessian(training, model, penalty);
        var torch = TorchEngine.Instance.Hessian(ModelKind.Logistic, training, model, penalty);
        double difference = 0.0, largest = 0.0;
        for (var i = 0; i < hand.GetLength(0); i++)
            for (var j = 0; j < hand.GetLength(1); j++)
            {
                difference = Math.Max(difference, Math.Abs(hand[i, j] - torch[i, j]));
                largest = Math.Max(largest, Math.Abs(hand[i, j]));
            }
        return new HessianCheck(difference, largest);
    }

    // The steps of a bar that shows a fraction done (the bytes of a file read).
    private const int ProgressSteps = 1000;

    // A fraction done, passed on to the bar as steps of ProgressSteps.
    private sealed class Fraction(IProgress<int> bar) : IProgress<double>
    {
        public void Report(double value) => bar.Report((int)(Math.Clamp(value, 0, 1) * ProgressSteps));
    }

    // Checks done, counted onto a bar.
    private sealed class Steps(IProgress<int> bar)
    {
        private int _done;

        public void Done() => bar.Report(++_done);
    }

    // Epoch reports from a solver, passed on to the progress bar as the epoch number.
    private sealed class Progress(IProgress<int> bar) : IProgress<EpochProgress>
    {
        public void Report(EpochProgress value) => bar.Report(value.Epoch);
    }
}
