namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// How far one computed value of an output of f may be from the exact one: δ = max(ρ·max(F, T̂), 3σ̂).
/// </summary>
/// <remarks>
/// <para><b>The rounding model ρ·max(F, T̂).</b> F is the largest |f| near x. It alone is not enough: when f's terms
/// cancel (f = 5.5e-8 from terms of 1e-4), its rounding error is u times the terms, not u times f. T̂ = Σⱼ |xⱼ|·|∂f/∂xⱼ|
/// measures the terms from outside: it is how much f moves when every input moves by its own magnitude, i.e. the
/// first-order condition number of f times |f|; an evaluation that is backward stable in x has forward error about
/// u·T̂. The derivatives in T̂ are the coarse finite differences (never the claimed ones, which may be wrong).</para>
/// <para><b>The measured noise 3σ̂.</b> σ̂ is the noise level estimated from fourth differences (see
/// <see cref="DerivativeSurvey"/>); three of them allow for a draw in the tail. Rounding errors of inputs that move
/// in equal steps are not independent — they follow a sawtooth that is linear over a short stencil, which a fourth
/// difference cannot see — so the measured noise complements the model and never replaces it.</para>
/// </remarks>
/// <param name="Rho">ρ, the relative accuracy of an evaluation.</param>
/// <param name="Scale">T̂ = Σⱼ |xⱼ|·|∂f/∂xⱼ| for this output (0 before it is known).</param>
/// <param name="Sigma">σ̂, the measured noise level (0 before it is known).</param>
internal readonly record struct NoiseModel(double Rho, double Scale, double Sigma)
{
    /// <summary>How many measured noise levels δ allows.</summary>
    public const double NoiseBoundFactor = 3.0;

    /// <summary>δ for values of magnitude up to <paramref name="magnitude"/>, with an extra noise level of the stencil at hand.</summary>
    public double Delta(double magnitude, double ownSigma = 0.0) =>
        Math.Max(Rho * Math.Max(magnitude, Scale), NoiseBoundFactor * Math.Max(Sigma, ownSigma));
}
