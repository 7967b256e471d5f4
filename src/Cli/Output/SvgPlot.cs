using TensorLinear.Cli.Fitting;
using TensorLinear.Models;

namespace TensorLinear.Cli.Output;

/// <summary>
/// The plot of <c>tensorlinear fit --plot FILE.svg</c>: the loss per epoch (or Newton step) for each engine and, when the
/// data have one or two feature columns, a second panel with the data and the fit.
/// </summary>
/// <remarks>
/// The second panel shows, for two feature columns, the plane of the two features: points coloured by class (logistic)
/// or by target value (linear), the decision boundary wᵀx + b = 0 (logistic) or the line where the fitted value equals
/// the targets' mean (linear), and the two half-spaces either side shaded. For one feature column (a polynomial with
/// --degree included) it shows the feature against the target: the fitted curve (linear) or the probability σ(z) of
/// class 1 (logistic), with the regions either side shaded — above and below the fit, or where z ≥ 0 and z &lt; 0.
/// The first engine's fit is drawn solid, the second's dashed over it.
/// </remarks>
internal static class SvgPlot
{
    private const double PanelWidth = 470, PanelHeight = 380;
    private const double Left = 72, Right = 24, Top = 44, Bottom = 52;

    // The data panel's legend stands to the right of its plot, where it hides no point.
    private const double LegendColumn = 200;
    private const string FirstColour = "#1f77b4", SecondColour = "#d62728";
    private const string ClassOneColour = "#f28e2b", ClassZeroColour = "#4e79a7";
    private const string ClassOneShade = "#fbe3c9", ClassZeroShade = "#dbe6f1";

    // Viridis at five stops: perceptually even and readable in grey.
    private static readonly (double R, double G, double B)[] Viridis =
        [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)];

    public static void Write(string path, FitReport report)
    {
        var columns = report.Input.Data.FeatureCount;
        var dataPanel = columns is 1 or 2;
        var svg = new Svg(dataPanel ? 2 * PanelWidth + LegendColumn : PanelWidth, PanelHeight);
        LossPanel(svg, report, 0);
        if (dataPanel)
        {
            if (columns == 2 && report.Settings.Degree is null) PlanePanel(svg, report, PanelWidth);
            else CurvePanel(svg, report, PanelWidth);
        }
        var text = System.Text.Encoding.UTF8.GetBytes(svg.ToString());
        OutputFile.Write("--plot", path, stream => stream.Write(text));
    }

    private readonly record struct Frame(double X, double Y, double Width, double Height)
    {
        public double Right => X + Width;

        public double Bottom => Y + Height;
    }

    private sealed record Scale(double Min, double Max, double Start, double End, bool Log = false, bool Integer = false)
    {
        public double Map(double value)
        {
            double t = Log ? (Math.Log10(value) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min)) : (value - Min) / (Max - Min);
            return Start + t * (End - Start);
        }

        public IEnumerable<double> Ticks() => Log ? LogTicks(Min, Max) : NiceTicks(Min, Max, Integer ? 1.0 : 0.0);
    }

    private static Frame PlotArea(double offset) => new(offset + Left, Top, PanelWidth - Left - Right, PanelHeight - Top - Bottom);

    private static void LossPanel(Svg svg, FitReport report, double offset)
    {
        var frame = PlotArea(offset);
        var solver = report.Settings.Solver;
        var step = solver == Solver.Newton ? "iteration" : "epoch";
        var title = solver == Solver.Qr ? $"Loss: {FitText.SolverName(solver)}" : $"Loss per {step}: {FitText.SolverName(solver)}";
        svg.Text(offset + PanelWidth / 2, 24, title, "middle", 14, "font-weight:bold");
        var histories = report.Fits.Where(f => f.LossHistory.Length > 0).ToList();
        if (histories.Count == 0)
        {
            svg.Rectangle(frame.X, frame.Y, frame.Width, frame.Height, "fill:#fafafa;stroke:#999");
            svg.Text(frame.X + frame.Width / 2, frame.Y + frame.Height / 2 - 10, "closed-form least squares: no epochs", "middle", 13);
            svg.Text(frame.X + frame.Width / 2, frame.Y + frame.Height / 2 + 12, $"final loss (MSE) {Format.Value(report.Fits[0].Loss)}", "middle", 13);
            return;
        }

        var values = histories.SelectMany(f => f.LossHistory).ToList();
        var positive = values.Where(v => v > 0).ToList();
        var log = positive.Count == values.Count && positive.Max() / positive.Min() > 50;
        var (low, high) = log ? (positive.Min(), positive.Max()) : Padded(values.Min(), values.Max());
        if (log) (low, high) = (Math.Pow(10, Math.Floor(Math.Log10(low))), Math.Pow(10, Math.Ceiling(Math.Log10(high))));
        var last = Math.Max(1, histories.Max(f => f.LossHistory.Length - 1));
        var x = new Scale(0, last, frame.X, frame.Right, Integer: true);
        var y = new Scale(low, high, frame.Bottom, frame.Y, log);
        Axes(svg, frame, x, y, step, log ? "loss (log scale)" : "loss");

        var clip = $"clip{(int)offset}";
        svg.ClipRectangle(clip, frame.X, frame.Y, frame.Width, frame.Height);
        foreach (var (fit, k) in histories.Select((f, k) => (f, k)))
        {
            var colour = k == 0 ? FirstColour : SecondColour;
            var points = fit.LossHistory.Select((v, e) => (x.Map(e), y.Map(v))).ToList();
            svg.Polyline(points, $"stroke:{colour};stroke-width:2{(k == 0 ? "" : ";stroke-dasharray:7 5")}", clip);
            // Newton takes a handful of steps: mark each.
            if (fit.LossHistory.Length <= 40)
                foreach (var (px, py) in points) svg.Circle(px, py, k == 0 ? 3.5 : 2.5, $"fill:{colour}");
        }
        Legend(svg, frame.Right, frame.Y + 8, inside: true, histories.Select((f, k) => (Label: $"{f.Engine} ({f.Iterations} {step}{(f.Iterations == 1 ? "" : "s")})", Style: k == 0 ? $"stroke:{FirstColour};stroke-width:2" : $"stroke:{SecondColour};stroke-width:2;stroke-dasharray:7 5")).ToList());
    }

    // Two feature columns: the plane of the features, the boundary line and the half-spaces either side.
    private static void PlanePanel(Svg svg, FitReport report, double offset)
    {
        var frame = PlotArea(offset);
        var data = report.Input.Data;
        var logistic = report.Settings.Model == ModelKind.Logistic;
        var names = data.FeatureNames;
        var targets = data.TargetArray();
        var mean = targets.Average();
        var title = !logistic ? "Data and the fit's level line ŷ = ȳ" : report.Fits[0].IsSeparated ? "Data and a separating hyperplane" : "Data and decision boundary";
        svg.Text(offset + PanelWidth / 2, 24, title, "middle", 14, "font-weight:bold");

        var xs = Enumerable.Range(0, data.RowCount).Select(i => data[i, 0]).ToList();
        var ys = Enumerable.Range(0, data.RowCount).Select(i => data[i, 1]).ToList();
        var (xLow, xHigh) = Padded(xs.Min(), xs.Max());
        var (yLow, yHigh) = Padded(ys.Min(), ys.Max());
        var x = new Scale(xLow, xHigh, frame.X, frame.Right);
        var y = new Scale(yLow, yHigh, frame.Bottom, frame.Y);

        // The line a·x + b·y + c = 0 of each fit: wᵀx + b = 0 for classes, wᵀx + b = ȳ for values.
        var lines = report.Fits.Select(f => Boundary(f, logistic ? 0.0 : mean)).ToList();
        var first = lines[0];
        var corners = new List<(double X, double Y)> { (xLow, yLow), (xHigh, yLow), (xHigh, yHigh), (xLow, yHigh) };
        if (first.A != 0.0 || first.B != 0.0)
        {
            svg.Polygon(ClipHalfPlane(corners, first, +1).Select(p => (x.Map(p.X), y.Map(p.Y))), $"fill:{ClassOneShade}");
            svg.Polygon(ClipHalfPlane(corners, first, -1).Select(p => (x.Map(p.X), y.Map(p.Y))), $"fill:{ClassZeroShade}");
        }
        Axes(svg, frame, x, y, names[0], names[1]);
        foreach (var (line, k) in lines.Select((l, k) => (l, k)))
        {
            var segment = ClipLine(line, xLow, xHigh, yLow, yHigh);
            if (segment is var (p, q))
                svg.Line(x.Map(p.X), y.Map(p.Y), x.Map(q.X), y.Map(q.Y), k == 0 ? "stroke:#222;stroke-width:2.5" : $"stroke:{SecondColour};stroke-width:2;stroke-dasharray:7 5");
        }

        var (low, high) = (targets.Min(), targets.Max());
        for (var i = 0; i < data.RowCount; i++)
        {
            var fill = logistic ? (targets[i] == 1.0 ? ClassOneColour : ClassZeroColour) : Colour((targets[i] - low) / (high - low));
            svg.Circle(x.Map(xs[i]), y.Map(ys[i]), 5.5, $"fill:{fill};stroke:#222;stroke-width:1",
                       $"({Format.Value(xs[i])}, {Format.Value(ys[i])}): {data.TargetName} = {Label(report, targets[i])}");
        }

        var legend = new List<(string Label, string Style)>();
        if (logistic)
        {
            legend.Add(($"class 1 ({Label(report, 1.0)})", $"fill:{ClassOneColour};stroke:#222"));
            legend.Add(($"class 0 ({Label(report, 0.0)})", $"fill:{ClassZeroColour};stroke:#222"));
        }
        legend.Add((logistic ? $"wᵀx + b = 0 ({report.Fits[0].Engine})" : $"ŷ = {Format.Short(mean)} ({report.Fits[0].Engine})", "stroke:#222;stroke-width:2.5"));
        if (report.Fits.Length > 1) legend.Add((report.Fits[1].Engine, $"stroke:{SecondColour};stroke-width:2;stroke-dasharray:7 5"));
        legend.Add((logistic ? "side of class 1" : "ŷ above the mean", $"fill:{ClassOneShade};stroke:#bbb"));
        legend.Add((logistic ? "side of class 0" : "ŷ below the mean", $"fill:{ClassZeroShade};stroke:#bbb"));
        var bottom = Legend(svg, frame.Right + 14, frame.Y, inside: false, legend);
        if (!logistic) ColourBar(svg, frame.Right + 14, bottom + 28, low, high, data.TargetName);
    }

    // One feature column: the feature against the target with the fitted curve.
    private static void CurvePanel(Svg svg, FitReport report, double offset)
    {
        var frame = PlotArea(offset);
        var data = report.Input.Data;
        var logistic = report.Settings.Model == ModelKind.Logistic;
        var targets = data.TargetArray();
        var xs = Enumerable.Range(0, data.RowCount).Select(i => data[i, 0]).ToList();
        var (xLow, xHigh) = Padded(xs.Min(), xs.Max());
        var grid = Enumerable.Range(0, 401).Select(k => xLow + (xHigh - xLow) * k / 400).ToList();
        var fits = report.Fits;
        var degree = report.Settings.Degree ?? 1;
        svg.Text(offset + PanelWidth / 2, 24, logistic ? "Data and P(class 1) = σ(z)" : degree > 1 ? $"Data and the fitted polynomial (degree {degree})" : "Data and the fitted line", "middle", 14, "font-weight:bold");

        var (yLow, yHigh) = logistic ? (-0.1, 1.1) : Padded(targets.Min(), targets.Max());
        var x = new Scale(xLow, xHigh, frame.X, frame.Right);
        var y = new Scale(yLow, yHigh, frame.Bottom, frame.Y);
        var clip = $"clip{(int)offset}";
        svg.ClipRectangle(clip, frame.X, frame.Y, frame.Width, frame.Height);

        var decision = DecisionModel(fits[0]);
        if (logistic)
        {
            // The intervals where z ≥ 0 and z < 0, found on the grid, each shaded as one band.
            var start = 0;
            for (var k = 1; k < grid.Count; k++)
            {
                var side = Score(decision, grid[start], degree) >= 0;
                if (k + 1 < grid.Count && Score(decision, grid[k], degree) >= 0 == side) continue;
                svg.Rectangle(x.Map(grid[start]), frame.Y, x.Map(grid[k]) - x.Map(grid[start]), frame.Height, $"fill:{(side ? ClassOneShade : ClassZeroShade)}");
                start = k;
            }
        }
        else
        {
            var curve = grid.Select(g => (x.Map(g), y.Map(Score(fits[0].Model, g, degree)))).ToList();
            svg.Polygon([.. curve, (frame.Right, frame.Y - 1000), (frame.X, frame.Y - 1000)], $"fill:{ClassOneShade}", clip);
            svg.Polygon([.. curve, (frame.Right, frame.Bottom + 1000), (frame.X, frame.Bottom + 1000)], $"fill:{ClassZeroShade}", clip);
        }
        Axes(svg, frame, x, y, data.FeatureNames[0], logistic ? $"{data.TargetName} (class) and P(class 1)" : data.TargetName);
        if (logistic) svg.Line(frame.X, y.Map(0.5), frame.Right, y.Map(0.5), "stroke:#888;stroke-dasharray:3 3");

        foreach (var (fit, k) in fits.Select((f, k) => (f, k)))
        {
            var curve = grid.Select(g =>
            {
                var z = Score(fit.Model, g, degree);
                return (x.Map(g), y.Map(logistic ? Sigmoid(z) : z));
            });
            svg.Polyline(curve, k == 0 ? "stroke:#222;stroke-width:2.5" : $"stroke:{SecondColour};stroke-width:2;stroke-dasharray:7 5", clip);
        }

        var (low, high) = (targets.Min(), targets.Max());
        for (var i = 0; i < data.RowCount; i++)
        {
            // Classes sit at 0 and 1, spread a little vertically so that rows at one x stay visible.
            var jitter = logistic ? 0.035 * ((i * 7 % 5) - 2) / 2 : 0.0;
            var fill = logistic ? (targets[i] == 1.0 ? ClassOneColour : ClassZeroColour) : Colour((targets[i] - low) / (high - low));
            svg.Circle(x.Map(xs[i]), y.Map(targets[i] + jitter), 5, $"fill:{fill};stroke:#222;stroke-width:1",
                       $"{data.FeatureNames[0]} = {Format.Value(xs[i])}: {data.TargetName} = {Label(report, targets[i])}");
        }

        var legend = new List<(string Label, string Style)>();
        if (logistic)
        {
            legend.Add(($"class 1 ({Label(report, 1.0)})", $"fill:{ClassOneColour};stroke:#222"));
            legend.Add(($"class 0 ({Label(report, 0.0)})", $"fill:{ClassZeroColour};stroke:#222"));
        }
        legend.Add((logistic ? $"σ(z) ({fits[0].Engine})" : $"fit ({fits[0].Engine})", "stroke:#222;stroke-width:2.5"));
        if (fits.Length > 1) legend.Add((fits[1].Engine, $"stroke:{SecondColour};stroke-width:2;stroke-dasharray:7 5"));
        legend.Add((logistic ? "z ≥ 0: class 1" : "above the fit", $"fill:{ClassOneShade};stroke:#bbb"));
        legend.Add((logistic ? "z < 0: class 0" : "below the fit", $"fill:{ClassZeroShade};stroke:#bbb"));
        var bottom = Legend(svg, frame.Right + 14, frame.Y, inside: false, legend);
        if (!logistic) ColourBar(svg, frame.Right + 14, bottom + 28, low, high, data.TargetName);
    }

    // The model whose boundary is drawn: the separating hyperplane when the classes are separated (the iterate's own
    // scores have the same signs, but its huge weights estimate nothing), the fit otherwise.
    private static LinearModel DecisionModel(EngineFit fit) => fit.Separation?.Hyperplane is { } h && fit.IsSeparated ? h : fit.Model;

    // a·x + b·y + c = 0 with (a, b, c) = (w₁, w₂, b − level).
    private static (double A, double B, double C) Boundary(EngineFit fit, double level)
    {
        var model = DecisionModel(fit);
        return (model.Weights[0], model.Weights[1], model.Bias - level);
    }

    // z = Σₖ wₖxᵏ + b: the model's score at x, its features the powers 1..K of x.
    private static double Score(LinearModel model, double x, int degree)
    {
        double z = model.Bias, power = 1.0;
        for (var k = 0; k < degree; k++)
        {
            power *= x;
            z += model.Weights[k] * power;
        }
        return z;
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    // Sutherland–Hodgman against one line: the part of the convex polygon where side·(a·x + b·y + c) ≥ 0.
    private static List<(double X, double Y)> ClipHalfPlane(List<(double X, double Y)> polygon, (double A, double B, double C) line, int side)
    {
        double Value((double X, double Y) p) => side * (line.A * p.X + line.B * p.Y + line.C);
        var result = new List<(double X, double Y)>();
        for (var i = 0; i < polygon.Count; i++)
        {
            var (p, q) = (polygon[i], polygon[(i + 1) % polygon.Count]);
            double vp = Value(p), vq = Value(q);
            if (vp >= 0) result.Add(p);
            if (vp >= 0 != vq >= 0)
            {
                var t = vp / (vp - vq);
                result.Add((p.X + t * (q.X - p.X), p.Y + t * (q.Y - p.Y)));
            }
        }
        return result;
    }

    // The segment of a·x + b·y + c = 0 inside the box, or null when the line misses it.
    private static ((double X, double Y), (double X, double Y))? ClipLine((double A, double B, double C) line, double xLow, double xHigh, double yLow, double yHigh)
    {
        var points = new List<(double X, double Y)>();
        if (line.B != 0.0)
            foreach (var xv in new[] { xLow, xHigh })
            {
                var yv = -(line.A * xv + line.C) / line.B;
                if (yv >= yLow && yv <= yHigh) points.Add((xv, yv));
            }
        if (line.A != 0.0)
            foreach (var yv in new[] { yLow, yHigh })
            {
                var xv = -(line.B * yv + line.C) / line.A;
                if (xv >= xLow && xv <= xHigh) points.Add((xv, yv));
            }
        return points.Count >= 2 ? (points[0], points.OrderByDescending(p => Math.Abs(p.X - points[0].X) + Math.Abs(p.Y - points[0].Y)).First()) : null;
    }

    private static void Axes(Svg svg, Frame frame, Scale x, Scale y, string xLabel, string yLabel)
    {
        const string Grid = "stroke:#000;stroke-opacity:0.08";
        foreach (var t in x.Ticks())
        {
            var px = x.Map(t);
            svg.Line(px, frame.Y, px, frame.Bottom, Grid);
            svg.Line(px, frame.Bottom, px, frame.Bottom + 5, "stroke:#444");
            svg.Text(px, frame.Bottom + 18, TickLabel(t, x.Log), "middle", 11);
        }
        foreach (var t in y.Ticks())
        {
            var py = y.Map(t);
            svg.Line(frame.X, py, frame.Right, py, Grid);
            svg.Line(frame.X - 5, py, frame.X, py, "stroke:#444");
            svg.Text(frame.X - 8, py + 4, TickLabel(t, y.Log), "end", 11);
        }
        svg.Rectangle(frame.X, frame.Y, frame.Width, frame.Height, "fill:none;stroke:#444");
        svg.Text(frame.X + frame.Width / 2, frame.Bottom + 40, xLabel, "middle", 12);
        svg.Text(frame.X - 54, frame.Y + frame.Height / 2, yLabel, "middle", 12, "", -90);
    }

    // A boxed legend: inside a plot it is right-aligned at x, outside it starts at x. Returns the box's bottom.
    private static double Legend(Svg svg, double x, double y, bool inside, List<(string Label, string Style)> entries)
    {
        const double LineHeight = 17;
        var width = 30 + entries.Max(e => e.Label.Length) * 6.4;
        var x0 = inside ? x - width - 8 : x;
        var height = entries.Count * LineHeight + 8;
        svg.Rectangle(x0, y, width, height, "fill:white;fill-opacity:0.85;stroke:#bbb");
        for (var k = 0; k < entries.Count; k++)
        {
            var (label, style) = entries[k];
            var cy = y + 4 + LineHeight * k + LineHeight / 2;
            if (style.Contains("fill:", StringComparison.Ordinal))
                svg.Rectangle(x0 + 7, cy - 5, 14, 10, style);
            else
                svg.Line(x0 + 5, cy, x0 + 23, cy, style);
            svg.Text(x0 + 28, cy + 4, label, "start", 11);
        }
        return y + height;
    }

    private static void ColourBar(Svg svg, double x0, double y0, double low, double high, string name)
    {
        const double Width = 150, Height = 10;
        svg.Text(x0, y0 - 5, $"colour: {name}", "start", 11);
        for (var k = 0; k < 40; k++)
            svg.Rectangle(x0 + Width * k / 40, y0, Width / 40 + 0.3, Height, $"fill:{Colour((k + 0.5) / 40)}");
        svg.Rectangle(x0, y0, Width, Height, "fill:none;stroke:#888");
        svg.Text(x0, y0 + Height + 13, Format.Short(low), "start", 10);
        svg.Text(x0 + Width, y0 + Height + 13, Format.Short(high), "end", 10);
    }

    private static string Label(FitReport report, double target) =>
        report.Input.Classes is { } classes ? $"'{(target == 1.0 ? classes.One : classes.Zero)}'" : Format.Value(target);

    // The colour of t ∈ [0, 1] on the viridis scale, linear between its stops.
    private static string Colour(double t)
    {
        t = double.IsFinite(t) ? Math.Clamp(t, 0, 1) : 0.5;
        var position = t * (Viridis.Length - 1);
        var k = Math.Min((int)position, Viridis.Length - 2);
        var f = position - k;
        var (a, b) = (Viridis[k], Viridis[k + 1]);
        return $"#{(int)Math.Round(a.R + f * (b.R - a.R)):x2}{(int)Math.Round(a.G + f * (b.G - a.G)):x2}{(int)Math.Round(a.B + f * (b.B - a.B)):x2}";
    }

    // [low, high] widened by 8% each side, or by 1 when the values are all equal.
    private static (double Low, double High) Padded(double low, double high)
    {
        var pad = high > low ? 0.08 * (high - low) : Math.Max(1.0, Math.Abs(low) * 0.1);
        return (low - pad, high + pad);
    }

    // About five ticks at 1, 2 or 5 × 10ᵏ spacing.
    private static IEnumerable<double> NiceTicks(double low, double high, double smallestStep)
    {
        var raw = Math.Max((high - low) / 5, smallestStep);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = magnitude * (raw / magnitude) switch { < 1.5 => 1, < 3.5 => 2, < 7.5 => 5, _ => 10 };
        for (var t = Math.Ceiling(low / step) * step; t <= high + step * 1e-9; t += step)
            yield return Math.Abs(t) < step * 1e-9 ? 0.0 : t;
    }

    private static IEnumerable<double> LogTicks(double low, double high)
    {
        int first = (int)Math.Ceiling(Math.Log10(low) - 1e-9), last = (int)Math.Floor(Math.Log10(high) + 1e-9);
        var every = Math.Max(1, (last - first) / 6 + 1);
        for (var e = first; e <= last; e += every) yield return Math.Pow(10, e);
    }

    private static string TickLabel(double value, bool log) =>
        log ? $"1e{Math.Round(Math.Log10(value)):0}" : Format.Short(value);
}
