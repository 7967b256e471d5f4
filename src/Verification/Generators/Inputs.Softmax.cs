using FsCheck;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Verification.Cases;

namespace TensorLinear.Verification.Generators;

public static partial class Inputs
{
    /// <summary>
    /// A softmax case: k = 2 … 5 classes, 1–64 rows of 1–8 features (each column on its own scale 10⁻³ to 10³), θ scaled
    /// so that the largest |logit| is 0.1 to 40 (exactly 40 one time in six), labels the argmax of
    /// noisy logits (the logistic cases' rule), and a penalty (none half the time, ridge, or ridge and lasso with some
    /// weights exactly 0, the lasso's kinks). Fewer features than the model entries: the twin's Hessian takes one
    /// backward pass per parameter, (k−1)(d+1) of them.
    /// </summary>
    public static Gen<SoftmaxCase> Softmax() => Values.FromRandom((random, size) =>
    {
        var n = Math.Min(Values.Rows(random, size), 64);
        var d = Math.Min(Values.Dimension(random, size), 8);
        var k = random.Next(2, 6);
        var block = d + 1;
        var scales = Enumerable.Range(0, d).Select(_ => random.Next(3) == 0 ? 1.0 : Values.Magnitude(random, -3, 3)).ToArray();
        var x = new double[n * d];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < d; j++)
                x[i * d + j] = scales[j] * Values.Component(random);
        var theta = new double[(k - 1) * block];
        for (var c = 0; c < k - 1; c++)
        {
            for (var j = 0; j < d; j++) theta[c * block + j] = Values.Component(random) / scales[j];
            theta[c * block + d] = Values.Component(random);
        }
        var logits = new double[n, k]; // column 0 is the reference class's 0
        var largest = 0.0;
        for (var i = 0; i < n; i++)
            for (var c = 1; c < k; c++)
            {
                var z = theta[(c - 1) * block + d];
                for (var j = 0; j < d; j++) z += theta[(c - 1) * block + j] * x[i * d + j];
                logits[i, c] = z;
                largest = Math.Max(largest, Math.Abs(z));
            }
        var tags = new List<string>();
        var edge = random.Next(6) == 0;
        var target = edge ? 40.0 : Values.Magnitude(random, -1, Math.Log10(40));
        var factor = largest > 0 ? target / largest : 1.0;
        for (var t = 0; t < theta.Length; t++) theta[t] *= factor;
        if (edge) tags.Add("logits near ±40");
        // Labels as the logistic cases draw them: the argmax of the logits, each moved by up to ±½(|z| + 1). A row is then
        // labelled against its model only where the logits are close, never where the model is sure (a row labelled c
        // with p_c ≈ e⁻⁴⁰ would leave its gradient term p_c − 1 with no digits of p_c, and no check could see it).
        var labels = new double[n];
        for (var i = 0; i < n; i++)
        {
            int top = 0;
            var best = double.NegativeInfinity;
            for (var c = 0; c < k; c++)
            {
                var noisy = logits[i, c] * factor;
                noisy += (random.NextDouble() - 0.5) * (Math.Abs(noisy) + 1);
                if (noisy > best) (best, top) = (noisy, c);
            }
            labels[i] = top;
        }

        var penalty = Penalty.None;
        var which = random.Next(4);
        if (which == 1) penalty = new Penalty(l2: Values.Magnitude(random, -4, 0));
        else if (which == 2)
        {
            penalty = new Penalty(l2: random.Next(2) == 0 ? 0 : Values.Magnitude(random, -4, 0), l1: Values.Magnitude(random, -4, 0));
            if (random.Next(3) == 0) { theta[random.Next(k - 1) * block + random.Next(d)] = 0; tags.Add("zero weight"); }
        }
        return new SoftmaxCase(DataSet.FromRowMajor(x, d, labels).WithSampleWeights(SampleWeights(random, n, tags)), k, theta, penalty) { Tag = string.Join(", ", tags) };
    });
}
