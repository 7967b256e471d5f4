namespace TensorLinear.Verification.Checks;

/// <summary>The checks the catalog runs on every entry they apply to.</summary>
public enum CheckKind
{
    /// <summary>1. The reference's value agrees with the tensor twin's.</summary>
    Values,

    /// <summary>2. The hand-derived gradient (or Jacobian) agrees with autograd's.</summary>
    Gradients,

    /// <summary>3. Both agree with a finite-difference gradient (the gradient checker's, kink-aware).</summary>
    FiniteDifferences,

    /// <summary>4. The hand Hessian agrees with the double-backward Hessian and with finite differences of the gradient.</summary>
    Hessian,

    /// <summary>5. k epochs of gradient descent give the same weights, epoch by epoch, on both engines.</summary>
    Descent,

    /// <summary>6. The identities the mathematics implies hold on both sides, within their rounding.</summary>
    Identities,

    /// <summary>7. The Taylor remainder of the gradient shrinks like h² (observed order about 2).</summary>
    Taylor,

    /// <summary>8. The reference's values against the truth: the entry's definition evaluated in double-double, within the reference's own bound.</summary>
    ReferenceTruth,

    /// <summary>9. The twin's values against the same truth, within the twin's own bound.</summary>
    TwinTruth,

    /// <summary>10. The claimed derivative (hand, else autograd's) against forward mode: the definition on dual numbers.</summary>
    ForwardMode,
}
