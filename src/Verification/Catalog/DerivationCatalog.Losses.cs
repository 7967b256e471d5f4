using TensorLinear.Autograd.Models;
using TensorLinear.Reference.Losses;
using TensorLinear.Reference.Metrics;
using TensorLinear.Verification.Checks;
using TensorLinear.Verification.Generators;
using TensorLinear.Verification.Tolerances;
using static TensorLinear.Verification.Catalog.CatalogParts;
using static TorchSharp.torch;

namespace TensorLinear.Verification.Catalog;

// Pointwise losses and the sigmoid: Reference.Metrics/Losses against Autograd.Models.TensorLosses, differentiated with
// respect to the predictions (probabilities, logits). Inputs: Vectors = [predictions, targets].
public static partial class DerivationCatalog
{
    /// <summary>The loss entries: MSE, MAE, binary cross-entropy from probabilities and from logits, and the sigmoid.</summary>
    public static IReadOnlyList<Derivation> Losses => _losses ??= CreateLosses();

    private static IReadOnlyList<Derivation>? _losses;

    private static Derivation[] CreateLosses() =>
    [
        MeanSquaredError(),
        new()
        {
            Name = "mae",
            Formula = "MAE = (1/n)Σ|ŷᵢ − yᵢ|, ∇ = sign(ŷ − y)/n",
            Reference = "RegressionMetrics.MeanAbsoluteError; its gradient sign(ŷ − y)/n is derived here",
            Twin = "TensorLosses.MeanAbsoluteError",
            Notes = "Kinks where ŷᵢ = yᵢ: both sides take sign(0) = 0.",
            Generator = Inputs.Regression(),
            IsValid = c => CatalogParts.Vectors(c, 2),
            Bind = c => LossProblem(c, "ŷ",
                (y, p) => RegressionMetrics.MeanAbsoluteError(y, p),
                (y, p) => [.. p.Select((v, i) => Math.Sign(v - y[i]) / (double)p.Length)],
                TensorLosses.MeanAbsoluteError,
                TolerancePolicy.MeanAbsoluteError, TolerancePolicy.MeanAbsoluteErrorGradient,
                (y, p) => [.. p.Select((v, i) => Math.Abs(v - y[i]))]),
        },
        new()
        {
            Name = "bce (probabilities)",
            Formula = "(1/n)Σ −[yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)], ∂/∂pᵢ = (pᵢ − yᵢ)/(pᵢ(1 − pᵢ)n)",
            Reference = "BinaryCrossEntropy.FromProbabilities; its gradient is derived here",
            Twin = "TensorLosses.BinaryCrossEntropyFromProbabilities (libtorch 2.10's binary_cross_entropy, through TorchSharp's torch.nn.functional)",
            Notes = "p in [1e-6, 1 − 1e-6]: libtorch clamps p(1 − p) at 1e-12 in the gradient and both sides floor the logs at −100, neither of which acts there. Outside [0, 1] both sides refuse p (the reference function returns NaN to the finite differences, which then shorten their step).",
            Generator = Inputs.Probabilities(),
            IsValid = c => CatalogParts.Vectors(c, 2) && c.Vectors[0].All(p => p >= 1e-6 && p <= 1 - 1e-6) && c.Vectors[1].All(y => y is >= 0 and <= 1),
            Bind = c => LossProblem(c, "p",
                (y, p) => p.All(v => v is > 0 and < 1) ? BinaryCrossEntropy.FromProbabilities(y, p) : double.NaN,
                (y, p) => [.. p.Select((v, i) => (v - y[i]) / (v * (1 - v)) / p.Length)],
                TensorLosses.BinaryCrossEntropyFromProbabilities,
                TolerancePolicy.BinaryCrossEntropyFromProbabilities, TolerancePolicy.BinaryCrossEntropyFromProbabilitiesGradient),
        },
        new()
        {
            Name = "bce (logits)",
            Formula = "(1/n)Σ softplus(zᵢ) − yᵢzᵢ, ∂/∂zᵢ = (σ(zᵢ) − yᵢ)/n",
            Reference = "BinaryCrossEntropy.FromLogits; its gradient, from Logistic.Sigmoid, is derived here",
            Twin = "TensorLosses.BinaryCrossEntropyFromLogits",
            Notes = "Logits up to ±40, where σ rounds to 1 and a loss of 4e-18 rounds to 0 in libtorch: the bound is absolute, on the scale 1 + 2|z|.",
            Generator = Inputs.Logits(),
            IsValid = c => CatalogParts.Vectors(c, 2) && c.Vectors[1].All(y => y is >= 0 and <= 1),
            Bind = c => LossProblem(c, "z",
                (y, z) => BinaryCrossEntropy.FromLogits(y, z),
                (y, z) => [.. z.Select((v, i) => (Logistic.Sigmoid(v) - y[i]) / z.Length)],
                TensorLosses.BinaryCrossEntropyFromLogits,
                TolerancePolicy.BinaryCrossEntropyFromLogits, TolerancePolicy.BinaryCrossEntropyFromLogitsGradient),
            Identities = [GradientStepLowersLoss("bce (logits)", (y, z) => BinaryCrossEntropy.FromLogits(y, z), (y, z) => [.. z.Select((v, i) => (Logistic.Sigmoid(v) - y[i]) / z.Length)],
                TensorLosses.BinaryCrossEntropyFromLogits, TolerancePolicy.BinaryCrossEntropyFromLogits, TolerancePolicy.BinaryCrossEntropyFromLogitsGradient,
                n => 0.25 / n)],
        },
        new()
        {
            Name = "sigmoid",
            Formula = "σ(z) = 1/(1 + e⁻ᶻ) elementwise, Jacobian diag(σ(z)σ(−z))",
            Reference = "Logistic.Sigmoid; its Jacobian σ(z)σ(−z) = σ(1 − σ) is derived here",
            Twin = "TensorLosses.Sigmoid",
            Notes = "Up to ±40: libtorch forms 1 − σ from the rounded σ, so at z = 40 its derivative is 0 where the true one is 4e-18; the bound has the term γ₄σ² for it.",
            Generator = Inputs.SigmoidInputs(),
            IsValid = c => CatalogParts.Vectors(c, 1),
            Bind = c =>
            {
                var z = c.Vectors[0];
                return new Problem
                {
                    Point = z,
                    Variables = Names("z", z.Length),
                    Reference = t => [.. t.Select(Logistic.Sigmoid)],
                    Twin = TensorLosses.Sigmoid,
                    ValueError = TolerancePolicy.Sigmoid,
                    // dσ(zᵢ)/dzⱼ = δᵢⱼ·σ(zᵢ)(1 − σ(zᵢ)), with 1 − σ(z) = σ(−z)
                    HandJacobian = t =>
                    {
                        var j = new double[t.Length, t.Length];
                        for (var i = 0; i < t.Length; i++) j[i, i] = Logistic.Sigmoid(t[i]) * Logistic.Sigmoid(-t[i]);
                        return j;
                    },
                    JacobianError = TolerancePolicy.SigmoidJacobian,
                };
            },
        },
    ];

    /// <summary>
    /// The MSE entry with a given hand gradient: (2/n)(ŷ − y), or — to show that the suite catches it — a wrong one.
    /// </summary>
    /// <param name="gradient">The hand gradient as a function of (targets, predictions); null for the right one.</param>
    /// <param name="name">The entry's name.</param>
    public static Derivation MeanSquaredError(Func<double[], double[], double[]>? gradient = null, string name = "mse")
    {
        var hand = gradient ?? ((y, p) => [.. p.Select((v, i) => 2.0 * (v - y[i]) / p.Length)]);
        return new Derivation
        {
            Name = name,
            Formula = "MSE = (1/n)Σ(ŷᵢ − yᵢ)², ∇ = (2/n)(ŷ − y)",
            Reference = "RegressionMetrics.MeanSquaredError; its gradient (2/n)(ŷ − y) is derived here",
            Twin = "TensorLosses.MeanSquaredError (libtorch's mse_loss)",
            Generator = Inputs.Regression(),
            IsValid = c => CatalogParts.Vectors(c, 2),
            Bind = c => LossProblem(c, "ŷ", (y, p) => RegressionMetrics.MeanSquaredError(y, p), hand, TensorLosses.MeanSquaredError,
                TolerancePolicy.MeanSquaredError, TolerancePolicy.MeanSquaredErrorGradient),
            Identities = [GradientStepLowersLoss(name, (y, p) => RegressionMetrics.MeanSquaredError(y, p), hand, TensorLosses.MeanSquaredError,
                TolerancePolicy.MeanSquaredError, TolerancePolicy.MeanSquaredErrorGradient, n => 2.0 / n)],
        };
    }

    /// <summary>A loss of (targets, predictions) differentiated with respect to the predictions; the targets are fixed.</summary>
    private static Problem LossProblem(CaseInput c, string variable, Func<double[], double[], double> f, Func<double[], double[], double[]> gradient,
                                       Func<Tensor, Tensor, Tensor> twin, Func<double[], double[], Bound> valueError, Func<double[], double[], Bound[]> gradientError,
                                       Func<double[], double[], double[]>? kinkDistances = null)
    {
        double[] predictions = c.Vectors[0], targets = c.Vectors[1];
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
        new("gradient step lowers the loss", "f(θ − ∇f/L) ≤ f(θ) − ‖∇f‖²/(4L)", c =>
        {
            double[] theta = c.Vectors[0], targets = c.Vectors[1];
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
