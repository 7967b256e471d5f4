namespace TensorLinear.Verification.GradientChecking;

/// <summary>The names of the pairs a check compares, as they appear in <c>DisagreeingPair</c>.</summary>
public static class ComparedPairs
{
    /// <summary>The claimed value against autograd's.</summary>
    public const string ClaimedVersusAutograd = "claimed vs autograd";

    /// <summary>The claimed value against the finite difference (or, at a kink, the one-sided differences).</summary>
    public const string ClaimedVersusFiniteDifference = "claimed vs finite difference";

    /// <summary>Autograd's value against the finite difference (or, at a kink, the one-sided differences).</summary>
    public const string AutogradVersusFiniteDifference = "autograd vs finite difference";
}
