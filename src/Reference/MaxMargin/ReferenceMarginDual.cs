using TensorLinear.Data;
using TensorLinear.MaxMargin;
using TensorLinear.Models;

namespace TensorLinear.Reference.MaxMargin;

/// <summary>
/// The maximum-margin dual's mathematics by hand: loops over double, w(α) = Σᵢ αᵢyᵢxᵢ formed once per gradient, the
/// Hessian's blocks from dot products, the small system by Gaussian elimination with complete pivoting, and the
/// signed distances from <see cref="Hyperplane.SignedDistance"/>.
/// </summary>
public sealed class ReferenceMarginDual : IMarginDual
{
    private readonly double[][] _rows;
    private readonly double[] _labels;

    /// <summary>The dual of <paramref name="data"/>, whose targets are the ±1 labels.</summary>
    /// <exception cref="InvalidInputException">Labels that are not ±1, or only one class (<see cref="MarginLabels.Check"/>).</exception>
    public ReferenceMarginDual(DataSet data)
    {
        MarginLabels.Check(data);
        _rows = data.ToRows();
        _labels = data.TargetArray();
    }

    /// <inheritdoc/>
    public string Name => "reference";

    /// <inheritdoc/>
    public double DualObjective(double[] alpha, double[] linear)
    {
        var w = Weights(alpha);
        var linearTerm = 0.0;
        // f(α) = ½‖w(α)‖² − Σᵢ cᵢαᵢ
        for (var i = 0; i < alpha.Length; i++) linearTerm += linear[i] * alpha[i];
        return 0.5 * Vector.Dot(w, w) - linearTerm;
    }

    /// <inheritdoc/>
    public double[] DualGradient(double[] alpha, double[] linear)
    {
        var w = Weights(alpha);
        var g = new double[_rows.Length];
        // ∂/∂αᵢ [½‖Σⱼ αⱼyⱼxⱼ‖² − Σⱼ cⱼαⱼ] = yᵢxᵢᵀw(α) − cᵢ
        for (var i = 0; i < g.Length; i++) g[i] = _labels[i] * Vector.Dot(_rows[i], w) - linear[i];
        return g;
    }

    /// <inheritdoc/>
    public double[] Weights(double[] alpha)
    {
        var w = new double[_rows[0].Length];
        // w = Σᵢ αᵢyᵢxᵢ, skipping the rows whose multiplier is 0 (most of them, at the optimum)
        for (var i = 0; i < _rows.Length; i++)
        {
            if (alpha[i] == 0.0) continue;
            var a = alpha[i] * _labels[i];
            for (var j = 0; j < w.Length; j++) w[j] += a * _rows[i][j];
        }
        return w;
    }

    /// <inheritdoc/>
    public double[,] LabelledGram(int[] rows, int[] columns)
    {
        var q = new double[rows.Length, columns.Length];
        // Qᵢⱼ = yᵢyⱼxᵢᵀxⱼ
        for (var a = 0; a < rows.Length; a++)
            for (var b = 0; b < columns.Length; b++)
                q[a, b] = _labels[rows[a]] * _labels[columns[b]] * Vector.Dot(_rows[rows[a]], _rows[columns[b]]);
        return q;
    }

    /// <inheritdoc/>
    public double[]? Solve(double[,] m, double[] r) => SmallLinearSystem.Solve(m, r);

    /// <inheritdoc/>
    public double[] SignedDistances(LinearModel model)
    {
        var hyperplane = new Hyperplane([.. model.Weights], model.Bias);
        return [.. _rows.Select(hyperplane.SignedDistance)];
    }

    /// <summary>Nothing to release: the reference holds managed arrays only.</summary>
    public void Dispose()
    {
    }
}
