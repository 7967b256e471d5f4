using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using TensorLinear.Training;

namespace TensorLinear.Autograd.Models;

/// <summary>
/// The libtorch side of <see cref="ILinearModelEngine"/>: losses written with tensor operations
/// (<see cref="TensorLosses"/>), gradients from <c>Backward()</c>, Hessians from double backward, and gradient
/// descent in the canonical autograd form — forward, loss, backward, update under no-grad, zero the gradients.
/// </summary>
public sealed class TorchEngine : ILinearModelEngine
{
    /// <summary>The engine on float64 tensors.</summary>
    public static TorchEngine Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "torch";

    /// <inheritdoc/>
    public double[] Predict(ModelKind kind, DataSet data, LinearModel model)
    {
        Validate(kind, data, model, Penalty.None, requireLabels: false);
        using var scope = Torch.NewScope();
        using var noGrad = Torch.NoGrad();
        var (w, b) = Parameters(model, requireGrad: false);
        var z = TensorLosses.Scores(DataTensors.Features(data), w, b);
        return (kind == ModelKind.Logistic ? z.Sigmoid() : z).ToArray();
    }

    /// <inheritdoc/>
    public double Loss(ModelKind kind, DataSet data, LinearModel model, Penalty penalty)
    {
        Validate(kind, data, model, penalty);
        using var scope = Torch.NewScope();
        using var noGrad = Torch.NoGrad();
        var (w, b) = Parameters(model, requireGrad: false);
        return TensorLosses.Loss(kind, DataTensors.Features(data), DataTensors.Targets(data), w, b, penalty).ToScalar();
    }

    /// <inheritdoc/>
    public ModelGradient Gradient(ModelKind kind, DataSet data, LinearModel model, Penalty penalty)
    {
        Validate(kind, data, model, penalty);
        using var scope = Torch.NewScope();
        var (w, b) = Parameters(model, requireGrad: true);
        TensorLosses.Loss(kind, DataTensors.Features(data), DataTensors.Targets(data), w, b, penalty).Backward();
        return new ModelGradient([.. w.Grad!.ToArray()], b.Grad!.ToScalar());
    }

    /// <inheritdoc/>
    public double[,] Hessian(ModelKind kind, DataSet data, LinearModel model, Penalty penalty)
    {
        Validate(kind, data, model, penalty);
        using var scope = Torch.NewScope();
        var x = DataTensors.Features(data);
        var y = DataTensors.Targets(data);
        var d = data.FeatureCount;
        // The L1 term is piecewise linear: it has no curvature, and autograd agrees (the derivative of sign is 0).
        var smooth = new Penalty(l2: penalty.L2);
        return Torch.Hessian(theta => TensorLosses.Loss(kind, x, y, theta.Slice(0, 0, d), theta.Select(0, d), smooth), model.ToParameterVector());
    }

    /// <inheritdoc/>
    public TrainingResult Train(ModelKind kind, DataSet data, TrainingOptions options, LinearModel? start = null, IProgress<EpochProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        start ??= LinearModel.Zero(data?.FeatureCount ?? 0);
        Validate(kind, data!, start, options.Penalty);

        using var scope = Torch.NewScope();
        var x = DataTensors.Features(data!);
        var y = DataTensors.Targets(data!);
        var lipschitz = LipschitzConstant(kind, x, options.Penalty.L2, options.FitIntercept);
        var eta = options.LearningRate ?? 1.0 / lipschitz;
        var monitor = new DescentMonitor(options, eta, 2.0 / lipschitz, progress);
        var l1 = options.Penalty.L1;
        var (w, b) = Parameters(start, requireGrad: true);
        var smooth = new Penalty(l2: options.Penalty.L2);

        while (true)
        {
            using var epoch = Torch.NewScope();
            var loss = TensorLosses.Loss(kind, x, y, w, b, smooth);
            loss.Backward();
            using (Torch.NoGrad())
            {
                var gw = w.Grad!;
                var gb = options.FitIntercept ? b.Grad! : Tensor.Scalar(0.0);
                var objective = loss.ToScalar() + (l1 > 0 ? TensorLosses.LassoPenalty(w, l1).ToScalar() : 0.0);
                if (l1 == 0.0)
                {
                    // ‖∇f‖ over the trained parameters, then the plain step θ ← θ − η∇f.
                    var norm = (gw.Dot(gw) + gb * gb).Sqrt().ToScalar();
                    if (monitor.Observe(objective, norm)) break;
                    w.SubtractInPlace(gw, eta);
                    b.SubtractInPlace(gb, eta);
                }
                else
                {
                    // The proximal step w⁺ = S_{ηλ₁}(w − η∇f), S the soft threshold sign(v)·max(|v| − ηλ₁, 0);
                    // its norm is that of the gradient mapping (θ − θ⁺)/η, zero exactly at a minimiser.
                    var v = w - gw * eta;
                    var next = v.Sign() * (v.Abs() - eta * l1).Clamp(min: 0.0);
                    var mapping = (w - next) / eta;
                    var norm = (mapping.Dot(mapping) + gb * gb).Sqrt().ToScalar();
                    if (monitor.Observe(objective, norm)) break;
                    w.CopyFrom(next);
                    b.SubtractInPlace(gb, eta);
                }
            }
            w.ZeroGrad();
            b.ZeroGrad();
        }
        using (Torch.NoGrad())
            return monitor.Finish(new LinearModel(w.ToArray(), b.ToScalar()));
    }

    /// <summary>
    /// L = λ_max(c·[X 1]ᵀ[X 1] + 2λ₂I_w) with c = 2/n for MSE (its Hessian) and c = 1/(4n) for log-loss (a bound on
    /// its Hessian everywhere, since σ(1 − σ) ≤ ¼). [X 1]ᵀ[X 1] is assembled from XᵀX, the column sums and n,
    /// so X is never copied; only the weight block counts when the bias is not trained.
    /// </summary>
    private static double LipschitzConstant(ModelKind kind, Tensor x, double l2, bool fitIntercept)
    {
        using var scope = Torch.NewScope();
        using var noGrad = Torch.NoGrad();
        var shape = x.Shape;
        int n = (int)shape[0], d = (int)shape[1];
        var c = kind == ModelKind.Linear ? 2.0 / n : 0.25 / n;
        var gram = x.T.MatMul(x).ToMatrix();
        var sums = x.Sum(0).ToArray();
        var size = fitIntercept ? d + 1 : d;
        var m = new double[size, size];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++) m[i, j] = c * gram[i, j];
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
        var w = Tensor.FromArray(model.Weights.ToArray());
        var b = Tensor.Scalar(model.Bias);
        if (requireGrad)
        {
            w.RequiresGrad = true;
            b.RequiresGrad = true;
        }
        return (w, b);
    }

    private static void Validate(ModelKind kind, DataSet data, LinearModel model, Penalty penalty, bool requireLabels = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(penalty);
        if (model.FeatureCount != data.FeatureCount)
            throw new DimensionMismatchException(nameof(model), $"has {model.FeatureCount} weights but the data set has {data.FeatureCount} features");
        if (kind == ModelKind.Logistic && requireLabels) Check.BinaryLabels(data.Targets.Span, "targets");
        if (kind is not (ModelKind.Linear or ModelKind.Logistic))
            throw new OutOfDomainException(nameof(kind), $"is {kind}, which is not a model TensorLinear fits");
    }
}
