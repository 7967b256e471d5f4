using System.Globalization;
using System.Security;
using System.Text;

namespace TensorLinear.Cli.Output;

/// <summary>
/// A small SVG writer: the handful of elements a chart needs, numbers in invariant culture to two decimals (a hundredth
/// of a pixel), text escaped. No plotting library is on the package feed, and a chart needs little more than this.
/// </summary>
internal sealed class Svg
{
    private readonly StringBuilder _body = new();
    private readonly StringBuilder _definitions = new();

    public Svg(double width, double height)
    {
        Width = width;
        Height = height;
    }

    public double Width { get; }

    public double Height { get; }

    /// <summary>Defines a rectangular clip path named <paramref name="id"/>.</summary>
    public void ClipRectangle(string id, double x, double y, double width, double height) =>
        _definitions.Append($"<clipPath id=\"{id}\"><rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\"/></clipPath>\n");

    public void Rectangle(double x, double y, double width, double height, string style) =>
        _body.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" style=\"{style}\"/>\n");

    public void Line(double x1, double y1, double x2, double y2, string style) =>
        _body.Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" style=\"{style}\"/>\n");

    public void Circle(double x, double y, double radius, string style, string? title = null) =>
        _body.Append($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(radius)}\" style=\"{style}\">{Title(title)}</circle>\n");

    /// <summary>A polyline through the points, optionally clipped by a clip path.</summary>
    public void Polyline(IEnumerable<(double X, double Y)> points, string style, string? clip = null) =>
        _body.Append($"<polyline points=\"{Points(points)}\" style=\"fill:none;{style}\"{Clip(clip)}/>\n");

    /// <summary>A closed polygon through the points, optionally clipped by a clip path.</summary>
    public void Polygon(IEnumerable<(double X, double Y)> points, string style, string? clip = null) =>
        _body.Append($"<polygon points=\"{Points(points)}\" style=\"{style}\"{Clip(clip)}/>\n");

    /// <summary>Text anchored at (x, y): anchor is start, middle or end.</summary>
    public void Text(double x, double y, string text, string anchor = "start", double size = 12, string style = "", double rotate = 0)
    {
        var transform = rotate == 0 ? "" : $" transform=\"rotate({N(rotate)} {N(x)} {N(y)})\"";
        _body.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" font-size=\"{N(size)}\"{transform} style=\"{style}\">{SecurityElement.Escape(text)}</text>\n");
    }

    /// <summary>The document: an XML declaration-free SVG that browsers and converters read alike.</summary>
    public override string ToString() =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(Width)}\" height=\"{N(Height)}\" viewBox=\"0 0 {N(Width)} {N(Height)}\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n" +
        $"<defs>\n{_definitions}</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n{_body}</svg>\n";

    /// <summary>A coordinate in invariant culture to a hundredth.</summary>
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Points(IEnumerable<(double X, double Y)> points) => string.Join(" ", points.Select(p => $"{N(p.X)},{N(p.Y)}"));

    private static string Clip(string? clip) => clip is null ? "" : $" clip-path=\"url(#{clip})\"";

    private static string Title(string? title) => title is null ? "" : $"<title>{SecurityElement.Escape(title)}</title>";
}
