using TensorLinear.Autograd;
using TensorLinear.Verification.Checks;
using TensorLinear.Verification.Tolerances;
using static TorchSharp.torch;

namespace TensorLinear.Verification.Catalog;

/// <summary>The small pieces the catalog's entries are assembled from: splitting θ, naming variables, building problems.</summary>
internal static class CatalogParts
{
    public static double[] Concat(params double[][] parts) => [.. parts.SelectMany(p => p)];

    public static string[] Names(string name, int n) => [.. Enumerable.Range(0, n).Select(i => $"{name}[{i}]")];

    public static string[] Names(params string[][] groups) => [.. groups.SelectMany(g => g)];

    /// <summary>θ split into consecutive parts of the given lengths.</summary>
    public static double[][] Split(double[] theta, params int[] lengths)
    {
        var parts = new double[lengths.Length][];
        var start = 0;
        for (var k = 0; k < lengths.Length; k++)
        {
            parts[k] = theta[start..(start + lengths[k])];
            start += lengths[k];
        }
        return parts;
    }

    /// <summary>The part of a θ tensor from <paramref name="start"/>, of <paramref name="length"/> elements.</summary>
    public static Tensor Part(Tensor theta, int start, int length) => theta.narrow(0, start, length);

    public static double[,] Row(double[] values)
    {
        var m = new double[1, values.Length];
        for (var j = 0; j < values.Length; j++) m[0, j] = values[j];
        return m;
    }

    /// <summary>The matrices side by side, [A | B | …]: a Jacobian with respect to θ from its blocks with respect to θ's parts.</summary>
    public static double[,] Columns(params double[][,] blocks)
    {
        var rows = blocks[0].GetLength(0);
        var m = new double[rows, blocks.Sum(b => b.GetLength(1))];
        var start = 0;
        foreach (var block in blocks)
        {
            for (var i = 0; i < rows; i++)
                for (var j = 0; j < block.GetLength(1); j++) m[i, start + j] = block[i, j];
            start += block.GetLength(1);
        }
        return m;
    }

    /// <summary>A vector as an n×1 matrix, the Jacobian block of a vector function with respect to one scalar.</summary>
    public static double[,] Column(double[] values)
    {
        var m = new double[values.Length, 1];
        for (var i = 0; i < values.Length; i++) m[i, 0] = values[i];
        return m;
    }

    public static Bound[,] Row(Bound[] values)
    {
        var m = new Bound[1, values.Length];
        for (var j = 0; j < values.Length; j++) m[0, j] = values[j];
        return m;
    }

    /// <summary>A problem for a scalar function f: ℝⁿ → ℝ with an optional hand gradient.</summary>
    public static Problem Scalar(
        double[] point, string[] variables, Func<double[], double> reference, Func<double[], double[]>? gradient, Func<Tensor, Tensor> twin,
        Func<double[], Bound> valueError, Func<double[], Bound[]>? gradientError,
        HessianProblem? hessian = null, Func<DescentProblem>? descent = null, Func<double[], double[]>? kinkDistances = null,
        double[]? variableScales = null) => new()
        {
            Point = point,
            Variables = variables,
            Reference = t => [reference(t)],
            Twin = twin,
            ValueError = t => [valueError(t)],
            HandJacobian = gradient is null ? null : t => Row(gradient(t)),
            JacobianError = gradientError is null ? null : t => Row(gradientError(t)),
            Hessian = hessian,
            Descent = descent,
            KinkDistances = kinkDistances,
            VariableScales = variableScales,
        };

    /// <summary>
    /// The kink distances of maxᵢ|xᵢ|: with a unique largest |x_k| = a₁ and the next a₂, every variable may move by
    /// min((a₁ − a₂)/2, a₁) without changing which component is largest or its sign; at a tie the tied components are
    /// at the kink (0) and each other one may move by a₁ − |xⱼ| while they stay put.
    /// </summary>
    public static double[] MaxNormKinkDistances(double[] x)
    {
        var a = x.Select(Math.Abs).ToArray();
        var largest = a.Max();
        var ties = a.Count(v => v == largest);
        if (largest == 0.0) return new double[x.Length];
        if (ties == 1)
        {
            var second = a.Length == 1 ? 0.0 : a.Where(v => v != largest).DefaultIfEmpty(0.0).Max();
            var d = Math.Min((largest - second) / 2, largest);
            return [.. a.Select(_ => d)];
        }
        return [.. a.Select(v => v == largest ? 0.0 : largest - v)];
    }

    /// <summary>The value of a tensor function at θ, no graph recorded.</summary>
    public static double TwinValue(Func<Tensor, Tensor> f, double[] theta) => CaseEvaluation.EvaluateTwin(f, theta)[0];

    /// <summary>The twin's value and autograd gradient at θ.</summary>
    public static (double Value, double[] Gradient) TwinValueAndGradient(Func<Tensor, Tensor> f, double[] theta)
    {
        Torch.Initialize();
        using var scope = NewDisposeScope();
        var input = tensor(theta, requires_grad: true);
        var output = f(input);
        return (output.ToDouble(), Torch.Gradient(output, input).ToDoubles());
    }

    /// <summary>An identity's residual on one side: |residual| (or its positive part, for an inequality) against the bound.</summary>
    public static ElementCheck Residual(int index, string element, string side, double residual, Bound bound, bool inequality = false) => new()
    {
        Index = index,
        Element = element,
        Reference = residual,
        Pair = side,
        AbsoluteError = inequality ? Math.Max(0.0, residual) : Math.Abs(residual),
        Bound = bound.Value + TolerancePolicy.UnderflowFloor,
        Scale = bound.Scale,
        Rule = bound.Rule,
    };

    public const string ReferenceSide = "reference side";

    public const string TensorSide = "tensor side";

    public static bool NonZero(double[] v) => v.Any(x => x != 0.0);
}
