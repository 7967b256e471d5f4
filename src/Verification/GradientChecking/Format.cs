using System.Globalization;

namespace TensorLinear.Verification.GradientChecking;

/// <summary>Number formatting for reports and messages: invariant culture, round-trippable where it matters.</summary>
internal static class Format
{
    /// <summary>A value in scientific notation with <paramref name="digits"/> digits after the point; "—" for null.</summary>
    public static string Sci(double? value, int digits = 6)
    {
        if (value is not double v) return "—";
        if (double.IsNaN(v)) return "NaN";
        if (double.IsPositiveInfinity(v)) return "∞";
        if (double.IsNegativeInfinity(v)) return "-∞";
        return v.ToString("E" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            .Replace("E+0", "e+", StringComparison.Ordinal).Replace("E-0", "e-", StringComparison.Ordinal)
            .Replace("E+", "e+", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal);
    }

    /// <summary>A short general form (G4) for steps and orders.</summary>
    public static string Short(double value) =>
        double.IsNaN(value) ? "NaN" : value.ToString("G4", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);

    /// <summary>A vector, abbreviated after six components.</summary>
    public static string Vector(double[] x)
    {
        const int shown = 6;
        var parts = x.Take(shown).Select(v => v.ToString("G6", CultureInfo.InvariantCulture));
        var body = string.Join(", ", parts);
        return x.Length > shown ? $"[{body}, … ({x.Length} components)]" : $"[{body}]";
    }
}
