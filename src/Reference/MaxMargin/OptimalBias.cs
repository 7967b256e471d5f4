namespace TensorLinear.Reference.MaxMargin;

/// <summary>
/// The bias that minimises the hinge part of the soft-margin objective for fixed weights: b* = argmin_b
/// Σᵢ max(0, 1 − yᵢ(uᵢ + b)), uᵢ = wᵀxᵢ, found exactly by an order statistic instead of a search.
/// </summary>
/// <remarks>
/// Each term is convex and piecewise linear in b with one breakpoint kᵢ = yᵢ − uᵢ (where yᵢ(uᵢ + b) = 1): a +1 row
/// contributes slope −1 left of its kᵢ and 0 right of it, a −1 row 0 left and +1 right. Far left the slope is −n₊,
/// and it rises by 1 at every breakpoint, so it turns non-negative after the n₊-th smallest: b* is any point between
/// the n₊-th and (n₊+1)-th smallest breakpoints (the slope is 0 there). The midpoint is returned.
/// </remarks>
internal static class OptimalBias
{
    public static double Of(ReadOnlySpan<double> u, ReadOnlySpan<double> y)
    {
        var breakpoints = new double[u.Length];
        var positives = 0;
        for (var i = 0; i < u.Length; i++)
        {
            breakpoints[i] = y[i] - u[i];
            if (y[i] > 0) positives++;
        }
        Array.Sort(breakpoints);
        // n₊ ≥ 1 and n₋ ≥ 1, so both order statistics exist.
        return 0.5 * (breakpoints[positives - 1] + breakpoints[positives]);
    }
}
