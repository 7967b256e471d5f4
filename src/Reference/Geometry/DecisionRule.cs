using System.Collections.Immutable;
using System.Text;
using TensorLinear.Numerics;

namespace TensorLinear.Reference;

/// <summary>
/// A linear decision rule: accept x when its weighted score reaches the target, wᵀx ≥ t. For loan approval, x
/// might hold an applicant's income, credit score and number of current loans, with positive weights on the first
/// two and a negative weight on the third; the applicant is approved when the score reaches the bank's target.
/// </summary>
/// <remarks>
/// The rule is the half-space wᵀx − t ≥ 0, bounded by the hyperplane <see cref="ToHyperplane"/> with bias w₀ = −t
/// (docs/derivations/lines-and-hyperplanes.md). Immutable.
/// </remarks>
public sealed record DecisionRule
{
    /// <summary>Creates the rule wᵀx ≥ <paramref name="target"/> from a copy of <paramref name="weights"/>.</summary>
    /// <exception cref="EmptyInputException">The weights are empty.</exception>
    /// <exception cref="NonFiniteInputException">A weight or the target is NaN or infinite.</exception>
    /// <exception cref="DegenerateInputException">Every weight is zero, so the rule ignores x altogether.</exception>
    public DecisionRule(double[] weights, double target)
    {
        Check.Finite(target, nameof(target));
        _boundary = new Hyperplane(weights, -target);
        Target = target;
    }

    /// <summary>The weights w, one per feature.</summary>
    public ImmutableArray<double> Weights => _boundary.Weights;

    /// <summary>The target t that the score must reach.</summary>
    public double Target { get; }

    // The boundary wᵀx − t = 0, which holds and checks the weights.
    private readonly Hyperplane _boundary;

    /// <summary>The score wᵀx.</summary>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x does not have one component per weight.</exception>
    public double Score(double[] x)
    {
        Check.Vector(x, nameof(x));
        Check.SameLength(_boundary.Dimension, "weights", x.Length, nameof(x));
        // s = wᵀx, without the bias: comparing wᵀx with t rounds once less than the sign of wᵀx − t.
        return Vector.Dot(_boundary.Normal, x);
    }

    /// <summary>Whether the rule accepts x: wᵀx ≥ t, a score exactly on target included.</summary>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x does not have one component per weight.</exception>
    public bool Accepts(double[] x) => Score(x) >= Target;

    /// <summary>
    /// The boundary wᵀx − t = 0 as a hyperplane with bias w₀ = −t. Its <see cref="Hyperplane.Side"/> is ≥ 0
    /// exactly where the rule accepts, and its signed distance says how far an applicant is from the decision.
    /// </summary>
    public Hyperplane ToHyperplane() => _boundary;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(FormattableString.Invariant($"Weights = [{string.Join(", ", Weights)}], Target = {Target}"));
        return true;
    }
}
