namespace TensorLinear.Verification.GradientChecking;

/// <summary>The verdict on one derivative entry.</summary>
public enum Verdict
{
    /// <summary>The values agree within the derived bound.</summary>
    Agrees,

    /// <summary>At least one pair of values differs by more than the bound (see <c>DisagreeingPair</c>).</summary>
    Disagrees,

    /// <summary>
    /// f has a kink at x along this coordinate (the one-sided slopes differ, at every step size) and the values given
    /// lie between the one-sided slopes: valid subgradients, not an error.
    /// </summary>
    Kink,
}
