using System.Globalization;
using System.Text;

namespace TensorLinear.Benchmarks;

/// <summary>A line of the plot: a name, a colour, and (rows, seconds per epoch) points.</summary>
internal sealed record Series(string Name, string Colour, IReadOnlyList<(double Rows, double Seconds)> Points, bool Dashed = false);

/// <summary>
/// The scaling plot of docs/benchmarks.md, written as plain SVG (no plotting library): epoch time against the number of
/// rows, both axes logarithmic, one line per engine.
/// </summary>
internal static class ScalingPlot
{
    private const double Width = 760, Height = 460, Left = 78, Right = 200, Top = 48, Bottom = 58;

    public static string Render(string title, string subtitle, IReadOnlyList<Series> series)
    {
        var points = series.SelectMany(s => s.Points).ToArray();
        double xMin = Math.Floor(Math.Log10(points.Min(p => p.Rows))), xMax = Math.Ceiling(Math.Log10(points.Max(p => p.Rows)));
        double yMin = Math.Floor(Math.Log10(points.Min(p => p.Seconds * 1e3))), yMax = Math.Ceiling(Math.Log10(points.Max(p => p.Seconds * 1e3)));
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(double rows) => Left + (Math.Log10(rows) - xMin) / (xMax - xMin) * plotW;
        double Y(double ms) => Top + plotH - (Math.Log10(ms) - yMin) / (yMax - yMin) * plotH;
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{F(Width)}" height="{F(Height)}" viewBox="0 0 {F(Width)} {F(Height)}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">""");
        svg.AppendLine("""  <rect width="100%" height="100%" fill="white"/>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""  <text x="{F(Left)}" y="20" font-size="15" font-weight="bold">{Escape(title)}</text>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""  <text x="{F(Left)}" y="37" fill="#555">{Escape(subtitle)}</text>""");

        // Grid and ticks: one line per decade, light lines at 2× and 5× in between.
        for (var e = xMin; e <= xMax; e++)
        {
            var x = X(Math.Pow(10, e));
            svg.AppendLine(CultureInfo.InvariantCulture, $"""  <line x1="{F(x)}" y1="{F(Top)}" x2="{F(x)}" y2="{F(Top + plotH)}" stroke="#ccc"/>""");
            svg.AppendLine(CultureInfo.InvariantCulture, $"""  <text x="{F(x)}" y="{F(Top + plotH + 18)}" text-anchor="middle">{Escape(Decade(e))}</text>""");
        }
        for (var e = yMin; e <= yMax; e++)
        {
            var y = Y(Math.Pow(10, e));
            svg.AppendLine(CultureInfo.InvariantCulture, $"""  <line x1="{F(Left)}" y1="{F(y)}" x2="{F(Left + plotW)}" y2="{F(y)}" stroke="#ccc"/>""");
            svg.AppendLine(CultureInfo.InvariantCulture, $"""  <text x="{F(Left - 8)}" y="{F(y + 4)}" text-anchor="end">{Escape(Milliseconds(e))}</text>""");
            if (e < yMax)
                foreach (var m in new[] { 2.0, 5.0 })
                {
                    var ym = Y(m * Math.Pow(10, e));
                    svg.AppendLine(CultureInfo.InvariantCulture, $"""  <line x1="{F(Left)}" y1="{F(ym)}" x2="{F(Left + plotW)}" y2="{F(ym)}" stroke="#eee"/>""");
                }
        }
        svg.AppendLine(CultureInfo.InvariantCulture, $"""  <rect x="{F(Left)}" y="{F(Top)}" width="{F(plotW)}" height="{F(plotH)}" fill="none" stroke="#333"/>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""  <text x="{F(Left + plotW / 2)}" y="{F(Height - 14)}" text-anchor="middle">rows n (64 features, float64)</text>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""  <text transform="translate(18 {F(Top + plotH / 2)}) rotate(-90)" text-anchor="middle">time per epoch</text>""");

        // The lines, and the legend to the right with each line's time per row at the largest n.
        var legendY = Top + 10.0;
        foreach (var s in series)
        {
            var path = string.Join(" ", s.Points.OrderBy(p => p.Rows).Select(p => $"{F(X(p.Rows))},{F(Y(p.Seconds * 1e3))}"));
            var dash = s.Dashed ? " stroke-dasharray=\"6 4\"" : "";
            svg.AppendLine(CultureInfo.InvariantCulture, $"""  <polyline points="{path}" fill="none" stroke="{s.Colour}" stroke-width="2.2"{dash}/>""");
            foreach (var p in s.Points)
                svg.AppendLine(CultureInfo.InvariantCulture, $"""  <circle cx="{F(X(p.Rows))}" cy="{F(Y(p.Seconds * 1e3))}" r="3.2" fill="{s.Colour}"/>""");
            var last = s.Points.MaxBy(p => p.Rows);
            var lx = Left + plotW + 14;
            svg.AppendLine(CultureInfo.InvariantCulture, $"""  <line x1="{F(lx)}" y1="{F(legendY)}" x2="{F(lx + 22)}" y2="{F(legendY)}" stroke="{s.Colour}" stroke-width="2.2"{dash}/>""");
            svg.AppendLine(CultureInfo.InvariantCulture, $"""  <text x="{F(lx + 28)}" y="{F(legendY + 4)}">{Escape(s.Name)}</text>""");
            svg.AppendLine(CultureInfo.InvariantCulture, $"""  <text x="{F(lx + 28)}" y="{F(legendY + 19)}" fill="#555" font-size="11">{Escape($"{last.Seconds / last.Rows * 1e9:F1} ns/row at n = {Decade(Math.Log10(last.Rows))}")}</text>""");
            legendY += 44;
        }
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static string Decade(double e) => e switch
    {
        <= 3 => Math.Pow(10, e).ToString("N0", CultureInfo.InvariantCulture),
        _ => $"10{Superscript((int)Math.Round(e))}",
    };

    private static string Milliseconds(double e) => e switch
    {
        < -3 => $"{Math.Pow(10, e + 6):0} ns",
        < 0 => $"{Math.Pow(10, e + 3):0} µs",
        < 3 => $"{Math.Pow(10, e):0} ms",
        _ => $"{Math.Pow(10, e - 3):0} s",
    };

    private static string Superscript(int n) =>
        string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => "⁰¹²³⁴⁵⁶⁷⁸⁹"[c - '0']));

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
