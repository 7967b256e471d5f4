using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using static TensorLinear.Verification.Exact.Definitions;

namespace TensorLinear.Verification.Exact;

/// <summary>
/// The model entries' empirical risk as defined, over generic numbers: θ = (w, b), the data and the penalty fixed.
/// L = (1/n) Σ ℓ(wᵀxᵢ + b, yᵢ) + λ₂‖w‖² + λ₁‖w‖₁, ℓ the squared error or the log-loss of the logit.
/// </summary>
internal static class ExactModels
{
    public static IRealFunction Loss(ModelKind kind, DataSet data, Penalty penalty) => new EmpiricalRisk(kind, data, penalty);

    private sealed class EmpiricalRisk(ModelKind kind, DataSet data, Penalty penalty) : IRealFunction
    {
        private readonly double[] _targets = data.TargetArray(); // a copy: once, not per evaluation

        public T[] Evaluate<T>(T[] theta) where T : IRealNumber<T>
        {
            var d = data.FeatureCount;
            var w = theta.AsSpan(0, d);
            var sum = T.AdditiveIdentity;
            for (var i = 0; i < data.RowCount; i++)
            {
                var z = theta[d];
                for (var j = 0; j < d; j++) z += T.From(data[i, j]) * w[j];
                var y = T.From(_targets[i]);
                sum += kind == ModelKind.Logistic
                    ? y * Softplus(-z) + (T.From(1.0) - y) * Softplus(z)
                    : (z - y) * (z - y);
            }
            var loss = sum / T.From(data.RowCount);
            if (penalty.L2 != 0.0) loss += T.From(penalty.L2) * Dot<T>(w, w);
            if (penalty.L1 != 0.0) loss += T.From(penalty.L1) * Norm1<T>(w);
            return [loss];
        }
    }
}
