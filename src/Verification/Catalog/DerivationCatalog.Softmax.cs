using TensorLinear.Autograd.Models;
using TensorLinear.Autograd.Softmax;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Softmax;
using TensorLinear.Verification.Cases;
using TensorLinear.Verification.Exact;
using TensorLinear.Verification.Generators;
using TensorLinear.Verification.Tolerances;
using static TensorLinear.Verification.Catalog.CatalogParts;
using static TorchSharp.torch;

namespace TensorLinear.Verification.Catalog;

// Softmax regression: Reference.Softmax.SoftmaxRegression against Autograd.Softmax.TensorSoftmax, differentiated with
// respect to θ = (w₁, b₁, …, w_{k−1}, b_{k−1}) on a generated data set of k classes.
public static partial class DerivationCatalog
{
    private static Derivation[] CreateSoftmax(ReferenceFunctions f) => [SoftmaxEntry(f)];

    private static Derivation SoftmaxEntry(ReferenceFunctions f) => new Derivation<SoftmaxCase>
    {
        Name = EntryNames.SoftmaxRegression,
        Formula = "L = (1/Σω)Σωᵢ[log Σ_c e^{z_ic} − z_{i,yᵢ}] + λ₂‖W‖² + λ₁‖W‖₁ (z_i0 = 0), ∇_{w_c,b_c} = (1/Σω)Σωᵢ(p_ic − [yᵢ = c])aᵢ, ∇²L = (1/Σω)Σωᵢ(diag(pᵢ) − pᵢpᵢᵀ) ⊗ aᵢaᵢᵀ + 2λ₂I_W (ωᵢ = 1 unweighted)",
        References = [f.SoftmaxLoss, f.SoftmaxGradient, f.SoftmaxHessian],
        Twins = [(Func<Tensor, Tensor, Tensor, int, Penalty, Tensor?, Tensor>)TensorSoftmax.LossAt],
        Exact = c => ExactSoftmax.Loss(c.Data, c.ClassCount, c.Penalty),
        Notes = "Class 0 is the reference category (zero parameters). The L1 term has kinks at zero weights (sign(0) = 0 on both sides) and no Hessian: the Hessian uses the smooth part (λ₂ only).",
        Generator = Inputs.Softmax(),
        IsValid = c => c.IsWellFormed,
        Bind = c => BindSoftmax(f, c),
        HasHessian = true,
    };

    private static Problem BindSoftmax(ReferenceFunctions f, SoftmaxCase c)
    {
        var (data, k, penalty) = (c.Data, c.ClassCount, c.Penalty);
        var smooth = new Penalty(l2: penalty.L2);
        int d = data.FeatureCount, block = d + 1;
        var variables = Enumerable.Range(1, k - 1).SelectMany(cl => Names(Names($"w{cl}", d), [$"b{cl}"])).ToArray();
        return Scalar(c.Parameters, variables,
            t => f.SoftmaxLoss(data, Model(t), penalty),
            t => f.SoftmaxGradient(data, Model(t), penalty),
            t => SoftmaxTwin(data, k, t, penalty),
            t => TolerancePolicy.SoftmaxLoss(data, k, t, penalty),
            t => TolerancePolicy.SoftmaxGradient(data, k, t, penalty),
            hessian: new HessianProblem
            {
                Hand = t => f.SoftmaxHessian(data, Model(t), smooth),
                SmoothTwin = t => SoftmaxTwin(data, k, t, smooth),
                SmoothGradient = t => f.SoftmaxGradient(data, Model(t), smooth),
                SmoothGradientError = t => TolerancePolicy.SoftmaxGradient(data, k, t, smooth),
                Error = t => TolerancePolicy.SoftmaxHessian(data, k, t, smooth),
            },
            kinkDistances: penalty.L1 > 0 ? t => [.. t.Select((v, j) => j % block < d ? Math.Abs(v) : double.PositiveInfinity)] : null,
            variableScales: [.. Enumerable.Range(0, k - 1).SelectMany(_ => NaturalScales(data))]);

        SoftmaxModel Model(double[] t) => SoftmaxModel.FromParameterVector(k, t);
    }

    // The loss as one tensor function of θ: the twin autograd differentiates.
    private static Tensor SoftmaxTwin(DataSet data, int classCount, Tensor theta, Penalty penalty)
    {
        var y = data.Targets.Span;
        var labels = new long[y.Length];
        for (var i = 0; i < labels.Length; i++) labels[i] = (long)y[i];
        return TensorSoftmax.LossAt(DataTensors.Features(data), tensor(labels, dtype: ScalarType.Int64), theta, classCount, penalty, DataTensors.SampleWeights(data));
    }
}
