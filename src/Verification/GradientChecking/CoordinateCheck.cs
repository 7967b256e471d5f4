namespace TensorLinear.Verification.GradientChecking;

/// <summary>The check of one gradient coordinate ∂f/∂xᵢ.</summary>
public sealed record CoordinateCheck : DerivativeCheck
{
    internal CoordinateCheck(int index, double claimed, double? autograd, EntryResult r) : base(claimed, autograd, r) => Index = index;

    /// <summary>i, the coordinate (0-based).</summary>
    public int Index { get; init; }
}
