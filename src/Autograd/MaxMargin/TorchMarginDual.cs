using TensorLinear.Autograd.Models;
using TensorLinear.Autograd.Runtime;
using TensorLinear.Data;
using TensorLinear.MaxMargin;
using TensorLinear.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.MaxMargin;

/// <summary>
/// The maximum-margin dual's mathematics on libtorch: the dual objective f(α) = ½‖Zᵀα‖² − cᵀα written with tensors
/// (Z = diag(y)X, the rows yᵢxᵢ) and its gradient from autograd, w(α) = Zᵀα and the Hessian's blocks Z_F Z_Bᵀ as matrix
/// products, the small KKT system by LAPACK's rank-revealing least squares (torch.linalg.lstsq, pivoted QR), and the
/// signed distances from <see cref="TensorHyperplane.SignedDistance"/>. The method that drives it is the reference's
/// (MaxMarginSolver), so the torch engine's fit differs from the reference's only in this mathematics.
/// </summary>
public sealed class TorchMarginDual : IMarginDual
{
    private static readonly Scalar Half = 0.5;
    private readonly Tensor _x;
    private readonly Tensor _z;

    /// <summary>The dual of <paramref name="data"/>, whose targets are the ±1 labels.</summary>
    /// <exception cref="InvalidInputException">Labels that are not ±1, or only one class (<see cref="MarginLabels.Check"/>).</exception>
    /// <exception cref="NativeLibraryException">libtorch cannot be loaded.</exception>
    public TorchMarginDual(DataSet data)
    {
        MarginLabels.Check(data);
        Torch.Initialize();
        // Owned by this object for its life, not by any dispose scope of the caller's.
        using var scope = NewDisposeScope();
        _x = DataTensors.Features(data).DetachFromDisposeScope();
        _z = (_x * DataTensors.Targets(data).unsqueeze(1)).DetachFromDisposeScope(); // row i is yᵢxᵢ
    }

    /// <inheritdoc/>
    public string Name => "torch";

    /// <summary>
    /// The dual objective f(α) = ½‖Zᵀα‖² − cᵀα as a tensor function of α (Z = diag(y)X), for autograd: the twin of
    /// <c>ReferenceMarginDual.DualObjective</c>, whose gradient <see cref="DualGradient"/> takes by backward.
    /// </summary>
    /// <param name="features">The n×d float64 features X.</param>
    /// <param name="labels">The n labels, ±1.</param>
    /// <param name="alpha">The n multipliers α.</param>
    /// <param name="linear">The n coefficients c of the linear term.</param>
    /// <exception cref="InvalidInputException">A tensor is not float64, or a label is not ±1.</exception>
    /// <exception cref="DimensionMismatchException">The shapes do not fit together.</exception>
    public static Tensor Objective(Tensor features, Tensor labels, Tensor alpha, Tensor linear)
    {
        var (n, _) = TensorChecks.MatrixShape(features, nameof(features));
        foreach (var (vector, name) in new[] { (labels, nameof(labels)), (alpha, nameof(alpha)), (linear, nameof(linear)) })
        {
            var length = TensorChecks.Vector(vector, name).Length;
            if (length != n)
                throw new DimensionMismatchException(name, $"has {length} elements but features has {n} rows; there is one per row");
        }
        TensorHinge.CheckLabels(TensorChecks.Vector(labels, nameof(labels)), nameof(labels));
        return WrappedTensorDisposeScope(() => Objective(features * labels.unsqueeze(1), alpha, linear));
    }

    /// <inheritdoc/>
    public double DualObjective(double[] alpha, double[] linear)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return Objective(_z, tensor(alpha, dtype: ScalarType.Float64), tensor(linear, dtype: ScalarType.Float64)).item<double>();
    }

    /// <inheritdoc/>
    public double[] DualGradient(double[] alpha, double[] linear)
    {
        using var scope = NewDisposeScope();
        var a = tensor(alpha, dtype: ScalarType.Float64).requires_grad_();
        // ∇f = ZZᵀα − c by autograd
        return Torch.Gradient(Objective(_z, a, tensor(linear, dtype: ScalarType.Float64)), a).ToDoubles();
    }

    // f(α) = ½‖Zᵀα‖² − cᵀα, Z's rows yᵢxᵢ.
    private static Tensor Objective(Tensor z, Tensor alpha, Tensor linear)
    {
        var w = z.t().mv(alpha);
        return ((w * w).sum() * Half) - (linear * alpha).sum();
    }

    /// <inheritdoc/>
    public double[] Weights(double[] alpha)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        // w = Zᵀα = Σᵢ αᵢyᵢxᵢ
        return _z.t().mv(tensor(alpha, dtype: ScalarType.Float64)).ToDoubles();
    }

    /// <inheritdoc/>
    public double[,] LabelledGram(int[] rows, int[] columns)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var zr = _z.index_select(0, tensor(rows.Select(i => (long)i).ToArray()));
        var zc = _z.index_select(0, tensor(columns.Select(i => (long)i).ToArray()));
        // Qᵢⱼ = (yᵢxᵢ)ᵀ(yⱼxⱼ)
        return zr.mm(zc.t()).ToMatrix();
    }

    /// <inheritdoc/>
    public double[]? Solve(double[,] m, double[] r)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var a = tensor(m, dtype: ScalarType.Float64);
        var b = tensor(r, dtype: ScalarType.Float64).unsqueeze(1);
        var v = linalg.lstsq(a, b).Solution;
        // lstsq returns the least-squares solution of an inconsistent system too: accept it only if it solves M v = r
        // to √u of the right-hand side (the polish then checks every KKT condition anyway).
        var residual = (a.mm(v) - b).abs().max().item<double>();
        var size = Math.Max(1.0, r.Max(Math.Abs));
        return residual <= Math.Sqrt(Numerics.FloatingPoint.UnitRoundoff) * size ? v.squeeze(1).ToDoubles() : null;
    }

    /// <inheritdoc/>
    public double[] SignedDistances(LinearModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var w = tensor(model.Weights.ToArray(), dtype: ScalarType.Float64);
        var b = tensor(new[] { model.Bias }, dtype: ScalarType.Float64);
        var n = (int)_x.shape[0];
        var d = new double[n];
        for (var i = 0; i < n; i++) d[i] = TensorHyperplane.SignedDistance(w, b, _x.select(0, i)).item<double>();
        return d;
    }

    /// <summary>Releases the data's tensors.</summary>
    public void Dispose()
    {
        _x.Dispose();
        _z.Dispose();
    }
}
