namespace TensorLinear.Verification.GradientChecking;

/// <summary>Who gives a derivative in a check.</summary>
public enum Witness
{
    /// <summary>The derivative under test (a hand derivation).</summary>
    Claimed,

    /// <summary>libtorch's reverse-mode autograd of f written with tensors.</summary>
    Autograd,

    /// <summary>Forward mode: f written over generic numbers, evaluated on dual numbers.</summary>
    ForwardMode,

    /// <summary>The Richardson-extrapolated central difference (or, at a kink, the one-sided differences).</summary>
    FiniteDifference,
}

/// <summary>Two witnesses a check compared and found further apart than the bound.</summary>
/// <param name="Left">The first.</param>
/// <param name="Right">The second.</param>
public readonly record struct ComparedPair(Witness Left, Witness Right)
{
    /// <summary>"claimed vs autograd", "forward mode vs finite difference"…</summary>
    public override string ToString() => $"{Name(Left)} vs {Name(Right)}";

    /// <summary>The witness in words, as reports print it.</summary>
    public static string Name(Witness witness) => witness switch
    {
        Witness.Claimed => "claimed",
        Witness.Autograd => "autograd",
        Witness.ForwardMode => "forward mode",
        _ => "finite difference",
    };
}

/// <summary>The pairs a check compares.</summary>
public static class ComparedPairs
{
    /// <summary>The claimed value against autograd's.</summary>
    public static ComparedPair ClaimedVersusAutograd { get; } = new(Witness.Claimed, Witness.Autograd);

    /// <summary>The claimed value against the finite difference (or, at a kink, the one-sided differences).</summary>
    public static ComparedPair ClaimedVersusFiniteDifference { get; } = new(Witness.Claimed, Witness.FiniteDifference);

    /// <summary>Autograd's value against the finite difference.</summary>
    public static ComparedPair AutogradVersusFiniteDifference { get; } = new(Witness.Autograd, Witness.FiniteDifference);

    /// <summary>The claimed value against forward mode's.</summary>
    public static ComparedPair ClaimedVersusForwardMode { get; } = new(Witness.Claimed, Witness.ForwardMode);

    /// <summary>Forward mode's value against the finite difference.</summary>
    public static ComparedPair ForwardModeVersusFiniteDifference { get; } = new(Witness.ForwardMode, Witness.FiniteDifference);
}
