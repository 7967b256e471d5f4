using TensorLinear.Autograd;
using TensorLinear.Data;
using TensorLinear.Models;
using TorchSharp;

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

    /// <summary>Sample weights ωᵢ = 1 + (i mod 3)/2 for the weighted epochs: deterministic, and not all equal.</summary>
    public static double[] SampleWeights(int rows) => [.. Enumerable.Range(0, rows).Select(i => 1.0 + i % 3 / 2.0)];

    /// <summary>The linear and the logistic workload on one feature matrix (shared, not copied).</summary>
    public static (Workload Linear, Workload Logistic) Pair(int rows, int features)
    {
        Torch.ManualSeed(Seed);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        // Numbers held as Scalars for the calls: TorchSharp's temporary ones can be freed by a collection mid-call.
        using Scalar root = Math.Sqrt(features), shift = 0.5, noise = 0.1;
        var x = torch.randn(rows, features, dtype: torch.float64);
        var truth = torch.randn(features, dtype: torch.float64) / root;
        var z = x.mv(truth) + shift;
        var linearTargets = (z + torch.randn(rows, dtype: torch.float64) * noise).ToDoubles();
        var labels = torch.rand(rows, dtype: torch.float64).lt(z.sigmoid()).to(torch.float64).ToDoubles();
        var linear = DataSet.FromRowMajor(x.ToDoubles(), features, linearTargets);
        var logistic = linear.WithTargets(labels);
        return (new Workload(ModelKind.Linear, rows, features, linear), new Workload(ModelKind.Logistic, rows, features, logistic));
    }
}
