using ScottPlot;
using TensorLinear.Cli.Fitting;
using TensorLinear.MaxMargin;

namespace TensorLinear.Cli.Output.Plots;

/// <summary>
/// The plot of <c>tensorlinear fit --model svm --plot FILE</c>: for two features, the plane with the points by class,
/// the decision line wᵀx + b = 0 of each engine, the margin band between wᵀx + b = −1 and +1 shaded and edged, and the
/// support vectors circled; for any other number of features, each row's signed distance on its own side, yᵢdᵢ, with
/// the margin marked.
/// </summary>
internal static class SvmPlot
{
    /// <summary>Draws the panel and writes it atomically to <paramref name="path"/>.</summary>
    /// <exception cref="OutputException">The file cannot be written.</exception>
    public static void Write(string path, SvmReport report)
    {
        var panel = report.Data.FeatureCount == 2 ? Plane(report) : Distances(report);
        panel.Font.Automatic();
        FitPlot.Write(path, [panel]);
    }

    private static Plot Plane(SvmReport report)
    {
        var plot = new Plot();
        var data = report.Data;
        var first = report.Fits[0].Fit;
        var rows = PlotScale.Sample(data.RowCount);
        Style.Title(plot, $"Maximum-margin line, margin {Format.Short(first.Margin)} ({(first.Kind == MarginKind.Hard ? "hard" : "soft")})", rows.Length, data.RowCount);
        var (xLow, xHigh) = Padded(PlotScale.Limits(Enumerable.Range(0, data.RowCount).Select(i => data[i, 0])));
        var (yLow, yHigh) = Padded(PlotScale.Limits(Enumerable.Range(0, data.RowCount).Select(i => data[i, 1])));
        List<Coordinates> box = [new(xLow, yLow), new(xHigh, yLow), new(xHigh, yHigh), new(xLow, yHigh)];

        // The band −1 ≤ wᵀx + b ≤ 1: the box clipped by both edges.
        var below = Geometry.Boundary(first.Model, -1.0);
        var above = Geometry.Boundary(first.Model, 1.0);
        var band = Geometry.ClipHalfPlane(Geometry.ClipHalfPlane(box, below, +1), above, -1);
        if (band.Count >= 3)
        {
            var shade = plot.Add.Polygon([.. band]);
            shade.FillColor = Colors.Gray.WithAlpha(0.15);
            shade.LineWidth = 0;
            shade.LegendText = "margin band |wᵀx + b| < 1";
        }
        foreach (var (edge, name) in new[] { (below, "wᵀx + b = −1"), (above, "wᵀx + b = +1") })
            if (Geometry.ClipLine(edge, xLow, xHigh, yLow, yHigh) is var (p, q))
            {
                var line = plot.Add.Scatter(new[] { p.X, q.X }, new[] { p.Y, q.Y });
                line.MarkerSize = 0;
                line.LineWidth = 1f;
                line.Color = Colors.Gray;
                line.LegendText = name == "wᵀx + b = +1" ? "wᵀx + b = ±1" : "";
            }

        var y = data.Targets.Span.ToArray();
        foreach (var (label, sign, colour) in new[] { (report.PositiveLabel, 1.0, Style.ClassOne), (report.NegativeLabel, -1.0, Style.ClassZero) })
        {
            var members = rows.Where(i => y[i] == sign).ToArray();
            var markers = plot.Add.Markers(members.Select(i => PlotScale.Clamp(data[i, 0])).ToArray(), members.Select(i => PlotScale.Clamp(data[i, 1])).ToArray(), MarkerShape.FilledCircle, 8, colour);
            markers.LegendText = $"{(sign > 0 ? "+1" : "−1")} ('{label}')";
        }
        var support = first.SupportVectors.ToArray();
        var circles = plot.Add.Markers(support.Select(i => PlotScale.Clamp(data[i, 0])).ToArray(), support.Select(i => PlotScale.Clamp(data[i, 1])).ToArray(), MarkerShape.OpenCircle, 18, Style.Fit);
        circles.LegendText = "support vectors";

        foreach (var ((fit, _), k) in report.Fits.Select((f, k) => (f, k)))
            if (Geometry.ClipLine(Geometry.Boundary(fit.Model, 0.0), xLow, xHigh, yLow, yHigh) is var (p, q))
            {
                var line = plot.Add.Scatter(new[] { p.X, q.X }, new[] { p.Y, q.Y });
                Style.EngineLine(line, k);
                line.LegendText = k == 0 ? $"wᵀx + b = 0 ({fit.Engine})" : fit.Engine;
            }
        plot.Axes.SetLimits(xLow, xHigh, yLow, yHigh);
        plot.XLabel(data.FeatureNames[0]);
        plot.YLabel(data.FeatureNames[1]);
        // Beside the plane, not over it: the points near the line are the ones the plot is about.
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    // A fifth more room on each side, so that the circles round the support vectors and the band's edges show.
    private static (double Low, double High) Padded((double Low, double High) limits)
    {
        var pad = 0.2 * (limits.High - limits.Low);
        return (limits.Low - pad, limits.High + pad);
    }

    private static Plot Distances(SvmReport report)
    {
        var plot = new Plot();
        var first = report.Fits[0].Fit;
        var y = report.Data.Targets.Span.ToArray();
        var rows = PlotScale.Sample(report.Data.RowCount);
        Style.Title(plot, $"Each row's distance to the hyperplane on its own side; margin {Format.Short(first.Margin)}", rows.Length, report.Data.RowCount);
        var own = rows.Select(i => PlotScale.Clamp(y[i] * first.SignedDistances[i])).ToArray();
        var markers = plot.Add.Markers(rows.Select(i => (double)i).ToArray(), own, MarkerShape.FilledCircle, 6, Style.First);
        markers.LegendText = "yᵢ·dᵢ";
        var support = first.SupportVectors.ToArray();
        var circles = plot.Add.Markers(support.Select(i => (double)i).ToArray(), support.Select(i => PlotScale.Clamp(y[i] * first.SignedDistances[i])).ToArray(), MarkerShape.OpenCircle, 14, Style.Fit);
        circles.LegendText = "support vectors";
        plot.Add.HorizontalLine(first.Margin, 1, Colors.Gray);
        plot.Add.HorizontalLine(0.0, 1, Style.Fit);
        plot.XLabel("row");
        plot.YLabel("signed distance on the row's own side");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
