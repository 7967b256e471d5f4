using FsCheck;
using FsCheck.Fluent;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Verification.Cases;

namespace TensorLinear.Verification.Generators;

/// <summary>
/// Generators of the catalog entries' typed inputs (<see cref="CaseInput"/>): single vectors, pairs of vectors with the edge
/// cases that matter for angles and projections, hyperplanes, loss inputs and data sets with models. Every generator
/// produces only inputs inside its function's domain (a non-zero vector wherever a direction is needed); inputs
/// outside it are tested separately, as errors.
/// </summary>
public static partial class Inputs
{
    /// <summary>
    /// One vector x (dimension 1–64). Edge cases: zero components (kinks of ‖x‖₁), ties of the largest magnitude (the
    /// kink of ‖x‖∞), one dominant component. Never the zero vector when <paramref name="nonZero"/> holds; without
    /// zero components when <paramref name="allowZeros"/> is false.
    /// </summary>
    public static Gen<VectorCase> Vector(bool nonZero = true, bool allowZeros = true) => Values.FromRandom((random, size) =>
    {
        var n = Values.Dimension(random, size);
        var x = Values.Vector(random, n, allowZeros, nonZero);
        var tag = "";
        var mode = random.Next(100);
        if (mode < 15 && n > 1)
        {
            // a tie for the largest magnitude, with a random sign
            var big = x.Select(Math.Abs).Max();
            var j = random.Next(n);
            if (big != 0.0) { x[j] = random.Next(2) == 0 ? big : -big; tag = "tie"; }
        }
        else if (mode < 25 && n > 1)
        {
            var j = random.Next(n);
            x[j] = (random.Next(2) == 0 ? 1 : -1) * Values.Magnitude(random, 2.5, 3);
            tag = "dominant";
        }
        return new VectorCase(x) { Tag = tag };
    });

    /// <summary>
    /// A vector x and an order p ≥ 1 that is not 1, 2 or ∞ (those have their own entries): p from a few round values
    /// and uniform draws in [1.1, 8]. When p &lt; 2, x has no zero component (‖x‖ₚ is not twice differentiable there).
    /// </summary>
    public static Gen<NormOrderCase> VectorAndOrder() => Values.FromRandom((random, size) =>
    {
        double[] round = [1.5, 2.5, 3.0, 4.0, 7.0];
        var p = random.Next(3) == 0 ? round[random.Next(round.Length)] : 1.1 + 6.9 * random.NextDouble();
        var n = Values.Dimension(random, size);
        var x = Values.Vector(random, n, allowZeros: p >= 2, nonZero: true);
        return new NormOrderCase(x, p);
    });

    /// <summary>
    /// Two vectors x, y of one dimension. Edge cases: nearly parallel (y = c·x perturbed by 10⁻¹² to 10⁻⁶ relative),
    /// exactly parallel or antiparallel (y = ±2ᵏx), nearly orthogonal, shared zero components, and y = x. With
    /// <paramref name="nonZeroX"/>/<paramref name="nonZeroY"/> the vector is never zero.
    /// </summary>
    public static Gen<PairCase> Pair(bool nonZeroX = true, bool nonZeroY = true) => Values.FromRandom((random, size) =>
    {
        var n = Values.Dimension(random, size);
        var x = Values.Vector(random, n, nonZero: nonZeroX);
        var y = Values.Vector(random, n, nonZero: nonZeroY);
        var tag = "";
        var mode = random.Next(100);
        if (mode < 15 && x.Any(v => v != 0))
        {
            var c = (random.Next(2) == 0 ? 1 : -1) * Values.Magnitude(random, -1, 1);
            var eps = Values.Magnitude(random, -12, -6);
            y = [.. x.Select(v => c * v * (1 + eps * (2 * random.NextDouble() - 1)))];
            if (y.All(v => v == 0)) y[0] = 1;
            tag = "nearly parallel";
        }
        else if (mode < 25 && x.Any(v => v != 0))
        {
            var c = (random.Next(2) == 0 ? 1 : -1) * Math.ScaleB(1.0, random.Next(-3, 4));
            y = [.. x.Select(v => c * v)];
            tag = c > 0 ? "parallel" : "antiparallel";
        }
        else if (mode < 40 && n > 1 && x.Any(v => v != 0))
        {
            // y − (yᵀx̂)x̂, computed in floating point: orthogonal to x up to rounding
            var norm2 = x.Sum(v => v * v);
            var s = x.Select((v, i) => v * y[i]).Sum() / norm2;
            var z = y.Select((v, i) => v - s * x[i]).ToArray();
            if (z.Any(v => v != 0)) { y = z; tag = "nearly orthogonal"; }
        }
        else if (mode < 50 && n > 1)
        {
            var j = random.Next(n);
            x[j] = 0;
            y[j] = 0;
            if (x.All(v => v == 0)) x[(j + 1) % n] = 1;
            if (y.All(v => v == 0)) y[(j + 1) % n] = -2;
            tag = "shared zero";
        }
        else if (mode < 55)
        {
            y = (double[])x.Clone();
            tag = "equal";
        }
        if (nonZeroY && y.All(v => v == 0)) y[random.Next(n)] = 1;
        return new PairCase(x, y) { Tag = tag };
    });

    /// <summary>A pair and an order p: p is 1, 2, ∞ or drawn from [1.1, 8], each about a quarter of the time.</summary>
    public static Gen<DistanceCase> PairAndOrder() =>
        from pair in Pair(nonZeroX: false, nonZeroY: false)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select new DistanceCase(pair.X, pair.Y, Order(new System.Random(seed))) { Tag = pair.Tag };

    private static double Order(System.Random random) => random.Next(4) switch
    {
        0 => 1.0,
        1 => 2.0,
        2 => double.PositiveInfinity,
        _ => 1.1 + 6.9 * random.NextDouble(),
    };

    /// <summary>
    /// A hyperplane (w ≠ 0, w₀) and a point x, with c &gt; 0 a scale
    /// (10⁻³ to 10³) for the scale-invariance identity. Edge cases: x on the hyperplane (up to rounding), x at the origin.
    /// </summary>
    public static Gen<HyperplaneCase> Hyperplane() => Values.FromRandom((random, size) =>
    {
        var n = Values.Dimension(random, size);
        var w = Values.Vector(random, n, nonZero: true);
        var x = Values.Vector(random, n, nonZero: false);
        var bias = Values.Component(random);
        var tag = "";
        var mode = random.Next(100);
        if (mode < 15)
        {
            bias = -w.Select((v, i) => v * x[i]).Sum();
            tag = "on the hyperplane";
        }
        else if (mode < 20)
        {
            x = new double[n];
            tag = "origin";
        }
        var c = Values.Magnitude(random, -3, 3);
        return new HyperplaneCase(w, bias, x, c) { Tag = tag };
    });

    /// <summary>
    /// Predictions and targets for a regression loss, n from 1 to 256. Edge cases:
    /// some predictions equal to their targets (the kinks of MAE), all equal, duplicated pairs.
    /// </summary>
    public static Gen<LossCase> Regression() => Values.FromRandom((random, size) =>
    {
        var n = Values.Rows(random, size);
        var targets = Values.Vector(random, n, nonZero: false);
        var predictions = targets.Select(t => random.Next(3) == 0 ? Values.Component(random) : t + Values.Component(random, allowZero: false) * 1e-2).ToArray();
        var tag = "";
        var mode = random.Next(100);
        if (mode < 20)
        {
            for (var i = 0; i < n; i++)
                if (random.Next(3) == 0) predictions[i] = targets[i];
            tag = "exact predictions";
        }
        else if (mode < 25 && n > 1)
        {
            var j = random.Next(n);
            var k = random.Next(n);
            predictions[k] = predictions[j];
            targets[k] = targets[j];
            tag = "duplicate";
        }
        return new LossCase(predictions, targets) { Tag = tag };
    });

    /// <summary>
    /// Probabilities in [10⁻⁶, 1 − 10⁻⁶] (σ of a logit in [−13.8, 13.8], so that p(1 − p) ≥ 10⁻¹² where libtorch's
    /// gradient clamp would act) and labels: hard 0/1 labels, and a fifth of the
    /// time soft labels in [0, 1].
    /// </summary>
    public static Gen<LossCase> Probabilities() => Values.FromRandom((random, size) =>
    {
        var n = Values.Rows(random, size);
        var soft = random.Next(5) == 0;
        var p = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var z = random.Next(6) == 0 ? (random.Next(2) == 0 ? 13.8 : -13.8) * random.NextDouble() : 6 * (2 * random.NextDouble() - 1);
            p[i] = Math.Clamp(Values.Sigmoid(z), 1e-6, 1 - 1e-6);
            y[i] = soft ? random.NextDouble() : random.Next(2);
        }
        return new LossCase(p, y) { Tag = soft ? "soft labels" : "" };
    });

    /// <summary>
    /// Logits and labels: logits up to ±40 in magnitude (a sixth of the time within 1 of
    /// ±40, where σ rounds to 1), hard labels and a fifth of the time soft ones.
    /// </summary>
    public static Gen<LossCase> Logits() => Values.FromRandom((random, size) =>
    {
        var n = Values.Rows(random, size);
        var soft = random.Next(5) == 0;
        var z = new double[n];
        var y = new double[n];
        var nearForty = false;
        for (var i = 0; i < n; i++)
        {
            var sign = random.Next(2) == 0 ? 1 : -1;
            var k = random.Next(6);
            z[i] = k == 0 ? sign * (39 + random.NextDouble()) : k == 1 ? Values.Component(random) : sign * 40 * random.NextDouble();
            nearForty |= k == 0;
            y[i] = soft ? random.NextDouble() : random.Next(2);
        }
        var tags = new[] { soft ? "soft labels" : "", nearForty ? "logits near ±40" : "" }.Where(t => t.Length > 0);
        return new LossCase(z, y) { Tag = string.Join(", ", tags) };
    });

    /// <summary>Logits for the sigmoid alone, dimension 1–64, up to ±40.</summary>
    public static Gen<VectorCase> SigmoidInputs() => Values.FromRandom((random, size) =>
    {
        var n = Values.Dimension(random, size);
        var z = new double[n];
        for (var i = 0; i < n; i++)
            z[i] = random.Next(4) == 0 ? (random.Next(2) == 0 ? 1 : -1) * (39 + random.NextDouble()) : Values.Component(random) % 40;
        return new VectorCase(z);
    });

    /// <summary>
    /// A data set (1–256 rows, 1–64 features, each column on its own scale 10⁻³ to 10³), parameters θ = (w, b), a
    /// penalty (none half the time, ridge, or ridge and lasso with some weights exactly 0, the lasso's kinks), whether
    /// the bias is trained, and for descent a step fraction c and epochs k (η = c/L with c in [0.05, 1.5], at most
    /// 1 with a lasso; k from 1 to 8). Edge cases: duplicate rows, a constant feature, a zero feature. Logistic targets
    /// are labels 0/1 and θ is scaled so the largest |score| is 0.1 to 40 (exactly 40 one time in six). A third of the
    /// data sets carry sample weights: 10⁻² to 10² each, or small integers (the weights a count of repeated rows gives).
    /// </summary>
    public static Gen<ModelCase> Model(ModelKind kind) => Values.FromRandom((random, size) =>
    {
        var n = Values.Rows(random, size);
        var d = Values.Dimension(random, size);
        var (x, scales, tags) = Features(random, n, d);

        var theta = new double[d + 1];
        for (var j = 0; j < d; j++) theta[j] = Values.Component(random) / scales[j];
        theta[d] = Values.Component(random);
        var scores = Scores(x, n, d, theta);
        double[] targets;
        if (kind == ModelKind.Linear)
        {
            var truth = Scores(x, n, d, [.. theta.Select(t => t * (1 + 0.5 * (2 * random.NextDouble() - 1)))]);
            targets = [.. truth.Select(t => t + Values.Component(random) * 0.1)];
        }
        else
        {
            targets = [.. scores.Select(z => (z + (random.NextDouble() - 0.5) * (Math.Abs(z) + 1) > 0) ? 1.0 : 0.0)];
            var largest = scores.Max(Math.Abs);
            var edge = random.Next(6) == 0;
            var target = edge ? 40.0 : Values.Magnitude(random, -1, Math.Log10(40));
            if (largest > 0) for (var j = 0; j <= d; j++) theta[j] *= target / largest;
            if (edge) tags.Add("logits near ±40");
        }

        var penalty = Penalty.None;
        var which = random.Next(4);
        if (which == 1) penalty = new Penalty(l2: Values.Magnitude(random, -4, 0));
        else if (which == 2)
        {
            penalty = new Penalty(l2: random.Next(2) == 0 ? 0 : Values.Magnitude(random, -4, 0), l1: Values.Magnitude(random, -4, 0));
            if (random.Next(3) == 0 && d > 1) { theta[random.Next(d)] = 0; tags.Add("zero weight"); }
        }
        var fit = random.Next(7) != 0;
        if (!fit && penalty.L2 == 0 && x.All(v => v == 0)) x[0] = 1;

        var data = DataSet.FromRowMajor(x, d, targets).WithSampleWeights(SampleWeights(random, n, tags));
        var fraction = penalty.L1 > 0 ? 0.05 + 0.95 * random.NextDouble() : 0.05 + 1.45 * random.NextDouble();
        var epochs = random.Next(1, 9);
        return new ModelCase(data, theta, penalty, fit, fraction, epochs) { Tag = string.Join(", ", tags) };
    });

    // Null (unweighted) two times in three; else positive weights spread over four decades, or counts 1 to 4.
    private static double[]? SampleWeights(System.Random random, int n, List<string> tags)
    {
        var mode = random.Next(6);
        if (mode >= 2) return null;
        tags.Add(mode == 0 ? "sample weights" : "integer sample weights");
        return [.. Enumerable.Range(0, n).Select(_ => mode == 0 ? Values.Magnitude(random, -2, 2) : random.Next(1, 5))];
    }

    /// <summary>
    /// An n×d feature matrix, row-major, each column on its own scale 10⁻³ to 10³ (a third of them 1), with one edge
    /// case in a third of the draws: a duplicate row, a constant feature or a zero feature (named in the tags).
    /// </summary>
    internal static (double[] X, double[] Scales, List<string> Tags) Features(System.Random random, int n, int d)
    {
        var scales = Enumerable.Range(0, d).Select(_ => random.Next(3) == 0 ? 1.0 : Values.Magnitude(random, -3, 3)).ToArray();
        var x = new double[n * d];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < d; j++)
                x[i * d + j] = scales[j] * Values.Component(random);
        var tags = new List<string>();
        var mode = random.Next(100);
        if (mode < 15 && n > 1)
        {
            int from = random.Next(n), to = random.Next(n);
            Array.Copy(x, from * d, x, to * d, d);
            tags.Add("duplicate rows");
        }
        else if (mode < 30)
        {
            var j = random.Next(d);
            var value = scales[j] * Values.Component(random, allowZero: false);
            for (var i = 0; i < n; i++) x[i * d + j] = value;
            tags.Add("constant feature");
        }
        else if (mode < 35)
        {
            var j = random.Next(d);
            for (var i = 0; i < n; i++) x[i * d + j] = 0;
            tags.Add("zero feature");
        }
        return (x, scales, tags);
    }

    internal static double[] Scores(double[] x, int n, int d, double[] theta)
    {
        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = theta[d];
            for (var j = 0; j < d; j++) s += x[i * d + j] * theta[j];
            z[i] = s;
        }
        return z;
    }
}
