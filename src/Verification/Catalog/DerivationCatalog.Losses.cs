using TensorLinear.Autograd.Models;
using TensorLinear.Verification.Cases;
using TensorLinear.Verification.Checks;
using TensorLinear.Verification.Exact;
using TensorLinear.Verification.Generators;
using TensorLinear.Verification.Tolerances;
using static TensorLinear.Verification.Catalog.CatalogParts;
using static TorchSharp.torch;
using TensorLinear.Autograd.Losses;

namespace TensorLinear.Verification.Catalog;

// Pointwise losses and the sigmoid: Reference.Metrics/Losses against Autograd.Models.TensorLosses, differentiated with
// respect to the predictions (probabilities, logits) of a LossCase.
public static partial class DerivationCatalog
{
    private static Derivation[] CreateLosses(ReferenceFunctions f) =>
    [
        new Derivation<LossCase>
        {
            Name = EntryNames.MeanSquaredError,
            Formula = "MSE = (1/n)Σ(ŷᵢ − yᵢ)², ∇ = (2/n)(ŷ − y)",
            References = [f.MeanSquaredError, f.MeanSquaredErrorGradient],
            Twins = [TensorLosses.MeanSquaredError],
            Exact = c => ExactLosses.MeanSquaredError(c.Targets),
            Generator = Inputs.Regression(),
            IsValid = c => c.IsWellFormed,
            Bind = c => LossProblem(c, "ŷ", f.MeanSquaredError, f.MeanSquaredErrorGradient, TensorLosses.MeanSquaredError,
                TolerancePolicy.MeanSquaredError, TolerancePolicy.MeanSquaredErrorGradient),
            Identities = [GradientStepLowersLoss(EntryNames.MeanSquaredError, f.MeanSquaredError, f.MeanSquaredErrorGradient, TensorLosses.MeanSquaredError,
                TolerancePolicy.MeanSquaredError, TolerancePolicy.MeanSquaredErrorGradient, n => 2.0 / n)],
        },
        new Derivation<LossCase>
        {
            Name = EntryNames.MeanAbsoluteError,
            Formula = "MAE = (1/n)Σ|ŷᵢ − yᵢ|, ∇ = sign(ŷ − y)/n",
            References = [f.MeanAbsoluteError, f.MeanAbsoluteErrorSubgradient],
            Twins = [TensorLosses.MeanAbsoluteError],
            Exact = c => ExactLosses.MeanAbsoluteError(c.Targets),
            Notes = "Kinks where ŷᵢ = yᵢ: both sides take sign(0) = 0.",
            Generator = Inputs.Regression(),
            IsValid = c => c.IsWellFormed,
            Bind = c => LossProblem(c, "ŷ",
                f.MeanAbsoluteError, f.MeanAbsoluteErrorSubgradient,
                TensorLosses.MeanAbsoluteError,
                TolerancePolicy.MeanAbsoluteError, TolerancePolicy.MeanAbsoluteErrorGradient,
                (y, p) => [.. p.Select((v, i) => Math.Abs(v - y[i]))]),
        },
        new Derivation<LossCase>
        {
            Name = EntryNames.BinaryCrossEntropyFromProbabilities,
            Formula = "(1/n)Σ −[yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)], ∂/∂pᵢ = (pᵢ − yᵢ)/(pᵢ(1 − pᵢ)n)",
            References = [f.BinaryCrossEntropyFromProbabilities, f.BinaryCrossEntropyGradientFromProbabilities],
            Twins = [TensorLosses.BinaryCrossEntropyFromProbabilities],
            Exact = c => ExactLosses.CrossEntropyFromProbabilities(c.Targets),
            Notes = "p in [1e-6, 1 − 1e-6]: libtorch clamps p(1 − p) at 1e-12 in the gradient and both sides floor the logs at −100, neither of which acts there. Outside [0, 1] both sides refuse p (the reference function returns NaN to the finite differences, which then shorten their step).",
            Generator = Inputs.Probabilities(),
            IsValid = c => c.IsWellFormed && c.Predictions.All(p => p >= 1e-6 && p <= 1 - 1e-6) && c.Targets.All(y => y is >= 0 and <= 1),
            Bind = c => LossProblem(c, "p",
                (y, p) => p.All(v => v is > 0 and < 1 || !double.IsFinite(v)) ? f.BinaryCrossEntropyFromProbabilities(y, p) : double.NaN,
                f.BinaryCrossEntropyGradientFromProbabilities,
                TensorLosses.BinaryCrossEntropyFromProbabilities,
                TolerancePolicy.BinaryCrossEntropyFromProbabilities, TolerancePolicy.BinaryCrossEntropyFromProbabilitiesGradient),
        },
        new Derivation<LossCase>
        {
            Name = EntryNames.BinaryCrossEntropyFromLogits,
            Formula = "(1/n)Σ softplus(zᵢ) − yᵢzᵢ, ∂/∂zᵢ = (σ(zᵢ) − yᵢ)/n",
            References = [f.BinaryCrossEntropyFromLogits, f.BinaryCrossEntropyGradientFromLogits],
            Twins = [TensorLosses.BinaryCrossEntropyFromLogits],
            Exact = c => ExactLosses.CrossEntropyFromLogits(c.Targets),
            Notes = "Logits up to ±40, where σ rounds to 1: both engines group the loss and its slope so that nothing cancels (4e-18 at z = 40, y = 1 keeps its digits), so the bound is relative to the loss.",
            Generator = Inputs.Logits(),
            IsValid = c => c.IsWellFormed && c.Targets.All(y => y is >= 0 and <= 1),
            Bind = c => LossProblem(c, "z",
                f.BinaryCrossEntropyFromLogits, f.BinaryCrossEntropyGradientFromLogits,
                TensorLosses.BinaryCrossEntropyFromLogits,
                TolerancePolicy.BinaryCrossEntropyFromLogits, TolerancePolicy.BinaryCrossEntropyFromLogitsGradient),
            Identities = [GradientStepLowersLoss(EntryNames.BinaryCrossEntropyFromLogits, f.BinaryCrossEntropyFromLogits, f.BinaryCrossEntropyGradientFromLogits,
                TensorLosses.BinaryCrossEntropyFromLogits, TolerancePolicy.BinaryCrossEntropyFromLogits, TolerancePolicy.BinaryCrossEntropyFromLogitsGradient,
                n => 0.25 / n)],
        },
        new Derivation<VectorCase>
        {
            Name = EntryNames.Sigmoid,
            Formula = "σ(z) = 1/(1 + e⁻ᶻ) elementwise, Jacobian diag(σ(z)σ(−z))",
            References = [f.Sigmoid, f.SigmoidJacobian],
            Twins = [TensorLosses.Sigmoid],
            Exact = c => ExactLosses.Sigmoid,
            Notes = "Up to ±40: libtorch forms 1 − σ from the rounded σ, so at z = 40 its derivative is 0 where the true one is 4e-18; the bound has the term γ₄σ² for it.",
            Generator = Inputs.SigmoidInputs(),
            IsValid = c => c.IsWellFormed,
            Bind = c =>
            {
                var z = c.X;
                return new Problem
                {
                    Point = z,
                    Variables = Names("z", z.Length),
                    Reference = t => [.. t.Select(f.Sigmoid)],
                    Twin = TensorLosses.Sigmoid,
                    ValueError = TolerancePolicy.Sigmoid,
                    HandJacobian = f.SigmoidJacobian,
                    JacobianError = TolerancePolicy.SigmoidJacobian,
                };
            },
        },
    ];

    /// <summary>A loss of (targets, predictions) differentiated with respect to the predictions; the targets are fixed.</summary>
    private static Problem LossProblem(LossCase c, string variable, Func<double[], double[], double> f, Func<double[], double[], double[]> gradient,
                                       Func<Tensor, Tensor, Tensor> twin, Func<double[], double[], Bound> valueError, Func<double[], double[], Bound[]> gradientError,
                                       Func<double[], double[], double[]>? kinkDistances = null)
    {
        var (predictions, targets) = (c.Predictions, c.Targets);
        return Scalar(predictions, Names(variable, predictions.Length),
            t => f(targets, t),
            t => gradient(targets, t),
            t => twin(tensor(targets), t),
            t => valueError(targets, t),
            t => gradientError(targets, t),
            kinkDistances: kinkDistances is null ? null : t => kinkDistances(targets, t));
    }

    /// <summary>
    /// "A small enough gradient step lowers the loss", made quantitative by the descent lemma: for f with L-Lipschitz
    /// gradient, f(θ − ∇f/L) ≤ f(θ) − ‖∇f‖²/(2L), and the check asks for at least a quarter-step's worth,
    /// f(θ − ĝ/L) − f(θ) + ‖ĝ‖²/(4L) ≤ rounding (TolerancePolicy.DescentDecrease), on each side with its own gradient.
    /// </summary>
    private static Identity GradientStepLowersLoss(string name, Func<double[], double[], double> f, Func<double[], double[], double[]> gradient,
                                                   Func<Tensor, Tensor, Tensor> twin, Func<double[], double[], Bound> valueError,
                                                   Func<double[], double[], Bound[]> gradientError, Func<int, double> lipschitz) =>
        Identity.Of<LossCase>("gradient step lowers the loss", "f(θ − ∇f/L) ≤ f(θ) − ‖∇f‖²/(4L)", c =>
        {
            var (theta, targets) = (c.Predictions, c.Targets);
            var l = lipschitz(theta.Length);
            var eta = 1.0 / l;
            ElementCheck Side(int index, string side, double f0, double[] g, Func<double[], double> value)
            {
                var next = theta.Select((t, j) => t - eta * g[j]).ToArray();
                var residual = value(next) - f0 + eta * g.Sum(v => v * v) / 4;
                var bound = TolerancePolicy.DescentDecrease(valueError(targets, theta), valueError(targets, next), gradientError(targets, theta), theta, g, eta, l);
                return Residual(index, $"{name}: f(θ − ηg) − f(θ) + η‖g‖²/4", side, residual, bound, inequality: true);
            }
            Tensor Twin(Tensor t) => twin(tensor(targets), t);
            var (tensorValue, tensorGradient) = TwinValueAndGradient(Twin, theta);
            return [Side(0, ReferenceSide, f(targets, theta), gradient(targets, theta), t => f(targets, t)),
                    Side(1, TensorSide, tensorValue, tensorGradient, t => TwinValue(Twin, t))];
        });
}
