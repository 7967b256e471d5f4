using TensorLinear.Numerics;
using TorchSharp;
using static TorchSharp.torch;
using TensorLinear.Autograd.Runtime;

namespace TensorLinear.Autograd;

/// <summary>
/// The tensor twins of <c>TensorLinear.Reference.Hyperplane</c>: the hyperplane wᵀx + w₀ = 0 given by a weight
/// vector w (its normal, not all zero) and a bias w₀ (a tensor with one element), with the score, the signed
/// distance and the foot of the perpendicular written with libtorch operations. Gradients with respect to x, w and
/// w₀ come from autograd.
/// </summary>
/// <remarks>
/// The reference's object holds (w, w₀); here they are arguments, so that autograd can differentiate with respect to
/// them. Inputs are checked as the reference checks them: an empty, non-finite or zero w, a non-finite bias, or an x of
/// the wrong length raise the same typed errors; so do tensors that are not float64, a w or x that is not a vector,
/// and a bias of more than one element.
/// </remarks>
public static class TensorHyperplane
{
    /// <summary>The score wᵀx + w₀: zero on the hyperplane, positive on the side w points to.</summary>
    /// <exception cref="InvalidInputException">Bad weights, bias or point (see the class remarks).</exception>
    /// <exception cref="DegenerateInputException">Every weight is zero.</exception>
    public static Tensor Evaluate(Tensor weights, Tensor bias, Tensor x)
    {
        CheckHyperplane(weights, bias, x);
        // wᵀx + w₀
        return WrappedTensorDisposeScope(() => weights.dot(x) + bias);
    }

    /// <summary>The signed distance (wᵀx + w₀)/‖w‖₂ from the hyperplane to x.</summary>
    /// <exception cref="InvalidInputException">Bad weights, bias or point (see the class remarks).</exception>
    /// <exception cref="DegenerateInputException">Every weight is zero.</exception>
    public static Tensor SignedDistance(Tensor weights, Tensor bias, Tensor x)
    {
        CheckHyperplane(weights, bias, x);
        return WrappedTensorDisposeScope(() => SignedDistanceUnchecked(weights, bias, x));
    }

    /// <summary>The unit normal ŵ = w/‖w‖₂.</summary>
    /// <exception cref="InvalidInputException">Empty or non-finite weights.</exception>
    /// <exception cref="DegenerateInputException">Every weight is zero.</exception>
    public static Tensor UnitNormal(Tensor weights)
    {
        var w = TensorChecks.Vector(weights, nameof(weights));
        Check.NonZero(w, nameof(weights), "a hyperplane needs a non-zero normal vector w");
        return WrappedTensorDisposeScope(() => TensorVector.UnitUnchecked(weights));
    }

    /// <summary>The foot of the perpendicular from x, p = x − d·ŵ with d the signed distance: the point of the hyperplane nearest x.</summary>
    /// <exception cref="InvalidInputException">Bad weights, bias or point (see the class remarks).</exception>
    /// <exception cref="DegenerateInputException">Every weight is zero.</exception>
    public static Tensor Foot(Tensor weights, Tensor bias, Tensor x)
    {
        CheckHyperplane(weights, bias, x);
        // p = x − d·ŵ
        return WrappedTensorDisposeScope(() => x - SignedDistanceUnchecked(weights, bias, x) * TensorVector.UnitUnchecked(weights));
    }

    // d = (wᵀx + w₀)/‖w‖
    private static Tensor SignedDistanceUnchecked(Tensor weights, Tensor bias, Tensor x) =>
        (weights.dot(x) + bias) / VectorNorm.Of(weights, 2.0);

    private static void CheckHyperplane(Tensor weights, Tensor bias, Tensor x)
    {
        var w = TensorChecks.Vector(weights, nameof(weights));
        Check.NonZero(w, nameof(weights), "a hyperplane needs a non-zero normal vector w");
        TensorChecks.Scalar(bias, nameof(bias));
        var point = TensorChecks.Vector(x, nameof(x));
        Check.SameLength(w.Length, "weights", point.Length, nameof(x));
    }
}
