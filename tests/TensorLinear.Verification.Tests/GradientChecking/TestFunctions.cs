namespace TensorLinear.Verification.Tests.GradientChecking;

/// <summary>
/// Smooth test functions with their gradients derived by hand (each formula is the textbook one, noted beside it),
/// and random points at a chosen magnitude.
/// </summary>
internal sealed record TestFunction(string Name, Func<double[], double> Value, Func<double[], double[]> Gradient)
{
    public override string ToString() => Name;

    /// <summary>f(x) = ½xᵀAx + bᵀx with A = MᵀM + I (symmetric positive definite); ∇f = Ax + b.</summary>
    public static TestFunction Quadratic(int n, int seed)
    {
        var random = new Random(seed);
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) m[i, j] = random.NextDouble() * 2 - 1;
        var a = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < n; k++) a[i, j] += m[k, i] * m[k, j];
                if (i == j) a[i, j] += 1.0;
            }
        var b = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        return Quadratic(a, b);
    }

    /// <summary>f(x) = ½xᵀAx + bᵀx for symmetric A; ∇f = Ax + b.</summary>
    public static TestFunction Quadratic(double[,] a, double[] b)
    {
        var n = b.Length;
        double[] Ax(double[] x)
        {
            var y = new double[n];
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++) y[i] += a[i, j] * x[j];
            return y;
        }
        return new TestFunction("quadratic",
            x => 0.5 * Dot(x, Ax(x)) + Dot(b, x),
            x => Ax(x).Select((v, i) => v + b[i]).ToArray());
    }

    /// <summary>f(x) = exp(cᵀx) with cᵢ scaled by 1/(n·scale) so the exponent is O(1); ∇f = c·f.</summary>
    public static TestFunction Exponential(int n, double scale, int seed)
    {
        var random = new Random(seed);
        var c = Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2 - 1) / (n * scale)).ToArray();
        return new TestFunction("exp", x => Math.Exp(Dot(c, x)), x => c.Select(ci => ci * Math.Exp(Dot(c, x))).ToArray());
    }

    /// <summary>f(x) = log Σ exp(xᵢ), computed as max + log Σ exp(xᵢ − max); ∇f = softmax(x).</summary>
    public static TestFunction LogSumExp { get; } = new("log-sum-exp",
        x =>
        {
            var max = x.Max();
            return max + Math.Log(x.Sum(v => Math.Exp(v - max)));
        },
        x =>
        {
            var max = x.Max();
            var e = x.Select(v => Math.Exp(v - max)).ToArray();
            var s = e.Sum();
            return e.Select(v => v / s).ToArray();
        });

    /// <summary>
    /// Rosenbrock: f(x) = Σᵢ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)²; ∂f/∂xᵢ = −400xᵢ(xᵢ₊₁ − xᵢ²) − 2(1 − xᵢ) + 200(xᵢ − xᵢ₋₁²),
    /// each term present when its index exists.
    /// </summary>
    public static TestFunction Rosenbrock { get; } = new("Rosenbrock",
        x =>
        {
            var f = 0.0;
            for (var i = 0; i + 1 < x.Length; i++)
                f += 100 * Math.Pow(x[i + 1] - x[i] * x[i], 2) + Math.Pow(1 - x[i], 2);
            return f;
        },
        x =>
        {
            var g = new double[x.Length];
            for (var i = 0; i < x.Length; i++)
            {
                if (i + 1 < x.Length) g[i] += -400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i]);
                if (i > 0) g[i] += 200 * (x[i] - x[i - 1] * x[i - 1]);
            }
            return g;
        });

    /// <summary>A random point whose components have magnitude about <paramref name="scale"/>, with random signs.</summary>
    public static double[] Point(int n, double scale, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (random.NextDouble() < 0.5 ? -1 : 1) * scale * (0.5 + random.NextDouble())).ToArray();
    }

    public static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>The gradient with its sign flipped (the commonest derivation slip).</summary>
    public static Func<double[], double[]> SignError(Func<double[], double[]> gradient) => x => gradient(x).Select(v => -v).ToArray();

    /// <summary>The gradient halved, as if the factor 2 of a square had been forgotten.</summary>
    public static Func<double[], double[]> MissingFactorTwo(Func<double[], double[]> gradient) => x => gradient(x).Select(v => v / 2).ToArray();
}
