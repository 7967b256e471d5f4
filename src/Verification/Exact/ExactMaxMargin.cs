using TensorLinear.Data;
using TensorLinear.Numerics;
using static TensorLinear.Verification.Exact.Definitions;

namespace TensorLinear.Verification.Exact;

/// <summary>
/// The max-margin entries' functions as defined, over generic numbers: the hinge loss of scores against fixed ±1
/// labels, the soft-margin objective of θ = (w, b) on fixed data, and the dual objective of the multipliers α.
/// </summary>
internal static class ExactMaxMargin
{
    public static IRealFunction Hinge(double[] labels) => new Pointwise(labels);
    public static IRealFunction MeanHinge(double[] labels) => new Mean(labels);
    public static IRealFunction SoftMargin(DataSet data, double c) => new Objective(data, c);
    public static IRealFunction Dual(DataSet data, double[] linear) => new DualObjective(data, linear);

    // max(0, 1 − yᵢsᵢ) elementwise
    private sealed class Pointwise(double[] y) : IRealFunction
    {
        public T[] Evaluate<T>(T[] s) where T : IRealNumber<T> => [.. s.Select((v, i) => PositivePart(T.From(1.0) - T.From(y[i]) * v))];
    }

    // (1/n) Σ max(0, 1 − yᵢsᵢ)
    private sealed class Mean(double[] y) : IRealFunction
    {
        public T[] Evaluate<T>(T[] s) where T : IRealNumber<T> =>
            [Sum(s.Select((v, i) => PositivePart(T.From(1.0) - T.From(y[i]) * v))) / T.From(s.Length)];
    }

    // ½‖w‖² + C Σᵢ max(0, 1 − yᵢ(wᵀxᵢ + b))
    private sealed class Objective(DataSet data, double c) : IRealFunction
    {
        private readonly double[] _labels = data.TargetArray();

        public T[] Evaluate<T>(T[] theta) where T : IRealNumber<T>
        {
            var d = data.FeatureCount;
            var w = theta.AsSpan(0, d);
            var hinge = T.AdditiveIdentity;
            for (var i = 0; i < data.RowCount; i++)
            {
                var s = theta[d];
                for (var j = 0; j < d; j++) s += T.From(data[i, j]) * w[j];
                hinge += PositivePart(T.From(1.0) - T.From(_labels[i]) * s);
            }
            return [T.From(0.5) * Dot<T>(w, w) + T.From(c) * hinge];
        }
    }

    // ½‖Σᵢ αᵢyᵢxᵢ‖² − Σᵢ cᵢαᵢ
    private sealed class DualObjective(DataSet data, double[] linear) : IRealFunction
    {
        private readonly double[] _labels = data.TargetArray();

        public T[] Evaluate<T>(T[] alpha) where T : IRealNumber<T>
        {
            var w = new T[data.FeatureCount];
            Array.Fill(w, T.AdditiveIdentity);
            var linearTerm = T.AdditiveIdentity;
            for (var i = 0; i < data.RowCount; i++)
            {
                var a = alpha[i] * T.From(_labels[i]);
                for (var j = 0; j < w.Length; j++) w[j] += a * T.From(data[i, j]);
                linearTerm += T.From(linear[i]) * alpha[i];
            }
            return [T.From(0.5) * Dot<T>(w, w) - linearTerm];
        }
    }
}
