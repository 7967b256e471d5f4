using TensorLinear.Autograd.Models;
using TensorLinear.Autograd.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.MaxMargin;

/// <summary>
/// The hinge loss and the soft-margin objective as tensors: the twins of the reference's Hinge and
/// SoftMarginObjective. Their subgradients are not written anywhere: autograd derives them.
/// </summary>
/// <remarks>
/// max(0, t) is written as relu(t), whose backward pass is threshold_backward(grad, t, 0): the gradient where t &gt; 0,
/// and 0 where t ≤ 0 — so 0 at the kink t = 0, i.e. at y·s = 1, the reference's convention. (clamp_min(t, 0) would pass
/// the gradient where t ≥ 0, giving −y at the kink: another element of the subdifferential, but not the reference's;
/// the test of the kink pins which one autograd returns.)
/// </remarks>
public static class TensorHinge
{
    private static readonly Scalar One = 1.0;
    private static readonly Scalar Half = 0.5;

    /// <summary>The mean hinge loss (1/n) Σᵢ max(0, 1 − yᵢsᵢ) of scores against ±1 labels.</summary>
    /// <exception cref="InvalidInputException">Empty, non-finite or mismatched vectors, or a label that is not ±1.</exception>
    public static Tensor Mean(Tensor labels, Tensor scores)
    {
        var (y, _) = TensorChecks.Vectors(labels, nameof(labels), scores, nameof(scores));
        CheckLabels(y, nameof(labels));
        // (1/n) Σᵢ relu(1 − yᵢsᵢ)
        return WrappedTensorDisposeScope(() => Terms(labels, scores).mean());
    }

    /// <summary>
    /// The soft-margin objective P(w, b) = ½‖w‖² + C Σᵢ max(0, 1 − yᵢ(wᵀxᵢ + b)) for an n×d feature matrix, ±1 labels,
    /// weights w and a one-element bias b (the C-form, as in the reference).
    /// </summary>
    /// <exception cref="InvalidInputException">A tensor is not float64, a label is not ±1, or C is not finite and &gt; 0.</exception>
    /// <exception cref="DimensionMismatchException">The shapes do not fit together.</exception>
    public static Tensor SoftMarginObjective(Tensor features, Tensor labels, Tensor weights, Tensor bias, double c)
    {
        Numerics.Check.Positive(c, nameof(c));
        var (n, _) = TensorChecks.MatrixShape(features, nameof(features));
        var y = TensorChecks.Vector(labels, nameof(labels));
        if (y.Length != n)
            throw new DimensionMismatchException(nameof(labels), $"has {y.Length} labels but features has {n} rows; there is one label per row");
        CheckLabels(y, nameof(labels));
        TensorChecks.Vector(weights, nameof(weights));
        TensorChecks.Scalar(bias, nameof(bias));
        using Scalar price = c; // held for the call: see Runtime/LibTorchSharpExports
        return WrappedTensorDisposeScope(() =>
        {
            var scores = TensorEmpiricalRisk.Scores(features, weights, bias);
            // ½‖w‖² + C Σᵢ relu(1 − yᵢsᵢ)
            return ((weights * weights).sum() * Half).Plus(Terms(labels, scores).sum() * price);
        });
    }

    /// <summary>
    /// The hinge loss of each score, max(0, 1 − yᵢsᵢ) elementwise against ±1 labels: the twin of the reference's
    /// per-row <c>Hinge.Value</c>, whose autograd Jacobian is diagonal with the subgradient (0 at the kink).
    /// </summary>
    /// <exception cref="InvalidInputException">Empty, non-finite or mismatched vectors, or a label that is not ±1.</exception>
    public static Tensor Value(Tensor labels, Tensor scores)
    {
        var (y, _) = TensorChecks.Vectors(labels, nameof(labels), scores, nameof(scores));
        CheckLabels(y, nameof(labels));
        return WrappedTensorDisposeScope(() => Terms(labels, scores));
    }

    // relu(1 − y∘s), elementwise.
    private static Tensor Terms(Tensor labels, Tensor scores) => (labels * scores).neg().Plus(One).relu();

    internal static void CheckLabels(double[] labels, string name)
    {
        for (var i = 0; i < labels.Length; i++)
            if (labels[i] != 1.0 && labels[i] != -1.0)
                throw new OutOfDomainException(name, FormattableString.Invariant($"label {i} is {labels[i]}; the hinge loss needs labels −1 and +1"));
    }
}
