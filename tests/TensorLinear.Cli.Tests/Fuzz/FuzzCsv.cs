using System.Globalization;
using System.Text;

namespace TensorLinear.Cli.Tests.Fuzz;

/// <summary>
/// Generated CSV files for the fuzz test: small tables of numbers, labels and junk, written with a chosen delimiter,
/// quoting, line ending and encoding, then damaged in one of the ways real files are (blank lines, missing or extra
/// fields, NaN and NA, extreme values, unclosed quotes, a lone header, no bytes at all).
/// </summary>
internal sealed class FuzzCsv(Random random)
{
    private static readonly string[] Delimiters = [",", ",", ",", ";", "\t", "|"];
    private static readonly string[] Junk = ["NaN", "NA", "nan", "", " ", "Infinity", "-Infinity", "inf", "1,5", "1e999", "0x10", "1_000", "—", "∞", "null", "\"\"", "TRUE", "1.2.3", "٣", "１"];
    // Values a clean file may hold (a fit must cope with them), and ones that only a damaged file holds (a fit refuses them).
    private static readonly double[] Tiny = [0.0, -0.0, 5e-324, 1e-320, 2.2250738585072014e-308, 1e-154, 1 + 2.220446049250313e-16, 123456789012345678];
    private static readonly double[] Huge = [1e308, 1e200, 1e154, 1e152];
    private static readonly (string, string)[] Labels = [("0", "1"), ("no", "yes"), ("fail", "pass"), ("0.0", "1"), ("b", "a")];
    private static readonly string[] Names = ["x", "y", "z", "price", "area", "class", "label", "intercept", "x^2", "ünïcødé", "a b", "\"q\"", "", "x"];

    /// <summary>A generated file: its bytes, its delimiter, its header as written, whether its last column holds class labels, and what was done to it.</summary>
    public sealed record File(byte[] Bytes, string Delimiter, string[] Header, bool Classes, string Damage);

    /// <summary>The next file: when <paramref name="clean"/>, an undamaged table of two to four columns that can be fitted.</summary>
    public File Next(bool clean)
    {
        var delimiter = Pick(Delimiters);
        var columns = random.Next(clean ? 2 : 1, 5);
        var header = Enumerable.Range(0, columns).Select(j => j == columns - 1 ? "y" : random.Next(6) == 0 ? Pick(Names) : $"x{j + 1}").ToArray();
        var rows = !clean && random.Next(6) == 0 ? random.Next(0, 3) : random.Next(8, 40);
        var classes = random.Next(3) == 0;
        var labels = Pick(Labels);
        var lines = new List<string> { Join(header, delimiter) };
        for (var i = 0; i < rows; i++)
            lines.Add(Join([.. Enumerable.Range(0, columns).Select(j => Cell(j == columns - 1, classes ? labels : null, i, clean))], delimiter));

        var damage = clean ? "clean" : random.Next(14) switch
        {
            0 => Blank(lines),
            1 => Ragged(lines, delimiter),
            2 => Replace(lines, delimiter, Pick(Junk)),
            3 => Replace(lines, delimiter, Extreme(Huge)),
            4 => UnclosedQuote(lines),
            5 => QuoteInside(lines),
            6 => HeaderOnly(lines),
            7 => "empty",
            8 => Duplicate(lines, delimiter),
            _ => "clean",
        };
        var newline = random.Next(4) == 0 ? "\r\n" : "\n";
        var text = damage == "empty" ? "" : string.Join(newline, lines) + (random.Next(2) == 0 ? newline : "");
        return new File(Encode(text), delimiter, header, classes, damage);
    }

    // A value cell: a number near a line (so that fits have something to find), a class label, or rarely an extreme.
    private string Cell(bool target, (string, string)? labels, int row, bool clean)
    {
        // Classes overlap along the rows (the later rows mostly class 1), so that most fits have an estimate.
        if (target && labels is var (zero, one)) return random.NextDouble() < 0.2 + 0.6 * Math.Min(1.0, row / 20.0) ? one : zero;
        var value = random.Next(60) == 0 ? Extreme(clean || random.Next(2) == 0 ? Tiny : Huge) : Number(row * (target ? 2 : 1) + random.NextDouble() * 3);
        return random.Next(8) == 0 ? $"\"{value}\"" : random.Next(10) == 0 ? $" {value} " : value;
    }

    private string Extreme(double[] values) => Number(Pick(values) * (random.Next(2) == 0 ? 1 : -1));

    private string Number(double value) => random.Next(5) == 0 ? value.ToString("E3", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<string> cells, string delimiter) => string.Join(delimiter, cells);

    private string Blank(List<string> lines)
    {
        for (var k = random.Next(1, 4); k > 0; k--) lines.Insert(random.Next(1, lines.Count + 1), random.Next(2) == 0 ? "" : "   ");
        return "blank lines";
    }

    private string Ragged(List<string> lines, string delimiter)
    {
        if (lines.Count < 2) return "clean";
        var i = random.Next(1, lines.Count);
        lines[i] = random.Next(2) == 0 ? lines[i] + delimiter + "7" : string.Join(delimiter, lines[i].Split(delimiter).Skip(1));
        return "ragged";
    }

    private string Replace(List<string> lines, string delimiter, string cell)
    {
        if (lines.Count < 2) return "clean";
        var i = random.Next(1, lines.Count);
        var cells = lines[i].Split(delimiter);
        cells[random.Next(cells.Length)] = cell;
        lines[i] = string.Join(delimiter, cells);
        return $"cell '{cell}'";
    }

    private string UnclosedQuote(List<string> lines)
    {
        var i = random.Next(lines.Count);
        lines[i] = "\"" + lines[i];
        return "unclosed quote";
    }

    private string QuoteInside(List<string> lines)
    {
        var i = random.Next(lines.Count);
        var at = random.Next(0, lines[i].Length + 1);
        lines[i] = lines[i][..at] + "\"" + lines[i][at..];
        return "quote inside";
    }

    private static string HeaderOnly(List<string> lines)
    {
        lines.RemoveRange(1, lines.Count - 1);
        return "header only";
    }

    private string Duplicate(List<string> lines, string delimiter)
    {
        var header = lines[0].Split(delimiter);
        if (header.Length > 1) header[0] = header[^1];
        lines[0] = string.Join(delimiter, header);
        return "duplicate header";
    }

    // UTF-8 with or without its BOM, UTF-16 with its BOM, or Latin-1 bytes that are not valid UTF-8.
    private byte[] Encode(string text) => random.Next(8) switch
    {
        0 => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        1 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        2 => Encoding.Latin1.GetBytes(text.Replace("x1", "x\u00e91", StringComparison.Ordinal)),
        _ => Encoding.UTF8.GetBytes(text),
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
