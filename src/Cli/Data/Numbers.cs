using System.Globalization;

namespace TensorLinear.Cli.Data;

/// <summary>Numbers as the tool reads them: invariant culture, decimal point, optional exponent, finite only.</summary>
internal static class Numbers
{
    /// <summary>Parses a finite number written in invariant culture ("1", "-2.5", "3e-4"); "NaN" and "Infinity" are not numbers here.</summary>
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
