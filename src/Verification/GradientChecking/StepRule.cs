using TensorLinear.Numerics;

namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// The finite-difference step rule: every step is relative to the scale of its coordinate (σⱼ = |xⱼ|, or ‖x‖∞ when
/// xⱼ = 0, or 1 when x = 0) and matched to the method — h ≈ u^(1/5)·σⱼ for the Richardson estimate (truncation O(h⁴)
/// against rounding O(u/h)), h ≈ u^(1/3)·σⱼ for a plain central or one-sided extrapolated difference (truncation
/// O(h²)). The scale of f enters through the search that follows (<see cref="StepSearch"/>): the step moves until the
/// measured truncation balances the rounding δ/h, δ ∝ |f|. Steps are powers of two, so every h/2ᵏ is exact.
/// </summary>
internal static class StepRule
{
    /// <summary>u^(1/5) ≈ 6.6e-4: the Richardson estimate's optimal step per unit of scale.</summary>
    public static readonly double RichardsonScale = Math.Pow(FloatingPoint.UnitRoundoff, 0.2);

    /// <summary>u^(1/3) ≈ 4.8e-6: a second-order difference's optimal step per unit of scale.</summary>
    public static readonly double SecondOrderScale = Math.Cbrt(FloatingPoint.UnitRoundoff);

    /// <summary>
    /// σⱼ: max(|xⱼ|, sⱼ) when the user gave typical scales s (Dennis and Schnabel's typx); otherwise |xⱼ|, else ‖x‖∞,
    /// else 1 — the size on which a coordinate of that magnitude can be moved.
    /// </summary>
    public static double Scale(double[] x, int j, double[]? typical = null)
    {
        if (typical is not null) return Math.Max(Math.Abs(x[j]), typical[j]);
        if (x[j] != 0.0) return Math.Abs(x[j]);
        var largest = x.Max(Math.Abs);
        return largest > 0.0 ? largest : 1.0;
    }

    /// <summary>The power of two nearest to <paramref name="target"/> (positive, finite).</summary>
    public static double PowerOfTwoNear(double target) => Math.ScaleB(1.0, (int)Math.Round(Math.Log2(target)));

    /// <summary>The first Richardson step for coordinate j: the user's step, or the power of two nearest u^(1/5)·σⱼ.</summary>
    public static double RichardsonStart(double[] x, int j, double? userStep, double[]? typical) => userStep ?? PowerOfTwoNear(RichardsonScale * Scale(x, j, typical));

    /// <summary>A second-order step along coordinate j (the noise probe's spacing and the one-sided differences').</summary>
    public static double SecondOrderStep(double[] x, int j) => PowerOfTwoNear(SecondOrderScale * Scale(x, j));
}
