using System.Globalization;
using TensorLinear.Models;

namespace TensorLinear.Cli.Output;

/// <summary>
/// How numbers read in tables and messages: ten significant digits for values, two for differences and error bounds,
/// invariant culture throughout. JSON carries every digit instead (<see cref="Json"/>).
/// </summary>
internal static class Format
{
    /// <summary>A value to ten significant digits: enough to compare engines by eye, short enough for a table.</summary>
    public static string Value(double value) => Clean(value.ToString("G10", CultureInfo.InvariantCulture));

    /// <summary>A value to four significant digits, for equations in sentences.</summary>
    public static string Short(double value) => Clean(value.ToString("G4", CultureInfo.InvariantCulture));

    /// <summary>A difference or an error bound to two significant digits; exactly 0 as "0".</summary>
    public static string Difference(double value) => value == 0.0 ? "0" : Clean(value.ToString("G2", CultureInfo.InvariantCulture));

    /// <summary>An optional value, or a dash when there is none.</summary>
    public static string Value(double? value) => value is double v ? Value(v) : "—";

    /// <summary>A duration in seconds.</summary>
    public static string Seconds(double seconds) =>
        seconds < 1e-3 ? $"{Clean((seconds * 1e6).ToString("G3", CultureInfo.InvariantCulture))} µs"
        : seconds < 1 ? $"{Clean((seconds * 1e3).ToString("G3", CultureInfo.InvariantCulture))} ms"
        : $"{Clean(seconds.ToString("G3", CultureInfo.InvariantCulture))} s";

    /// <summary>A vector as (x₁, x₂, …) to ten digits.</summary>
    public static string Vector(IEnumerable<double> values) => $"({string.Join(", ", values.Select(Value))})";

    /// <summary>The hyperplane wᵀx + b = 0 written out with the features' names, e.g. "0.7071·x1 + 0.7071·x2 − 6.01 = 0".</summary>
    public static string Hyperplane(LinearModel hyperplane, IReadOnlyList<string> names)
    {
        var terms = hyperplane.Weights.Select((w, j) => (Coefficient: w, Name: names[j])).Where(t => t.Coefficient != 0.0).ToList();
        if (hyperplane.Bias != 0.0) terms.Add((hyperplane.Bias, ""));
        var text = new System.Text.StringBuilder();
        for (var k = 0; k < terms.Count; k++)
        {
            var (coefficient, name) = terms[k];
            var magnitude = Short(Math.Abs(coefficient)) + (name.Length > 0 ? "·" + name : "");
            text.Append(k == 0 ? (coefficient < 0 ? "−" : "") + magnitude : (coefficient < 0 ? " − " : " + ") + magnitude);
        }
        return text.Append(" = 0").ToString();
    }

    // "1E-05" → "1e-05": lower-case exponents read as numbers, not words.
    private static string Clean(string text) => text.Replace("E", "e", StringComparison.Ordinal);
}
