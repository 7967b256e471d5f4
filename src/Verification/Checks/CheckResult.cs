using TensorLinear.Verification.Cases;
using System.Globalization;
using System.Text;
using TensorLinear.Verification.Catalog;

namespace TensorLinear.Verification.Checks;

/// <summary>
/// The outcome of one check on one case: passed or not, every element compared with its derived bound, and a text
/// form (<see cref="ToString"/>) that lists the worst elements with the values of each side, the errors, the bound,
/// the pair that disagrees, the input and how to replay it.
/// </summary>
public sealed record CheckResult
{
    /// <summary>The check.</summary>
    public required CheckKind Kind { get; init; }

    /// <summary>The check's name as reported, e.g. "gradients (hand vs autograd)" or "identity: unit length".</summary>
    public required string Name { get; init; }

    /// <summary>The derivation checked.</summary>
    public required string Derivation { get; init; }

    /// <summary>The input.</summary>
    public required CaseInput Input { get; init; }

    /// <summary>True when every element is within its bound (and, for the Taylor test, the observed order is about 2).</summary>
    public required bool Passed { get; init; }

    /// <summary>Why the check did not run on this case (the Taylor test with every variable at a kink); null when it ran.</summary>
    public string? SkipReason { get; init; }

    /// <summary>
    /// True when the check was skipped because every variable of a piecewise-smooth function is at (or within the
    /// Taylor test's first step of) a kink: a declared part of the Taylor test's domain, not a case lost. Any other
    /// skip is a case the check was asked for and did not run, which fails the run (<see cref="CheckSummary.Passed"/>).
    /// </summary>
    public bool SkippedAtKink { get; init; }

    /// <summary>Every element compared.</summary>
    public IReadOnlyList<ElementCheck> Elements { get; init; } = [];

    /// <summary>A remark: the Taylor test's verdict, a descent run's length, the kinks recognised.</summary>
    public string? Detail { get; init; }

    /// <summary>The Taylor test's observed order (for <see cref="CheckKind.Taylor"/>), NaN when at rounding level.</summary>
    public double? ObservedOrder { get; init; }

    /// <summary>How to replay this case (set by whoever generated it: the verifier's seed, or FsCheck's).</summary>
    public string? Replay { get; init; }

    /// <summary>True when the check did not apply to this case.</summary>
    public bool Skipped => SkipReason is not null;

    /// <summary>The element with the largest error/bound ratio, or null when nothing was compared.</summary>
    public ElementCheck? Worst => Elements.Count == 0 ? null : Elements.MaxBy(e => e.Ratio);

    /// <summary>The element with the largest error relative to its scale, or null when nothing was compared.</summary>
    public ElementCheck? LargestRelativeError => Elements.Count == 0 ? null : Elements.MaxBy(e => e.RelativeError);

    /// <summary>The elements outside their bound.</summary>
    public IReadOnlyList<ElementCheck> Failures => [.. Elements.Where(e => !e.Passed)];

    /// <summary>The <paramref name="count"/> elements with the largest error/bound ratios, worst first.</summary>
    public IReadOnlyList<ElementCheck> WorstFirst(int count = 5) =>
        [.. Elements.OrderByDescending(e => e.Ratio).ThenBy(e => e.Index).Take(count)];

    /// <summary>One line: the verdict, the check and the worst element.</summary>
    public string Summary
    {
        get
        {
            var verdict = Skipped ? "SKIPPED" : Passed ? "passed" : "FAILED";
            var text = $"{verdict}: {Derivation} — {Name}";
            if (Skipped) return $"{text} ({SkipReason})";
            var worst = Worst;
            if (worst is not null)
                text += Invariant($"; worst {worst.Element} ({worst.Pair}): |error| {Sci(worst.AbsoluteError)} vs bound {Sci(worst.Bound)}, relative {Sci(worst.RelativeError)} vs {Sci(worst.RelativeBound)}");
            if (Detail is not null) text += "; " + Detail;
            return text;
        }
    }

    /// <summary>
    /// The report: the summary, the input, the replay, and a table of the worst elements (index, element, reference,
    /// autograd, finite difference, |error|, relative error, bound, relative bound, pair).
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(Summary);
        text.AppendLine($"input: {Input}");
        if (Replay is not null) text.AppendLine($"replay: {Replay}");
        if (Elements.Count > 0)
        {
            var failures = Elements.Count(e => !e.Passed);
            text.AppendLine(Invariant($"worst elements ({failures} of {Elements.Count} outside their bound):"));
            var rows = new List<string[]>
            {
                new[] { "index", "element", "reference", "autograd", "finite diff.", "|error|", "rel. error", "bound", "rel. bound", "pair", "rule" },
            };
            foreach (var e in WorstFirst(5))
                rows.Add([
                    e.Index.ToString(CultureInfo.InvariantCulture), e.Element, Full(e.Reference), e.Autograd is double a ? Full(a) : "—",
                    e.FiniteDifference is double f ? Full(f) : "—", Sci(e.AbsoluteError), Sci(e.RelativeError), Sci(e.Bound),
                    Sci(e.RelativeBound), (e.Passed ? "" : "DISAGREE: ") + e.Pair + (e.Note is null ? "" : $" ({e.Note})"), e.Rule,
                ]);
            AppendTable(text, rows);
        }
        return text.ToString();
    }

    internal static string Sci(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsInfinity(value) ? (value > 0 ? "∞" : "−∞")
        : value == 0 ? "0" : value.ToString("0.00e+00", CultureInfo.InvariantCulture);

    internal static string Full(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    internal static void AppendTable(StringBuilder text, List<string[]> rows)
    {
        var widths = new int[rows[0].Length];
        foreach (var row in rows)
            for (var c = 0; c < row.Length; c++) widths[c] = Math.Max(widths[c], row[c].Length);
        foreach (var row in rows)
        {
            text.Append("  ");
            for (var c = 0; c < row.Length; c++)
                text.Append(c == row.Length - 1 ? row[c] : row[c].PadRight(widths[c] + 2));
            text.AppendLine();
        }
    }
}
