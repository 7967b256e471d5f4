using ScottPlot;
using TensorLinear.Cli.Fitting;
using TensorLinear.Models;

namespace TensorLinear.Cli.Output.Plots;

/// <summary>
/// The second panel for data with one or two feature columns: the data and the fit, with the half-spaces either side.
/// </summary>
/// <remarks>
/// For two feature columns it is the plane of the two features: points coloured by class (logistic) or by target value
/// (linear), the decision boundary wᵀx + b = 0 (logistic; the separating hyperplane when the classes are separated) or
/// the line where the fitted value equals the targets' mean (linear), and the two half-spaces either side shaded. For
/// one feature column (a polynomial with --degree included) it is the feature against the target: the fitted curve
/// (linear) or the probability σ(z) of class 1 (logistic), the regions either side shaded. The first engine's fit is
/// drawn solid, the second's dashed over it.
/// </remarks>
internal static class DataPanels
{
    private const int TargetBands = 5;

    public static Plot Plane(FitReport report)
    {
        var plot = new Plot();
        var data = report.Input.Data;
        var logistic = report.Settings.Model == ModelKind.Logistic;
        var targets = data.TargetArray();
        var rows = PlotScale.Sample(data.RowCount);
        var title = !logistic ? "Data and the fit's level line ŷ = ȳ" : report.Fits[0].IsSeparated ? "Data and a separating hyperplane" : "Data and decision boundary";
        Style.Title(plot, title, rows.Length, data.RowCount);

        var (xLow, xHigh) = PlotScale.Limits(Enumerable.Range(0, data.RowCount).Select(i => data[i, 0]));
        var (yLow, yHigh) = PlotScale.Limits(Enumerable.Range(0, data.RowCount).Select(i => data[i, 1]));
        var mean = targets.Average();
        var lines = report.Fits.Select(f => Geometry.Boundary(Geometry.DecisionModel(f), logistic ? 0.0 : mean)).ToList();
        List<Coordinates> box = [new(xLow, yLow), new(xHigh, yLow), new(xHigh, yHigh), new(xLow, yHigh)];
        if (lines[0].A != 0.0 || lines[0].B != 0.0)
        {
            Shade(plot, Geometry.ClipHalfPlane(box, lines[0], +1), Style.ClassOneShade, logistic ? "side of class 1" : "ŷ above the mean");
            Shade(plot, Geometry.ClipHalfPlane(box, lines[0], -1), Style.ClassZeroShade, logistic ? "side of class 0" : "ŷ below the mean");
        }
        Points(plot, report, rows, i => data[i, 0], i => data[i, 1]);
        foreach (var (line, k) in lines.Select((l, k) => (l, k)))
            if (Geometry.ClipLine(line, xLow, xHigh, yLow, yHigh) is var (p, q))
            {
                var segment = plot.Add.Scatter(new[] { p.X, q.X }, new[] { p.Y, q.Y });
                Style.EngineLine(segment, k);
                segment.LegendText = k == 0
                    ? (logistic ? $"wᵀx + b = 0 ({report.Fits[0].Engine})" : $"ŷ = {Format.Short(mean)} ({report.Fits[0].Engine})")
                    : report.Fits[k].Engine;
            }
        plot.Axes.SetLimits(xLow, xHigh, yLow, yHigh);
        plot.XLabel(data.FeatureNames[0]);
        plot.YLabel(data.FeatureNames[1]);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    public static Plot Curve(FitReport report)
    {
        var plot = new Plot();
        var data = report.Input.Data;
        var logistic = report.Settings.Model == ModelKind.Logistic;
        var targets = data.TargetArray();
        var degree = report.Settings.Degree ?? 1;
        var rows = PlotScale.Sample(data.RowCount);
        var title = logistic ? "Data and P(class 1) = σ(z)" : degree > 1 ? $"Data and the fitted polynomial (degree {degree})" : "Data and the fitted line";
        Style.Title(plot, title, rows.Length, data.RowCount);

        var (xLow, xHigh) = PlotScale.Limits(Enumerable.Range(0, data.RowCount).Select(i => data[i, 0]));
        var (yLow, yHigh) = logistic ? (-0.1, 1.1) : PlotScale.Limits(targets);
        var grid = Enumerable.Range(0, 401).Select(k => xLow + (xHigh - xLow) * k / 400).ToArray();
        var decision = Geometry.DecisionModel(report.Fits[0]);
        if (logistic)
        {
            // The intervals where z ≥ 0 and z < 0, found on the grid, each shaded as one band.
            var start = 0;
            for (var k = 1; k < grid.Length; k++)
            {
                var side = Geometry.Score(decision, grid[start], degree) >= 0;
                if (k + 1 < grid.Length && Geometry.Score(decision, grid[k], degree) >= 0 == side) continue;
                var band = plot.Add.Rectangle(grid[start], grid[k], yLow, yHigh);
                band.FillColor = side ? Style.ClassOneShade : Style.ClassZeroShade;
                band.LineWidth = 0;
                start = k;
            }
            plot.Add.HorizontalLine(0.5, 1, Colors.Gray, LinePattern.Dotted);
        }
        else
        {
            var curve = grid.Select(g => PlotScale.Clamp(Geometry.Score(report.Fits[0].Model, g, degree))).ToArray();
            var above = plot.Add.FillY(grid, curve, [.. grid.Select(_ => yHigh)]);
            above.FillColor = Style.ClassOneShade;
            above.LegendText = "above the fit";
            var below = plot.Add.FillY(grid, [.. grid.Select(_ => yLow)], curve);
            below.FillColor = Style.ClassZeroShade;
            below.LegendText = "below the fit";
        }
        // Classes sit at 0 and 1, spread a little vertically so that rows at one x stay visible.
        Points(plot, report, rows, i => data[i, 0], i => targets[i] + (logistic ? 0.035 * ((i * 7 % 5) - 2) / 2 : 0.0));
        foreach (var (fit, k) in report.Fits.Select((f, k) => (f, k)))
        {
            var ys = grid.Select(g =>
            {
                var z = Geometry.Score(fit.Model, g, degree);
                return PlotScale.Clamp(logistic ? Geometry.Sigmoid(z) : z);
            }).ToArray();
            var line = plot.Add.Scatter(grid, ys);
            Style.EngineLine(line, k);
            line.LegendText = k == 0 ? (logistic ? $"σ(z) ({fit.Engine})" : $"fit ({fit.Engine})") : fit.Engine;
        }
        plot.Axes.SetLimits(xLow, xHigh, yLow, yHigh);
        plot.XLabel(data.FeatureNames[0]);
        plot.YLabel(logistic ? $"{data.TargetName} (class) and P(class 1)" : data.TargetName);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    // The sampled rows as points: by class for a logistic model, by band of target value for a linear one.
    internal static void Points(Plot plot, FitReport report, int[] rows, Func<int, double> x, Func<int, double> y)
    {
        var targets = report.Input.Data.TargetArray();
        if (report.Input.Classes is { } classes)
        {
            foreach (var (label, cls, colour) in new[] { (classes.One, 1.0, Style.ClassOne), (classes.Zero, 0.0, Style.ClassZero) })
            {
                var members = rows.Where(i => targets[i] == cls).ToArray();
                var markers = plot.Add.Markers(members.Select(i => PlotScale.Clamp(x(i))).ToArray(), members.Select(i => PlotScale.Clamp(y(i))).ToArray(), MarkerShape.FilledCircle, 8, colour);
                markers.LegendText = $"class {cls:0} ('{label}')";
            }
            return;
        }
        var (low, high) = (targets.Min(), targets.Max());
        var colormap = new ScottPlot.Colormaps.Viridis();
        for (var band = 0; band < TargetBands; band++)
        {
            double from = low + (high - low) * band / TargetBands, to = low + (high - low) * (band + 1) / TargetBands;
            var members = rows.Where(i => Band(targets[i], low, high) == band).ToArray();
            if (members.Length == 0) continue;
            var markers = plot.Add.Markers(members.Select(i => PlotScale.Clamp(x(i))).ToArray(), members.Select(i => PlotScale.Clamp(y(i))).ToArray(), MarkerShape.FilledCircle, 8, colormap.GetColor((band + 0.5) / TargetBands));
            markers.LegendText = $"{report.Input.Data.TargetName} {Format.Short(from)} to {Format.Short(to)}";
        }
    }

    private static int Band(double value, double low, double high) =>
        high > low ? Math.Clamp((int)((value - low) / (high - low) * TargetBands), 0, TargetBands - 1) : 0;

    private static void Shade(Plot plot, List<Coordinates> polygon, Color colour, string label)
    {
        if (polygon.Count < 3) return;
        var shade = plot.Add.Polygon([.. polygon]);
        shade.FillColor = colour;
        shade.LineWidth = 0;
        shade.LegendText = label;
    }
}
