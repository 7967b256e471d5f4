using System.Collections.Immutable;
using System.Diagnostics;
using TensorLinear.Autograd;
using TensorLinear.Autograd.Softmax;
using TensorLinear.Cli.Data;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Metrics;
using TensorLinear.Reference.Softmax;
using TensorLinear.Reference.Training;
using TensorLinear.Softmax;
using TensorLinear.Training;
using TensorLinear.Verification.Tolerances;

namespace TensorLinear.Cli.Fitting;

/// <summary>
/// Runs <c>tensorlinear fit --model softmax</c>: reads the k-class data, numbers the labels (the first in sorted order
/// the reference class), fits by Newton's method or gradient descent on each engine, and scores the predictions.
/// </summary>
internal static class SoftmaxRunner
{
    /// <summary>Fits as <paramref name="settings"/> ask.</summary>
    /// <exception cref="UsageException">Options that do not fit together.</exception>
    /// <exception cref="DataFormatException">The file cannot be read as class data.</exception>
    /// <exception cref="SeparatedClassesException">The classes are separated and no ridge penalty was asked for.</exception>
    /// <exception cref="InvalidInputException">Data the fit cannot take (too few rows, dependent columns).</exception>
    public static SoftmaxReport Run(SoftmaxSettings settings, Terminal terminal)
    {
        settings.Validate();
        var source = settings.Source;
        var table = terminal.WithProgress($"read {source.File}", settings.Json, _ =>
            CsvDataReader.Read(source.File, source.Delimiter, terminal.Input));
        var rows = source.Select(table, source.Features);
        var (loaded, labels) = LoadedData.FromClasses(rows.Table, source.Target, rows.Features);
        var input = loaded with { Data = loaded.Data.WithSampleWeights(rows.Weights), DroppedLines = rows.DroppedLines };
        if (settings.Engines.Contains("torch")) Torch.Initialize();
        var fits = terminal.WithProgress($"fit softmax ({labels.Count} classes, {(settings.Solver == Solver.Gd ? "gd" : "newton")})", settings.Json, _ =>
            settings.Engines.Select(engine => Fit(settings, engine, input.Data, labels.Count)).ToImmutableArray());
        var agreement = fits.Length == 2 ? Agreement(input.Data, new Penalty(l2: settings.L2), fits[0].Fit, fits[1].Fit) : null;
        return new SoftmaxReport(settings, input, labels, fits, agreement);
    }

    private static SoftmaxEngineFit Fit(SoftmaxSettings settings, string name, DataSet data, int classCount)
    {
        ISoftmaxEngine engine = name == "torch" ? TorchSoftmaxEngine.Instance : ReferenceSoftmaxEngine.Instance;
        var penalty = new Penalty(l2: settings.L2);
        var clock = Stopwatch.StartNew();
        var fit = settings.Solver == Solver.Gd
            ? SoftmaxDescent.Fit(data, classCount, new TrainingOptions
            {
                LearningRate = settings.LearningRate,
                MaxEpochs = settings.Epochs ?? FitSettings.DefaultEpochs,
                Tolerance = settings.Tolerance ?? new TrainingOptions().Tolerance,
                Penalty = penalty,
            }, engine)
            : SoftmaxNewton.Fit(data, classCount, new NewtonOptions
            {
                MaxIterations = settings.Epochs ?? FitSettings.DefaultNewtonIterations,
                Tolerance = settings.Tolerance ?? new NewtonOptions().Tolerance,
                Penalty = penalty,
            }, engine);
        var seconds = clock.Elapsed.TotalSeconds;
        var labels = data.Targets.ToArray().Select(y => (int)y).ToArray();
        var metrics = MulticlassMetrics.Of(labels, SoftmaxRegression.Classify(data, fit.Model), classCount);
        // Per-row measures count every row once, as fit's metrics do; the weighted objective is the fit's own loss.
        return new SoftmaxEngineFit(fit, seconds, metrics, SoftmaxRegression.Loss(data.WithSampleWeights(null), fit.Model));
    }

    // At each end point the exact gradient is at most the computed one plus its rounding bound ĝ (TolerancePolicy) — for
    // Newton the computed one is 0 to rounding, for descent its stopping tolerance — so the end points are within
    // ‖H⁻¹‖₂ times those of the exact optimum, and of each other by the sum; ‖H⁻¹‖₂ ≤ n·trace(Cov) (Σωᵢ for n with weights), and the
    // factor 2 allows for the curvature's change between the points. Without standard errors there is no bound (∞).
    private static SoftmaxAgreement Agreement(DataSet data, Penalty penalty, SoftmaxFit a, SoftmaxFit b)
    {
        double[] x = a.Model.ToParameterVector(), y = b.Model.ToParameterVector();
        var difference = x.Select((v, j) => Math.Abs(v - y[j])).Max();
        if (!a.HasStandardErrors) return new SoftmaxAgreement(difference, double.PositiveInfinity);
        var inverseNorm = data.SampleWeightSum * a.StandardErrors.Sum(s => s * s);
        double Rounding(double[] theta)
        {
            var model = SoftmaxModel.FromParameterVector(a.Model.ClassCount, theta);
            var computed = SoftmaxRegression.Gradient(data, model, penalty);
            var bound = TolerancePolicy.SoftmaxGradient(data, a.Model.ClassCount, theta, penalty);
            return Math.Sqrt(computed.Sum(g => g * g)) + Math.Sqrt(bound.Sum(g => g.Value * g.Value));
        }
        return new SoftmaxAgreement(difference, 2 * inverseNorm * (Rounding(x) + Rounding(y)));
    }
}
