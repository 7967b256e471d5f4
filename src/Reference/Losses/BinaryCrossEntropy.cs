using TensorLinear.Numerics;

namespace TensorLinear.Reference.Losses;

/// <summary>
/// Binary cross-entropy ℓ = −[y·log p + (1 − y)·log(1 − p)] of a label y ∈ [0, 1] (0/1, or a soft label) against a
/// predicted probability p, either given directly or as a logit z with p = σ(z). Means are over the rows.
/// </summary>
public static class BinaryCrossEntropy
{
    /// <summary>
    /// The floor on log p and log(1 − p) in the probability form, so a confident wrong prediction (p = 0 for y = 1)
    /// costs 100 rather than ∞. libtorch's binary_cross_entropy clamps at the same value, so the two engines agree.
    /// </summary>
    public const double LogFloor = -100.0;

    /// <summary>
    /// The loss of one logit: softplus(z) − y·z = (max(z, 0) − y·z) + log1p(e^−|z|), accurate to a few ulps of the loss
    /// itself (also where it is tiny: 4.2e-18 at z = 40, y = 1); finite for every finite z.
    /// </summary>
    /// <exception cref="OutOfDomainException"><paramref name="label"/> is outside [0, 1].</exception>
    /// <exception cref="NonFiniteInputException"><paramref name="logit"/> is NaN or infinite.</exception>
    public static double OfLogit(double label, double logit)
    {
        CheckLabel(label, nameof(label));
        Check.Finite(logit, nameof(logit));
        return OfLogitUnchecked(label, logit);
    }

    /// <summary>
    /// The loss of one probability, −[y·max(log p, −100) + (1 − y)·max(log(1 − p), −100)]: the logs are floored at
    /// <see cref="LogFloor"/>, so p = 0 or 1 gives a finite loss (and 0·log 0 counts as 0).
    /// </summary>
    /// <exception cref="OutOfDomainException">The label or the probability is outside [0, 1].</exception>
    public static double OfProbability(double label, double probability)
    {
        CheckLabel(label, nameof(label));
        CheckProbability(probability, nameof(probability));
        // log1p(−p) keeps the digits of 1 − p that forming 1 − p would lose for tiny p.
        var logP = Math.Max(Math.Log(probability), LogFloor);
        var logNotP = Math.Max(Elementary.Log1p(-probability), LogFloor);
        return -(label * logP + (1.0 - label) * logNotP);
    }

    /// <summary>The mean loss over rows of labels and logits: (1/n) Σ softplus(zᵢ) − yᵢzᵢ.</summary>
    /// <exception cref="InvalidInputException">Empty, NaN/∞ or mismatched inputs, or a label outside [0, 1].</exception>
    public static double FromLogits(double[] labels, double[] logits)
    {
        CheckLabels(labels, logits, nameof(logits));
        return Mean(labels.Length, i => OfLogitUnchecked(labels[i], logits[i]));
    }

    /// <summary>The mean loss over rows of labels and probabilities (logs floored at <see cref="LogFloor"/>).</summary>
    /// <exception cref="InvalidInputException">Empty, NaN/∞ or mismatched inputs, or a label or probability outside [0, 1].</exception>
    public static double FromProbabilities(double[] labels, double[] probabilities)
    {
        CheckLabels(labels, probabilities, nameof(probabilities));
        for (var i = 0; i < probabilities.Length; i++) CheckProbability(probabilities[i], $"{nameof(probabilities)}[{i}]");
        return Mean(labels.Length, i => OfProbability(labels[i], probabilities[i]));
    }

    // −y·log σ(z) − (1 − y)·log(1 − σ(z)) with log σ(z) = −softplus(−z) and log(1 − σ(z)) = −softplus(z); since
    // softplus(z) − softplus(−z) = z, this is softplus(z) − y·z = (max(z, 0) − y·z) + log1p(e^−|z|). Grouped so, the
    // first part is (1 − y)·z for z ≥ 0 and y·(−z) for z < 0, both ≥ 0, and adding the positive log1p cancels nothing:
    // a few roundings relative to ℓ itself. softplus(z) − y·z instead loses every digit for y = 1 and large z
    // (z = 40: 40 − 40 = 0 for 4.2e-18). Never forms σ(z), whose rounding to 0 or 1 at |z| ≳ 37 would make log −∞.
    internal static double OfLogitUnchecked(double label, double logit)
    {
        var linear = logit >= 0.0 ? (1.0 - label) * logit : label * -logit; // max(z, 0) − y·z, without cancellation
        return linear + Elementary.Log1p(Math.Exp(-Math.Abs(logit)));
    }

    private static double Mean(int n, Func<int, double> term)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++) sum += term(i);
        return sum / n;
    }

    private static void CheckLabels(double[] labels, double[] values, string valuesName)
    {
        Check.Vectors(labels, nameof(labels), values, valuesName);
        for (var i = 0; i < labels.Length; i++) CheckLabel(labels[i], $"{nameof(labels)}[{i}]");
    }

    private static void CheckLabel(double label, string name)
    {
        if (!(label >= 0.0 && label <= 1.0))
            throw new OutOfDomainException(name, FormattableString.Invariant($"is {label}; a label must lie in [0, 1] (0 and 1 for hard labels)"));
    }

    private static void CheckProbability(double p, string name)
    {
        if (!(p >= 0.0 && p <= 1.0))
            throw new OutOfDomainException(name, FormattableString.Invariant($"is {p}; a probability must lie in [0, 1] (pass logits to FromLogits instead)"));
    }
}
