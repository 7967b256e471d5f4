using TensorLinear.Numerics;
using static TensorLinear.Verification.Exact.Definitions;

namespace TensorLinear.Verification.Exact;

/// <summary>
/// The loss entries' functions as defined, over generic numbers: θ is the predictions (ŷ, p or z), the targets are
/// fixed by the case.
/// </summary>
internal static class ExactLosses
{
    public static IRealFunction MeanSquaredError(double[] targets) => new Mse(targets);
    public static IRealFunction MeanAbsoluteError(double[] targets) => new Mae(targets);
    public static IRealFunction CrossEntropyFromProbabilities(double[] labels) => new FromProbabilities(labels);
    public static IRealFunction CrossEntropyFromLogits(double[] labels) => new FromLogits(labels);
    public static IRealFunction Sigmoid { get; } = new Logistic();

    // (1/n) Σ (ŷᵢ − yᵢ)²
    private sealed class Mse(double[] y) : IRealFunction
    {
        public T[] Evaluate<T>(T[] t) where T : IRealNumber<T> =>
            [Sum(t.Select((v, i) => (v - T.From(y[i])) * (v - T.From(y[i])))) / T.From(t.Length)];
    }

    // (1/n) Σ |ŷᵢ − yᵢ|
    private sealed class Mae(double[] y) : IRealFunction
    {
        public T[] Evaluate<T>(T[] t) where T : IRealNumber<T> =>
            [Sum(t.Select((v, i) => T.Abs(v - T.From(y[i])))) / T.From(t.Length)];
    }

    // (1/n) Σ −[yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)], a term with weight 0 left out (0·log 0 = 0); 1 − yᵢ formed in T,
    // since in double it rounds for a soft label and the truth would be off by u·yᵢ
    private sealed class FromProbabilities(double[] y) : IRealFunction
    {
        public T[] Evaluate<T>(T[] p) where T : IRealNumber<T>
        {
            var one = T.From(1.0);
            var sum = T.AdditiveIdentity;
            for (var i = 0; i < p.Length; i++)
            {
                if (y[i] != 0.0) sum -= T.From(y[i]) * T.Log(p[i]);
                if (y[i] != 1.0) sum -= (T.From(1.0) - T.From(y[i])) * T.Log(one - p[i]);
            }
            return [sum / T.From(p.Length)];
        }
    }

    // (1/n) Σ yᵢ·softplus(−zᵢ) + (1 − yᵢ)·softplus(zᵢ): −log σ(z) and −log(1 − σ(z)), each exactly
    private sealed class FromLogits(double[] y) : IRealFunction
    {
        public T[] Evaluate<T>(T[] z) where T : IRealNumber<T> =>
            [Sum(z.Select((v, i) => T.From(y[i]) * Softplus(-v) + (T.From(1.0) - T.From(y[i])) * Softplus(v))) / T.From(z.Length)];
    }

    // σ(zᵢ) elementwise
    private sealed class Logistic : IRealFunction
    {
        public T[] Evaluate<T>(T[] z) where T : IRealNumber<T> => [.. z.Select(Definitions.Sigmoid)];
    }
}
