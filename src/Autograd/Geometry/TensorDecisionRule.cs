using TensorLinear.Numerics;
using static TorchSharp.torch;
using TensorLinear.Autograd.Runtime;

namespace TensorLinear.Autograd;

/// <summary>
/// The tensor twin of <c>TensorLinear.Reference.DecisionRule</c>, the rule "accept x when wᵀx ≥ t" (a loan approved
/// when its weighted score reaches the target): the score wᵀx, differentiable by autograd, and the verdict.
/// </summary>
/// <remarks>
/// The weights (not all zero) and the applicant are float64 vectors of one length, the target a float64 tensor of one
/// element; bad input raises the reference's typed errors. As in the reference, the score has no bias: comparing wᵀx
/// with t rounds once less than the sign of wᵀx − t.
/// </remarks>
public static class TensorDecisionRule
{
    /// <summary>The score s = wᵀx.</summary>
    /// <exception cref="InvalidInputException">Empty, non-finite or mismatched vectors.</exception>
    /// <exception cref="DegenerateInputException">Every weight is zero.</exception>
    public static Tensor Score(Tensor weights, Tensor x)
    {
        CheckRule(weights, x);
        // s = wᵀx
        return weights.dot(x);
    }

    /// <summary>Whether the rule accepts x: wᵀx ≥ t (a boolean tensor).</summary>
    /// <exception cref="InvalidInputException">Empty, non-finite or mismatched vectors, or a target that is not one finite element.</exception>
    /// <exception cref="DegenerateInputException">Every weight is zero.</exception>
    public static Tensor Accepts(Tensor weights, Tensor x, Tensor target)
    {
        CheckRule(weights, x);
        TensorChecks.Scalar(target, nameof(target));
        // wᵀx ≥ t
        return WrappedTensorDisposeScope(() => weights.dot(x).ge(target.reshape(1)[0]));
    }

    private static void CheckRule(Tensor weights, Tensor x)
    {
        var (w, _) = TensorChecks.Vectors(weights, nameof(weights), x, nameof(x));
        Check.NonZero(w, nameof(weights), "a decision rule needs a non-zero weight vector w");
    }
}
