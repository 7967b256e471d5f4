using System.Globalization;
using System.Text;

namespace TensorLinear.Verification.GradientChecking;

/// <summary>The check of one Jacobian entry ∂fᵢ/∂xⱼ.</summary>
public sealed record JacobianEntryCheck : DerivativeCheck
{
    internal JacobianEntryCheck(int row, int column, double claimed, double? autograd, EntryResult r) : base(claimed, autograd, r)
    {
        Row = row;
        Column = column;
    }

    /// <summary>i, the output (row), 0-based.</summary>
    public int Row { get; init; }

    /// <summary>j, the input (column), 0-based.</summary>
    public int Column { get; init; }
}

/// <summary>The result of <see cref="GradientChecker.CheckJacobian(Func{double[], double[]}, Func{double[], double[,]}, double[], GradientCheckOptions?)"/>.</summary>
public sealed record JacobianReport
{
    /// <summary>
    /// The verdict of the whole check: Disagrees when an entry, the Taylor test or the kink test disagrees; else
    /// Inconclusive when one of them cannot tell; else Agrees.
    /// </summary>
    public required Verdict Verdict { get; init; }

    /// <summary>True only when <see cref="Verdict"/> is <see cref="Verdict.Agrees"/>.</summary>
    public bool Passed => Verdict == Verdict.Agrees;

    /// <summary>The kink test (directional one-sided slopes), run when f has a kink at x.</summary>
    public required KinkTestResult KinkTest { get; init; }

    /// <summary>One check per entry, row by row.</summary>
    public required IReadOnlyList<JacobianEntryCheck> Entries { get; init; }

    /// <summary>m, the number of outputs.</summary>
    public required int Rows { get; init; }

    /// <summary>n, the number of inputs.</summary>
    public required int Columns { get; init; }

    /// <summary>The claimed Jacobian (m×n).</summary>
    public required double[,] Claimed { get; init; }

    /// <summary>autograd's Jacobian, when f was written with tensors.</summary>
    public required double[,]? Autograd { get; init; }

    /// <summary>The finite-difference Jacobian (m×n).</summary>
    public required double[,] FiniteDifference { get; init; }

    /// <summary>The Taylor test ‖f(x + hv) − f(x) − h·J·v‖∞ along a seeded random direction.</summary>
    public required TaylorTestResult Taylor { get; init; }

    /// <summary>The point checked.</summary>
    public required double[] Point { get; init; }

    /// <summary>f(x).</summary>
    public required double[] FunctionValue { get; init; }

    /// <summary>The direction of the Taylor test (empty when it was not run).</summary>
    public required double[] TaylorDirection { get; init; }

    /// <summary>The seed the direction was drawn with.</summary>
    public required int Seed { get; init; }

    /// <summary>True when autograd's Jacobian was compared too.</summary>
    public bool HasAutograd => SecondWitness == Witness.Autograd;

    /// <summary>The derivative compared beside the claimed one and the finite differences (autograd or forward mode); null for a two-way check.</summary>
    public Witness? SecondWitness { get; init; }

    /// <summary>ρ, the relative accuracy assumed of f and of the compared values.</summary>
    public required double FunctionRelativeError { get; init; }

    /// <summary>[i]: T̂ᵢ = Σⱼ |xⱼ|·|∂fᵢ/∂xⱼ|, the size of output i's terms.</summary>
    public required double[] TermScales { get; init; }

    /// <summary>[i]: σ̂ᵢ, output i's measured noise level.</summary>
    public required double[] NoiseLevels { get; init; }

    /// <summary>How many fourth differences each noise level is the largest of.</summary>
    public required int NoiseSamples { get; init; }

    /// <summary>The tolerance override, when one was given.</summary>
    public required double? Tolerance { get; init; }

    /// <summary>How many times f was evaluated.</summary>
    public required int Evaluations { get; init; }

    /// <summary>How many entries the text form lists.</summary>
    internal int MaxRows { get; init; } = GradientCheckOptions.Default.MaxRowsInText;

    /// <summary>The entries, disagreeing ones first, then by error ratio, largest first.</summary>
    public IReadOnlyList<JacobianEntryCheck> WorstFirst =>
        [.. Entries.OrderBy(e => e.Verdict == Verdict.Disagrees ? 0 : 1).ThenByDescending(e => e.ErrorRatio).ThenBy(e => e.Row).ThenBy(e => e.Column)];

    /// <summary>The worst entry.</summary>
    public JacobianEntryCheck Worst => WorstFirst[0];

    /// <summary>The entries whose verdict is <see cref="Verdict.Disagrees"/>.</summary>
    public IReadOnlyList<JacobianEntryCheck> Disagreements => [.. Entries.Where(e => e.Verdict == Verdict.Disagrees)];

    /// <summary>The entries recognised as kinks.</summary>
    public IReadOnlyList<JacobianEntryCheck> Kinks => [.. Entries.Where(e => e.AtKink)];

    /// <summary>The verdict in one sentence.</summary>
    public string Summary
    {
        get
        {
            var inconclusive = Entries.Count(e => e.Verdict == Verdict.Inconclusive);
            var parts = new List<string> { GradientReport.CountSummary(Entries.Count, Disagreements.Count, inconclusive, Kinks.Count, "entry", "entries",
                Disagreements.Count > 0 ? FormattableString.Invariant($"entry ({Worst.Row}, {Worst.Column}), {Worst.DisagreeingPairText}") : "") };
            if (Taylor.WasRun) parts.Add(GradientReport.TaylorSummary(Taylor));
            if (KinkTest.WasRun) parts.Add(GradientReport.KinkSummary(KinkTest));
            return $"Jacobian check {GradientReport.Headline(Verdict)}: {string.Join("; ", parts)}";
        }
    }

    /// <summary>The report as text: summary, error budget, the entries worst first, the Taylor test.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(Summary);
        text.Append(FormattableString.Invariant($"f: ℝ^{Columns} → ℝ^{Rows}, {Evaluations} evaluations of f"));
        text.AppendLine(SecondWitness switch
        {
            Witness.Autograd => ", three-way: claimed, autograd (libtorch), finite difference",
            Witness w => $", three-way: claimed, {ComparedPair.Name(w)}, finite difference",
            null => ", two-way: claimed, finite difference",
        });
        text.AppendLine(Tolerance is double t
            ? FormattableString.Invariant($"bound = {Format.Sci(t, 1)}·max(1, |finite difference|) (tolerance override)")
            : FormattableString.Invariant($"bound = |R(2h) − R(h)|/(q − 1) + 3δ/h + ρ·Σ|values|; δ = max(ρ·max(|fᵢ|, T̂ᵢ), 3σ̂ᵢ) with ρ = {Format.Sci(FunctionRelativeError, 2)}, T̂ᵢ = Σ|xⱼ·∂fᵢ/∂xⱼ| ≤ {Format.Sci(TermScales.Max(), 2)}, σ̂ᵢ ≤ {Format.Sci(NoiseLevels.Max(), 2)} ({NoiseSamples} fourth differences)"));
        text.AppendLine();
        var table = SecondWitness is not null
            ? new TextTable("(i, j)", "verdict", "claimed", ComparedPair.Name(SecondWitness ?? Witness.Autograd), "finite diff.", "|error|", "bound", "note")
            : new TextTable("(i, j)", "verdict", "claimed", "finite diff.", "|error|", "bound", "note");
        var rows = WorstFirst;
        foreach (var e in rows.Take(MaxRows))
        {
            var note = string.Join("; ", new[] { e.DisagreeingPairText, e.Reason, e.Note }.Where(s => s is not null));
            var cells = new List<string> { string.Create(CultureInfo.InvariantCulture, $"({e.Row}, {e.Column})"), e.Verdict.ToString(), Format.Sci(e.Claimed) };
            if (SecondWitness is not null) cells.Add(Format.Sci(e.Autograd));
            cells.AddRange([Format.Sci(e.FiniteDifference), Format.Sci(e.AbsoluteError, 1), Format.Sci(e.Bound, 1), note]);
            table.Add([.. cells]);
        }
        table.WriteTo(text);
        if (rows.Count > MaxRows)
            text.AppendLine(FormattableString.Invariant($"  … {rows.Count - MaxRows} more entries, all with smaller error ratios"));
        GradientReport.AppendTaylor(text, Taylor, TaylorDirection.Length > 0 ? FormattableString.Invariant($"random direction, seed {Seed}") : "");
        GradientReport.AppendKinks(text, KinkTest);
        return text.ToString();
    }
}
