
namespace TensorLinear.Verification.Tolerances;

// The bounds of gradient descent and of the descent lemma (the Descent check, and the "gradient step lowers the loss" identities).
public static partial class TolerancePolicy
{
    /// <summary>
    /// The error one epoch adds to the difference of two runs of descent, per parameter: each side's gradient error
    /// times η, and each side's rounding of the step θ − ηg (a product and a difference) and of the soft threshold:
    /// 2·η·Gⱼ + 2γ₃·(|θⱼ| + η|gⱼ| + ηλ₁). Differences already present are not amplified: for η ≤ 2/L the map
    /// θ ↦ θ − η∇f(θ) is non-expansive in the 2-norm (its Jacobian I − ηH̄ has eigenvalues in [−1, 1] because
    /// 0 ≼ H̄ ≼ L·I for the convex losses here), and the soft threshold is non-expansive too. So after t epochs
    /// ‖θ_t − θ′_t‖₂ ≤ Σₛ ‖eₛ‖₂, with eₛ this vector at the iterate of epoch s.
    /// </summary>
    public static double[] DescentStepError(Bound[] gradientError, double[] theta, double[] gradient, double learningRate, double l1)
    {
        ArgumentNullException.ThrowIfNull(gradientError);
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(gradient);
        var e = new double[theta.Length];
        for (var j = 0; j < theta.Length; j++)
            e[j] = 2 * learningRate * gradientError[j].Value + 2 * Gamma(3) * (Math.Abs(theta[j]) + learningRate * Math.Abs(gradient[j]) + learningRate * l1);
        return e;
    }

    /// <summary>
    /// The bound on two losses evaluated at parameters δ apart (‖δ‖₂ ≤ <paramref name="distance"/>): each side's value
    /// error, plus how far L moves over δ — the smooth part by at most ‖∇f‖·‖δ‖ + (L/2)‖δ‖² (L the Lipschitz constant of
    /// ∇f), the L1 term by λ₁√d‖δ‖.
    /// </summary>
    public static Bound LossAtNearbyParameters(Bound valueError, double gradientNorm, double lipschitz, double distance, double l1, int weightCount)
    {
        ArgumentNullException.ThrowIfNull(valueError);
        var move = gradientNorm * distance + 0.5 * lipschitz * distance * distance + l1 * Math.Sqrt(weightCount) * distance;
        return new Bound(2 * valueError.Value + move, valueError.Scale, "2·(value bound) + ‖∇f‖·Δ + (L/2)Δ² + λ₁√d·Δ");
    }

    /// <summary>
    /// The slack of the descent lemma as computed: for f with L-Lipschitz gradient and η = 1/L̂ (L ≤ 1.5L̂),
    /// f(θ − ηĝ) ≤ f(θ) − (η/4)‖ĝ‖² + η‖E‖‖ĝ‖ where E bounds ĝ − ∇f; computed, each value errs by its bound and the
    /// rounding of θ − ηĝ (|δⱼ| ≤ 2u(|θⱼ| + η|ĝⱼ|)) moves f by at most (2‖ĝ‖ + ‖E‖ + L‖δ‖)‖δ‖.
    /// </summary>
    public static Bound DescentDecrease(Bound valueAtStart, Bound valueAfterStep, Bound[] gradientError, double[] theta, double[] gradient, double learningRate, double lipschitz)
    {
        ArgumentNullException.ThrowIfNull(valueAtStart);
        ArgumentNullException.ThrowIfNull(valueAfterStep);
        ArgumentNullException.ThrowIfNull(gradientError);
        var errorNorm = Math.Sqrt(gradientError.Sum(b => b.Value * b.Value));
        var gradientNorm = Norm2Of(gradient);
        var delta = Math.Sqrt(theta.Select((t, j) => Math.Pow(2 * U * (Math.Abs(t) + learningRate * Math.Abs(gradient[j])), 2)).Sum());
        var value = valueAtStart.Value + valueAfterStep.Value + learningRate * errorNorm * gradientNorm
                    + (2 * gradientNorm + errorNorm + lipschitz * delta) * delta;
        return new Bound(value, valueAtStart.Scale, "value bounds + η‖E‖‖ĝ‖ + (2‖ĝ‖ + ‖E‖ + L‖δ‖)‖δ‖");
    }
}
