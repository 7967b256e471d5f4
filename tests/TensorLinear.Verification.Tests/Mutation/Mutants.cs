using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Softmax;

namespace TensorLinear.Verification.Tests.Mutation;

/// <summary>
/// The ways a hand derivation goes wrong, each as a wrapper around a shipped function's output (never a copy of its
/// code): a flipped sign, a lost factor (2, or ‖x‖ for a missing normalisation), an average left as a sum (×n), one
/// coordinate scaled, a wrong diagonal, a transposed Jacobian, swapped arguments.
/// </summary>
internal static class Mutants
{
    public static double[] Negate(double[] g) => [.. g.Select(v => -v)];

    public static double[] Scale(double[] g, double c) => [.. g.Select(v => c * v)];

    /// <summary>The first coordinate doubled (a missing factor in one component).</summary>
    public static double[] ScaleFirst(double[] g) => [2 * g[0], .. g[1..]];

    /// <summary>Every component times the length n: a mean (1/n)Σ differentiated as if it were the sum.</summary>
    public static double[] AsSum(double[] g) => Scale(g, g.Length);

    /// <summary>Every component times ‖v‖₂: the division by the norm left out.</summary>
    public static double[] Unnormalised(double[] g, double[] v) => Scale(g, Math.Sqrt(v.Sum(x => x * x)));

    public static double[,] Negate(double[,] m) => Map(m, (_, _, v) => -v);

    public static double[,] Scale(double[,] m, double c) => Map(m, (_, _, v) => c * v);

    /// <summary>1 added on the diagonal (the δᵢⱼ term doubled, or one of a Hessian's curvature terms).</summary>
    public static double[,] WrongDiagonal(double[,] m) => Map(m, (i, j, v) => i == j ? v + 1 : v);

    /// <summary>The diagonal doubled.</summary>
    public static double[,] DoubledDiagonal(double[,] m) => Map(m, (i, j, v) => i == j ? 2 * v : v);

    public static double[,] Transpose(double[,] m)
    {
        var t = new double[m.GetLength(1), m.GetLength(0)];
        for (var i = 0; i < m.GetLength(0); i++)
            for (var j = 0; j < m.GetLength(1); j++) t[j, i] = m[i, j];
        return t;
    }

    /// <summary>
    /// A softmax gradient with the label's −e_y left out, (1/n)Σ pᵢ ⊗ aᵢ instead of (1/n)Σ (pᵢ − e_yᵢ) ⊗ aᵢ: the shipped
    /// gradient plus (1/n)Σ_{yᵢ = c} aᵢ in each class's block.
    /// </summary>
    public static double[] WithoutLabelTerm(double[] g, DataSet data, SoftmaxModel model)
    {
        var r = (double[])g.Clone();
        int d = data.FeatureCount, block = d + 1;
        var y = data.Targets.Span;
        for (var i = 0; i < data.RowCount; i++)
        {
            var c = (int)y[i];
            if (c == 0 || c >= model.ClassCount) continue; // the reference class has no block
            for (var j = 0; j < d; j++) r[(c - 1) * block + j] += data[i, j] / data.RowCount;
            r[(c - 1) * block + d] += 1.0 / data.RowCount;
        }
        return r;
    }

    /// <summary>Only the diagonal blocks of size <paramref name="block"/> kept: the coupling between classes forgotten.</summary>
    public static double[,] BlockDiagonal(double[,] m, int block) => Map(m, (i, j, v) => i / block == j / block ? v : 0.0);

    public static ModelGradient Map(ModelGradient g, Func<double[], double[]> change) =>
        ModelGradient.FromParameterVector(change(g.ToParameterVector()));

    private static double[,] Map(double[,] m, Func<int, int, double, double> change)
    {
        var r = new double[m.GetLength(0), m.GetLength(1)];
        for (var i = 0; i < m.GetLength(0); i++)
            for (var j = 0; j < m.GetLength(1); j++) r[i, j] = change(i, j, m[i, j]);
        return r;
    }
}
