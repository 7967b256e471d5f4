using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using static TensorLinear.Verification.Exact.Definitions;

namespace TensorLinear.Verification.Exact;

/// <summary>
/// The softmax entry's loss as defined, over generic numbers, θ = (w₁, b₁, …, w_{k−1}, b_{k−1}), the data, k and the
/// penalty fixed: L = (1/Σωᵢ) Σᵢ ωᵢ[log Σ_c e^{z_ic} − z_{i,yᵢ}] + λ₂‖W‖² + λ₁‖W‖₁ with z_i0 = 0 and z_ic = w_cᵀxᵢ + b_c,
/// ωᵢ the sample weights (every one 1 for unweighted data).
/// </summary>
internal static class ExactSoftmax
{
    public static IRealFunction Loss(DataSet data, int classCount, Penalty penalty) => new Risk(data, classCount, penalty);

    private sealed class Risk(DataSet data, int classCount, Penalty penalty) : IRealFunction
    {
        private readonly double[] _targets = data.TargetArray(); // copies: once, not per evaluation
        private readonly double[] _weights = data.SampleWeightArray();

        public T[] Evaluate<T>(T[] theta) where T : IRealNumber<T>
        {
            int d = data.FeatureCount, block = d + 1;
            var z = new T[classCount];
            T sum = T.AdditiveIdentity, total = T.AdditiveIdentity;
            for (var i = 0; i < data.RowCount; i++)
            {
                z[0] = T.AdditiveIdentity;
                for (var c = 1; c < classCount; c++)
                {
                    var s = theta[(c - 1) * block + d];
                    for (var j = 0; j < d; j++) s += T.From(data[i, j]) * theta[(c - 1) * block + j];
                    z[c] = s;
                }
                // log Σ e^{z_c} = m + log Σ e^{z_c − m}: the same value for any m; the largest keeps e^{…} in range
                // (compared by value only, so a Dual's tangent does not decide).
                var m = z[0];
                foreach (var v in z) if (v > m) m = v;
                var exponentials = T.AdditiveIdentity;
                foreach (var v in z) exponentials += T.Exp(v - m);
                var weight = T.From(_weights[i]);
                sum += weight * (m + T.Log(exponentials) - z[(int)_targets[i]]);
                total += weight;
            }
            var loss = sum / total;
            var weights = new T[(classCount - 1) * d];
            for (var c = 0; c < classCount - 1; c++)
                for (var j = 0; j < d; j++) weights[c * d + j] = theta[c * block + j];
            if (penalty.L2 != 0.0) loss += T.From(penalty.L2) * Dot<T>(weights, weights);
            if (penalty.L1 != 0.0) loss += T.From(penalty.L1) * Norm1<T>(weights);
            return [loss];
        }
    }
}
