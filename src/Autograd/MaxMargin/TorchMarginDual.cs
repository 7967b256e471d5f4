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

    /// <inheritdoc/>
    public double[] DualGradient(double[] alpha, double[] linear)
    {
        using var scope = NewDisposeScope();
        var a = tensor(alpha, dtype: ScalarType.Float64).requires_grad_();
        var c = tensor(linear, dtype: ScalarType.Float64);
        var w = _z.t().mv(a);
        // f(α) = ½‖Zᵀα‖² − cᵀα; ∇f = ZZᵀα − c by autograd
        var f = (w * w).sum() * Half - (c * a).sum();
        return Torch.Gradient(f, a).ToDoubles();
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
