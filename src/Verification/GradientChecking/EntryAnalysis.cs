using TensorLinear.Numerics;

namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// The error budget of one derivative entry ∂fᵢ/∂xⱼ and the verdict on the values claimed for it. Shared by the
/// gradient check (m = 1), the Jacobian check and <see cref="FiniteDifferences"/>.
/// </summary>
/// <remarks>
/// <para><b>Richardson estimate.</b> D(s) = (f(x+s) − f(x−s))/2s = f′ + s²f‴/6 + O(s⁴); R = D(h/2) + (D(h/2) − D(h))/3
/// cancels the s² term. Its truncation is O(h⁴); the Richardson correction |D(h/2) − D(h)|/3 is an a-posteriori
/// estimate of the (larger) truncation of D(h/2), and the budget allows the whole |D(h/2) − D(h)| — at least three
/// times R's own truncation whenever the s² term dominates the s⁴ term.</para>
/// <para><b>Rounding.</b> If each computed value of f is off by at most δ, D(s) is off by at most δ/s, so
/// R = (4D(h/2) − D(h))/3 is off by at most (4·2δ/h + δ/h)/3 = 3δ/h. δ = max(ρ·max(F, T̂), 3σ̂) (<see cref="NoiseModel"/>):
/// ρ is the relative accuracy of f (default γ₂ₙ₊₁₆), F the largest |f| on the stencil, T̂ = Σⱼ|xⱼ·∂f/∂xⱼ| the size of
/// f's terms, and σ̂ the noise level estimated from fourth differences of equally spaced samples (Moré and Wild's
/// ECnoise: for independent noise of standard deviation σ, E[(Δ⁴)²] = 70σ²; the smooth part, (s/2)⁴f⁗, is
/// negligible), pooled by <see cref="DerivativeSurvey"/>.</para>
/// <para><b>The compared values.</b> A claimed or autograd value v is itself computed in floating point; the
/// budget adds ρ·|v| for each value compared.</para>
/// </remarks>
internal static class EntryAnalysis
{
    private const double U = FloatingPoint.UnitRoundoff;

    /// <summary>√70: the fourth difference of independent noise of standard deviation σ has standard deviation √70·σ.</summary>
    private static readonly double Sqrt70 = Math.Sqrt(70.0);

    /// <summary>
    /// How many noise bounds a quantity must exceed to count as a signal (a jump, a kink). Noise bounds here are
    /// worst-case sums already; the factor keeps a kink from being read into rounding.
    /// </summary>
    private const double Significance = 4.0;

    /// <summary>
    /// The Richardson estimate of ∂fᵢ/∂xⱼ from levels <paramref name="coarse"/> and coarse + 1, with its error budget.
    /// δ = <see cref="NoiseModel.Delta"/>: the rounding model ρ·max(F, T̂), or three times the noise level σ̂ pooled by
    /// the survey, raised to this stencil's own |Δ⁴f|/√70 when <paramref name="includeOwnNoise"/> (for coordinates
    /// that were kept out of the pool).
    /// </summary>
    public static Estimate Richardson(DifferenceStencil stencil, int i, NoiseModel noise, bool includeOwnNoise, int coarse = 0)
    {
        var l0 = stencil.Get(coarse)!;
        var l1 = stencil.Get(coarse + 1)!;
        var f0 = stencil.ValueAtX[i];
        var d1 = l0.Central(i);
        var d2 = l1.Central(i);
        var value = d2 + (d2 - d1) / 3.0;

        var magnitude = Max(Math.Abs(f0), Math.Abs(l0.Plus[i]), Math.Abs(l0.Minus[i]), Math.Abs(l1.Plus[i]), Math.Abs(l1.Minus[i]));
        var own = includeOwnNoise ? Math.Abs(FourthDifference(stencil, i, coarse)) / Sqrt70 : 0.0;
        var delta = noise.Delta(magnitude, own);

        var truncation = Math.Abs(d2 - d1);
        // 3δ/h from the samples, plus the few roundings of the quotients and of the combination itself.
        var rounding = 3.0 * delta / l0.Step + 2.0 * U * (4.0 * Math.Abs(d2) + Math.Abs(d1));
        return new Estimate(value, truncation, rounding, delta, l0.Step);
    }

    /// <summary>
    /// Δ⁴fᵢ over the five equally spaced points x − s, x − s/2, x, x + s/2, x + s (s the step of level
    /// <paramref name="coarse"/>): (s/2)⁴·f⁗ where f is smooth, √70·σ in root mean square for noise of level σ.
    /// </summary>
    public static double FourthDifference(DifferenceStencil stencil, int i, int coarse)
    {
        var l0 = stencil.Get(coarse)!;
        var l1 = stencil.Get(coarse + 1)!;
        return l0.Minus[i] - 4.0 * l1.Minus[i] + 6.0 * stencil.ValueAtX[i] - 4.0 * l1.Plus[i] + l0.Plus[i];
    }

    /// <summary>
    /// The verdict on entry (i, j): the claimed value, and the autograd value when there is one, against the
    /// finite-difference estimate; at a kink, against the interval between the one-sided slopes.
    /// </summary>
    public static EntryResult Analyse(DerivativeSurvey survey, int i, int j, double claimed, double? autograd, GradientCheckOptions options)
    {
        var stencil = survey.Stencils[j];
        var noise = survey.Noise(i);
        var rho = noise.Rho;
        var estimate = Richardson(stencil, i, noise, includeOwnNoise: survey.Flagged[j]);
        var fd = estimate.Value;
        var valueRounding = rho * (Math.Abs(claimed) + Math.Abs(fd) + Math.Abs(autograd ?? 0.0));
        var bound = options.Tolerance is double t ? t * Math.Max(1.0, Math.Abs(fd)) : estimate.Bound + valueRounding;
        var smooth = Compare(claimed, autograd, fd, bound);

        var suspectKink = options.DetectKinks && (smooth.Pairs.Count > 0 || survey.Jumps[i, j]);
        if (!suspectKink) return smooth.ToResult(estimate, valueRounding, bound, Verdict.Agrees, note: StepNote(stencil));

        if (Kink(stencil, i, noise, options.Tolerance) is { } kink)
        {
            var claimedOutside = kink.Distance(claimed, rho);
            var autogradOutside = autograd is double a ? kink.Distance(a, rho) : 0.0;
            var pairs = new List<string>();
            if (claimedOutside > 0 || double.IsNaN(claimedOutside)) pairs.Add(ComparedPairs.ClaimedVersusFiniteDifference);
            if (autogradOutside > 0 || double.IsNaN(autogradOutside)) pairs.Add(ComparedPairs.AutogradVersusFiniteDifference);
            var interval = FormattableString.Invariant($"kink: one-sided slopes {Format.Sci(kink.Left, 4)} (left) and {Format.Sci(kink.Right, 4)} (right)");
            var note = pairs.Count == 0
                ? interval + "; the value given lies between them (a subgradient)"
                : interval + "; " + string.Join(" and ", pairs.Select(p => p.StartsWith("claimed", StringComparison.Ordinal) ? "the claimed value" : "the autograd value")) + " lie(s) outside that interval";
            return new EntryResult(
                FiniteDifference: fd,
                Truncation: estimate.Truncation,
                Rounding: estimate.Rounding,
                ValueRounding: valueRounding,
                Bound: kink.Margin,
                AbsoluteError: Max(claimedOutside, autogradOutside),
                RelativeError: Relative(Max(claimedOutside, autogradOutside), claimed, autograd, fd),
                Verdict: pairs.Count == 0 ? Verdict.Kink : Verdict.Disagrees,
                DisagreeingPair: pairs.Count == 0 ? null : string.Join("; ", pairs),
                Note: note,
                Step: estimate.Step,
                LeftSlope: kink.Left,
                RightSlope: kink.Right);
        }

        if (smooth.Pairs.Count == 0) return smooth.ToResult(estimate, valueRounding, bound, Verdict.Agrees, note: StepNote(stencil));

        // The claim disagrees and there is no kink at x. If the differences at h/8 and h/16 are inconsistent with the
        // ones at h and h/2, f is not smooth on the scale of h (a kink, or a steep change, within the step but not at x):
        // the finer estimate is the one to trust.
        if (stencil.Get(3) is not null && stencil.Get(4) is not null)
        {
            var fine = Richardson(stencil, i, noise, includeOwnNoise: true, coarse: 3);
            var fineValueRounding = rho * (Math.Abs(claimed) + Math.Abs(fine.Value) + Math.Abs(autograd ?? 0.0));
            var fineBound = options.Tolerance is double tf ? tf * Math.Max(1.0, Math.Abs(fine.Value)) : fine.Bound + fineValueRounding;
            if (Math.Abs(fine.Value - fd) > estimate.Bound + fine.Bound)
            {
                var refined = Compare(claimed, autograd, fine.Value, fineBound);
                var note = FormattableString.Invariant($"f is not smooth on the scale of the step h = {Format.Short(estimate.Step)} (differences at h and h/16 disagree); refined to steps h/8, h/16");
                return refined.ToResult(fine, fineValueRounding, fineBound, Verdict.Agrees, note);
            }
        }
        return smooth.ToResult(estimate, valueRounding, bound, Verdict.Agrees, note: StepNote(stencil));
    }

    /// <summary>
    /// Stage 1 of kink detection, from the samples already taken: the gap between the one-sided slopes is
    /// G(s) = J + s·c + O(s²) (J the jump of the derivative, 0 where f is smooth), so 2G(h/2) − G(h) estimates J.
    /// </summary>
    public static bool JumpAtCoarseLevels(DifferenceStencil stencil, int i, NoiseModel noise)
    {
        var delta = noise.Delta(Magnitude(stencil, i, 1));
        return Math.Abs(JumpEstimate(stencil, i, 0)) > Significance * JumpNoise(stencil, 0, delta);
    }

    /// <summary>
    /// Stage 2: confirms a kink at x when the jump estimates from steps h/2 … h/16 all stand well above their
    /// rounding noise, share one sign and do not shrink with the step (a jump is a constant; curvature shrinks ∝ s).
    /// Returns the one-sided slopes, extrapolated to s → 0, with their error margin.
    /// </summary>
    internal static KinkInterval? Kink(DifferenceStencil stencil, int i, NoiseModel noise, double? tolerance)
    {
        for (var k = 2; k <= DifferenceStencil.FinestLevel; k++)
            if (stencil.Get(k) is null) return null;
        var f0 = stencil.ValueAtX;
        var delta = noise.Delta(Magnitude(stencil, i, DifferenceStencil.FinestLevel));
        var jumps = new double[3];
        for (var k = 1; k <= 3; k++)
        {
            var jump = JumpEstimate(stencil, i, k);
            if (!(Math.Abs(jump) > Significance * JumpNoise(stencil, k, delta))) return null;
            jumps[k - 1] = jump;
        }
        if (jumps.Any(j => Math.Sign(j) != Math.Sign(jumps[2]))) return null;
        var smallest = jumps.Min(Math.Abs);
        var largest = jumps.Max(Math.Abs);
        if (smallest < 0.5 * largest) return null;

        var fine = stencil.Get(4)!;
        var coarse = stencil.Get(3)!;
        var right4 = fine.Right(i, f0);
        var right3 = coarse.Right(i, f0);
        var left4 = fine.Left(i, f0);
        var left3 = coarse.Left(i, f0);
        // One-sided slopes have truncation (s/2)|f″| + O(s²); halving s halves it, so 2S(s) − S(2s) removes it and
        // |S(s) − S(2s)| bounds what is left (with a factor 2 to spare). Rounding of a one-sided slope: 2δ/s.
        var right = 2.0 * right4 - right3;
        var left = 2.0 * left4 - left3;
        var slopeNoise = 2.0 * delta * (2.0 / fine.Forward + 1.0 / coarse.Forward + 2.0 / fine.Backward + 1.0 / coarse.Backward);
        var margin = Math.Abs(right4 - right3) + Math.Abs(left4 - left3) + slopeNoise + 4.0 * U * (Math.Abs(left) + Math.Abs(right));
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

    /// <summary>max |fᵢ| over x and levels 0 … <paramref name="finest"/>.</summary>
    private static double Magnitude(DifferenceStencil stencil, int i, int finest)
    {
        var m = Math.Abs(stencil.ValueAtX[i]);
        for (var k = 0; k <= finest; k++)
        {
            var l = stencil.Get(k)!;
            m = Max(m, Math.Abs(l.Plus[i]), Math.Abs(l.Minus[i]));
        }
        return m;
    }

    private static string? StepNote(DifferenceStencil stencil) => stencil.StepReductions == 0
        ? null
        : FormattableString.Invariant($"step reduced to {Format.Short(stencil.Step)}: f is not finite at x ± the usual step (edge of its domain)");

    private static Comparison Compare(double claimed, double? autograd, double fd, double bound)
    {
        static bool Close(double a, double b, double bound) => Math.Abs(a - b) <= bound; // false for NaN
        var pairs = new List<string>();
        var error = Math.Abs(claimed - fd);
        if (autograd is double a)
        {
            if (!Close(claimed, a, bound)) pairs.Add(ComparedPairs.ClaimedVersusAutograd);
            if (!Close(claimed, fd, bound)) pairs.Add(ComparedPairs.ClaimedVersusFiniteDifference);
            if (!Close(a, fd, bound)) pairs.Add(ComparedPairs.AutogradVersusFiniteDifference);
            error = Max(error, Math.Abs(claimed - a), Math.Abs(a - fd));
        }
        else if (!Close(claimed, fd, bound))
        {
            pairs.Add(ComparedPairs.ClaimedVersusFiniteDifference);
        }
        return new Comparison(pairs, error, Relative(error, claimed, autograd, fd), Diagnosis(pairs, autograd is not null));
    }

    /// <summary>Which value is the odd one out, in words, when two of three agree.</summary>
    private static string? Diagnosis(List<string> pairs, bool threeWay)
    {
        if (!threeWay || pairs.Count == 0) return null;
        var claimedAutograd = pairs.Contains(ComparedPairs.ClaimedVersusAutograd);
        var claimedFd = pairs.Contains(ComparedPairs.ClaimedVersusFiniteDifference);
        var autogradFd = pairs.Contains(ComparedPairs.AutogradVersusFiniteDifference);
        if (claimedAutograd && claimedFd && !autogradFd) return "autograd and finite difference agree: the claimed value is wrong";
        if (claimedAutograd && autogradFd && !claimedFd) return "claimed and finite difference agree: autograd differs (the tensor f, or a libtorch convention)";
        if (claimedFd && autogradFd && !claimedAutograd) return "claimed and autograd agree: the finite difference differs (is f noisy, or not smooth on the scale of the step?)";
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
    /// <param name="Truncation">|D(h/2) − D(h)|.</param>
    /// <param name="Rounding">3δ/h plus the rounding of the quotients.</param>
    /// <param name="Delta">δ, the bound on the error of each value of f.</param>
    /// <param name="Step">h.</param>
    internal readonly record struct Estimate(double Value, double Truncation, double Rounding, double Delta, double Step)
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

    private sealed record Comparison(List<string> Pairs, double AbsoluteError, double RelativeError, string? Diagnosis)
    {
        public EntryResult ToResult(Estimate estimate, double valueRounding, double bound, Verdict ifAgreeing, string? note)
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
                Verdict: Pairs.Count == 0 ? ifAgreeing : Verdict.Disagrees,
                DisagreeingPair: Pairs.Count == 0 ? null : string.Join("; ", Pairs),
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
    double AbsoluteError, double RelativeError, Verdict Verdict, string? DisagreeingPair, string? Note,
    double Step, double? LeftSlope, double? RightSlope);
