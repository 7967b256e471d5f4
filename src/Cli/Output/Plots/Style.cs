using ScottPlot;

namespace TensorLinear.Cli.Output.Plots;

/// <summary>The plot's colours and line styles, one per role, shared by every panel.</summary>
internal static class Style
{
    /// <summary>The first engine's curves, solid.</summary>
    public static readonly Color First = Color.FromHex("#1f77b4");

    /// <summary>The second engine's curves, dashed over the first's.</summary>
    public static readonly Color Second = Color.FromHex("#d62728");

    /// <summary>The fit's own line: the boundary, the fitted curve.</summary>
    public static readonly Color Fit = Color.FromHex("#222222");

    /// <summary>Class 1's points.</summary>
    public static readonly Color ClassOne = Color.FromHex("#f28e2b");

    /// <summary>Class 0's points.</summary>
    public static readonly Color ClassZero = Color.FromHex("#4e79a7");

    /// <summary>The side of class 1 (or above the fit).</summary>
    public static readonly Color ClassOneShade = Color.FromHex("#fbe3c9");

    /// <summary>The side of class 0 (or below the fit).</summary>
    public static readonly Color ClassZeroShade = Color.FromHex("#dbe6f1");

    /// <summary>A line of engine <paramref name="k"/> (0 the first): solid in the fit's colour, then dashed red.</summary>
    public static void EngineLine(ScottPlot.Plottables.Scatter line, int k, Color? first = null)
    {
        line.MarkerSize = 0;
        line.LineWidth = k == 0 ? 2.5f : 2f;
        line.Color = k == 0 ? first ?? Fit : Second;
        if (k > 0) line.LinePattern = LinePattern.Dashed;
    }

    /// <summary>The title of a panel, and a note under it when the panel shows a sample of the rows.</summary>
    public static void Title(Plot plot, string title, int shown, int rows) =>
        plot.Title(shown < rows ? $"{title}\n({shown:N0} of {rows:N0} rows, sampled)" : title);
}
