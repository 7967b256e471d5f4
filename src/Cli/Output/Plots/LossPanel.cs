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

    public static Plot Create(FitReport report)
    {
        var plot = new Plot();
        var solver = report.Settings.Solver;
        var step = solver == Solver.Newton ? "iteration" : "epoch";
        var histories = report.Fits.Where(f => f.LossHistory.Length > 0).ToList();
        if (histories.Count == 0)
        {
            plot.Title($"Loss: {FitText.SolverName(solver)}");
            plot.Add.Annotation($"closed-form least squares: no epochs\nfinal loss (MSE) {Format.Value(report.Fits[0].Loss)}", Alignment.MiddleCenter);
            plot.Axes.SetLimits(0, 1, 0, 1);
            // No axes to read: ticks with no labels, the frame kept so that the title stays.
            plot.Axes.Left.TickGenerator = new NumericManual();
            plot.Axes.Bottom.TickGenerator = new NumericManual();
            plot.HideGrid();
            return plot;
        }
        plot.Title($"Loss per {step}: {FitText.SolverName(solver)}");

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
