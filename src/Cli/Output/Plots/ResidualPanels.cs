using ScottPlot;
using TensorLinear.Cli.Fitting;
using TensorLinear.Models;

namespace TensorLinear.Cli.Output.Plots;

/// <summary>
/// The panels for data with more than two feature columns, which have no plane to draw: the fitted values against
/// the actual ones, and the residuals against the fitted values, for the first engine's fit (the agreement line of
/// the report says how far the second's is).
/// </summary>
/// <remarks>
/// Linear: ŷᵢ against yᵢ with the line ŷ = y, and yᵢ − ŷᵢ against ŷᵢ with the line 0. Logistic: the class (spread a
/// little vertically) against the score zᵢ = wᵀxᵢ + b with σ(z) over it, and yᵢ − pᵢ against pᵢ = σ(zᵢ).
/// </remarks>
internal static class ResidualPanels
{
    public static Plot PredictedAgainstActual(FitReport report)
    {
        var plot = new Plot();
        var (fit, rows, targets) = (report.Fits[0], PlotScale.Sample(report.Features.RowCount), report.Input.Data.TargetArray());
        var scores = Scores(report, fit, rows);
        if (report.Settings.Model == ModelKind.Logistic)
        {
            Style.Title(plot, $"Classes against the score z = wᵀx + b ({fit.Engine})", rows.Length, targets.Length);
            var (low, high) = PlotScale.Limits(scores.Values);
            DataPanels.Points(plot, report, rows, i => scores[i], i => targets[i] + 0.035 * ((i * 7 % 5) - 2) / 2);
            var grid = Enumerable.Range(0, 201).Select(k => low + (high - low) * k / 200).ToArray();
            var curve = plot.Add.Scatter(grid, grid.Select(Geometry.Sigmoid).ToArray());
            Style.EngineLine(curve, 0);
            curve.LegendText = "σ(z)";
            plot.Axes.SetLimits(low, high, -0.1, 1.1);
            plot.XLabel("score z");
            plot.YLabel($"{report.Input.Data.TargetName} (class)");
        }
        else
        {
            Style.Title(plot, $"Fitted against actual values ({fit.Engine})", rows.Length, targets.Length);
            var (low, high) = PlotScale.Limits(scores.Values.Concat(rows.Select(i => targets[i])));
            DataPanels.Points(plot, report, rows, i => targets[i], i => scores[i]);
            var diagonal = plot.Add.Scatter(new[] { low, high }, new[] { low, high });
            Style.EngineLine(diagonal, 0);
            diagonal.LegendText = "ŷ = y";
            plot.Axes.SetLimits(low, high, low, high);
            plot.XLabel($"{report.Input.Data.TargetName} (actual)");
            plot.YLabel($"{report.Input.Data.TargetName} (fitted)");
        }
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    public static Plot Residuals(FitReport report)
    {
        var plot = new Plot();
        var (fit, rows, targets) = (report.Fits[0], PlotScale.Sample(report.Features.RowCount), report.Input.Data.TargetArray());
        var logistic = report.Settings.Model == ModelKind.Logistic;
        var scores = Scores(report, fit, rows);
        var fitted = rows.ToDictionary(i => i, i => logistic ? Geometry.Sigmoid(scores[i]) : scores[i]);
        Style.Title(plot, logistic ? $"Residuals y − p against p = σ(z) ({fit.Engine})" : $"Residuals y − ŷ against ŷ ({fit.Engine})", rows.Length, targets.Length);
        var (xLow, xHigh) = logistic ? (-0.05, 1.05) : PlotScale.Limits(fitted.Values);
        var (yLow, yHigh) = PlotScale.Limits(rows.Select(i => targets[i] - fitted[i]));
        DataPanels.Points(plot, report, rows, i => fitted[i], i => targets[i] - fitted[i]);
        plot.Add.HorizontalLine(0, 1.5f, Style.Fit, LinePattern.Dashed);
        plot.Axes.SetLimits(xLow, xHigh, yLow, yHigh);
        plot.XLabel(logistic ? "p = P(class 1)" : $"{report.Input.Data.TargetName} (fitted)");
        plot.YLabel("residual");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static Dictionary<int, double> Scores(FitReport report, EngineFit fit, int[] rows) =>
        rows.ToDictionary(i => i, i => Geometry.Score(fit.Model, report.Features, i));
}
