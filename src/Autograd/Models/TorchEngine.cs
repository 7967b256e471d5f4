using TensorLinear.Autograd.Runtime;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using TensorLinear.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Models;

/// <summary>
/// The libtorch side of <see cref="ILinearModelEngine"/>: losses written with tensor operations
/// (<see cref="TensorEmpiricalRisk"/>), gradients from <c>Backward()</c>, Hessians from double backward, and gradient
/// descent in the canonical autograd form — forward, loss, backward, update under no-grad, zero the gradients.
/// </summary>
/// <remarks>
/// With <see cref="TorchEngineOptions.TrainingPath"/> = <see cref="TrainingPath.OnePass"/>, training, <see cref="Loss"/>
/// and <see cref="Gradient"/> take the data term from a vectorised C# kernel that reads X once per evaluation instead of
/// twice (the penalties still go through autograd); <see cref="Predict"/> and <see cref="Hessian"/> are the same on
/// both paths.
/// </remarks>
public sealed class TorchEngine : ILinearModelEngine
{
    /// <summary>The engine on float64 tensors, with the default options (the canonical autograd loop).</summary>
    public static TorchEngine Instance { get; } = new();

    /// <summary>An engine with the default options: the canonical autograd loop.</summary>
    public TorchEngine()
        : this(TorchEngineOptions.Default)
    {
    }

    /// <summary>An engine with the given options, e.g. <c>new TorchEngineOptions { TrainingPath = TrainingPath.OnePass }</c>.</summary>
    public TorchEngine(TorchEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.TrainingPath))
            throw new OutOfDomainException(nameof(options), $"has TrainingPath {options.TrainingPath}, which is not a training path");
        Options = options;
    }

    /// <summary>This engine's settings.</summary>
    public TorchEngineOptions Options { get; }

    private bool OnePass => Options.TrainingPath == TrainingPath.OnePass;

    // The native kernel sums unweighted rows only; weighted data take the autograd path, with the same results to rounding.
    private bool OnePassFor(DataSet data) => OnePass && !data.IsWeighted;

    /// <inheritdoc/>
    /// <remarks>"torch" for the autograd path, "torch-onepass" for the one-pass path.</remarks>
    public string Name => OnePass ? "torch-onepass" : "torch";

    /// <inheritdoc/>
    public double[] Predict(ModelKind kind, DataSet data, LinearModel model)
    {
        Validate(kind, data, model, Penalty.None, requireLabels: false);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (w, b) = Parameters(model, requireGrad: false);
        var z = TensorEmpiricalRisk.Scores(DataTensors.Features(data), w, b);
        return (kind == ModelKind.Logistic ? z.sigmoid() : z).ToDoubles();
    }

    /// <inheritdoc/>
    public double Loss(ModelKind kind, DataSet data, LinearModel model, Penalty penalty)
    {
        Validate(kind, data, model, penalty);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (w, b) = Parameters(model, requireGrad: false);
        if (OnePassFor(data))
        {
            var sums = OnePassKernel.LossAndGradient(kind, DataTensors.Features(data), DataTensors.Targets(data), w, b, Torch.KernelThreads);
            return sums[^1] + PenaltyValue(w, penalty);
        }
        return TensorEmpiricalRisk.Loss(kind, DataTensors.Features(data), DataTensors.Targets(data), w, b, penalty, DataTensors.SampleWeights(data)).item<double>();
    }

    /// <inheritdoc/>
    public ModelGradient Gradient(ModelKind kind, DataSet data, LinearModel model, Penalty penalty)
    {
        Validate(kind, data, model, penalty);
        using var scope = NewDisposeScope();
        if (OnePassFor(data))
        {
            var (w0, b0) = Parameters(model, requireGrad: false);
            var sums = OnePassKernel.LossAndGradient(kind, DataTensors.Features(data), DataTensors.Targets(data), w0, b0, Torch.KernelThreads);
            var weights = sums.AsSpan(0, model.FeatureCount).ToArray();
            var penaltyGradient = PenaltyGradient(w0, penalty);
            if (penaltyGradient is not null)
                for (var j = 0; j < weights.Length; j++) weights[j] += penaltyGradient[j];
            return new ModelGradient([.. weights], sums[model.FeatureCount]);
        }
        var (w, b) = Parameters(model, requireGrad: true);
        var loss = TensorEmpiricalRisk.Loss(kind, DataTensors.Features(data), DataTensors.Targets(data), w, b, penalty, DataTensors.SampleWeights(data));
        // w and b are this call's own leaves, with no .grad of a caller's to protect: a plain backward fills theirs.
        loss.backward();
        return new ModelGradient([.. w.grad!.ToDoubles()], b.grad!.item<double>());
    }

    /// <inheritdoc/>
    public double[,] Hessian(ModelKind kind, DataSet data, LinearModel model, Penalty penalty)
    {
        Validate(kind, data, model, penalty);
        using var scope = NewDisposeScope();
        var x = DataTensors.Features(data);
        var y = DataTensors.Targets(data);
        var omega = DataTensors.SampleWeights(data);
        var d = data.FeatureCount;
        // The L1 term is piecewise linear: it has no curvature, and autograd agrees (the derivative of sign is 0).
        var smooth = new Penalty(l2: penalty.L2);
        return Torch.Hessian(theta => TensorEmpiricalRisk.Loss(kind, x, y, theta.narrow(0, 0, d), theta[d], smooth, omega), model.ToParameterVector());
    }

    /// <inheritdoc/>
    public TrainingResult Train(ModelKind kind, DataSet data, TrainingOptions options, LinearModel? start = null, IProgress<EpochProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        start ??= LinearModel.Zero(data?.FeatureCount ?? 0);
        Validate(kind, data!, start, options.Penalty, modelName: nameof(start));

        using var scope = NewDisposeScope();
        var x = DataTensors.Features(data!);
        var y = DataTensors.Targets(data!);
        var omega = DataTensors.SampleWeights(data!);
        var onePass = OnePassFor(data!);
        var lipschitz = LipschitzConstant(kind, x, omega, options.Penalty.L2, options.FitIntercept);
        var eta = options.LearningRate ?? 1.0 / lipschitz;
        var (w, b) = Parameters(start, requireGrad: !onePass);
        // Read from w and b, updated in place, when the monitor asks (under no-grad: it asks from inside Observe).
        var monitor = new DescentMonitor(options, eta, 2.0 / lipschitz, progress, DescentMonitor.LossNoise(data!.RowCount, data!.FeatureCount),
            () => ResidualCancellation.Bound(kind, data, new LinearModel(w.ToDoubles(), b.item<double>())));
        if (onePass) TrainOnePass(kind, x, y, w, b, options, eta, monitor);
        else TrainAutograd(kind, x, y, omega, w, b, options, eta, monitor);
        using (no_grad())
            return monitor.Finish(new LinearModel(w.ToDoubles(), b.item<double>()));
    }

    // The canonical autograd loop: forward, loss, backward, update under no-grad, zero the gradients.
    private static void TrainAutograd(ModelKind kind, Tensor x, Tensor y, Tensor? omega, Tensor w, Tensor b, TrainingOptions options, double eta, DescentMonitor monitor)
    {
        var l1 = options.Penalty.L1;
        var smooth = new Penalty(l2: options.Penalty.L2);
        while (true)
        {
            using var epoch = NewDisposeScope();
            var loss = TensorEmpiricalRisk.LossUnchecked(kind, x, y, w, b, smooth, omega);
            loss.backward();
            using (no_grad())
            {
                var gb = options.FitIntercept ? b.grad! : tensor(0.0, dtype: ScalarType.Float64);
                if (ObserveAndStep(monitor, w, b, w.grad!, gb, loss.item<double>(), eta, l1)) break;
            }
            w.grad!.zero_();
            b.grad!.zero_();
        }
    }

    // One pass over X per epoch: the data loss and gradient from the native kernel, the ridge term from autograd,
    // then the same step as the autograd loop.
    private static void TrainOnePass(ModelKind kind, Tensor x, Tensor y, Tensor w, Tensor b, TrainingOptions options, double eta, DescentMonitor monitor)
    {
        var d = (int)w.shape[0];
        var threads = Torch.KernelThreads;
        var smooth = new Penalty(l2: options.Penalty.L2);
        while (true)
        {
            using var epoch = NewDisposeScope();
            var sums = OnePassKernel.LossAndGradient(kind, x, y, w, b, threads);
            var weights = sums.AsSpan(0, d).ToArray();
            var ridge = PenaltyGradient(w, smooth);
            if (ridge is not null)
                for (var j = 0; j < d; j++) weights[j] += ridge[j];
            var loss = sums[d + 1] + PenaltyValue(w, smooth);
            using (no_grad())
            {
                var gb = tensor(options.FitIntercept ? sums[d] : 0.0, dtype: ScalarType.Float64);
                if (ObserveAndStep(monitor, w, b, tensor(weights), gb, loss, eta, options.Penalty.L1)) break;
            }
        }
    }

    /// <summary>
    /// One step of (proximal) gradient descent, under no-grad: hands the objective (the smooth loss plus λ₁‖w‖₁) and
    /// the step norm to the monitor and, unless it says stop, updates w and b in place. Returns true to stop.
    /// </summary>
    private static bool ObserveAndStep(DescentMonitor monitor, Tensor w, Tensor b, Tensor gw, Tensor gb, double smoothLoss, double eta, double l1)
    {
        // Numbers reach TorchSharp as Scalars held for the whole call (see Runtime/LibTorchSharpExports).
        using Scalar step = -eta;
        var objective = smoothLoss + (l1 > 0 ? TensorEmpiricalRisk.LassoPenalty(w, l1).item<double>() : 0.0);
        if (l1 == 0.0)
        {
            // ‖∇f‖ over the trained parameters, then the plain step θ ← θ − η∇f.
            var norm = gw.dot(gw).Plus(gb * gb).sqrt().item<double>();
            if (monitor.Observe(objective, norm)) return true;
            w.add_(gw, alpha: step);
            b.add_(gb, alpha: step);
        }
        else
        {
            // The proximal step w⁺ = S_{ηλ₁}(w − η∇f), S the soft threshold sign(v)·max(|v| − ηλ₁, 0);
            // its norm is that of the gradient mapping (θ − θ⁺)/η, zero exactly at a minimiser.
            using Scalar rate = eta, threshold = eta * l1, zero = 0.0;
            var v = w - gw * rate;
            var next = v.sign() * (v.abs() - threshold).clamp_min(zero);
            var mapping = (w - next) / rate;
            var norm = mapping.dot(mapping).Plus(gb * gb).sqrt().item<double>();
            if (monitor.Observe(objective, norm)) return true;
            w.copy_(next);
            b.add_(gb, alpha: step);
        }
        return false;
    }

    // λ₂‖w‖₂² + λ₁‖w‖₁ at w, by the same tensor expressions as the autograd path.
    private static double PenaltyValue(Tensor w, Penalty penalty)
    {
        if (penalty.L2 == 0.0 && penalty.L1 == 0.0) return 0.0;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var value = 0.0;
        if (penalty.L2 != 0.0) value += TensorEmpiricalRisk.RidgePenalty(w, penalty.L2).item<double>();
        if (penalty.L1 != 0.0) value += TensorEmpiricalRisk.LassoPenalty(w, penalty.L1).item<double>();
        return value;
    }

    // The gradient of the penalty at w from autograd (2λ₂w + λ₁·sign(w)), or null when there is no penalty.
    private static double[]? PenaltyGradient(Tensor w, Penalty penalty)
    {
        if (penalty.L2 == 0.0 && penalty.L1 == 0.0) return null;
        using var scope = NewDisposeScope();
        var leaf = w.detach().requires_grad_();
        Tensor? total = null;
        if (penalty.L2 != 0.0) total = TensorEmpiricalRisk.RidgePenalty(leaf, penalty.L2);
        if (penalty.L1 != 0.0)
        {
            var lasso = TensorEmpiricalRisk.LassoPenalty(leaf, penalty.L1);
            total = total is null ? lasso : total.Plus(lasso);
        }
        return Torch.Gradient(total!, leaf).ToDoubles();
    }

    /// <summary>
    /// L = λ_max(c·[X 1]ᵀΩ[X 1] + 2λ₂I_w) with c = 2/Σωᵢ for MSE (its Hessian) and c = 1/(4Σωᵢ) for log-loss (a bound
    /// on its Hessian everywhere, since σ(1 − σ) ≤ ¼), Ω = diag(ω) and every ωᵢ = 1 without sample weights.
    /// [X 1]ᵀΩ[X 1] is assembled from XᵀΩX, the weighted column sums and Σωᵢ, so X is never copied unweighted; only the
    /// weight block counts when the bias is not trained.
    /// </summary>
    private static double LipschitzConstant(ModelKind kind, Tensor x, Tensor? omega, double l2, bool fitIntercept)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var d = (int)x.shape[1];
        var n = omega is null ? x.shape[0] : omega.sum().item<double>();
        var c = kind == ModelKind.Linear ? 2.0 / n : 0.25 / n;
        var weighted = omega is null ? x : x * omega.unsqueeze(1); // ΩX
        var gram = weighted.t().matmul(x).ToDoubles(); // d×d, row-major
        var sums = weighted.sum(dim: 0).ToDoubles();
        var size = fitIntercept ? d + 1 : d;
        var m = new double[size, size];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++) m[i, j] = c * gram[i * d + j];
            m[i, i] += 2.0 * l2;
            if (fitIntercept) m[i, d] = m[d, i] = c * sums[i];
        }
        if (fitIntercept) m[d, d] = c * n;
        var lipschitz = PowerIteration.LargestEigenvalue(m);
        if (lipschitz == 0.0)
            throw new DegenerateInputException("data", "every feature is 0 and nothing else is trained, so the loss does not depend on the parameters");
        return lipschitz;
    }

    private static (Tensor Weights, Tensor Bias) Parameters(LinearModel model, bool requireGrad)
    {
        Torch.Initialize();
        var w = tensor(model.Weights.ToArray(), dtype: ScalarType.Float64, requires_grad: requireGrad);
        var b = tensor(model.Bias, dtype: ScalarType.Float64, requires_grad: requireGrad);
        return (w, b);
    }

    private static void Validate(ModelKind kind, DataSet data, LinearModel model, Penalty penalty, bool requireLabels = true, string modelName = "model")
    {
        ArgumentNullException.ThrowIfNull(penalty);
        Torch.Initialize(); // before any TorchSharp call, so that a failed load is a NativeLibraryException
        Check.ModelFits(data, model, modelName);
        if (kind == ModelKind.Logistic && requireLabels) Check.BinaryLabels(data.Targets.Span, nameof(data));
        if (kind is not (ModelKind.Linear or ModelKind.Logistic))
            throw new OutOfDomainException(nameof(kind), $"is {kind}, which is not a model TensorLinear fits");
    }
}
