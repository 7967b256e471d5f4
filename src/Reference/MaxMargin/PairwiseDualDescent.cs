using TensorLinear.MaxMargin;

namespace TensorLinear.Reference.MaxMargin;

/// <summary>Where a run of the dual method stopped.</summary>
/// <param name="Alpha">The multipliers (μ for the hull problem, α for the soft margin).</param>
/// <param name="Gradient">∇f at them.</param>
/// <param name="Bias">The bias that goes with them.</param>
/// <param name="Iterations">Pair updates made.</param>
/// <param name="Converged">True when the certified relative gap reached the tolerance.</param>
internal sealed record DualIterate(double[] Alpha, double[] Gradient, double Bias, int Iterations, bool Converged);

/// <summary>
/// Pair-coordinate descent on the maximum-margin duals (SMO; for the hull problem, the Mitchell–Dem'yanov–Malozemov
/// algorithm): each step moves weight between two multipliers along the one direction that keeps the equality
/// constraints, by the exact minimiser of the quadratic along it, clipped to the box. The pair is the maximal
/// violating pair of the first-order conditions, so each step removes the largest violation, and the iterates
/// converge linearly (Keerthi and Gilbert 2002; Lin 2001). Every step ends with a certified gap.
/// </summary>
internal static class PairwiseDualDescent
{
    /// <summary>
    /// Two classes' hulls below this fraction of max ‖xᵢ‖ apart are taken to meet: √u, the size below which a margin
    /// is decided by the rounding of the data rather than by the data.
    /// </summary>
    public static readonly double TouchingHulls = Math.Sqrt(Numerics.FloatingPoint.UnitRoundoff);

    /// <summary>
    /// The nearest points p ∈ conv{xᵢ : yᵢ = +1} and q ∈ conv{xᵢ : yᵢ = −1}: minimise f(μ) = ½‖z‖², z = Σᵢ μᵢyᵢxᵢ = p − q,
    /// over μ ≥ 0 with Σ₊ μᵢ = Σ₋ μᵢ = 1. Bounded whether or not the classes separate, so it decides separability.
    /// </summary>
    /// <exception cref="NotSeparableException">The hulls meet (‖z‖ ≤ <see cref="TouchingHulls"/>·R with no separating
    /// hyperplane found), or the iteration limit came first with no separating hyperplane.</exception>
    public static DualIterate NearestPoints(double[][] x, double[] y, IMarginDual dual, MaxMarginOptions options, double radius)
    {
        var n = y.Length;
        var positives = y.Count(v => v > 0);
        // The centroids: a feasible start inside both simplices.
        var mu = y.Select(v => v > 0 ? 1.0 / positives : 1.0 / (n - positives)).ToArray();
        var zero = new double[n];
        for (var iteration = 0; ; iteration++)
        {
            var g = dual.DualGradient(mu, zero); // gᵢ = yᵢzᵀxᵢ
            var zz = Dot(mu, g);                // ‖z‖² = μᵀQμ
            var (upPlus, downPlus) = Pair(g, mu, y, +1);
            var (upMinus, downMinus) = Pair(g, mu, y, -1);
            // G = min₊ zᵀx − max₋ zᵀx: the slab of normal z between the classes, > 0 exactly when z separates them.
            // Weak duality: G/‖z‖ ≤ dist(hulls) ≤ ‖z‖, and the Frank–Wolfe gap ‖z‖² − G bounds f − f*.
            var slab = g[upPlus] + g[upMinus];
            var bias = -(g[upPlus] - g[upMinus]) / zz; // the slab's midline in the scaling w = 2z/‖z‖²
            var separated = slab > 0.0;
            if (separated && zz - slab <= options.Tolerance * zz)
                return new DualIterate(mu, g, bias, iteration, true);
            if (!separated && zz <= Square(TouchingHulls * radius))
                throw new NotSeparableException("data", Math.Sqrt(zz), radius, FormattableString.Invariant(
                    $"the convex hulls of the two classes meet: the nearest points of the hulls are {Math.Sqrt(zz):G3} apart, within √u = {TouchingHulls:G2} of the data's scale max ‖xᵢ‖ = {radius:G3}"));
            if (iteration >= options.MaxIterations)
            {
                if (separated) return new DualIterate(mu, g, bias, iteration, false);
                throw new NotSeparableException("data", Math.Sqrt(zz), radius, FormattableString.Invariant(
                    $"no separating hyperplane was found in {iteration} iterations and the hulls are at most {Math.Sqrt(zz):G3} apart (data scale {radius:G3})"));
            }
            // Move weight within the class whose conditions are most violated, from its highest-gradient point to its lowest.
            var (i, j) = g[downPlus] - g[upPlus] >= g[downMinus] - g[upMinus] ? (upPlus, downPlus) : (upMinus, downMinus);
            var violation = g[j] - g[i];
            if (violation <= 0.0) return new DualIterate(mu, g, bias, iteration, separated);
            // f(μ + t(eᵢ − eⱼ)) = f + t(gᵢ − gⱼ) + ½t²‖xᵢ − xⱼ‖², least at t = (gⱼ − gᵢ)/‖xᵢ − xⱼ‖², at most μⱼ
            var t = Math.Min(violation / DistanceSquared(x[i], x[j]), mu[j]);
            mu[i] += t;
            mu[j] = t == mu[j] ? 0.0 : mu[j] - t;
        }
    }

    /// <summary>
    /// The soft-margin dual: minimise f(α) = ½‖Σᵢ αᵢyᵢxᵢ‖² − Σᵢ αᵢ over 0 ≤ α ≤ C with Σᵢ αᵢyᵢ = 0, until the duality
    /// gap (P − D)/P ≤ tolerance, P evaluated at w(α) and the exact best bias for it (<see cref="OptimalBias"/>).
    /// </summary>
    /// <param name="x">The rows.</param>
    /// <param name="y">The ±1 labels.</param>
    /// <param name="c">C.</param>
    /// <param name="dual">The engine's mathematics.</param>
    /// <param name="options">The tolerance.</param>
    /// <param name="start">Feasible multipliers to continue from (0 ≤ α ≤ C, Σαy = 0), or null for α = 0.</param>
    /// <param name="from">The iterations already made (the count continues from it).</param>
    /// <param name="until">Stop, unconverged, after this many iterations in all.</param>
    public static DualIterate SoftMargin(double[][] x, double[] y, double c, IMarginDual dual, MaxMarginOptions options,
                                         double[]? start = null, int from = 0, int? until = null)
    {
        var n = y.Length;
        var alpha = start is null ? new double[n] : (double[])start.Clone();
        var ones = Enumerable.Repeat(1.0, n).ToArray();
        var limit = Math.Min(until ?? options.MaxIterations, options.MaxIterations);
        for (var iteration = from; ; iteration++)
        {
            var g = dual.DualGradient(alpha, ones); // gᵢ = yᵢwᵀxᵢ − 1
            // i: the multiplier free to move up along y with the largest −yg (Keerthi et al. 2001); j: among those free to
            // move down with a smaller −yg, the one whose pair step decreases f the most, (m − vⱼ)²/(2‖xᵢ − xⱼ‖²) — the
            // second-order selection of Fan, Chen and Lin (2005), far fewer steps than the maximal violating pair at large C.
            // Optimal when no j has vⱼ < m, i.e. m ≤ M = min over the down set.
            int i = -1, j = -1;
            double m = double.NegativeInfinity, mLow = double.PositiveInfinity;
            for (var k = 0; k < n; k++)
            {
                var v = -y[k] * g[k];
                var up = y[k] > 0 ? alpha[k] < c : alpha[k] > 0.0;
                if (up && v > m) (m, i) = (v, k);
            }
            var best = double.NegativeInfinity;
            for (var k = 0; k < n && i >= 0; k++)
            {
                var v = -y[k] * g[k];
                var down = y[k] > 0 ? alpha[k] > 0.0 : alpha[k] < c;
                if (!down) continue;
                mLow = Math.Min(mLow, v);
                if (v >= m) continue;
                var curvature = DistanceSquared(x[i], x[k]);
                var decrease = curvature > 0.0 ? (m - v) * (m - v) / curvature : double.PositiveInfinity;
                if (decrease > best) (best, j) = (decrease, k);
            }
            var optimal = i < 0 || j < 0 || m <= mLow;
            if (optimal || iteration % 10 == 0 || iteration >= limit)
            {
                var (gap, bias) = Gap(alpha, g, y, c);
                if (optimal || gap <= options.Tolerance) return new DualIterate(alpha, g, bias, iteration, true);
                if (iteration >= limit) return new DualIterate(alpha, g, bias, iteration, false);
            }
            // Along αᵢ += yᵢt, αⱼ −= yⱼt (Σαy kept), w moves by t(xᵢ − xⱼ) and f by −t(m − vⱼ) + ½t²‖xᵢ − xⱼ‖².
            var room = Math.Min(y[i] > 0 ? c - alpha[i] : alpha[i], y[j] > 0 ? alpha[j] : c - alpha[j]);
            var eta = DistanceSquared(x[i], x[j]);
            var t = eta > 0.0 ? Math.Min((m + y[j] * g[j]) / eta, room) : room;
            alpha[i] = Clip(alpha[i] + y[i] * t, c, t == room);
            alpha[j] = Clip(alpha[j] - y[j] * t, c, t == room);
        }
    }

    /// <summary>
    /// (P − D)/P and the bias of P: D = Σα − ½‖w‖², P = ½‖w‖² + C Σ max(0, 1 − yᵢ(uᵢ + b*)), from the gradient alone
    /// (uᵢ = wᵀxᵢ = yᵢ(gᵢ + 1), ‖w‖² = αᵀ(g + 1)).
    /// </summary>
    public static (double Gap, double Bias) Gap(double[] alpha, double[] g, double[] y, double c)
    {
        var n = y.Length;
        var u = new double[n];
        double ww = 0.0, sum = 0.0;
        for (var k = 0; k < n; k++)
        {
            u[k] = y[k] * (g[k] + 1.0);
            ww += alpha[k] * (g[k] + 1.0);
            sum += alpha[k];
        }
        var b = OptimalBias.Of(u, y);
        var hinge = 0.0;
        for (var k = 0; k < n; k++) hinge += Math.Max(0.0, 1.0 - y[k] * (u[k] + b));
        double primal = 0.5 * ww + c * hinge, dualValue = sum - 0.5 * ww;
        return ((primal - dualValue) / primal, b);
    }

    // Within one class (sign): the point of least gradient (where weight should go) and, among those carrying weight,
    // the point of greatest gradient (where it should come from).
    private static (int Up, int Down) Pair(double[] g, double[] mu, double[] y, int sign)
    {
        int up = -1, down = -1;
        for (var k = 0; k < g.Length; k++)
        {
            if (Math.Sign(y[k]) != sign) continue;
            if (up < 0 || g[k] < g[up]) up = k;
            if (mu[k] > 0.0 && (down < 0 || g[k] > g[down])) down = k;
        }
        return (up, down);
    }

    // A multiplier that reached a face of the box is put on it exactly, so that it counts as at its bound.
    private static double Clip(double a, double c, bool atBound) =>
        a <= 0.0 || (atBound && a < c * 1e-15) ? 0.0 : a >= c || (atBound && c - a < c * 1e-15) ? c : a;

    private static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var k = 0; k < a.Length; k++) s += a[k] * b[k];
        return s;
    }

    // ‖a − b‖², formed from the differences (not ‖a‖² + ‖b‖² − 2aᵀb, which cancels for nearby points).
    private static double DistanceSquared(double[] a, double[] b)
    {
        var s = 0.0;
        for (var k = 0; k < a.Length; k++) s += (a[k] - b[k]) * (a[k] - b[k]);
        return s;
    }

    private static double Square(double v) => v * v;
}
