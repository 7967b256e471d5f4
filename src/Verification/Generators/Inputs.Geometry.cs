using FsCheck;
using TensorLinear.Verification.Cases;

namespace TensorLinear.Verification.Generators;

// Generators for the angle's cone points, lines and the decision rule.
public static partial class Inputs
{
    /// <summary>
    /// Two vectors at or near the angle's cone points: exactly parallel or antiparallel
    /// (y = ±2ᵏx, exact in binary, and every pair in one dimension; tag "parallel"/"antiparallel") or, in two or more
    /// dimensions, nearly so (y = c·x with two components perturbed apart by 10⁻¹⁰ to 10⁻⁶ relative; tag "nearly parallel").
    /// </summary>
    public static Gen<PairCase> ConePair() => Values.FromRandom((random, size) =>
    {
        var n = Values.Dimension(random, size);
        var x = Values.Vector(random, n, nonZero: true);
        var sign = random.Next(2) == 0 ? 1.0 : -1.0;
        if (n == 1 || random.Next(2) == 0)
        {
            var c = sign * Math.ScaleB(1.0, random.Next(-3, 4));
            double[] y = n == 1 ? [sign * Values.Magnitude(random, -2, 2)] : [.. x.Select(v => c * v)];
            return new PairCase(x, y) { Tag = (n == 1 ? Math.Sign(x[0]) * Math.Sign(y[0]) > 0 : sign > 0) ? "parallel" : "antiparallel" };
        }
        var scale = sign * Values.Magnitude(random, -1, 1);
        var eps = Values.Magnitude(random, -10, -6);
        // x's largest component copied into the next one, and the two perturbed apart in y: the angle is then about
        // eps·2x_j²/‖x‖² ≥ 2eps/n, far above the rounding of a parallel pair whatever the other components are.
        var j = Array.IndexOf(x, x.MaxBy(Math.Abs));
        var k = (j + 1) % n;
        x[k] = x[j];
        var near = x.Select(v => scale * v).ToArray();
        near[j] = scale * x[j] * (1 + eps);
        near[k] = scale * x[k] * (1 - eps);
        return new PairCase(x, near) { Tag = "nearly parallel" };
    });

    /// <summary>
    /// Two points p ≠ q of a non-vertical line: the run r = q₀ − p₀ from 10⁻³ to
    /// 10³ in size, and p₀ within 2|r| of the origin, so that the abscissas are on the scale of the run — the scale on
    /// which the slope changes, which the entry gives the gradient checker. Edge case: a horizontal line (q₁ = p₁).
    /// </summary>
    public static Gen<TwoPointsCase> TwoPoints() => Values.FromRandom((random, size) =>
    {
        var run = (random.Next(2) == 0 ? 1 : -1) * Values.Magnitude(random, -3, 3);
        double[] p = [run * (4 * random.NextDouble() - 2), Values.Component(random)];
        double[] q = [p[0] + run, Values.Component(random)];
        if (q[0] == p[0]) q[0] = p[0] + Math.Abs(p[0]) + 1;
        var horizontal = random.Next(100) < 15;
        if (horizontal) q[1] = p[1];
        return new TwoPointsCase(p, q) { Tag = horizontal ? "horizontal" : "" };
    });

    /// <summary>
    /// A line y = m·x + b with m ≠ 0 and a point: |m| from 10⁻³ to 10³.
    /// </summary>
    public static Gen<SlopeAndPointCase> SlopeAndPoint() => Values.FromRandom((random, size) =>
    {
        var m = (random.Next(2) == 0 ? 1 : -1) * Values.Magnitude(random, -3, 3);
        double[] point = [Values.Component(random), Values.Component(random)];
        return new SlopeAndPointCase(m, Values.Component(random), point);
    });

    /// <summary>
    /// Two slopes m₁, m₂ and a tolerance τ: equal slopes, slopes a few ulps or 10⁻⁹ relative apart,
    /// perpendicular ones (m₂ = −1/m₁, perpendicular up to rounding) and unrelated ones; τ is 0, 4u, 10⁻¹² or 10⁻⁶.
    /// </summary>
    public static Gen<TwoSlopesCase> TwoSlopes() => Values.FromRandom((random, size) =>
    {
        var m1 = (random.Next(2) == 0 ? 1 : -1) * Values.Magnitude(random, -3, 3);
        double[] tolerances = [0.0, 4 * Numerics.FloatingPoint.UnitRoundoff, 1e-12, 1e-6];
        var tolerance = tolerances[random.Next(tolerances.Length)];
        var mode = random.Next(5);
        var (m2, tag) = mode switch
        {
            0 => (m1, "equal"),
            1 => (m1 * (1 + Math.ScaleB(random.Next(1, 8), -52)), "a few ulps apart"),
            2 => (m1 * (1 + 1e-9), "1e-9 apart"),
            3 => (-1.0 / m1, "perpendicular"),
            _ => ((random.Next(2) == 0 ? 1 : -1) * Values.Magnitude(random, -3, 3), ""),
        };
        return new TwoSlopesCase(m1, m2, tolerance) { Tag = tag };
    });

    /// <summary>
    /// A decision rule wᵀx ≥ t and an applicant x: w ≠ 0. Edge cases: small integers
    /// with t = wᵀx exactly (a tie, accepted), t a rounding away from wᵀx, t far on either side.
    /// </summary>
    public static Gen<DecisionCase> DecisionRule() => Values.FromRandom((random, size) =>
    {
        var n = Values.Dimension(random, size);
        var mode = random.Next(100);
        if (mode < 25)
        {
            var wi = Enumerable.Range(0, n).Select(_ => (double)random.Next(-9, 10)).ToArray();
            if (wi.All(v => v == 0)) wi[0] = 1;
            var xi = Enumerable.Range(0, n).Select(_ => (double)random.Next(-9, 10)).ToArray();
            return new DecisionCase(wi, xi, wi.Select((v, i) => v * xi[i]).Sum()) { Tag = "tie" };
        }
        var w = Values.Vector(random, n, nonZero: true);
        var x = Values.Vector(random, n, nonZero: false);
        var s = w.Select((v, i) => v * x[i]).Sum();
        var t = mode < 45 ? s * (1 + (random.Next(2) == 0 ? 1 : -1) * 1e-15) : s + (random.Next(2) == 0 ? 1 : -1) * Values.Magnitude(random, -2, 2);
        return new DecisionCase(w, x, t) { Tag = mode < 45 ? "near the boundary" : "" };
    });
}
