using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using static TensorLinear.Verification.Exact.Definitions;

namespace TensorLinear.Verification.Exact;

/// <summary>
/// The model entries' empirical risk as defined, over generic numbers: θ = (w, b), the data and the penalty fixed.
/// L = (1/Σωᵢ) Σ ωᵢℓ(wᵀxᵢ + b, yᵢ) + λ₂‖w‖² + λ₁‖w‖₁, ℓ the squared error or the log-loss of the logit, ωᵢ the sample
/// weights (every one 1, and Σωᵢ = n, for unweighted data).
/// </summary>
internal static class ExactModels
{
    public static IRealFunction Loss(ModelKind kind, DataSet data, Penalty penalty) => new EmpiricalRisk(kind, data, penalty);

    private sealed class EmpiricalRisk(ModelKind kind, DataSet data, Penalty penalty) : IRealFunction
    {
        private readonly double[] _targets = data.TargetArray(); // copies: once, not per evaluation
        private readonly double[] _weights = data.SampleWeightArray();

        public T[] Evaluate<T>(T[] theta) where T : IRealNumber<T>
        {
            var d = data.FeatureCount;
            var w = theta.AsSpan(0, d);
            T sum = T.AdditiveIdentity, total = T.AdditiveIdentity;
            for (var i = 0; i < data.RowCount; i++)
            {
                var z = theta[d];
                for (var j = 0; j < d; j++) z += T.From(data[i, j]) * w[j];
                var y = T.From(_targets[i]);
                var weight = T.From(_weights[i]);
                sum += weight * (kind == ModelKind.Logistic
                    ? y * Softplus(-z) + (T.From(1.0) - y) * Softplus(z)
                    : (z - y) * (z - y));
                total += weight;
            }
            var loss = sum / total;
            if (penalty.L2 != 0.0) loss += T.From(penalty.L2) * Dot<T>(w, w);
            if (penalty.L1 != 0.0) loss += T.From(penalty.L1) * Norm1<T>(w);
            return [loss];
        }
    }
}
