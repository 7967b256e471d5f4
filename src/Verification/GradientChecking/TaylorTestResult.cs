namespace TensorLinear.Verification.GradientChecking;

/// <summary>The outcome of a <see cref="TaylorTest"/>: the remainders at each step, the orders they show, and the verdict.</summary>
public sealed record TaylorTestResult
{
    /// <summary>The steps h, each half the one before (steps where f was not finite are left out).</summary>
    public required double[] Steps { get; init; }

    /// <summary>r(h) = |f(x + h·v) − f(x) − h·∇f(x)ᵀv| (the ∞-norm of that vector for a Jacobian) at each step.</summary>
    public required double[] Remainders { get; init; }

    /// <summary>The rounding floor at each step: remainders near it say nothing about the gradient.</summary>
    public required double[] RoundingFloors { get; init; }

    /// <summary>log₂(r(hₖ)/r(hₖ₊₁)) for each consecutive pair of steps (NaN where a remainder is 0); one fewer than <see cref="Steps"/>.</summary>
    public required double[] Orders { get; init; }

    /// <summary>The orders the verdict is taken from: the last usable ones (both remainders ≥ 12 rounding floors).</summary>
    public required double[] UsedOrders { get; init; }

    /// <summary>Where each of <see cref="UsedOrders"/> sits in <see cref="Orders"/> (order k compares steps k and k + 1).</summary>
    public required int[] UsedOrderIndices { get; init; }

    /// <summary>The median of <see cref="UsedOrders"/>: ≈ 2 for a right gradient, ≈ 1 for a wrong one; NaN when none was usable.</summary>
    public required double ObservedOrder { get; init; }

    /// <summary>
    /// Agrees: the remainder falls like h² (order ≥ 1.5, nearer 2 than 1), or stays at rounding level at every step
    /// (f affine along the direction). Disagrees: an O(h) remainder persists over at least two orders down to the
    /// rounding floor. Inconclusive otherwise, with the reason in <see cref="Reason"/>.
    /// </summary>
    public required Verdict Verdict { get; init; }

    /// <summary>True only when <see cref="Verdict"/> is <see cref="Verdict.Agrees"/>.</summary>
    public bool Passed => Verdict == Verdict.Agrees;

    /// <summary>True when every remainder is at rounding level, so no order could be observed.</summary>
    public required bool AtRoundingLevel { get; init; }

    /// <summary>False when the verdict is <see cref="Verdict.Inconclusive"/>.</summary>
    public bool Conclusive => Verdict != Verdict.Inconclusive;

    /// <summary>False when the test was not run (<see cref="GradientCheckOptions.RunTaylorTest"/> off).</summary>
    public bool WasRun { get; init; } = true;

    /// <summary>
    /// When the gradient is wrong (order ≈ 1), r(h)/h at the smallest used step: the size of the error in the
    /// directional derivative ∇f(x)ᵀv. NaN otherwise.
    /// </summary>
    public required double DirectionalError { get; init; }

    /// <summary>The verdict in words: what the remainders showed, or why they could not tell.</summary>
    public required string Reason { get; init; }

    /// <summary>The result standing for a test that was not run; it does not affect a report's verdict.</summary>
    public static TaylorTestResult NotRun { get; } = Trivial("not run", wasRun: false);

    /// <summary>A result standing for a test that could not run, with the reason as its verdict; it does not fail a report.</summary>
    internal static TaylorTestResult NotRunBecause(string reason) => Trivial(reason, wasRun: false);

    /// <summary>The result for a zero direction (every coordinate is a kink, or v = 0): not run, the kink test decides.</summary>
    internal static TaylorTestResult ZeroDirection { get; } = Trivial("not run: the direction is zero (every coordinate has a kink at x, or v = 0)", wasRun: false);

    private static TaylorTestResult Trivial(string reason, bool wasRun) => new()
    {
        Steps = [], Remainders = [], RoundingFloors = [], Orders = [], UsedOrders = [], UsedOrderIndices = [],
        ObservedOrder = double.NaN, Verdict = Verdict.Inconclusive, AtRoundingLevel = false, WasRun = wasRun,
        DirectionalError = double.NaN, Reason = reason,
    };

    /// <summary>Whether a remainder stands clear of its rounding floor (a zero remainder never does).</summary>
    internal static bool Above(double remainder, double floor) => remainder > 0 && remainder >= TaylorTest.UsableAboveFloor * floor;

    /// <summary>
    /// Builds the result from the remainder sequence. The verdict reads the asymptotic end of the sequence:
    /// <list type="number">
    /// <item>the median of the last <paramref name="halvings"/> usable orders (both remainders above the floor), when it
    /// is ≥ 1.5 (nearer the right gradient's 2 than the wrong one's 1);</item>
    /// <item>otherwise, how the sequence reached the floor: the true remainders satisfy r(hₖ) ≥ r̂ₖ − floorₖ and
    /// r(hₖ₊₁) ≤ r̂ₖ₊₁ + floorₖ₊₁, so log₂((r̂ₖ − floorₖ)/(r̂ₖ₊₁ + floorₖ₊₁)) bounds the order of the last drop from
    /// below. If it is ≥ 1.5 the remainder vanished at least as fast as h² — it only shrank more slowly at larger
    /// steps, where h·v reached a kink or f's curvature changed. A wrong gradient cannot end this way: its remainder
    /// ≈ h·e only halves per step, so it passes from 12 floors to 6, never below the floor in one step;</item>
    /// <item>no remainder above the floor at all: the gradient is right to rounding (f affine along v);</item>
    /// <item>otherwise the gradient is wrong (Disagrees) if the O(h) remainder persists over at least two usable orders
    /// and into the floor (the last drop is of order &lt; 1.5, or the floor was never reached); the test is Inconclusive
    /// if it falls faster or was seen over fewer orders, or if some remainders stood above the floor but no two in a
    /// row.</item>
    /// </list>
    /// </summary>
    internal static TaylorTestResult From(double[] steps, double[] remainders, double[] floors, int halvings)
    {
        var orders = new double[Math.Max(0, steps.Length - 1)];
        var usable = new List<int>();
        for (var k = 0; k < orders.Length; k++)
        {
            // Steps are consecutive halvings unless a non-finite value was skipped between them.
            var ratio = Math.Log2(steps[k] / steps[k + 1]);
            orders[k] = remainders[k] > 0 && remainders[k + 1] > 0 ? Math.Log2(remainders[k] / remainders[k + 1]) / ratio : double.NaN;
            if (Above(remainders[k], floors[k]) && Above(remainders[k + 1], floors[k + 1])) usable.Add(k);
        }
        var window = usable.Skip(Math.Max(0, usable.Count - halvings)).ToArray();
        var used = window.Select(k => orders[k]).ToArray();
        var median = used.Length > 0 ? Median(used) : double.NaN;
        if (median >= TaylorTest.DecidingOrder)
        {
            var range = Range(steps, window[0], window[^1] + 1);
            return Result(steps, remainders, floors, orders, used, window, median, verdict: Verdict.Agrees, directional: double.NaN,
                FormattableString.Invariant($"observed order {median:F2} over {range}: the remainder is O(h²), so the gradient is right along this direction"));
        }

        // The last drop to the floor, when the sequence reached it.
        var lastAbove = LastAbove(remainders, floors);
        if (lastAbove >= 0 && lastAbove + 1 < steps.Length)
        {
            var bound = Math.Log2((remainders[lastAbove] - floors[lastAbove]) / (remainders[lastAbove + 1] + floors[lastAbove + 1]))
                        / Math.Log2(steps[lastAbove] / steps[lastAbove + 1]);
            if (bound >= TaylorTest.DecidingOrder)
            {
                var before = used.Length > 0
                    ? FormattableString.Invariant($"; at larger steps it shrank more slowly (order {median:F2} over {Range(steps, window[0], window[^1] + 1)}): f is not smooth within h·v of x (a kink nearby?)")
                    : "";
                return Result(steps, remainders, floors, orders, [bound], [lastAbove], bound, verdict: Verdict.Agrees, directional: double.NaN,
                    FormattableString.Invariant($"the remainder falls from {Format.Sci(remainders[lastAbove], 2)} to rounding level between h = {Format.Short(steps[lastAbove])} and {Format.Short(steps[lastAbove + 1])}: order ≥ {bound:F2}, so the gradient is right along this direction") + before);
            }
        }

        if (used.Length == 0)
        {
            var anyAbove = lastAbove >= 0;
            var verdict = steps.Length == 0
                ? "f was not finite at any step along the direction: no remainder could be measured"
                : anyAbove
                    ? "inconclusive: too few remainders above the rounding floor to observe an order"
                    : "every remainder is at rounding level: the gradient is right to rounding along this direction (f is affine along it, or the error is below what rounding resolves)";
            var atRounding = steps.Length > 0 && !anyAbove;
            return Result(steps, remainders, floors, orders, [], [], double.NaN, atRounding ? Verdict.Agrees : Verdict.Inconclusive, directional: double.NaN, verdict)
                with { AtRoundingLevel = atRounding };
        }

        var last = window[^1] + 1;
        var directional = remainders[last] / steps[last];
        var span = Range(steps, window[0], last);

        // A wrong gradient keeps its O(h) remainder all the way down: the drop from the last usable step into the floor
        // is itself of order ≈ 1 (or the sequence never reached the floor). When the remainder instead falls faster
        // than h^1.5 into the floor, the slow orders above were not asymptotic — steps larger than the scale on which
        // f curves (a saturated exponential behaves like a kink) — and the O(h²) regime lies below the rounding floor:
        // the test cannot decide, and says so.
        if (used.Length < MinimumOrdersForFailure)
            return Result(steps, remainders, floors, orders, used, window, median, Verdict.Inconclusive, directional: double.NaN,
                FormattableString.Invariant($"inconclusive: only {used.Length} order(s) above the rounding floor (h^{median:F2} over {span}); a wrong gradient's O(h) remainder would persist over several halvings"));
        if (lastAbove >= 0 && lastAbove + 1 < steps.Length && median >= 0.5)
        {
            var drop = Math.Log2((remainders[lastAbove] - floors[lastAbove]) / Math.Max(remainders[lastAbove + 1], floors[lastAbove + 1]))
                       / Math.Log2(steps[lastAbove] / steps[lastAbove + 1]);
            if (drop >= TaylorTest.DecidingOrder)
                return Result(steps, remainders, floors, orders, used, window, median, Verdict.Inconclusive, directional: double.NaN,
                    FormattableString.Invariant($"inconclusive: the remainder shrinks like h^{median:F2} over {span}, then falls into rounding at order {drop:F2}, faster than a wrong gradient's h¹ — the O(h²) regime lies below the rounding floor (steps larger than the scale on which f curves)"));
        }

        var text = median >= 0.5
            ? FormattableString.Invariant($"observed order {median:F2} over {span} (expected 2): the remainder is O(h), so the gradient is wrong; the directional derivative is off by about {Format.Sci(directional, 2)}")
            : FormattableString.Invariant($"observed order {median:F2} over {span} (expected 2): the remainder does not shrink like h², so the gradient is wrong or f is not smooth here");
        return Result(steps, remainders, floors, orders, used, window, median, verdict: Verdict.Disagrees, directional, text);
    }

    /// <summary>
    /// How many usable orders a failing verdict needs: two consecutive orders nearer 1 than 2 (one alone is as often a
    /// step larger than the scale on which f curves).
    /// </summary>
    private const int MinimumOrdersForFailure = 2;

    private static int LastAbove(double[] remainders, double[] floors)
    {
        for (var k = remainders.Length - 1; k >= 0; k--)
            if (Above(remainders[k], floors[k])) return k;
        return -1;
    }

    private static string Range(double[] steps, int first, int last) =>
        FormattableString.Invariant($"h = {Format.Short(steps[first])} … {Format.Short(steps[last])}");

    private static TaylorTestResult Result(double[] steps, double[] remainders, double[] floors, double[] orders, double[] used, int[] indices,
                                           double order, Verdict verdict, double directional, string reason) => new()
    {
        Steps = steps, Remainders = remainders, RoundingFloors = floors, Orders = orders, UsedOrders = used, UsedOrderIndices = indices,
        ObservedOrder = order, Verdict = verdict, AtRoundingLevel = false, DirectionalError = directional, Reason = reason,
    };

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }
}
