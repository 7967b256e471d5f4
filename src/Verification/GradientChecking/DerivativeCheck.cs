namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// The check of one derivative — a gradient coordinate or a Jacobian entry: the values compared, how far apart they
/// are, the bound they had to meet and the verdict. <see cref="CoordinateCheck"/> and <see cref="JacobianEntryCheck"/>
/// add where the derivative sits.
/// </summary>
public abstract record DerivativeCheck
{
    private protected DerivativeCheck(double claimed, double? autograd, EntryResult r)
    {
        Claimed = claimed;
        Autograd = autograd;
        FiniteDifference = r.FiniteDifference;
        AbsoluteError = r.AbsoluteError;
        RelativeError = r.RelativeError;
        Bound = r.Bound;
        Verdict = r.Verdict;
        Reason = r.Reason;
        DisagreeingPairs = r.DisagreeingPairs;
        Note = r.Note;
        Step = r.Step;
        Truncation = r.Truncation;
        Rounding = r.Rounding;
        ValueRounding = r.ValueRounding;
        LeftSlope = r.LeftSlope;
        RightSlope = r.RightSlope;
    }

    /// <summary>The claimed derivative.</summary>
    public double Claimed { get; init; }

    /// <summary>libtorch autograd's derivative, when f was written with tensors; null otherwise.</summary>
    public double? Autograd { get; init; }

    /// <summary>The Richardson-extrapolated central difference (the refined one when f is not smooth on the scale of the step).</summary>
    public double FiniteDifference { get; init; }

    /// <summary>
    /// The largest discrepancy between the values compared (claimed, autograd, finite difference). At a kink: how far
    /// a value lies outside the interval between the one-sided slopes (0 inside).
    /// </summary>
    public double AbsoluteError { get; init; }

    /// <summary><see cref="AbsoluteError"/> relative to the largest magnitude compared (0 when both are 0).</summary>
    public double RelativeError { get; init; }

    /// <summary>
    /// The bound the discrepancy must not exceed: <see cref="Truncation"/> + <see cref="Rounding"/> +
    /// <see cref="ValueRounding"/>, or the tolerance override; at a kink, the margin around the one-sided slopes.
    /// </summary>
    public double Bound { get; init; }

    /// <summary>The verdict: Agrees, Disagrees, or Inconclusive (then <see cref="Reason"/> says why).</summary>
    public Verdict Verdict { get; init; }

    /// <summary>Why the verdict is <see cref="Verdict.Inconclusive"/>; null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>True when f has a kink at x along this axis (<see cref="LeftSlope"/> and <see cref="RightSlope"/> differ).</summary>
    public bool AtKink => LeftSlope is not null;

    /// <summary>The pairs of witnesses further apart than the bound (empty when the entry agrees).</summary>
    public IReadOnlyList<ComparedPair> DisagreeingPairs { get; init; } = [];

    /// <summary>The same pairs in words, "claimed vs autograd; claimed vs finite difference", for reports; null when none.</summary>
    public string? DisagreeingPairText => DisagreeingPairs.Count == 0 ? null : string.Join("; ", DisagreeingPairs);


    /// <summary>A remark: the kink's one-sided slopes, which value is the odd one out, a reduced or refined step.</summary>
    public string? Note { get; init; }

    /// <summary>h, the finite-difference step used for this coordinate.</summary>
    public double Step { get; init; }

    /// <summary>The truncation part of the bound, |R(2h) − R(h)|/15, R the Richardson estimate.</summary>
    public double Truncation { get; init; }

    /// <summary>The rounding part of the finite difference's error, 3δ/h.</summary>
    public double Rounding { get; init; }

    /// <summary>The rounding allowed to the compared values themselves, ρ·(|claimed| + |autograd| + |finite difference|).</summary>
    public double ValueRounding { get; init; }

    /// <summary>At a kink, the slope from the left; null elsewhere.</summary>
    public double? LeftSlope { get; init; }

    /// <summary>At a kink, the slope from the right; null elsewhere.</summary>
    public double? RightSlope { get; init; }

    /// <summary><see cref="AbsoluteError"/>/<see cref="Bound"/>: above 1 means disagreement (∞ for a zero bound, 0 when both are 0).</summary>
    public double ErrorRatio => Ratio(AbsoluteError, Bound);

    internal static double Ratio(double error, double bound) =>
        double.IsNaN(error) ? double.PositiveInfinity : error == 0.0 ? 0.0 : bound == 0.0 ? double.PositiveInfinity : error / bound;
}
