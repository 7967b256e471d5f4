using TensorLinear.Numerics;

namespace TensorLinear.Models;

/// <summary>
/// Penalties added to a loss: λ₂‖w‖₂² (ridge) and λ₁‖w‖₁ (lasso). The bias is never penalised, so that shifting
/// the targets shifts the fit and nothing else.
/// </summary>
public sealed record Penalty
{
    /// <summary>Creates a penalty; both strengths must be finite and ≥ 0.</summary>
    public Penalty(double l2 = 0.0, double l1 = 0.0)
    {
        Check.NonNegative(l2, nameof(l2));
        Check.NonNegative(l1, nameof(l1));
        L2 = l2;
        L1 = l1;
    }

    /// <summary>No penalty.</summary>
    public static Penalty None { get; } = new();

    /// <summary>The ridge strength λ₂ of λ₂‖w‖₂².</summary>
    public double L2 { get; }

    /// <summary>The lasso strength λ₁ of λ₁‖w‖₁.</summary>
    public double L1 { get; }

    /// <summary>True when neither penalty is set.</summary>
    public bool IsNone => L2 == 0.0 && L1 == 0.0;
}
