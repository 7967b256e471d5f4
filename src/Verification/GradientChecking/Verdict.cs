namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// A verdict: of one derivative entry, of the Taylor test, of the kink test, or of a whole report. Only
/// <see cref="Agrees"/> is a pass; <see cref="Inconclusive"/> says the evidence cannot tell, and why.
/// </summary>
public enum Verdict
{
    /// <summary>
    /// The evidence says the claim is right: the values agree within a derived bound that is small enough to have
    /// seen an error (at a kink: the claim lies between the one-sided slopes).
    /// </summary>
    Agrees,

    /// <summary>The evidence says the claim is wrong: a pair of values differs by more than the bound (see <c>DisagreeingPairs</c>).</summary>
    Disagrees,

    /// <summary>
    /// The evidence cannot tell (see <c>Reason</c>): f is not smooth on the scale of the step (a kink near x but not at
    /// it), the bound is as large as the values compared, or the Taylor remainders never showed an order.
    /// </summary>
    Inconclusive,
}
