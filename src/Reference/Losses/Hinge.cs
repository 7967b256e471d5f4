using TensorLinear.Numerics;

namespace TensorLinear.Reference.Losses;

/// <summary>
/// The hinge loss ℓ(s, y) = max(0, 1 − y·s) of a decision score s = wᵀx + b against a label y ∈ {−1, +1}: zero for a
/// row on its own side at least the margin away (y·s ≥ 1), growing linearly inside the margin and beyond. The convex
/// surrogate of the 0/1 loss that the soft margin minimises (docs/derivations/max-margin.md).
/// </summary>
/// <remarks>
/// ℓ is not differentiable where y·s = 1: its left slope in s is −y and its right slope 0, and its subdifferential
/// there is the segment between them, {−t·y : t ∈ [0, 1]}. <see cref="Subgradient"/> returns one element of it: −y
/// where y·s &lt; 1 and 0 where y·s ≥ 1, so 0 at the kink itself — the choice libtorch's relu and clamp make for
/// max(0, ·) (their backward passes no gradient at exactly 0). Any element of the segment is a valid subgradient; a
/// finite-difference check across the kink sees the two one-sided slopes, not this value.
/// </remarks>
public static class Hinge
{
    /// <summary>max(0, 1 − y·s).</summary>
    /// <exception cref="NonFiniteInputException">The score is NaN or infinite.</exception>
    /// <exception cref="OutOfDomainException">The label is not ±1.</exception>
    public static double Value(double label, double score)
    {
        CheckPair(label, score);
        // ℓ = max(0, 1 − y·s)
        return Math.Max(0.0, 1.0 - label * score);
    }

    /// <summary>
    /// A subgradient of ℓ in s: −y where y·s &lt; 1, 0 where y·s ≥ 1 (0 at the kink y·s = 1, the convention of the
    /// class remarks).
    /// </summary>
    /// <exception cref="NonFiniteInputException">The score is NaN or infinite.</exception>
    /// <exception cref="OutOfDomainException">The label is not ±1.</exception>
    public static double Subgradient(double label, double score)
    {
        CheckPair(label, score);
        // ∂max(0, 1 − y·s)/∂s = −y inside the margin, 0 outside; 0 on it
        return label * score < 1.0 ? -label : 0.0;
    }

    /// <summary>The mean hinge loss (1/n) Σᵢ max(0, 1 − yᵢsᵢ) of scores against ±1 labels.</summary>
    /// <exception cref="EmptyInputException">The vectors are empty.</exception>
    /// <exception cref="NonFiniteInputException">A component is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">The vectors differ in length.</exception>
    /// <exception cref="OutOfDomainException">A label is not ±1.</exception>
    public static double Mean(double[] labels, double[] scores)
    {
        CheckVectors(labels, scores);
        var sum = 0.0;
        // (1/n) Σᵢ max(0, 1 − yᵢsᵢ)
        for (var i = 0; i < scores.Length; i++) sum += Math.Max(0.0, 1.0 - labels[i] * scores[i]);
        return sum / scores.Length;
    }

    /// <summary>
    /// A subgradient of the mean hinge loss with respect to the scores: −yᵢ/n where yᵢsᵢ &lt; 1, else 0 (0 at the kink).
    /// </summary>
    /// <exception cref="EmptyInputException">The vectors are empty.</exception>
    /// <exception cref="NonFiniteInputException">A component is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">The vectors differ in length.</exception>
    /// <exception cref="OutOfDomainException">A label is not ±1.</exception>
    public static double[] MeanSubgradient(double[] labels, double[] scores)
    {
        CheckVectors(labels, scores);
        var n = scores.Length;
        var g = new double[n];
        // ∂[(1/n) Σⱼ max(0, 1 − yⱼsⱼ)]/∂sᵢ = −yᵢ/n where yᵢsᵢ < 1, 0 where yᵢsᵢ ≥ 1
        for (var i = 0; i < n; i++) g[i] = labels[i] * scores[i] < 1.0 ? -labels[i] / n : 0.0;
        return g;
    }

    private static void CheckPair(double label, double score)
    {
        Check.Finite(score, nameof(score));
        if (label != 1.0 && label != -1.0)
            throw new OutOfDomainException(nameof(label), FormattableString.Invariant($"is {label}; the hinge loss needs a label −1 or +1"));
    }

    private static void CheckVectors(double[] labels, double[] scores)
    {
        Check.Vectors(labels, nameof(labels), scores, nameof(scores));
        for (var i = 0; i < labels.Length; i++)
            if (labels[i] != 1.0 && labels[i] != -1.0)
                throw new OutOfDomainException(nameof(labels), FormattableString.Invariant($"label {i} is {labels[i]}; the hinge loss needs labels −1 and +1"));
    }
}
