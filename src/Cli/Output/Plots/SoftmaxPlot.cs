using ScottPlot;
using TensorLinear.Cli.Fitting;
using TensorLinear.Reference.Softmax;
using TensorLinear.Softmax;

namespace TensorLinear.Cli.Output.Plots;

/// <summary>
/// The plot of <c>tensorlinear fit --model softmax --plot FILE</c>: the loss per Newton step or epoch for each engine,
/// then, for two features, the plane with the points by class and each class's region {x : z_c(x) ≥ z_m(x) for every m}
/// (the intersection of k − 1 half-planes, so convex); for any other number of features, the probability each row's
/// model gives its own class, class by class.
/// </summary>
internal static class SoftmaxPlot
{
    // Category10's colours, one per class in turn (the 11th class takes the first again).
    private static readonly IPalette Classes = new ScottPlot.Palettes.Category10();

    /// <summary>Draws the panels and writes them atomically to <paramref name="path"/>.</summary>
    /// <exception cref="OutputException">The file cannot be written.</exception>
    public static void Write(string path, SoftmaxReport report)
    {
        var first = report.Fits[0].Fit;
        var newton = first.Method == SoftmaxMethod.Newton;
        var loss = LossPanel.Create(newton ? "Newton's method" : "gradient descent", newton,
            [.. report.Fits.Select(f => new LossPanel.Run(f.Fit.Engine, f.Fit.LossHistory, f.Fit.Iterations))], first.FinalLoss);
        Plot[] panels = [loss, report.Input.Data.FeatureCount == 2 ? Regions(report) : OwnClass(report)];
        foreach (var panel in panels) panel.Font.Automatic();
        FitPlot.Write(path, panels);
    }

    private static Plot Regions(SoftmaxReport report)
    {
        var plot = new Plot();
        var data = report.Input.Data;
        var fit = report.Fits[0].Fit;
        var model = fit.Model;
        var labels = report.Labels.Labels;
        var rows = PlotScale.Sample(data.RowCount);
        Style.Title(plot, $"Softmax regions of the {fit.Engine} fit, {labels.Length} classes", rows.Length, data.RowCount);
        var (xLow, xHigh) = PlotScale.Limits(Enumerable.Range(0, data.RowCount).Select(i => data[i, 0]));
        var (yLow, yHigh) = PlotScale.Limits(Enumerable.Range(0, data.RowCount).Select(i => data[i, 1]));
        List<Coordinates> box = [new(xLow, yLow), new(xHigh, yLow), new(xHigh, yHigh), new(xLow, yHigh)];
        for (var c = 0; c < labels.Length; c++)
        {
            // z_c − z_m = (w_c − w_m)ᵀx + (b_c − b_m) ≥ 0 for every other class m.
            var region = box;
            for (var m = 0; m < labels.Length && region.Count >= 3; m++)
                if (m != c)
                    region = Geometry.ClipHalfPlane(region, (model.Weight(c, 0) - model.Weight(m, 0), model.Weight(c, 1) - model.Weight(m, 1), model.Bias(c) - model.Bias(m)), +1);
            if (region.Count < 3) continue;
            var shade = plot.Add.Polygon([.. region]);
            shade.FillColor = Classes.GetColor(c).WithAlpha(0.18);
            shade.LineColor = Classes.GetColor(c).WithAlpha(0.6);
            shade.LineWidth = 1;
        }
        var y = data.Targets.Span.ToArray();
        for (var c = 0; c < labels.Length; c++)
        {
            var members = rows.Where(i => y[i] == c).ToArray();
            var markers = plot.Add.Markers(members.Select(i => PlotScale.Clamp(data[i, 0])).ToArray(), members.Select(i => PlotScale.Clamp(data[i, 1])).ToArray(), MarkerShape.FilledCircle, 7, Classes.GetColor(c));
            markers.LegendText = c == 0 ? $"'{labels[c]}' (reference)" : $"'{labels[c]}'";
        }
        plot.Axes.SetLimits(xLow, xHigh, yLow, yHigh);
        plot.XLabel(data.FeatureNames[0]);
        plot.YLabel(data.FeatureNames[1]);
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    private static Plot OwnClass(SoftmaxReport report)
    {
        var plot = new Plot();
        var data = report.Input.Data;
        var fit = report.Fits[0].Fit;
        var labels = report.Labels.Labels;
        var rows = PlotScale.Sample(data.RowCount);
        Style.Title(plot, $"Probability of each row's own class ({fit.Engine} fit)", rows.Length, data.RowCount);
        var probabilities = SoftmaxRegression.Probabilities(data, fit.Model);
        var y = data.Targets.Span.ToArray();
        for (var c = 0; c < labels.Length; c++)
        {
            var members = rows.Where(i => y[i] == c).ToArray();
            var markers = plot.Add.Markers(members.Select(i => (double)i).ToArray(), members.Select(i => probabilities[i, c]).ToArray(), MarkerShape.FilledCircle, 6, Classes.GetColor(c));
            markers.LegendText = $"'{labels[c]}'";
        }
        // At 1/k the model is no better than a guess among the classes.
        plot.Add.HorizontalLine(1.0 / labels.Length, 1, Colors.Gray);
        plot.Axes.SetLimits(-0.02 * data.RowCount, 1.02 * data.RowCount, -0.02, 1.02);
        plot.XLabel("row");
        plot.YLabel("p(own class)");
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
