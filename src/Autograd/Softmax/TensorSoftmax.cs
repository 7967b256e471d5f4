using TensorLinear.Autograd.Models;
using TensorLinear.Autograd.Runtime;
using TensorLinear.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Softmax;

/// <summary>
/// The softmax (multinomial logistic) loss written with libtorch operations: the tensor twin of the reference's
/// SoftmaxRegression. Its gradient and Hessian are not written anywhere: autograd derives them.
/// </summary>
/// <remarks>
/// The reference class 0 enters as a column of zeros in front of the k−1 logit columns XWᵀ + b, so that libtorch's
/// log_softmax sees all k logits and the parameters are those of the reference (class c ≥ 1 in row c − 1 of W).
/// log_softmax subtracts the row's largest logit before exponentiating, as the reference does.
/// </remarks>
public static class TensorSoftmax
{
    /// <summary>The n×k logits (0, XWᵀ + b) of an n×d feature matrix, (k−1)×d weights W and k−1 biases b.</summary>
    /// <exception cref="InvalidInputException">A tensor is not float64.</exception>
    /// <exception cref="DimensionMismatchException">The shapes do not fit together.</exception>
    public static Tensor Logits(Tensor features, Tensor weights, Tensor biases)
    {
        var (n, d) = TensorChecks.MatrixShape(features, nameof(features));
        var (classes, columns) = TensorChecks.MatrixShape(weights, nameof(weights));
        if (columns != d)
            throw new DimensionMismatchException(nameof(weights), $"has {columns} columns but features has {d}; a softmax model needs one weight per feature and class");
        var length = TensorChecks.VectorShape(biases, nameof(biases));
        if (length != classes)
            throw new DimensionMismatchException(nameof(biases), $"has {length} values but weights has {classes} rows; each non-reference class has one bias");
        return WrappedTensorDisposeScope(() =>
        {
            var reference = zeros(n, 1, dtype: ScalarType.Float64);          // z_i0 = 0
            return cat([reference, features.matmul(weights.t()).Plus(biases)], 1); // z_ic = w_cᵀxᵢ + b_c
        });
    }

    /// <summary>
    /// The mean loss (1/n) Σᵢ −log softmax(zᵢ)_{yᵢ} + λ₂‖W‖² + λ₁‖W‖₁ for int64 labels 0 … k−1, k = rows of W + 1.
    /// </summary>
    /// <exception cref="InvalidInputException">A tensor has the wrong dtype, or a parameter is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">The shapes do not fit together.</exception>
    /// <exception cref="OutOfDomainException">A label is not one of 0 … k−1.</exception>
    public static Tensor Loss(Tensor features, Tensor labels, Tensor weights, Tensor biases, Penalty penalty) =>
        Loss(features, labels, weights, biases, penalty, null);

    /// <summary>
    /// The loss with the mean weighted by <paramref name="sampleWeights"/> ω (unweighted when null):
    /// (Σᵢ −ωᵢ log softmax(zᵢ)_{yᵢ})/Σωᵢ + λ₂‖W‖² + λ₁‖W‖₁.
    /// </summary>
    /// <inheritdoc cref="Loss(Tensor, Tensor, Tensor, Tensor, Penalty)" path="/exception"/>
    public static Tensor Loss(Tensor features, Tensor labels, Tensor weights, Tensor biases, Penalty penalty, Tensor? sampleWeights)
    {
        ArgumentNullException.ThrowIfNull(penalty);
        ArgumentNullException.ThrowIfNull(labels);
        var (n, _) = TensorChecks.MatrixShape(features, nameof(features));
        if (labels.dtype != ScalarType.Int64 || labels.dim() != 1)
            throw new InvalidInputException(nameof(labels), $"is a {labels.dtype} tensor of shape {Shapes.Format(labels.shape)}; the class labels are an int64 vector");
        if (labels.size(0) != n)
            throw new DimensionMismatchException(nameof(labels), $"has {labels.size(0)} labels but features has {n} rows; there is one label per row");
        if (sampleWeights is not null && TensorChecks.VectorShape(sampleWeights, nameof(sampleWeights)) != n)
            throw new DimensionMismatchException(nameof(sampleWeights), $"has {sampleWeights.size(0)} weights but features has {n} rows; there is one sample weight per row");
        var k = TensorChecks.MatrixShape(weights, nameof(weights)).Rows + 1;
        using (no_grad())
        {
            Numerics.Check.Finite(weights.ToDoubles(), nameof(weights));
            Numerics.Check.Finite(TensorChecks.Vector(biases, nameof(biases)), nameof(biases));
            var y = labels.data<long>().ToArray();
            var bad = Array.FindIndex(y, v => v < 0 || v >= k);
            if (bad >= 0)
                throw new OutOfDomainException(nameof(labels), FormattableString.Invariant($"label {bad} is {y[bad]}; a softmax model of {k} classes needs labels 0 … {k - 1}"));
        }
        return WrappedTensorDisposeScope(() =>
        {
            var logProbabilities = Logits(features, weights, biases).log_softmax(1);       // z_ic − log Σ_m e^{z_im}
            var rowLosses = logProbabilities.gather(1, labels.unsqueeze(1)).squeeze(1).neg(); // −log p_{i,yᵢ}
            var loss = sampleWeights is null ? rowLosses.mean() : (sampleWeights * rowLosses).sum() / sampleWeights.sum();
            var flat = weights.reshape(-1);
            if (penalty.L2 != 0.0) loss = loss.Plus(TensorEmpiricalRisk.RidgePenalty(flat, penalty.L2));
            if (penalty.L1 != 0.0) loss = loss.Plus(TensorEmpiricalRisk.LassoPenalty(flat, penalty.L1));
            return loss;
        });
    }

    /// <summary>
    /// The loss as a function of θ = (w₁, b₁, …, w_{k−1}, b_{k−1}) (the reference's parameter order): θ viewed as a
    /// (k−1)×(d+1) matrix whose first d columns are W and whose last is b.
    /// </summary>
    /// <exception cref="DimensionMismatchException">θ is not a vector of (k−1)(d+1).</exception>
    /// <inheritdoc cref="Loss(Tensor, Tensor, Tensor, Tensor, Penalty)" path="/exception"/>
    public static Tensor LossAt(Tensor features, Tensor labels, Tensor theta, int classCount, Penalty penalty) =>
        LossAt(features, labels, theta, classCount, penalty, null);

    /// <summary>The loss as a function of θ, its mean weighted by <paramref name="sampleWeights"/> (unweighted when null).</summary>
    /// <inheritdoc cref="LossAt(Tensor, Tensor, Tensor, int, Penalty)" path="/exception"/>
    public static Tensor LossAt(Tensor features, Tensor labels, Tensor theta, int classCount, Penalty penalty, Tensor? sampleWeights)
    {
        var (_, d) = TensorChecks.MatrixShape(features, nameof(features));
        var length = TensorChecks.VectorShape(theta, nameof(theta));
        if (classCount < 2 || length != (classCount - 1) * (d + 1))
            throw new DimensionMismatchException(nameof(theta), $"has {length} values; {classCount} classes of {d} features need (k−1)(d+1) = {Math.Max(classCount - 1, 0) * (d + 1)}");
        return WrappedTensorDisposeScope(() =>
        {
            var blocks = theta.reshape(classCount - 1, d + 1);
            return Loss(features, labels, blocks.narrow(1, 0, d), blocks.select(1, d), penalty, sampleWeights);
        });
    }
}
