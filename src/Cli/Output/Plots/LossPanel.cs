using System.Collections.Immutable;
using ScottPlot;
using ScottPlot.TickGenerators;
using TensorLinear.Cli.Fitting;

namespace TensorLinear.Cli.Output.Plots;

/// <summary>
/// The first panel: the loss at the start and after each epoch or Newton step, for each engine — the first solid, the
/// second dashed over it — on a log scale when every loss is positive and they span more than a factor of 50.
/// </summary>
internal static class LossPanel
{
    private const double LogScaleSpan = 50;

    /// <summary>One engine's run as the panel draws it: its name, its losses from the start, and its steps.</summary>
    internal readonly record struct Run(string Engine, ImmutableArray<double> LossHistory, int Iterations);

    /// <summary>The panel of a fit's runs (none for closed-form least squares, which gets a note instead).</summary>
    public static Plot Create(FitReport report) =>
        Create(FitText.SolverName(report.Settings.Solver), report.Settings.Solver == Solver.Newton,
               [.. report.Fits.Select(f => new Run(f.Engine, f.LossHistory, f.Iterations))], report.Fits[0].Loss);

    /// <summary>
    /// The panel of any iterative fit: <paramref name="solver"/> names it, <paramref name="newton"/> counts iterations
    /// rather than epochs; with no losses, a note of <paramref name="finalLoss"/> (closed form).
    /// </summary>
    internal static Plot Create(string solver, bool newton, IReadOnlyList<Run> runs, double finalLoss)
    {
        var plot = new Plot();
        var step = newton ? "iteration" : "epoch";
        var histories = runs.Where(f => f.LossHistory.Length > 0).ToList();
        if (histories.Count == 0)
        {
            plot.Title($"Loss: {solver}");
            plot.Add.Annotation($"closed-form least squares: no epochs\nfinal loss (MSE) {Format.Value(finalLoss)}", Alignment.MiddleCenter);
            plot.Axes.SetLimits(0, 1, 0, 1);
            // No axes to read: ticks with no labels, the frame kept so that the title stays.
            plot.Axes.Left.TickGenerator = new NumericManual();
            plot.Axes.Bottom.TickGenerator = new NumericManual();
            plot.HideGrid();
            return plot;
        }
        plot.Title($"Loss per {step}: {solver}");

        var values = histories.SelectMany(f => f.LossHistory).Where(double.IsFinite).ToList();
        var log = values.Count > 0 && values.All(v => v > 0) && values.Max() / values.Min() > LogScaleSpan;
        foreach (var (fit, k) in histories.Select((f, k) => (f, k)))
        {
            var kept = PlotScale.Thin(fit.LossHistory.Length);
            var xs = kept.Select(e => (double)e).ToArray();
            var ys = kept.Select(e => PlotScale.Clamp(log ? Math.Log10(fit.LossHistory[e]) : fit.LossHistory[e])).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            Style.EngineLine(line, k, Style.First);
            // Newton takes a handful of steps: mark each.
            if (fit.LossHistory.Length <= 40) line.MarkerSize = k == 0 ? 7 : 5;
            line.LegendText = $"{fit.Engine} ({fit.Iterations} {step}{(fit.Iterations == 1 ? "" : "s")})";
        }
        var last = Math.Max(1, histories.Max(f => f.LossHistory.Length - 1));
        var (low, high) = PlotScale.Limits(log ? values.Select(Math.Log10) : values);
        plot.Axes.SetLimits(-0.02 * last, 1.02 * last, low, high);
        plot.XLabel(step);
        plot.YLabel(log ? "loss (log scale)" : "loss");
        if (log)
            plot.Axes.Left.TickGenerator = new NumericAutomatic
            {
                MinorTickGenerator = new LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = e => $"1e{Math.Round(e):0}",
            };
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
