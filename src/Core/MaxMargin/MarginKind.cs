namespace TensorLinear.MaxMargin;

/// <summary>The two maximum-margin problems.</summary>
public enum MarginKind
{
    /// <summary>Minimise ½‖w‖² subject to yᵢ(wᵀxᵢ + b) ≥ 1: the widest slab with no point inside; separable data only.</summary>
    Hard,

    /// <summary>Minimise ½‖w‖² + C Σᵢ max(0, 1 − yᵢ(wᵀxᵢ + b)): the margin traded against hinge losses, for any data.</summary>
    Soft,
}
