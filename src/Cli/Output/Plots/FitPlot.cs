using ScottPlot;
using SkiaSharp;
using TensorLinear.Cli.Fitting;

namespace TensorLinear.Cli.Output.Plots;

/// <summary>
/// The plot of <c>tensorlinear fit --plot FILE</c>, drawn with ScottPlot: the loss per epoch (or Newton step) for each
/// engine, then the data and the fit — for one or two feature columns the data with the fitted curve or boundary and
/// its half-spaces, for more the predicted values against the actual ones and the residuals. The format is the file's
/// extension: .svg or .png.
/// </summary>
internal static class FitPlot
{
    /// <summary>The extensions --plot writes, each naming its format.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".svg", ".png"];

    private const int PanelWidth = 560, PanelHeight = 420;

    /// <summary>Draws the report's panels side by side and writes them atomically to <paramref name="path"/>.</summary>
    /// <exception cref="OutputException">The file cannot be written.</exception>
    public static void Write(string path, FitReport report) => Write(path, Panels(report));

    /// <summary>Draws <paramref name="panels"/> side by side and writes them atomically to <paramref name="path"/>.</summary>
    /// <exception cref="OutputException">The file cannot be written.</exception>
    internal static void Write(string path, IReadOnlyList<Plot> panels)
    {
        var svg = Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase);
        if (svg) WithoutDashes(panels);
        OutputFile.Write("--plot", path, stream =>
        {
            if (svg) WriteSvg(stream, panels);
            else WritePng(stream, panels);
        });
    }

    /// <summary>The panels for a report, left to right.</summary>
    public static IReadOnlyList<Plot> Panels(FitReport report)
    {
        var panels = new List<Plot> { LossPanel.Create(report) };
        var columns = report.Input.Data.FeatureCount;
        if (columns == 2 && report.Settings.Degree is null) panels.Add(DataPanels.Plane(report));
        else if (columns == 1) panels.Add(DataPanels.Curve(report));
        else
        {
            panels.Add(ResidualPanels.PredictedAgainstActual(report));
            panels.Add(ResidualPanels.Residuals(report));
        }
        foreach (var panel in panels) panel.Font.Automatic();
        return panels;
    }

    // Skia's SVG writer has no dashes (it says so on stderr for each): in SVG the second engine is told apart by its
    // colour and narrower line alone.
    private static void WithoutDashes(IReadOnlyList<Plot> panels)
    {
        foreach (var plottable in panels.SelectMany(p => p.GetPlottables()))
        {
            if (plottable is ScottPlot.Plottables.Scatter scatter) scatter.LinePattern = LinePattern.Solid;
            if (plottable is ScottPlot.Plottables.HorizontalLine line) line.LinePattern = LinePattern.Solid;
        }
    }

    private static void WriteSvg(Stream output, IReadOnlyList<Plot> panels)
    {
        using var stream = new SKManagedWStream(output);
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, PanelWidth * panels.Count, PanelHeight), stream))
            Render(canvas, panels);
    }

    private static void WritePng(Stream output, IReadOnlyList<Plot> panels)
    {
        using var surface = SKSurface.Create(new SKImageInfo(PanelWidth * panels.Count, PanelHeight));
        Render(surface.Canvas, panels);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        data.SaveTo(output);
    }

    private static void Render(SKCanvas canvas, IReadOnlyList<Plot> panels)
    {
        canvas.Clear(SKColors.White);
        for (var k = 0; k < panels.Count; k++)
        {
            // Each panel clears what it draws on: clipped to its own rectangle, it leaves the others be.
            canvas.Save();
            canvas.ClipRect(new SKRect(k * PanelWidth, 0, (k + 1) * PanelWidth, PanelHeight));
            canvas.Translate(k * PanelWidth, 0);
            panels[k].Render(canvas, new PixelRect(0, PanelWidth, PanelHeight, 0));
            canvas.Restore();
        }
    }
}
