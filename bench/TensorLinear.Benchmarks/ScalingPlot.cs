using System.Globalization;
using System.Text;

namespace TensorLinear.Benchmarks;

/// <summary>A line of the plot: a name, a colour, and (rows, seconds per epoch) points.</summary>
internal sealed record Series(string Name, string Colour, IReadOnlyList<(double Rows, double Seconds)> Points, bool Dashed = false);

/// <summary>
/// The scaling plot of docs/benchmarks.md, written as plain SVG (no plotting library): two panels over the number of
/// rows, both axes logarithmic — the time of an epoch, and the time per row, where the vectorisation argument shows:
/// the scalar loops cost the same per row at every size, the tensor engines pay a fixed cost per epoch that small
/// problems cannot hide and then run each row several times faster.
/// </summary>
internal static class ScalingPlot
{
    private const double Width = 800, Left = 84, Right = 230, PanelHeight = 300, Gap = 70, Top = 56, Bottom = 50;

    public static string Render(string title, string subtitle, IReadOnlyList<Series> series)
    {
        var height = Top + 2 * PanelHeight + Gap + Bottom;
        var svg = new StringBuilder();
        svg.AppendLine(Invariant($"""<svg xmlns="http://www.w3.org/2000/svg" width="{F(Width)}" height="{F(height)}" viewBox="0 0 {F(Width)} {F(height)}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">"""));
        svg.AppendLine("""  <rect width="100%" height="100%" fill="white"/>""");
        svg.AppendLine(Invariant($"""  <text x="{F(Left)}" y="22" font-size="15" font-weight="bold">{Escape(title)}</text>"""));
        svg.AppendLine(Invariant($"""  <text x="{F(Left)}" y="40" fill="#555">{Escape(subtitle)}</text>"""));

        Panel(svg, Top, "time per epoch", series, p => p.Seconds, Duration);
        Panel(svg, Top + PanelHeight + Gap, "time per row", series, p => p.Seconds / p.Rows, Duration);
        svg.AppendLine(Invariant($"""  <text x="{F(Left + (Width - Left - Right) / 2)}" y="{F(height - 12)}" text-anchor="middle">rows n (64 features, float64)</text>"""));

        // The legend, right of the upper panel, with each line's time per row at the largest n.
        var legendY = Top + 12.0;
        var lx = Width - Right + 16;
        foreach (var s in series)
        {
            var last = s.Points.MaxBy(p => p.Rows);
            svg.AppendLine(Invariant($"""  <line x1="{F(lx)}" y1="{F(legendY)}" x2="{F(lx + 22)}" y2="{F(legendY)}" stroke="{s.Colour}" stroke-width="2.2"{Dash(s)}/>"""));
            svg.AppendLine(Invariant($"""  <text x="{F(lx + 28)}" y="{F(legendY + 4)}">{Escape(s.Name)}</text>"""));
            svg.AppendLine(Invariant($"""  <text x="{F(lx + 28)}" y="{F(legendY + 19)}" fill="#555" font-size="11">{Escape($"{last.Seconds / last.Rows * 1e9:F1} ns/row at n = {Rows(Math.Log10(last.Rows))}")}</text>"""));
            legendY += 46;
        }
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    // One log–log panel of value(point) in seconds against rows.
    private static void Panel(StringBuilder svg, double top, string label, IReadOnlyList<Series> series,
                              Func<(double Rows, double Seconds), double> value, Func<double, string> tick)
    {
        var points = series.SelectMany(s => s.Points).ToArray();
        double xMin = Math.Floor(Math.Log10(points.Min(p => p.Rows))), xMax = Math.Ceiling(Math.Log10(points.Max(p => p.Rows)));
        double yMin = Math.Floor(Math.Log10(points.Min(value))), yMax = Math.Ceiling(Math.Log10(points.Max(value)));
        double plotW = Width - Left - Right, plotH = PanelHeight;
        double X(double rows) => Left + (Math.Log10(rows) - xMin) / (xMax - xMin) * plotW;
        double Y(double v) => top + plotH - (Math.Log10(v) - yMin) / (yMax - yMin) * plotH;

        for (var e = xMin; e <= xMax; e++)
        {
            var x = X(Math.Pow(10, e));
            svg.AppendLine(Invariant($"""  <line x1="{F(x)}" y1="{F(top)}" x2="{F(x)}" y2="{F(top + plotH)}" stroke="#ccc"/>"""));
            svg.AppendLine(Invariant($"""  <text x="{F(x)}" y="{F(top + plotH + 18)}" text-anchor="middle">{Escape(Rows(e))}</text>"""));
        }
        for (var e = yMin; e <= yMax; e++)
        {
            var y = Y(Math.Pow(10, e));
            svg.AppendLine(Invariant($"""  <line x1="{F(Left)}" y1="{F(y)}" x2="{F(Left + plotW)}" y2="{F(y)}" stroke="#ccc"/>"""));
            svg.AppendLine(Invariant($"""  <text x="{F(Left - 8)}" y="{F(y + 4)}" text-anchor="end">{Escape(tick(Math.Pow(10, e)))}</text>"""));
            if (e == yMax) continue;
            foreach (var m in new[] { 2.0, 5.0 }) // lighter lines at 2× and 5×
            {
                var ym = Y(m * Math.Pow(10, e));
                svg.AppendLine(Invariant($"""  <line x1="{F(Left)}" y1="{F(ym)}" x2="{F(Left + plotW)}" y2="{F(ym)}" stroke="#eee"/>"""));
            }
        }
        svg.AppendLine(Invariant($"""  <rect x="{F(Left)}" y="{F(top)}" width="{F(plotW)}" height="{F(plotH)}" fill="none" stroke="#333"/>"""));
        svg.AppendLine(Invariant($"""  <text transform="translate(20 {F(top + plotH / 2)}) rotate(-90)" text-anchor="middle">{Escape(label)}</text>"""));

        foreach (var s in series)
        {
            var path = string.Join(" ", s.Points.OrderBy(p => p.Rows).Select(p => $"{F(X(p.Rows))},{F(Y(value(p)))}"));
            svg.AppendLine(Invariant($"""  <polyline points="{path}" fill="none" stroke="{s.Colour}" stroke-width="2.2"{Dash(s)}/>"""));
            foreach (var p in s.Points)
                svg.AppendLine(Invariant($"""  <circle cx="{F(X(p.Rows))}" cy="{F(Y(value(p)))}" r="3.2" fill="{s.Colour}"/>"""));
        }
    }

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Dash(Series s) => s.Dashed ? " stroke-dasharray=\"6 4\"" : "";

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Rows(double e) => e <= 3
        ? Math.Pow(10, e).ToString("N0", CultureInfo.InvariantCulture)
        : $"10{string.Concat(((int)Math.Round(e)).ToString(CultureInfo.InvariantCulture).Select(c => "⁰¹²³⁴⁵⁶⁷⁸⁹"[c - '0']))}";

    // A power of ten of seconds, in the unit that makes it a whole number: 10 ns, 1 µs, 100 ms, 1 s.
    private static string Duration(double seconds) => seconds switch
    {
        < 0.9995e-6 => $"{seconds * 1e9:0} ns", // Math.Pow(10, −6) may come out a hair below 1e-6
        < 0.9995e-3 => $"{seconds * 1e6:0} µs",
        < 0.9995 => $"{seconds * 1e3:0} ms",
        _ => $"{seconds:0} s",
    };
}
