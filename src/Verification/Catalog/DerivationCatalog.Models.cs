using TensorLinear.Verification.Exact;
using TensorLinear.Autograd.Models;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Training;
using TensorLinear.Reference.Training;
using TensorLinear.Verification.Cases;
using TensorLinear.Verification.Checks;
using TensorLinear.Verification.Generators;
using TensorLinear.Verification.Tolerances;
using static TensorLinear.Verification.Catalog.CatalogParts;
using Tensor = TorchSharp.torch.Tensor;

namespace TensorLinear.Verification.Catalog;

// The two linear models: Reference.Models.LinearRegression/LogisticRegression and ReferenceEngine against
// Autograd.Models.TensorLosses and TorchEngine, differentiated with respect to θ = (w, b) on a generated data set.
public static partial class DerivationCatalog
{
    private static Derivation[] CreateModels(ReferenceFunctions f) => [ModelEntry(f, ModelKind.Linear), ModelEntry(f, ModelKind.Logistic)];

    /// <summary>The reference's loss, gradient and Hessian of one model, as bound in <see cref="ReferenceFunctions"/>.</summary>
    private sealed record ModelFunctions(
        Func<DataSet, LinearModel, Penalty?, double> Loss,
        Func<DataSet, LinearModel, Penalty?, ModelGradient> Gradient,
        Func<DataSet, LinearModel, Penalty?, double[,]> Hessian,
        Func<ModelKind, DataSet, TrainingOptions, LinearModel?, IProgress<EpochProgress>?, TrainingResult> Train)
    {
        public static ModelFunctions Of(ReferenceFunctions f, ModelKind kind) => kind == ModelKind.Linear
            ? new(f.LinearLoss, f.LinearGradient, f.LinearHessian, f.Train)
            : new(f.LogisticLoss, f.LogisticGradient, f.LogisticHessian, f.Train);

        public double LossAt(DataSet data, double[] theta, Penalty penalty) => Loss(data, LinearModel.FromParameterVector(theta), penalty);

        public double[] GradientAt(DataSet data, double[] theta, Penalty penalty) =>
            Gradient(data, LinearModel.FromParameterVector(theta), penalty).ToParameterVector();
    }

    private static Derivation ModelEntry(ReferenceFunctions functions, ModelKind kind)
    {
        var linear = kind == ModelKind.Linear;
        var f = ModelFunctions.Of(functions, kind);
        return new Derivation<ModelCase>
        {
            Name = linear ? EntryNames.LinearRegression : EntryNames.LogisticRegression,
            Formula = linear
                ? "L = (1/Σω)Σωᵢ(wᵀxᵢ + b − yᵢ)² + λ₂‖w‖² + λ₁‖w‖₁, ∇_w = (2/Σω)XᵀΩ(ŷ − y) + 2λ₂w + λ₁sign(w), ∇²L = (2/Σω)[X 1]ᵀΩ[X 1] + 2λ₂I_w (ωᵢ = 1 unweighted)"
                : "L = (1/Σω)Σωᵢ(softplus(zᵢ) − yᵢzᵢ) + λ₂‖w‖² + λ₁‖w‖₁, ∇_w = (1/Σω)XᵀΩ(σ − y) + 2λ₂w + λ₁sign(w), ∇²L = (1/Σω)[X 1]ᵀΩdiag(σ(1 − σ))[X 1] + 2λ₂I_w (ωᵢ = 1 unweighted)",
            References = [f.Loss, f.Gradient, f.Hessian, f.Train],
            Twins = [(Func<ModelKind, Tensor, Tensor, Tensor, Tensor, Penalty, Tensor?, Tensor>)TensorEmpiricalRisk.Loss,
                     (Func<ModelKind, DataSet, TrainingOptions, LinearModel?, IProgress<EpochProgress>?, TrainingResult>)TorchEngine.Instance.Train],
            Exact = c => ExactModels.Loss(kind, c.Data, c.Penalty),
            Notes = "The L1 term has kinks at zero weights (both sides take sign(0) = 0) and no Hessian: the Hessian and the descent lemma use the smooth part (λ₂ only); descent handles λ₁ by the proximal step on both engines.",
            Generator = Inputs.Model(kind),
            IsValid = c => c.IsWellFormed && c.StepFraction > 0 && c.StepFraction <= 1.5 && c.Epochs >= 1
                           && (linear || c.Data.Targets.ToArray().All(y => y is 0.0 or 1.0))
                           && (c.FitIntercept || c.Penalty.L2 > 0 || c.Data.Features.ToArray().Any(v => v != 0)),
            Bind = c => BindModel(f, kind, c),
            HasHessian = true,
            HasDescent = true,
            Identities = [ModelStepLowersLoss(f, kind)],
        };
    }

    private static Problem BindModel(ModelFunctions f, ModelKind kind, ModelCase c)
    {
        var data = c.Data;
        var d = data.FeatureCount;
        var penalty = c.Penalty;
        var smooth = new Penalty(l2: penalty.L2);
        return Scalar(c.Parameters, Names(Names("w", d), ["b"]),
            t => f.LossAt(data, t, penalty),
            t => f.GradientAt(data, t, penalty),
            t => TwinLoss(kind, data, t, penalty),
            t => TolerancePolicy.ModelLoss(kind, data, t, penalty),
            t => TolerancePolicy.ModelGradient(kind, data, t, penalty),
            hessian: new HessianProblem
            {
                Hand = t => f.Hessian(data, LinearModel.FromParameterVector(t), smooth),
                SmoothTwin = t => TwinLoss(kind, data, t, smooth),
                SmoothGradient = t => f.GradientAt(data, t, smooth),
                SmoothGradientError = t => TolerancePolicy.ModelGradient(kind, data, t, smooth),
                Error = t => TolerancePolicy.ModelHessian(kind, data, t, smooth),
            },
            kinkDistances: penalty.L1 > 0 ? t => [.. t[..d].Select(Math.Abs), double.PositiveInfinity] : null,
            variableScales: NaturalScales(data),
            descent: () =>
            {
                var lipschitz = LipschitzBound.Of(kind, data, penalty, c.FitIntercept);
                return new DescentProblem
                {
                    Kind = kind, Data = data, Start = c.Parameters, Penalty = penalty, FitIntercept = c.FitIntercept, Lipschitz = lipschitz,
                    LearningRate = c.StepFraction / lipschitz, Epochs = c.Epochs,
                    Train = f.Train, SmoothGradient = t => f.GradientAt(data, t, smooth),
                };
            });
    }

    // wⱼ moves the scores by |xᵢⱼ| per unit: its natural scale is 1/maxᵢ|xᵢⱼ| (1 for a zero column); the bias's is 1.
    private static double[] NaturalScales(DataSet data)
    {
        var scales = new double[data.FeatureCount + 1];
        for (var j = 0; j < data.FeatureCount; j++)
        {
            var largest = 0.0;
            for (var i = 0; i < data.RowCount; i++) largest = Math.Max(largest, Math.Abs(data[i, j]));
            scales[j] = largest > 0 ? 1.0 / largest : 1.0;
        }
        scales[^1] = 1.0;
        return scales;
    }

    // The loss as one tensor function of θ = (w, b): the twin autograd differentiates.
    private static Tensor TwinLoss(ModelKind kind, DataSet data, Tensor theta, Penalty penalty)
    {
        var d = data.FeatureCount;
        return TensorEmpiricalRisk.Loss(kind, DataTensors.Features(data), DataTensors.Targets(data), Part(theta, 0, d), theta[d], penalty, DataTensors.SampleWeights(data));
    }

    /// <summary>The descent lemma on the smooth loss (λ₂ only), as for the pointwise losses, with L from LipschitzBound.</summary>
    private static Identity ModelStepLowersLoss(ModelFunctions f, ModelKind kind) =>
        Identity.Of<ModelCase>("gradient step lowers the loss", "f(θ − ∇f/L) ≤ f(θ) − ‖∇f‖²/(4L), f the smooth loss", c =>
        {
            var (data, theta) = (c.Data, c.Parameters);
            var smooth = new Penalty(l2: c.Penalty.L2);
            var l = LipschitzBound.Of(kind, data, smooth, fitIntercept: true);
            var eta = 1.0 / l;
            ElementCheck Side(int index, string side, double f0, double[] g, Func<double[], double> value)
            {
                var next = theta.Select((t, j) => t - eta * g[j]).ToArray();
                var residual = value(next) - f0 + eta * g.Sum(v => v * v) / 4;
                var bound = TolerancePolicy.DescentDecrease(TolerancePolicy.ModelLoss(kind, data, theta, smooth), TolerancePolicy.ModelLoss(kind, data, next, smooth),
                    TolerancePolicy.ModelGradient(kind, data, theta, smooth), theta, g, eta, l);
                return Residual(index, "f(θ − ηg) − f(θ) + η‖g‖²/4", side, residual, bound, inequality: true);
            }
            Tensor Twin(Tensor t) => TwinLoss(kind, data, t, smooth);
            var (tensorValue, tensorGradient) = TwinValueAndGradient(Twin, theta);
            return [Side(0, ReferenceSide, f.LossAt(data, theta, smooth), f.GradientAt(data, theta, smooth), t => f.LossAt(data, t, smooth)),
                    Side(1, TensorSide, tensorValue, tensorGradient, t => TwinValue(Twin, t))];
        });
}
