using System.Text;

namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// The result of <see cref="GradientChecker.Check(Func{double[], double}, Func{double[], double[]}, double[], GradientCheckOptions?)"/>:
/// a verdict per coordinate, the Taylor test, and a readable text form (<see cref="ToString"/>) listing the worst
/// coordinates first.
/// </summary>
public sealed record GradientReport
{
    /// <summary>
    /// The verdict of the whole check: Disagrees when a coordinate, the Taylor test or the kink test disagrees; else
    /// Inconclusive when one of them cannot tell (its <c>Reason</c> says why); else Agrees.
    /// </summary>
    public required Verdict Verdict { get; init; }

    /// <summary>True only when <see cref="Verdict"/> is <see cref="Verdict.Agrees"/>: the evidence says the gradient is right.</summary>
    public bool Passed => Verdict == Verdict.Agrees;

    /// <summary>The kink test (directional one-sided slopes), run when f has a kink at x; <see cref="KinkTestResult.NotRun"/> otherwise.</summary>
    public required KinkTestResult KinkTest { get; init; }

    /// <summary>One check per coordinate, in coordinate order.</summary>
    public required IReadOnlyList<CoordinateCheck> Coordinates { get; init; }

    /// <summary>The Taylor test along a seeded random direction, with kink coordinates left out of the direction.</summary>
    public required TaylorTestResult Taylor { get; init; }

    /// <summary>The point checked.</summary>
    public required double[] Point { get; init; }

    /// <summary>f(x).</summary>
    public required double FunctionValue { get; init; }

    /// <summary>The direction of the Taylor test (empty when it was not run).</summary>
    public required double[] TaylorDirection { get; init; }

    /// <summary>The seed the direction was drawn with.</summary>
    public required int Seed { get; init; }

    /// <summary>True when f was written with tensors and autograd's gradient was compared too.</summary>
    public bool HasAutograd => SecondWitness == Witness.Autograd;

    /// <summary>The derivative compared beside the claimed one and the finite differences (autograd or forward mode); null for a two-way check.</summary>
    public Witness? SecondWitness { get; init; }

    /// <summary>ρ, the relative accuracy assumed of f and of the compared values.</summary>
    public required double FunctionRelativeError { get; init; }

    /// <summary>T̂ = Σⱼ |xⱼ|·|∂f/∂xⱼ| (from the finite differences): the size of f's terms, which the rounding model scales with.</summary>
    public required double TermScale { get; init; }

    /// <summary>σ̂, the noise level of f near x measured from fourth differences (0 when f is smooth to rounding).</summary>
    public required double NoiseLevel { get; init; }

    /// <summary>How many fourth differences <see cref="NoiseLevel"/> is the largest of.</summary>
    public required int NoiseSamples { get; init; }

    /// <summary>The tolerance override, when one was given.</summary>
    public required double? Tolerance { get; init; }

    /// <summary>How many times f was evaluated.</summary>
    public required int Evaluations { get; init; }

    /// <summary>How many coordinates the text form lists (<see cref="GradientCheckOptions.MaxRowsInText"/>).</summary>
    internal int MaxRows { get; init; } = GradientCheckOptions.Default.MaxRowsInText;

    /// <summary>The coordinates, disagreeing ones first, then by <see cref="DerivativeCheck.ErrorRatio"/>, largest first.</summary>
    public IReadOnlyList<CoordinateCheck> WorstFirst =>
        [.. Coordinates.OrderBy(c => c.Verdict == Verdict.Disagrees ? 0 : 1).ThenByDescending(c => c.ErrorRatio).ThenBy(c => c.Index)];

    /// <summary>The worst coordinate (the first of <see cref="WorstFirst"/>).</summary>
    public CoordinateCheck Worst => WorstFirst[0];

    /// <summary>The coordinates whose verdict is <see cref="Verdict.Disagrees"/>.</summary>
    public IReadOnlyList<CoordinateCheck> Disagreements => [.. Coordinates.Where(c => c.Verdict == Verdict.Disagrees)];

    /// <summary>The coordinates whose verdict is <see cref="Verdict.Inconclusive"/>.</summary>
    public IReadOnlyList<CoordinateCheck> Inconclusives => [.. Coordinates.Where(c => c.Verdict == Verdict.Inconclusive)];

    /// <summary>The coordinates recognised as kinks.</summary>
    public IReadOnlyList<CoordinateCheck> Kinks => [.. Coordinates.Where(c => c.AtKink)];

    /// <summary>The first line of the text form: the verdict in one sentence.</summary>
    public string Summary
    {
        get
        {
            var parts = new List<string> { CountSummary(Coordinates.Count, Disagreements.Count, Inconclusives.Count, Kinks.Count, "coordinate", "coordinates",
                Disagreements.Count > 0 ? FormattableString.Invariant($"coordinate {Worst.Index}, {Worst.DisagreeingPairText}") : "") };
            if (Taylor.WasRun) parts.Add(TaylorSummary(Taylor));
            if (KinkTest.WasRun) parts.Add(KinkSummary(KinkTest));
            return $"Gradient check {Headline(Verdict)}: {string.Join("; ", parts)}";
        }
    }

    /// <summary>PASSED, FAILED or INCONCLUSIVE.</summary>
    internal static string Headline(Verdict verdict) => verdict switch
    {
        Verdict.Agrees => "PASSED",
        Verdict.Disagrees => "FAILED",
        _ => "INCONCLUSIVE",
    };

    /// <summary>"2 of 5 coordinates disagree (worst: …)", or "all 5 agree", or "4 of 5 agree (1 at a kink), 1 inconclusive".</summary>
    internal static string CountSummary(int total, int disagreeing, int inconclusive, int kinks, string one, string many, string worst)
    {
        var noun = total == 1 ? one : many;
        var kinkNote = kinks > 0 ? FormattableString.Invariant($" ({kinks} at a kink)") : "";
        var inconclusiveNote = inconclusive > 0 ? FormattableString.Invariant($", {inconclusive} inconclusive") : "";
        if (disagreeing > 0)
            return FormattableString.Invariant($"{disagreeing} of {total} {noun} disagree{(disagreeing == 1 && total == 1 ? "s" : "")} (worst: {worst})") + inconclusiveNote + kinkNote;
        var agreeing = total - inconclusive;
        if (inconclusive == 0) return (total == 1 ? $"the {one} agrees" : FormattableString.Invariant($"all {total} {noun} agree")) + kinkNote;
        return FormattableString.Invariant($"{agreeing} of {total} {noun} agree{kinkNote}{inconclusiveNote}");
    }

    internal static string TaylorSummary(TaylorTestResult taylor) =>
        taylor.AtRoundingLevel ? "Taylor test at rounding level (agrees)"
        : taylor.Verdict == Verdict.Inconclusive ? "Taylor test inconclusive"
        : double.IsNaN(taylor.ObservedOrder) ? $"Taylor test {(taylor.Passed ? "agrees" : "disagrees")}"
        : FormattableString.Invariant($"Taylor test order {taylor.ObservedOrder:F2}{(taylor.Passed ? "" : " (expected 2)")}");

    internal static string KinkSummary(KinkTestResult kinks) => kinks.Verdict switch
    {
        Verdict.Agrees => "kink test agrees (a subgradient)",
        Verdict.Disagrees => "kink test disagrees (no subgradient)",
        _ => "kink test inconclusive",
    };

    /// <summary>
    /// The report as text: the summary, the error budget, a table of the coordinates worst first (at most
    /// <see cref="GradientCheckOptions.MaxRowsInText"/> of them), and the Taylor test's remainders.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(Summary);
        text.Append(FormattableString.Invariant($"f(x) = {Format.Sci(FunctionValue, 6)}, n = {Coordinates.Count}, {Evaluations} evaluations of f"));
        text.AppendLine(SecondWitness switch
        {
            Witness.Autograd => ", three-way: claimed, autograd (libtorch), finite difference",
            Witness w => $", three-way: claimed, {ComparedPair.Name(w)}, finite difference",
            null => ", two-way: claimed, finite difference",
        });
        text.AppendLine(Tolerance is double t
            ? FormattableString.Invariant($"bound = {Format.Sci(t, 1)}·max(1, |finite difference|) (tolerance override)")
            : FormattableString.Invariant($"bound = |R(2h) − R(h)|/(q − 1) + 3δ/h + ρ·Σ|values|; δ = max(ρ·max(|f|, T̂), 3σ̂) with ρ = {Format.Sci(FunctionRelativeError, 2)}, T̂ = Σ|xⱼ·∂f/∂xⱼ| = {Format.Sci(TermScale, 2)}, σ̂ = {Format.Sci(NoiseLevel, 2)} (largest of {NoiseSamples} fourth differences)"));
        text.AppendLine();

        var table = SecondWitness is not null
            ? new TextTable("i", "verdict", "claimed", ComparedPair.Name(SecondWitness ?? Witness.Autograd), "finite diff.", "|error|", "bound", "step", "note")
            : new TextTable("i", "verdict", "claimed", "finite diff.", "|error|", "bound", "step", "note");
        var rows = WorstFirst;
        foreach (var c in rows.Take(MaxRows))
        {
            var note = string.Join("; ", new[] { c.DisagreeingPairText, c.Reason, c.Note }.Where(s => s is not null));
            var cells = new List<string> { c.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Verdict.ToString(), Format.Sci(c.Claimed) };
            if (SecondWitness is not null) cells.Add(Format.Sci(c.Autograd));
            cells.AddRange([Format.Sci(c.FiniteDifference), Format.Sci(c.AbsoluteError, 1), Format.Sci(c.Bound, 1), Format.Short(c.Step), note]);
            table.Add([.. cells]);
        }
        table.WriteTo(text);
        if (rows.Count > MaxRows)
            text.AppendLine(FormattableString.Invariant($"  … {rows.Count - MaxRows} more coordinate(s), all with smaller error ratios"));
        AppendTaylor(text, Taylor, TaylorDirection.Length > 0 ? FormattableString.Invariant($"random direction, seed {Seed}") : "");
        AppendKinks(text, KinkTest);
        return text.ToString();
    }

    /// <summary>Appends the kink test section (one row per direction) when it ran.</summary>
    internal static void AppendKinks(StringBuilder text, KinkTestResult kinks)
    {
        if (!kinks.WasRun) return;
        text.AppendLine();
        text.AppendLine($"Kink test (one-sided directional slopes): {kinks.Reason}");
        var table = new TextTable("verdict", "left slope", "right slope", "claimed gᵀd", "margin");
        foreach (var d in kinks.Directions)
            table.Add(d.Verdict.ToString(), Format.Sci(d.Left, 4), Format.Sci(d.Right, 4), Format.Sci(d.Claimed, 4), Format.Sci(d.Margin, 1));
        table.WriteTo(text);
    }

    /// <summary>Appends the Taylor test section (the steps it used) to a text form.</summary>
    internal static void AppendTaylor(StringBuilder text, TaylorTestResult taylor, string direction)
    {
        text.AppendLine();
        if (!taylor.WasRun)
        {
            text.AppendLine("Taylor test: not run");
            return;
        }
        text.AppendLine($"Taylor test ({direction}): {taylor.Reason}");
        if (taylor.UsedOrders.Length == 0) return;
        var first = taylor.UsedOrderIndices[0];
        var last = taylor.UsedOrderIndices[^1] + 1;
        var table = new TextTable("h", "r(h)", "floor", "order");
        for (var k = first; k <= last; k++)
        {
            var order = k == first ? "" : taylor.Orders[k - 1].ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
            if (k > first && !taylor.UsedOrderIndices.Contains(k - 1)) order += " (not used)";
            table.Add(Format.Sci(taylor.Steps[k], 3), Format.Sci(taylor.Remainders[k], 3), Format.Sci(taylor.RoundingFloors[k], 1), order);
        }
        table.WriteTo(text);
    }
}
