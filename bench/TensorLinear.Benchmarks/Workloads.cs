using TensorLinear.Autograd;
using TensorLinear.Data;
using TensorLinear.Models;

namespace TensorLinear.Benchmarks;

/// <summary>A data set to train on, named for the report.</summary>
internal sealed record Workload(ModelKind Kind, int Rows, int Features, DataSet Data)
{
    public string Name => $"{(Kind == ModelKind.Linear ? "linear (MSE)" : "logistic (log-loss)")} {Rows:N0}×{Features}";

    /// <summary>Bytes of X: what one pass over the features reads.</summary>
    public long FeatureBytes => (long)Rows * Features * sizeof(double);
}

/// <summary>
/// Synthetic data with a fixed seed, drawn by libtorch's generator so that the Python peer (bench/python/bench.py),
/// making the same calls after <c>torch.manual_seed(42)</c>, trains on the same numbers:
/// X ~ N(0, 1) (n×d), w* ~ N(0, 1)/√d, z = Xw* + 0.5; linear targets z + 0.1·N(0, 1), logistic labels
/// 1[U(0, 1) &lt; σ(z)].
/// </summary>
internal static class Workloads
{
    public const ulong Seed = 42;

    /// <summary>The linear and the logistic workload on one feature matrix (shared, not copied).</summary>
    public static (Workload Linear, Workload Logistic) Pair(int rows, int features)
    {
        Torch.ManualSeed(Seed);
        using var scope = Torch.NewScope();
        using var noGrad = Torch.NoGrad();
        var x = Tensor.RandomNormal([rows, features]);
        var truth = Tensor.RandomNormal([features]) / Math.Sqrt(features);
        var z = x.MatVec(truth) + 0.5;
        var linearTargets = (z + Tensor.RandomNormal([rows]) * 0.1).ToArray();
        var labels = Tensor.RandomUniform([rows]).Less(z.Sigmoid()).To(ScalarType.Float64).ToArray();
        var linear = DataSet.FromRowMajor(x.ToArray(), features, linearTargets);
        var logistic = linear.WithTargets(labels);
        return (new Workload(ModelKind.Linear, rows, features, linear), new Workload(ModelKind.Logistic, rows, features, logistic));
    }
}
