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
    /// <summary>
    /// sign(wᵀx + w₀): +1 on the side w points to, −1 on the other, 0 on the hyperplane; the sign of the scaled score,
    /// so it exists where the score itself is beyond double's range (x near 1e308). Constant off the hyperplane, so its
    /// derivative is 0 there (autograd's sign has gradient 0).
    /// </summary>
    /// <exception cref="InvalidInputException">Bad weights, bias or point (see the class remarks).</exception>
    /// <exception cref="DegenerateInputException">Every weight is zero.</exception>
    public static Tensor Side(Tensor weights, Tensor bias, Tensor x)
    {
        CheckHyperplane(weights, bias, x);
        return WrappedTensorDisposeScope(() => ScaledScore(weights, bias, x).Score.sign());
    }

    /// <summary>The score wᵀx + w₀: zero on the hyperplane, positive on the side w points to.</summary>
    /// <exception cref="InvalidInputException">Bad weights, bias or point (see the class remarks), or a score beyond
    /// double's range (<see cref="OutOfDomainException"/>).</exception>
    /// <exception cref="DegenerateInputException">Every weight is zero.</exception>
    public static Tensor Evaluate(Tensor weights, Tensor bias, Tensor x)
    {
        CheckHyperplane(weights, bias, x);
        return WrappedTensorDisposeScope(() =>
        {
            // wᵀx + w₀ = 2ᵏ·s (the reference's scaling)
            var (score, k) = ScaledScore(weights, bias, x);
            return TensorVector.InRange(TensorVector.ScaleB(score, k), nameof(x), "wᵀx + w₀");
        });
    }

    /// <summary>The signed distance (wᵀx + w₀)/‖w‖₂ from the hyperplane to x.</summary>
    /// <exception cref="InvalidInputException">Bad weights, bias or point (see the class remarks).</exception>
    /// <exception cref="DegenerateInputException">Every weight is zero.</exception>
    public static Tensor SignedDistance(Tensor weights, Tensor bias, Tensor x)
    {
        CheckHyperplane(weights, bias, x);
        return WrappedTensorDisposeScope(() => TensorVector.InRange(SignedDistanceUnchecked(weights, bias, x), nameof(x), "the signed distance"));
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
        return WrappedTensorDisposeScope(() => TensorVector.InRange(
            x - SignedDistanceUnchecked(weights, bias, x) * TensorVector.UnitUnchecked(weights), nameof(x), "the foot of the perpendicular"));
    }

    // d = (wᵀx + w₀)/‖w‖ = 2^(k − a)·s/‖2⁻ᵃw‖ with wᵀx + w₀ = 2ᵏ·s: the reference's scaling, so that neither wᵀx nor ‖w‖
    // overflows (‖w‖ is scale-safe in VectorNorm, but (1e200, 1e200)ᵀ(1e200, 1e200) was ∞ here).
    private static Tensor SignedDistanceUnchecked(Tensor weights, Tensor bias, Tensor x)
    {
        var (score, k) = ScaledScore(weights, bias, x);
        var (w, a) = TensorVector.PowerOfTwoScaled(weights);
        return TensorVector.ScaleB(score / VectorNorm.Of(w, 2.0), k - a);
    }

    // (s, k) with wᵀx + w₀ = 2ᵏ·s, s = (2⁻ᵃw)ᵀ(2⁻ᶜx) + 2^−(a+c)·w₀, c from x or from w₀/2ᵃ, whichever is larger: the
    // reference's Hyperplane.ScaledScore.
    private static (Tensor Score, int Exponent) ScaledScore(Tensor weights, Tensor bias, Tensor x)
    {
        var (w, a) = TensorVector.PowerOfTwoScaled(weights);
        var (_, xExponent) = TensorVector.PowerOfTwoScaled(x);
        var b = bias.detach().ToDoubles()[0];
        var c = Math.Max(xExponent, b == 0.0 ? int.MinValue : Math.ILogB(b) - a);
        return (w.dot(TensorVector.ScaleB(x, -c)).Plus(TensorVector.ScaleB(bias, -(a + c))), a + c);
    }

    private static void CheckHyperplane(Tensor weights, Tensor bias, Tensor x)
    {
        var w = TensorChecks.Vector(weights, nameof(weights));
        Check.NonZero(w, nameof(weights), "a hyperplane needs a non-zero normal vector w");
        TensorChecks.Scalar(bias, nameof(bias));
        var point = TensorChecks.Vector(x, nameof(x));
        Check.SameLength(w.Length, "weights", point.Length, nameof(x));
    }
}
