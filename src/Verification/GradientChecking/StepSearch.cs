namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// Chooses the Richardson step h for one coordinate so that the measured truncation of R(h) balances its rounding:
/// the error c·h⁴ + 3δ/h is least where c·h⁴ = (3δ/h)/4. This is where the scale of f enters the step — δ ∝ |f| —
/// next to the scale of the coordinate that fixes the first step (<see cref="StepRule"/>).
/// </summary>
/// <remarks>
/// <para>From the first step u^(1/5)·σⱼ: while the truncation estimate T = |R(2h) − R(h)|/15 is not even above its
/// own rounding noise (T ≤ B_r/10, B_r the rounding bound 3δ/h: R(2h) and R(h) carry up to B_r/2 + B_r of rounding,
/// and /15 of that is B_r/10), the truncation is unknown but negligible, so h grows by 16 (the rounding falls 16-fold,
/// the truncation grows at most 65 536-fold). Once T is measured, q = B_r/(4T) says how far h is from the balance:
/// h·q^(1/5) is the balancing step, and h moves to the power of two nearest it. Growing
/// stops when the estimate at the larger step leaves the smaller step's bound (a kink or steep change reached), at
/// the first decrease (an overshoot: h crossed the scale on which f curves, or a kink), at a step where f is
/// not finite, beyond 64u^(1/5)·max(σⱼ, ℓ) with ℓ = |f|/|∂f/∂xⱼ| the distance over which f changes by its own size, or
/// after <see cref="MaxMoves"/> moves; of the steps tried the one with the smallest bound relative to
/// |f| is kept.</para>
/// <para>Cost: 6 evaluations of f per step tried; usually one to three steps.</para>
/// </remarks>
internal static class StepSearch
{
    /// <summary>The most steps tried after the first: 16¹² ≈ 3e14 covers coordinates far smaller than f's own scale.</summary>
    public const int MaxMoves = 12;

    private const double Growth = 16.0;

    /// <summary>
    /// How far beyond u^(1/5)·max(σⱼ, ℓ) the step may grow: the balancing step is u^(1/5)·ℓ times (|f|/ℓ⁵|f⁽⁵⁾|)^(1/5),
    /// a factor that is O(1) unless f⁽⁵⁾ is small on the scale ℓ (exp, sin 3x and log(1 + x²) balance within 64).
    /// </summary>
    private const double CeilingFactor = 64.0;

    /// <summary>
    /// The stencil at the chosen step for the coordinate of <paramref name="first"/>, the stencil at the first step.
    /// Without <paramref name="mayGrow"/> (the user gave the coordinates' typical scales) the step only shrinks.
    /// </summary>
    public static DifferenceStencil Find(SampledFunction f, double[] x, double[] f0, DifferenceStencil first, NoiseModel[] noise, bool mayGrow)
    {
        var j = first.Coordinate;
        var stencil = first;
        var weights = Enumerable.Range(0, noise.Length).Select(i => EntryAnalysis.Richardson(stencil, i, noise[i]).Magnitude).ToArray();
        var ceiling = CeilingFactor * StepRule.RichardsonScale * Math.Max(StepRule.Scale(x, j), LengthScale(stencil, noise));
        double Score(DifferenceStencil s) => StepSearch.Score(s, noise, weights);
        var best = stencil;
        var bestScore = Score(stencil);
        var grew = false;
        var trusted = stencil;
        for (var move = 0; move < MaxMoves; move++)
        {
            var factor = Move(stencil, noise);
            if (factor > 1.0 && (!mayGrow || stencil.Step * factor > ceiling)) break;
            if (factor == 1.0 || (factor > 1.0 && move > 0 && !grew)) break;
            if (factor < 1.0 && grew)
            {
                // Overshoot: one move back towards the balance, then stop.
                if (DifferenceStencil.TryCreate(f, x, f0, j, stencil.Step * factor, first.StepReductions) is { } back
                    && Consistent(back, trusted, noise) && Score(back) < bestScore) best = back;
                break;
            }
            var next = DifferenceStencil.TryCreate(f, x, f0, j, stencil.Step * factor, first.StepReductions);
            if (next is null) break; // f is not finite that far out: the edge of its domain
            // A larger step must reproduce the smaller step's estimate within the two bounds: one that does not has
            // reached a kink or a steep change, whose bias (half the jump for a kink well inside the stencil) the
            // truncation estimate cannot see.
            if (factor > 1.0 && !Consistent(next, stencil, noise)) break;
            if (factor > 1.0) trusted = stencil;
            grew = factor > 1.0;
            stencil = next;
            var score = Score(next);
            if (score < bestScore) (best, bestScore) = (next, score);
        }
        return best;
    }

    /// <summary>The factor to move h by: 16 when every output is rounding-bound, h·q^(1/5) (a power of two) when one is truncation-bound, else 1.</summary>
    private static double Move(DifferenceStencil stencil, NoiseModel[] noise)
    {
        var allRoundingBound = true;
        var down = 1.0;
        for (var i = 0; i < noise.Length; i++)
        {
            var e = EntryAnalysis.Richardson(stencil, i, noise[i]);
            if (e.Truncation <= e.Rounding / 10.0) continue;
            allRoundingBound = false;
            var q = e.Rounding / (4.0 * e.Truncation);
            down = Math.Min(down, StepRule.PowerOfTwoNear(Math.Max(Math.Pow(q, 0.2), Math.ScaleB(1.0, -20))));
        }
        return down < 1.0 ? down : allRoundingBound ? Growth : 1.0;
    }

    /// <summary>Whether every output's estimates at the two stencils agree within the sum of their bounds.</summary>
    private static bool Consistent(DifferenceStencil a, DifferenceStencil b, NoiseModel[] noise)
    {
        for (var i = 0; i < noise.Length; i++)
        {
            var ea = EntryAnalysis.Richardson(a, i, noise[i]);
            var eb = EntryAnalysis.Richardson(b, i, noise[i]);
            if (!(Math.Abs(ea.Value - eb.Value) <= ea.Bound + eb.Bound)) return false;
        }
        return true;
    }

    /// <summary>The largest bound relative to wᵢ (|fᵢ| near x at the first step) over the outputs, whose bounds are in different units otherwise.</summary>
    private static double Score(DifferenceStencil stencil, NoiseModel[] noise, double[] weights)
    {
        var score = 0.0;
        for (var i = 0; i < noise.Length; i++)
            if (weights[i] > 0.0) score = Math.Max(score, EntryAnalysis.Richardson(stencil, i, noise[i]).Bound / weights[i]);
        return score;
    }

    /// <summary>
    /// ℓ = maxᵢ Fᵢ/|∂fᵢ/∂xⱼ|, the distance over which f changes by its own size (0 when the derivative is 0): with
    /// σⱼ it caps the growth of the step at 64u^(1/5)·max(σⱼ, ℓ), so that a polynomial, whose truncation vanishes, is
    /// not sampled far from x.
    /// </summary>
    private static double LengthScale(DifferenceStencil stencil, NoiseModel[] noise)
    {
        var length = 0.0;
        for (var i = 0; i < noise.Length; i++)
        {
            var e = EntryAnalysis.Richardson(stencil, i, noise[i]);
            if (e.Value != 0.0) length = Math.Max(length, e.Magnitude / Math.Abs(e.Value));
        }
        return length;
    }
}
