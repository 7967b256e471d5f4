using TensorLinear.Numerics;

namespace TensorLinear.Reference.Losses;

/// <summary>
/// The log-loss of logistic regression, ℓ(z, y) = softplus(z) − y·z: the binary cross-entropy of the label y against
/// p = σ(z), written in the logit z.
/// </summary>
internal readonly struct LogLoss : IPointwiseLoss
{
    public static double Value(double score, double target) => BinaryCrossEntropy.OfLogitUnchecked(target, score);

    // d/dz [softplus(z) − y·z] = eᶻ/(1 + eᶻ) − y = σ(z) − y: prediction minus label, as for squared error up to the 2.
    // For z ≥ 0 it is written (1 − y) − σ(−z) (σ(z) = 1 − σ(−z)): for y = 1 that is −σ(−z), whose digits σ(z) − 1 loses
    // (σ(40) rounds to 1, so σ(40) − 1 = 0 for −4.2e-18). A NaN score takes the second branch and stays NaN.
    public static double Slope(double score, double target) =>
        score >= 0.0
            ? (1.0 - target) - Logistic.SigmoidUnchecked(-score)
            : Logistic.SigmoidUnchecked(score) - target;

    // d/dz σ(z) = σ(z)(1 − σ(z)), written σ(z)·σ(−z) because 1 − σ(z) rounds to 0 for z ≳ 37 while σ(−z) keeps its digits.
    public static double Curvature(double score, double target) =>
        Logistic.SigmoidUnchecked(score) * Logistic.SigmoidUnchecked(-score);

    // σ(1 − σ) = p(1 − p) is largest at p = ½ (z = 0), where it is ¼.
    public static double MaxCurvature => 0.25;

    // The model is of two classes; soft labels are for BinaryCrossEntropy, not for fitting.
    public static void CheckTargets(ReadOnlySpan<double> targets, string name) => Check.BinaryLabels(targets, name);
}
