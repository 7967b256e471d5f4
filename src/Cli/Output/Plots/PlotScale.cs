namespace TensorLinear.Cli.Output.Plots;

/// <summary>
/// Axis limits and samples that a renderer can always draw: finite, of a width that is a readable fraction of their
/// magnitude, and few enough points for a file of sane size however many rows the data have.
/// </summary>
internal static class PlotScale
{
    /// <summary>The most points a scatter panel draws; more rows are drawn as a sample of this many.</summary>
    public const int MaxPoints = 2000;

    /// <summary>The most vertices a loss curve is drawn with; longer histories are thinned evenly, ends kept.</summary>
    public const int MaxCurvePoints = 1000;

    // Below this the tick labels of an axis would differ only past their tenth digit: the range is widened to it, so
    // that a loss that moved by one ulp is drawn flat instead of asking for ticks a ulp apart.
    private const double SmallestRelativeWidth = 1e-9;

    // Narrower than this a tick step's arithmetic (steps of 10ᵏ, k ≈ log₁₀ width) reaches the subnormals.
    private const double SmallestWidth = 1e-280;

    // Coordinates beyond this are drawn at it: renderers work in single precision and overflow past ~3e38.
    private const double Largest = 1e30;

    /// <summary>
    /// Limits around the finite values, widened by 8 % each side; at least 10⁻⁹ of their magnitude wide
    /// (1 when they are all 0, and never below 10⁻²⁸⁰); (0, 1) when there are none.
    /// </summary>
    public static (double Low, double High) Limits(IEnumerable<double> values)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (var v in values)
            if (double.IsFinite(v))
            {
                var c = Clamp(v);
                low = Math.Min(low, c);
                high = Math.Max(high, c);
            }
        if (low > high) return (0.0, 1.0);
        var magnitude = Math.Max(Math.Abs(low), Math.Abs(high));
        var width = Math.Max(high - low, magnitude * SmallestRelativeWidth);
        if (width == 0.0) width = 1.0;
        width = Math.Max(width, SmallestWidth);
        var centre = low / 2 + high / 2;
        var half = width * 0.58;
        return (centre - half, centre + half);
    }

    /// <summary>A coordinate a renderer can draw: non-finite values become 0 (callers leave them out first).</summary>
    public static double Clamp(double value) => double.IsFinite(value) ? Math.Clamp(value, -Largest, Largest) : 0.0;

    /// <summary>
    /// The rows to draw: all of them up to <paramref name="most"/>, otherwise that many chosen at random with a fixed
    /// seed (the same file gives the same picture), in row order.
    /// </summary>
    public static int[] Sample(int rowCount, int most = MaxPoints)
    {
        if (rowCount <= most) return [.. Enumerable.Range(0, rowCount)];
        var random = new Random(1);
        var chosen = new HashSet<int>();
        while (chosen.Count < most) chosen.Add(random.Next(rowCount));
        return [.. chosen.Order()];
    }

    /// <summary>The indices of a curve of <paramref name="length"/> points thinned to at most <paramref name="most"/>, first and last kept.</summary>
    public static int[] Thin(int length, int most = MaxCurvePoints)
    {
        if (length <= most) return [.. Enumerable.Range(0, length)];
        return [.. Enumerable.Range(0, most).Select(k => (int)Math.Round((double)k * (length - 1) / (most - 1))).Distinct()];
    }
}
