using System.Text;

namespace TensorLinear.Verification.GradientChecking;

/// <summary>A plain-text table with columns padded to their widest cell; the last column is left unpadded.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void WriteTo(StringBuilder text, string indent = "  ")
    {
        var widths = headers.Select((h, c) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[c].Length))).ToArray();
        void Line(string[] cells)
        {
            var parts = cells.Select((cell, c) => c == cells.Length - 1 ? cell : cell.PadRight(widths[c]));
            text.Append(indent).AppendLine(string.Join("  ", parts).TrimEnd());
        }
        Line(headers);
        foreach (var row in _rows) Line(row);
    }
}
