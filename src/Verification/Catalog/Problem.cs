using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Training;
using TensorLinear.Verification.Tolerances;
using Tensor = TorchSharp.torch.Tensor;

namespace TensorLinear.Verification.Catalog;

/// <summary>
/// One case of a derivation bound to its fixed parts, as functions of the variables θ it is differentiated with
/// respect to: the reference's value (m outputs) and hand derivative (an m×n Jacobian; a gradient is its one row),
/// the tensor twin written with TorchSharp (libtorch) operations, and the rounding bounds of <see cref="TolerancePolicy"/>.
/// </summary>
public sealed record Problem
{
    /// <summary>θ, the point (the variables, flattened: e.g. (x, y) for the dot product, (w, b) for a model).</summary>
    public required double[] Point { get; init; }

    /// <summary>A name per variable, e.g. "x[0]", "w[2]", "b", for reports.</summary>
    public required string[] Variables { get; init; }

    /// <summary>The reference's value at θ: one output for a scalar function, m for a vector function.</summary>
    public required Func<double[], double[]> Reference { get; init; }

    /// <summary>The twin: a float64 vector θ in, a scalar (or an m-vector) out, written with TorchSharp (libtorch) operations.</summary>
    public required Func<Tensor, Tensor> Twin { get; init; }

    /// <summary>Each output's forward-error bound, for one implementation (the reference and the twin each).</summary>
    public required Func<double[], Bound[]> ValueError { get; init; }

    /// <summary>
    /// Each output's bound against the truth where it differs from <see cref="ValueError"/>: a verdict both engines
    /// reach by the same correctly rounded operations agrees between them exactly, yet either may miss the exact verdict
    /// within rounding of its threshold. Null: <see cref="ValueError"/>.
    /// </summary>
    public Func<double[], Bound[]>? TruthError { get; init; }

    /// <summary>The hand-derived m×n Jacobian (for a scalar function, 1×n: the gradient); null when the reference has none.</summary>
    public Func<double[], double[,]>? HandJacobian { get; init; }

    /// <summary>The forward-error bound of each Jacobian entry, for one implementation (hand or autograd); null when the function is not differentiated.</summary>
    public Func<double[], Bound[,]>? JacobianError { get; init; }

    /// <summary>
    /// Each variable's natural scale — how far it must move to change f by a relative O(1) — for the finite differences
    /// and the Taylor test (a model's weight wⱼ: 1/max|xᵢⱼ|); null when every variable's scale is about 1 or its own
    /// size, which the gradient checker assumes. See CheckerFrame.
    /// </summary>
    public double[]? VariableScales { get; init; }

    /// <summary>
    /// For a piecewise-smooth function (‖x‖₁, ‖x‖∞, MAE, an L1 penalty), how far each variable may move — all of them
    /// moving at once, each by at most that much — before f can meet a kink: 0 at a kink, ∞ where none can be met. The
    /// Taylor test then moves only variables whose distance exceeds its first step, so that it measures the gradient
    /// rather than the kink. Null for a function smooth everywhere in its domain.
    /// </summary>
    public Func<double[], double[]>? KinkDistances { get; init; }

    /// <summary>The Hessian of a model's smooth loss, checked three ways; null for other entries.</summary>
    public HessianProblem? Hessian { get; init; }

    /// <summary>Gradient descent from this case's start, on both engines (built on demand: it needs L); null for other entries.</summary>
    public Func<DescentProblem>? Descent { get; init; }
}

/// <summary>A Hessian to check: hand (the reference) against double backward (the twin) and against finite differences of the hand gradient.</summary>
public sealed record HessianProblem
{
    /// <summary>The reference's Hessian of the smooth loss (the L1 term has none) at θ.</summary>
    public required Func<double[], double[,]> Hand { get; init; }

    /// <summary>The smooth loss as a tensor function of θ, differentiated twice by autograd.</summary>
    public required Func<Tensor, Tensor> SmoothTwin { get; init; }

    /// <summary>The reference's gradient of the smooth loss, whose finite-difference Jacobian is the third opinion.</summary>
    public required Func<double[], double[]> SmoothGradient { get; init; }

    /// <summary>The error bound of each smooth-gradient component (the function the finite differences sample).</summary>
    public required Func<double[], Bound[]> SmoothGradientError { get; init; }

    /// <summary>Each Hessian entry's error bound, per implementation.</summary>
    public required Func<double[], Bound[,]> Error { get; init; }
}

/// <summary>A run of full-batch gradient descent, taken epoch by epoch on the reference engine and on the torch engine.</summary>
public sealed record DescentProblem
{
    /// <summary>The model.</summary>
    public required ModelKind Kind { get; init; }

    /// <summary>The data.</summary>
    public required DataSet Data { get; init; }

    /// <summary>θ₀ = (w, b), the start of both runs.</summary>
    public required double[] Start { get; init; }

    /// <summary>The penalty (ridge in the gradient, lasso by the proximal step).</summary>
    public required Penalty Penalty { get; init; }

    /// <summary>Whether the bias is trained.</summary>
    public required bool FitIntercept { get; init; }

    /// <summary>L, the Lipschitz constant of the smooth loss's gradient (the reference's bound).</summary>
    public required double Lipschitz { get; init; }

    /// <summary>The fixed step η (a fraction of 2/L, so that descent is non-expansive).</summary>
    public required double LearningRate { get; init; }

    /// <summary>k, the number of epochs compared.</summary>
    public required int Epochs { get; init; }

    /// <summary>The reference's training (<see cref="ReferenceFunctions.Train"/>), run epoch by epoch.</summary>
    public required Func<ModelKind, DataSet, TrainingOptions, LinearModel?, IProgress<EpochProgress>?, TrainingResult> Train { get; init; }

    /// <summary>The reference's gradient of the smooth loss (λ₂ only) at θ, for the bound each epoch adds.</summary>
    public required Func<double[], double[]> SmoothGradient { get; init; }
}
