using TensorLinear.Numerics;

namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// The error budget of one derivative entry ∂fᵢ/∂xⱼ and the verdict on the values claimed for it. Shared by the
/// gradient check (m = 1), the Jacobian check and <see cref="FiniteDifferences"/>.
/// </summary>
/// <remarks>
/// <para><b>Richardson estimate.</b> D(s) = (f(x+s) − f(x−s))/2s = f′ + s²f‴/6 + O(s⁴); R(s) = (4D(s/2) − D(s))/3
/// cancels the s² term, leaving c·s⁴ + O(s⁶). The value is R(h); its truncation is estimated a posteriori from the
/// extrapolated values themselves: R(2h) − R(h) = 15·c·h⁴ + O(h⁶), so |R(2h) − R(h)|/15 estimates the truncation of R(h)
/// (not the much larger truncation of the unextrapolated D, as before) — where f is smooth; the order is measured
/// from R(4h) too, since where f″ jumps within the stencil (Huber's loss) R converges at first order only. h ≈ u^(1/5)·scale balances c·h⁴ against the
/// rounding 3δ/h (<see cref="StepSearch"/>).</para>
/// <para><b>Rounding.</b> If each computed value of f is off by at most δ, D(s) is off by at most δ/s, so
/// R(h) = (4D(h/2) − D(h))/3 is off by at most (4·2δ/h + δ/h)/3 = 3δ/h. δ = max(ρ·max(F, T̂), 3σ̂) (<see cref="NoiseModel"/>):
/// ρ is the relative accuracy of f, F the largest |f| on the stencil, T̂ = Σⱼ|xⱼ·∂f/∂xⱼ| the size of f's terms, and σ̂
/// the noise level estimated from fourth differences of closely spaced samples (Moré and Wild's ECnoise: for independent
/// noise of standard deviation σ, E[(Δ⁴)²] = 70σ²), pooled by <see cref="DerivativeSurvey"/>.</para>
/// <para><b>The compared values.</b> A claimed or autograd value v is itself computed in floating point; the
/// budget adds ρ·|v| for each value compared.</para>
/// </remarks>
internal static class EntryAnalysis
{
    private const double U = FloatingPoint.UnitRoundoff;

    /// <summary>
    /// How many noise bounds a quantity must exceed to count as a signal (a jump, a kink). Noise bounds here are
    /// worst-case sums already; the factor keeps a kink from being read into rounding.
    /// </summary>
    private const double Significance = 4.0;

    /// <summary>
    /// The Richardson estimate R(s) of ∂fᵢ/∂xⱼ from levels <paramref name="coarse"/> and coarse + 1 (s the step of
    /// level coarse), with its error budget: truncation |R(2s) − R(s)|/(q − 1) from levels coarse − 2 and coarse − 1
    /// (q ≈ 2ᵖ the observed order, 16 where f is smooth), rounding 3δ/s,
    /// δ = <see cref="NoiseModel.Delta"/>.
    /// </summary>
    public static Estimate Richardson(DifferenceStencil stencil, int i, NoiseModel noise, int coarse = 0)
    {
        var coarsest = stencil.Get(coarse - 2)!;
        var coarser = stencil.Get(coarse - 1)!;
        var l0 = stencil.Get(coarse)!;
        var l1 = stencil.Get(coarse + 1)!;
        var value = Extrapolate(l0, l1, i);
        var previous = Extrapolate(coarser, l0, i);
        var before = Extrapolate(coarsest, coarser, i);

        var magnitude = Max(Math.Abs(stencil.ValueAtX[i]), Math.Abs(l0.Plus[i]), Math.Abs(l0.Minus[i]), Math.Abs(l1.Plus[i]), Math.Abs(l1.Minus[i]));
        var delta = noise.Delta(magnitude);
        // R(s) − f′ = c·sᵖ: p = 4 where f is smooth, but p = 1 where f″ jumps within the stencil (Huber's loss, a
        // squared hinge), and R(2s) − R(s) = (2ᵖ − 1)·c·sᵖ. q = (R(4s) − R(2s))/(R(2s) − R(s)) ≈ 2ᵖ measures the order,
        // so |R(2s) − R(s)|/(q − 1) estimates the truncation of R(s) whatever p is; q is held to [2, 16] (first to
        // fourth order: no faster convergence is claimed than the stencil has, no slower than first order).
        var step = Math.Abs(previous - value);
        var q = step == 0.0 ? 16.0 : Math.Clamp(Math.Abs(before - previous) / step, 2.0, 16.0);
        var truncation = step / (q - 1.0);
        // 3δ/s from the samples, plus the few roundings of the quotients and of the combination itself.
        var rounding = 3.0 * delta / l0.Step + 2.0 * U * (4.0 * Math.Abs(l1.Central(i)) + Math.Abs(l0.Central(i)));
        return new Estimate(value, truncation, rounding, delta, l0.Step, magnitude);
    }

    /// <summary>R(s) = D(s/2) + (D(s/2) − D(s))/3 from the levels at s and s/2.</summary>
    private static double Extrapolate(DifferenceStencil.Level coarse, DifferenceStencil.Level fine, int i)
    {
        var d1 = coarse.Central(i);
        var d2 = fine.Central(i);
        return d2 + (d2 - d1) / 3.0;
    }

    /// <summary>
    /// The verdict on entry (i, j): the claimed value, and the autograd value when there is one, against the
    /// finite-difference estimate; at a kink, against the interval between the one-sided slopes.
    /// </summary>
    /// <remarks>
    /// Inconclusive when the one-sided slopes jump at the kink test's steps without being a kink at x (a kink within
    /// the Richardson stencil: every central difference across it is biased by up to half the jump), and when the estimate agrees only because its bound is as large as the values compared
    /// (half the larger of them and of the derivative scale |f|·u^(1/5)/h: no factor-2 or sign error could show).
    /// </remarks>
    public static EntryResult Analyse(DerivativeSurvey survey, int i, int j, double claimed, double? autograd, Witness second, GradientCheckOptions options)
    {
        var stencil = survey.Stencils[j];
        var noise = survey.Noise(i);
        var rho = noise.Rho;
        var estimate = Richardson(stencil, i, noise);
        var fd = estimate.Value;
        var valueRounding = rho * (Math.Abs(claimed) + Math.Abs(fd) + Math.Abs(autograd ?? 0.0));
        var bound = options.Tolerance is double t ? t * Math.Max(1.0, Math.Abs(fd)) : estimate.Bound + valueRounding;
        var smooth = Compare(claimed, autograd, second, fd, bound);

        EntryResult Open(string reason) => smooth.ToResult(estimate, valueRounding, bound, StepNote(stencil)) with { Verdict = Verdict.Inconclusive, Reason = reason };

        if (options.DetectKinks && Kink(survey.First[j], i, noise, options.Tolerance) is { } kink)
            return AtKink(estimate, valueRounding, kink, claimed, autograd, second, rho);

        if (options.DetectKinks && survey.Kinks[i, j])
            return smooth.ToResult(estimate, valueRounding, bound, StepNote(stencil)) with
            {
                Verdict = Verdict.Inconclusive,
                Reason = FormattableString.Invariant($"f has a kink within the step h = {Format.Short(estimate.Step)} but not at x: the one-sided slopes jump at steps near {Format.Short(Math.ScaleB(survey.First[j].Step, -DifferenceStencil.KinkLevel))} without the constant jump of a kink at x, so every difference across it is biased"),
            };

        if (smooth.Pairs.Count == 0)
        {
            var scale = Max(Math.Abs(claimed), Math.Abs(fd), Math.Abs(autograd ?? 0.0), estimate.Magnitude * StepRule.RichardsonScale / estimate.Step);
            return bound < 0.5 * scale || scale == 0.0
                ? smooth.ToResult(estimate, valueRounding, bound, StepNote(stencil))
                : smooth.ToResult(estimate, valueRounding, bound, StepNote(stencil)) with
                {
                    Verdict = Verdict.Inconclusive,
                    Reason = FormattableString.Invariant($"the bound {Format.Sci(bound, 2)} is as large as the values compared (f is noisy or evaluated too coarsely on the scale of the step h = {Format.Short(estimate.Step)})"),
                };
        }

        // The claim disagrees and there is no kink at x. Before that is a verdict, the estimate at h must be what a
        // finer step also sees: R at h/2⁷ ≈ u^(1/3)·scale, where a kink or steep change within the step but not near
        // x biases nothing, and whose rounding bound is that of a plain central difference at its own optimal step.
        // An estimate there that differs from R(h) (f is not smooth on the scale of h), or that agrees with the values
        // within its wider bound (a bias too small for that bound would look the same), leaves the question open.
        if (KinkWithinStep(stencil, i, noise))
            return Open(FormattableString.Invariant($"f has a kink within the step h = {Format.Short(estimate.Step)} (the one-sided slopes jump by a constant at 2h, h and h/2, where a smooth f's jump estimate shrinks 8-fold)"));
        const int c = DifferenceStencil.KinkLevel;
        if (stencil.Get(c - 2) is not null && stencil.Get(c - 1) is not null && stencil.Get(c) is not null && stencil.Get(c + 1) is not null)
        {
            var fine = Richardson(stencil, i, noise, c);
            var fineValueRounding = rho * (Math.Abs(claimed) + Math.Abs(fine.Value) + Math.Abs(autograd ?? 0.0));
            var fineBound = options.Tolerance is double tf ? tf * Math.Max(1.0, Math.Abs(fine.Value)) : fine.Bound + fineValueRounding;
            if (Math.Abs(fine.Value - fd) > estimate.Bound + fine.Bound)
                return Open(FormattableString.Invariant($"f is not smooth on the scale of the step h = {Format.Short(estimate.Step)}: the estimates at h and h/128 differ by {Format.Sci(Math.Abs(fine.Value - fd), 2)} (a kink or steep change within the step)"));
            if (Compare(claimed, autograd, second, fine.Value, fineBound).Pairs.Count == 0)
                return Open(FormattableString.Invariant($"the values disagree with the estimate at h = {Format.Short(estimate.Step)} but agree with the one at h/128 within its bound {Format.Sci(fineBound, 2)}: a kink within the step, too small to resolve, would look the same"));
        }
        return smooth.ToResult(estimate, valueRounding, bound, StepNote(stencil));
    }

    /// <summary>
    /// Whether the Richardson levels themselves (2h, h, h/2) straddle a kink: the jump estimate 2G(s/2) − G(s) of the
    /// one-sided slopes is −s³f⁗/16 + O(s⁵) for smooth f, so it shrinks 8-fold from s = 2h to s = h, while across a kink
    /// at distance a ≪ s it stays near the jump. A ratio below √8 (the geometric middle of 1 and 8), with the finer
    /// estimate above its rounding noise, reads as a kink.
    /// </summary>
    internal static bool KinkWithinStep(DifferenceStencil stencil, int i, NoiseModel noise)
    {
        var delta = noise.Delta(Magnitude(stencil, i, DifferenceStencil.CoarsestLevel, 1));
        var coarse = JumpEstimate(stencil, i, -1);
        var fine = JumpEstimate(stencil, i, 0);
        return Math.Abs(fine) > Significance * JumpNoise(stencil, 0, delta) && Math.Abs(coarse) < Math.Sqrt(8.0) * Math.Abs(fine);
    }

    /// <summary>The verdict at a confirmed kink: every value given must lie between the one-sided slopes.</summary>
    private static EntryResult AtKink(Estimate estimate, double valueRounding, KinkInterval kink, double claimed, double? autograd, Witness second, double rho)
    {
        var claimedOutside = kink.Distance(claimed, rho);
        var autogradOutside = autograd is double a ? kink.Distance(a, rho) : 0.0;
        var pairs = new List<ComparedPair>();
        if (claimedOutside > 0 || double.IsNaN(claimedOutside)) pairs.Add(ComparedPairs.ClaimedVersusFiniteDifference);
        if (autogradOutside > 0 || double.IsNaN(autogradOutside)) pairs.Add(new(second, Witness.FiniteDifference));
        var interval = FormattableString.Invariant($"kink: one-sided slopes {Format.Sci(kink.Left, 4)} (left) and {Format.Sci(kink.Right, 4)} (right)");
        var note = pairs.Count == 0
            ? interval + "; the value given lies between them (a subgradient along this axis)"
            : interval + "; " + string.Join(" and ", pairs.Select(p => $"the {ComparedPair.Name(p.Left)} value")) + " lie(s) outside that interval";
        var error = Max(claimedOutside, autogradOutside);
        return new EntryResult(
            FiniteDifference: estimate.Value, Truncation: estimate.Truncation, Rounding: estimate.Rounding, ValueRounding: valueRounding,
            Bound: kink.Margin, AbsoluteError: error, RelativeError: Relative(error, claimed, autograd, estimate.Value),
            Verdict: pairs.Count == 0 ? Verdict.Agrees : Verdict.Disagrees,
            DisagreeingPairs: pairs, Note: note, Step: estimate.Step,
            LeftSlope: kink.Left, RightSlope: kink.Right);
    }

    /// <summary>
    /// Whether the one-sided slopes jump significantly at some step of the kink test (a signal no smooth f gives at
    /// those steps, where its gap is curvature times the step and its jump estimate O(s²)) — without the constant jump
    /// of a kink at x: a kink within the stencil but not at x.
    /// </summary>
    internal static bool NearKink(DifferenceStencil stencil, int i, NoiseModel noise)
    {
        const int b = DifferenceStencil.KinkLevel;
        for (var k = b + 1; k <= b + 4; k++)
            if (stencil.Get(k) is null) return false;
        var delta = noise.Delta(Magnitude(stencil, i, b + 1, b + 4));
        for (var k = b + 1; k <= b + 3; k++)
            if (Math.Abs(JumpEstimate(stencil, i, k)) > Significance * JumpNoise(stencil, k, delta)) return true;
        return false;
    }

    /// <summary>
    /// Confirms a kink at x when the jump estimates from steps s₀/2 … s₀/16 all stand well above their rounding noise,
    /// share one sign and do not shrink with the step (a jump is a constant; curvature shrinks ∝ s²). s₀ = h/2⁷ ≈
    /// u^(1/3)·scale for h ≈ u^(1/5)·scale: the Richardson step is far too coarse for this test, whose O(s²) curvature
    /// residue would hide jumps smaller than s²|f‴|. Returns the one-sided slopes, extrapolated to s → 0, with their
    /// error margin.
    /// </summary>
    internal static KinkInterval? Kink(DifferenceStencil stencil, int i, NoiseModel noise, double? tolerance)
    {
        const int b = DifferenceStencil.KinkLevel;
        for (var k = b + 1; k <= b + 4; k++)
            if (stencil.Get(k) is null) return null;
        var f0 = stencil.ValueAtX;
        var delta = noise.Delta(Magnitude(stencil, i, b + 1, b + 4));
        var jumps = new double[3];
        for (var k = b + 1; k <= b + 3; k++)
        {
            var jump = JumpEstimate(stencil, i, k);
            if (!(Math.Abs(jump) > Significance * JumpNoise(stencil, k, delta))) return null;
            jumps[k - b - 1] = jump;
        }
        if (jumps.Any(j => Math.Sign(j) != Math.Sign(jumps[2]))) return null;
        var smallest = jumps.Min(Math.Abs);
        var largest = jumps.Max(Math.Abs);
        if (smallest < 0.5 * largest) return null;

        var fine = stencil.Get(b + 4)!;
        var coarse = stencil.Get(b + 3)!;
        var right4 = fine.Right(i, f0);
        var right3 = coarse.Right(i, f0);
        var left4 = fine.Left(i, f0);
        var left3 = coarse.Left(i, f0);
        // One-sided slopes have truncation (s/2)|f″| + O(s²); halving s halves it, so 2S(s) − S(2s) removes it, and
        // 3|S(s) − S(2s)| bounds what is left: for smooth f with a factor 2 to spare; for a kink at distance a < s/2
        // from x rather than at it, S(s) = g − J·a/s, so 2S(s) − S(2s) is off by 1.5·J·a/s = 3|S(s) − S(2s)| exactly.
        // Rounding of a one-sided slope: 2δ/s.
        var right = 2.0 * right4 - right3;
        var left = 2.0 * left4 - left3;
        var slopeNoise = 2.0 * delta * (2.0 / fine.Forward + 1.0 / coarse.Forward + 2.0 / fine.Backward + 1.0 / coarse.Backward);
        var margin = 3.0 * (Math.Abs(right4 - right3) + Math.Abs(left4 - left3)) + slopeNoise + 4.0 * U * (Math.Abs(left) + Math.Abs(right));
        if (tolerance is double t) margin = Math.Max(margin, t * Max(1.0, Math.Abs(left), Math.Abs(right)));
        return new KinkInterval(left, right, margin);
    }

    /// <summary>2G(s/2) − G(s) at level k (s = h/2ᵏ).</summary>
    private static double JumpEstimate(DifferenceStencil stencil, int i, int k) =>
        2.0 * stencil.Get(k + 1)!.Gap(i, stencil.ValueAtX) - stencil.Get(k)!.Gap(i, stencil.ValueAtX);

    /// <summary>The rounding bound of 2G(s/2) − G(s): G(s) is off by at most δ(2/s₊ + 2/s₋) for realised steps s₊, s₋.</summary>
    private static double JumpNoise(DifferenceStencil stencil, int k, double delta)
    {
        double GapNoise(DifferenceStencil.Level l) => 2.0 * delta * (1.0 / l.Forward + 1.0 / l.Backward);
        return 2.0 * GapNoise(stencil.Get(k + 1)!) + GapNoise(stencil.Get(k)!);
    }

    /// <summary>max |fᵢ| over x and levels <paramref name="coarsest"/> … <paramref name="finest"/>.</summary>
    private static double Magnitude(DifferenceStencil stencil, int i, int coarsest, int finest)
    {
        var m = Math.Abs(stencil.ValueAtX[i]);
        for (var k = coarsest; k <= finest; k++)
        {
            var l = stencil.Get(k)!;
            m = Max(m, Math.Abs(l.Plus[i]), Math.Abs(l.Minus[i]));
        }
        return m;
    }

    private static string? StepNote(DifferenceStencil stencil) => stencil.StepReductions == 0
        ? null
        : FormattableString.Invariant($"step reduced to {Format.Short(stencil.Step)}: f is not finite at x ± the usual step (edge of its domain)");

    private static Comparison Compare(double claimed, double? autograd, Witness second, double fd, double bound)
    {
        static bool Close(double a, double b, double bound) => Math.Abs(a - b) <= bound; // false for NaN
        var pairs = new List<ComparedPair>();
        var error = Math.Abs(claimed - fd);
        if (autograd is double a)
        {
            if (!Close(claimed, a, bound)) pairs.Add(new(Witness.Claimed, second));
            if (!Close(claimed, fd, bound)) pairs.Add(ComparedPairs.ClaimedVersusFiniteDifference);
            if (!Close(a, fd, bound)) pairs.Add(new(second, Witness.FiniteDifference));
            error = Max(error, Math.Abs(claimed - a), Math.Abs(a - fd));
        }
        else if (!Close(claimed, fd, bound))
        {
            pairs.Add(ComparedPairs.ClaimedVersusFiniteDifference);
        }
        return new Comparison(pairs, error, Relative(error, claimed, autograd, fd), Diagnosis(pairs, autograd is null ? null : second));
    }

    /// <summary>Which value is the odd one out, in words, when two of three agree.</summary>
    private static string? Diagnosis(List<ComparedPair> pairs, Witness? second)
    {
        if (second is not Witness w || pairs.Count == 0) return null;
        var name = ComparedPair.Name(w);
        var claimedAutograd = pairs.Contains(new(Witness.Claimed, w));
        var claimedFd = pairs.Contains(ComparedPairs.ClaimedVersusFiniteDifference);
        var autogradFd = pairs.Contains(new(w, Witness.FiniteDifference));
        if (claimedAutograd && claimedFd && !autogradFd) return $"{name} and finite difference agree: the claimed value is wrong";
        if (claimedAutograd && autogradFd && !claimedFd)
            return w == Witness.Autograd
                ? "claimed and finite difference agree: autograd differs (the tensor f, or a libtorch convention)"
                : $"claimed and finite difference agree: {name} differs (the generic f is not the function sampled)";
        if (claimedFd && autogradFd && !claimedAutograd) return $"claimed and {name} agree: the finite difference differs (is f noisy, or not smooth on the scale of the step?)";
        return claimedAutograd && claimedFd && autogradFd ? "all three differ" : null;
    }

    private static double Relative(double error, double claimed, double? autograd, double fd)
    {
        var scale = Max(Math.Abs(claimed), Math.Abs(autograd ?? 0.0), Math.Abs(fd));
        return error == 0.0 ? 0.0 : error / scale;
    }

    private static double Max(params ReadOnlySpan<double> values)
    {
        var m = values[0];
        foreach (var v in values)
            if (double.IsNaN(v) || v > m) m = v;
        return m;
    }

    /// <summary>A finite-difference estimate with its error budget.</summary>
    /// <param name="Value">R, the Richardson-extrapolated central difference.</param>
    /// <param name="Truncation">|R(2h) − R(h)|/15.</param>
    /// <param name="Rounding">3δ/h plus the rounding of the quotients.</param>
    /// <param name="Delta">δ, the bound on the error of each value of f.</param>
    /// <param name="Step">h.</param>
    /// <param name="Magnitude">F, the largest |fᵢ| on the levels used.</param>
    internal readonly record struct Estimate(double Value, double Truncation, double Rounding, double Delta, double Step, double Magnitude)
    {
        /// <summary>The error bound of <see cref="Value"/>: truncation plus rounding.</summary>
        public double Bound => Truncation + Rounding;
    }

    internal sealed record KinkInterval(double Left, double Right, double Margin)
    {
        /// <summary>How far v lies outside [min − margin, max + margin], allowing ρ|v| for v's own rounding (0 inside; NaN for NaN).</summary>
        public double Distance(double v, double rho)
        {
            if (double.IsNaN(v)) return double.NaN;
            var slack = Margin + rho * Math.Abs(v);
            var low = Math.Min(Left, Right) - slack;
            var high = Math.Max(Left, Right) + slack;
            return v < low ? low - v : v > high ? v - high : 0.0;
        }
    }

    private sealed record Comparison(List<ComparedPair> Pairs, double AbsoluteError, double RelativeError, string? Diagnosis)
    {
        public EntryResult ToResult(Estimate estimate, double valueRounding, double bound, string? note)
        {
            var combined = string.Join("; ", new[] { Diagnosis, note }.Where(s => s is not null));
            return new EntryResult(
                FiniteDifference: estimate.Value,
                Truncation: estimate.Truncation,
                Rounding: estimate.Rounding,
                ValueRounding: valueRounding,
                Bound: bound,
                AbsoluteError: AbsoluteError,
                RelativeError: RelativeError,
                Verdict: Pairs.Count == 0 ? Verdict.Agrees : Verdict.Disagrees,
                DisagreeingPairs: Pairs,
                Note: combined.Length == 0 ? null : combined,
                Step: estimate.Step,
                LeftSlope: null,
                RightSlope: null);
        }
    }
}

/// <summary>The analysis of one derivative entry, before it is dressed as a gradient coordinate or a Jacobian entry.</summary>
internal sealed record EntryResult(
    double FiniteDifference, double Truncation, double Rounding, double ValueRounding, double Bound,
    double AbsoluteError, double RelativeError, Verdict Verdict, IReadOnlyList<ComparedPair> DisagreeingPairs, string? Note,
    double Step, double? LeftSlope, double? RightSlope)
{
    /// <summary>Why the verdict is <see cref="Verdict.Inconclusive"/>; null otherwise.</summary>
    public string? Reason { get; init; }
}
