using TensorLinear.Reference.Losses;

namespace TensorLinear.Verification.Tolerances;

// The bounds of the pointwise losses over n rows (DerivationCatalog.Losses.cs).
public static partial class TolerancePolicy
{
    /// <summary>MSE = (1/n)Σrᵢ²: the residual, its square (3 roundings relative), the sum γₙ₋₁ and the mean: γₙ₊₃·MSE.</summary>
    public static Bound MeanSquaredError(double[] targets, double[] predictions)
    {
        var mse = targets.Select((t, i) => (predictions[i] - t) * (predictions[i] - t)).Average();
        return new Bound(Gamma(targets.Length + 3) * mse, mse, "γₙ₊₃·MSE");
    }

    /// <summary>∇ MSE = (2/n)(ŷ − y): the residual, 2/n and the product, γ₃·|gᵢ|.</summary>
    public static Bound[] MeanSquaredErrorGradient(double[] targets, double[] predictions)
    {
        var n = targets.Length;
        return [.. targets.Select((t, i) =>
        {
            var g = Math.Abs(2.0 * (predictions[i] - t) / n);
            return new Bound(Gamma(3) * g, g, "γ₃·|gᵢ|");
        })];
    }

    /// <summary>MAE = (1/n)Σ|rᵢ|: the residuals (u), the sum γₙ₋₁ and the mean: γₙ₊₁·MAE.</summary>
    public static Bound MeanAbsoluteError(double[] targets, double[] predictions)
    {
        var mae = targets.Select((t, i) => Math.Abs(predictions[i] - t)).Average();
        return new Bound(Gamma(targets.Length + 1) * mae, mae, "γₙ₊₁·MAE");
    }

    /// <summary>∇ MAE = sign(ŷ − y)/n: the one rounding of 1/n, u·|gᵢ|.</summary>
    public static Bound[] MeanAbsoluteErrorGradient(double[] targets, double[] predictions)
    {
        var n = targets.Length;
        return [.. targets.Select((t, i) => predictions[i] != t
            ? new Bound(U / n, 1.0 / n, "u·|gᵢ|")
            : Bound.Exact(0.0))];
    }

    /// <summary>
    /// BCE from probabilities, (1/n)Σ −[yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)]: each log within 2u relative (the reference's
    /// log1p within 10u), libtorch's log(1 − p) after rounding 1 − p within u + 2u|log(1 − p)|, the products and sums
    /// a few roundings more, the mean γₙ: γₙ₊₁₄·(1/n)Σ(1 + |log pᵢ| + |log(1 − pᵢ)|).
    /// </summary>
    public static Bound BinaryCrossEntropyFromProbabilities(double[] labels, double[] probabilities)
    {
        var s = probabilities.Average(p => 1.0 + Math.Abs(Math.Max(Math.Log(p), -100)) + Math.Abs(Math.Max(Math.Log(1 - p), -100)));
        return new Bound(Gamma(labels.Length + 14) * s, s, "γₙ₊₁₄·(1/n)Σ(1 + |log pᵢ| + |log(1 − pᵢ)|)");
    }

    /// <summary>
    /// ∂/∂pᵢ = (pᵢ − yᵢ)/(pᵢ(1 − pᵢ))/n: five roundings on the hand side, libtorch's
    /// (p − y)/max(p(1 − p), 10⁻¹²)·(1/n) as many plus the rounding of 1/n: γ₆·|gᵢ| (where p(1 − p) ≥ 10⁻¹²).
    /// </summary>
    public static Bound[] BinaryCrossEntropyFromProbabilitiesGradient(double[] labels, double[] probabilities)
    {
        var n = labels.Length;
        return [.. labels.Select((y, i) =>
        {
            var p = probabilities[i];
            var g = Math.Abs((p - y) / (p * (1 - p)) / n);
            return new Bound(Gamma(6) * g, g, "γ₆·|gᵢ|");
        })];
    }

    /// <summary>
    /// BCE from logits, (1/n)Σ ℓᵢ: the reference and the one-pass kernel form ℓᵢ = (max(zᵢ, 0) − yᵢzᵢ) + log1p(e^−|zᵢ|)
    /// with the first part a product ((1 − y)z or y·(−z)), the twin yᵢ·softplus(−zᵢ) + (1 − yᵢ)·softplus(zᵢ): both sums
    /// of non-negative terms, within 16 roundings of ℓᵢ (log1p 10u, exp 2u, a product, the sums); the mean of n
    /// non-negative terms γₙ more: γₙ₊₁₆·(1/n)Σℓᵢ, relative to the loss itself (measured against the double-double
    /// truth in ErrorAgainstTheTruthTests: at most 0.10 of it). The scale is the reference's ℓᵢ: a wrong loss would
    /// move it by its own error, far less than the disagreement that error makes.
    /// </summary>
    public static Bound BinaryCrossEntropyFromLogits(double[] labels, double[] logits)
    {
        var s = labels.Select((y, i) => BinaryCrossEntropy.OfLogit(y, logits[i])).Average();
        return new Bound(Gamma(labels.Length + 16) * s, s, "γₙ₊₁₆·(1/n)Σℓᵢ");
    }

    /// <summary>∂/∂zᵢ = (σ(zᵢ) − yᵢ)/n: σ within γ₄, the subtraction and the division: γ₆·(σᵢ + |yᵢ|)/n.</summary>
    public static Bound[] BinaryCrossEntropyFromLogitsGradient(double[] labels, double[] logits)
    {
        var n = labels.Length;
        return [.. labels.Select((y, i) =>
        {
            var s = (Sigmoid(logits[i]) + Math.Abs(y)) / n;
            return new Bound(Gamma(6) * s, s, "γ₆·(σᵢ + |yᵢ|)/n");
        })];
    }

    /// <summary>σ(z): one exponential (2u), an addition and a division, γ₄·σᵢ.</summary>
    public static Bound[] Sigmoid(double[] z) => [.. z.Select(v => new Bound(Gamma(4) * Sigmoid(v), Sigmoid(v), "γ₄·σᵢ"))];

    /// <summary>
    /// The Jacobian of σ, diagonal σ(zᵢ)σ(−zᵢ): the reference within γ₈ relative; libtorch forms (1 − σ̂)σ̂ from the
    /// rounded σ̂ = σ(1 + δ), |δ| ≤ γ₄, which adds σ²γ₄ (at z = 40 it returns 0 for 4·10⁻¹⁸): γ₈·σᵢσ(−zᵢ) + γ₄·σᵢ². The
    /// off-diagonal entries are exactly 0 on both sides.
    /// </summary>
    public static Bound[,] SigmoidJacobian(double[] z)
    {
        var n = z.Length;
        var bounds = new Bound[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                if (i != j) { bounds[i, j] = Bound.Exact(0.0); continue; }
                double s = Sigmoid(z[i]), d = s * Sigmoid(-z[i]);
                bounds[i, j] = new Bound(Gamma(8) * d + Gamma(4) * s * s, d + s * s, "γ₈·σᵢσ(−zᵢ) + γ₄·σᵢ²");
            }
        return bounds;
    }
}
