using FsCheck;
using TensorLinear.Data;
using TensorLinear.Verification.Cases;

namespace TensorLinear.Verification.Generators;

// The max-margin entries' inputs: hinge scores against ±1 labels, soft-margin problems and dual multipliers.
public static partial class Inputs
{
    /// <summary>
    /// Scores s against labels y = ±1 (1–256 of them), for the hinge loss: scores from <see cref="Values.Component"/>,
    /// a quarter of them near the margin (y·s within 10⁻³ of 1) and, one time in four, some exactly on it (s = y, the
    /// kink, where y·s = 1 is exact on both sides since y = ±1).
    /// </summary>
    public static Gen<LossCase> HingeScores() => Values.FromRandom((random, size) =>
    {
        var n = Values.Rows(random, size);
        var y = new double[n];
        var s = new double[n];
        var onMargin = random.Next(4) == 0;
        for (var i = 0; i < n; i++)
        {
            y[i] = random.Next(2) == 0 ? 1.0 : -1.0;
            var k = random.Next(4);
            s[i] = onMargin && k == 0 ? y[i] : k == 1 ? y[i] * (1 + (2 * random.NextDouble() - 1) * 1e-3) : Values.Component(random);
        }
        return new LossCase(s, y) { Tag = onMargin ? "on the margin" : "" };
    });

    /// <summary>
    /// A soft-margin problem: features as for the models (<see cref="Features"/>), labels ±1 from the signs of noisy
    /// scores (both classes always), θ = (w, b) scaled so that the largest |score| is 0.1 to 10 (the margin 1 inside
    /// that range), and C = 10ᵉ, e uniform in [−2, 2]. One time in five the bias is set to put a row on the margin,
    /// y₀(wᵀx₀ + b) = 1 to rounding (row 0 then has one non-zero feature): the kink the bounds allow for.
    /// </summary>
    public static Gen<SoftMarginCase> SoftMargin() => Values.FromRandom((random, size) =>
    {
        var n = Math.Max(2, Values.Rows(random, size));
        var d = Values.Dimension(random, size);
        var (x, scales, tags) = Features(random, n, d);
        var theta = new double[d + 1];
        for (var j = 0; j < d; j++) theta[j] = Values.Component(random) / scales[j];
        theta[d] = Values.Component(random);
        var scores = Scores(x, n, d, theta);
        var y = Labels(random, scores);
        var largest = scores.Max(Math.Abs);
        if (largest > 0)
        {
            var target = Values.Magnitude(random, -1, 1);
            for (var j = 0; j <= d; j++) theta[j] *= target / largest;
        }
        if (random.Next(5) == 0)
        {
            // row 0 keeps one feature, so that its score is one product and one sum, rounded alike in any order of
            // the dot: both sides then see the same y₀s₀ at the kink
            var keep = random.Next(d);
            for (var j = 0; j < d; j++) if (j != keep) x[j] = 0.0;
            theta[d] = y[0] - x[keep] * theta[keep];
            tags.Add("a row on the margin");
        }
        var c = Values.Magnitude(random, -2, 2);
        return new SoftMarginCase(DataSet.FromRowMajor(x, d, y), theta, c) { Tag = string.Join(", ", tags) };
    });

    /// <summary>
    /// A dual point: features as for the models, labels ±1 (both classes), multipliers α ≥ 0 of 10ᵉ, e in [−3, 1],
    /// about a third of them exactly 0 (the rows off the margin at an optimum), and the linear term c = 1 (the SVM dual)
    /// or, one time in four, c = 0 (the nearest points of the two hulls).
    /// </summary>
    public static Gen<MarginDualCase> MarginDual() => Values.FromRandom((random, size) =>
    {
        var n = Math.Max(2, Values.Rows(random, size));
        var d = Values.Dimension(random, size);
        var (x, _, tags) = Features(random, n, d);
        var y = Labels(random, [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5)]);
        var alpha = Enumerable.Range(0, n).Select(_ => random.Next(3) == 0 ? 0.0 : Values.Magnitude(random, -3, 1)).ToArray();
        var nearest = random.Next(4) == 0;
        if (nearest) tags.Add("c = 0");
        var linear = Enumerable.Repeat(nearest ? 0.0 : 1.0, n).ToArray();
        return new MarginDualCase(DataSet.FromRowMajor(x, d, y), alpha, linear) { Tag = string.Join(", ", tags) };
    });

    // ±1 from the signs of noisy scores; when they all agree the last is flipped, so that both classes occur.
    private static double[] Labels(System.Random random, double[] scores)
    {
        var y = scores.Select(z => z + (random.NextDouble() - 0.5) * (Math.Abs(z) + 1) > 0 ? 1.0 : -1.0).ToArray();
        if (y.All(v => v == y[0])) y[^1] = -y[0];
        return y;
    }
}
