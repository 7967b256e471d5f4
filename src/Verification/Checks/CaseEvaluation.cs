using TensorLinear.Verification.Cases;
using TensorLinear.Numerics;
using TensorLinear.Autograd;
using TensorLinear.Verification.Catalog;
using TensorLinear.Verification.GradientChecking;
using TensorLinear.Verification.Tolerances;
using static TorchSharp.torch;

namespace TensorLinear.Verification.Checks;

/// <summary>
/// One case of one derivation, evaluated lazily and once: the reference's values, the twin's values and autograd
/// Jacobian, the hand Jacobian, their bounds, and the gradient checker's finite differences and Taylor test. Several
/// checks of the same case share these.
/// </summary>
internal sealed class CaseEvaluation
{
    private double[]? _reference;
    private Bound[]? _valueError;
    private double[]? _twinValues;
    private double[,]? _autograd;
    private double[,]? _hand;
    private Bound[,]? _jacobianError;
    private FiniteDifferenceOutcome? _finiteDifferences;
    private IRealFunction? _exact;
    private DoubleDouble[]? _truth;
    private double[,]? _forwardJacobian;

    public CaseEvaluation(Derivation derivation, CaseInput input)
    {
        Derivation = derivation;
        Input = input;
        Problem = derivation.Pose(input);
    }

    public Derivation Derivation { get; }

    public CaseInput Input { get; }

    public Problem Problem { get; }

    public double[] Theta => Problem.Point;

    public int OutputCount => ReferenceValues.Length;

    /// <summary>Whether derivatives are checked on this case (the entry is differentiated; its generator keeps every case inside the derivative's domain).</summary>
    public bool Differentiated => Derivation.Differentiable && Problem.JacobianError is not null;

    public double[] ReferenceValues => _reference ??= Problem.Reference(Theta);

    public Bound[] ValueError => _valueError ??= Problem.ValueError(Theta);

    public Bound[] TruthError => Problem.TruthError?.Invoke(Theta) ?? ValueError;

    public double[] TwinValues
    {
        get
        {
            if (_twinValues is not null) return _twinValues;
            if (Differentiated) EvaluateAutograd();
            else _twinValues = EvaluateTwin(Problem.Twin, Theta);
            return _twinValues!;
        }
    }

    /// <summary>Autograd's m×n Jacobian of the twin at θ (for a scalar function, its gradient as one row).</summary>
    public double[,] Autograd
    {
        get
        {
            if (_autograd is null) EvaluateAutograd();
            return _autograd!;
        }
    }

    public double[,]? Hand => Problem.HandJacobian is null ? null : _hand ??= Problem.HandJacobian(Theta);

    public Bound[,] JacobianError => _jacobianError ??= Problem.JacobianError!(Theta);

    /// <summary>The claimed derivative the finite differences and the Taylor test examine: the hand one, else autograd's.</summary>
    public double[,] Claimed => Hand ?? Autograd;

    public FiniteDifferenceOutcome FiniteDifferences => _finiteDifferences ??= RunGradientChecker();

    /// <summary>The entry's definition bound to this case's fixed parts (see <see cref="Derivation.Define"/>).</summary>
    public IRealFunction Exact => _exact ??= Derivation.Define(Input);

    /// <summary>The definition's values at θ in double-double: the truth.</summary>
    public DoubleDouble[] Truth => _truth ??= Exact.Truth(Theta);

    /// <summary>The definition's m×n Jacobian at θ by forward mode.</summary>
    public double[,] ForwardJacobian => _forwardJacobian ??= Exact.ForwardJacobian(Theta);

    /// <summary>The twin's values with no graph recorded; every tensor released.</summary>
    public static double[] EvaluateTwin(Func<Tensor, Tensor> twin, double[] theta)
    {
        Torch.Initialize();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return twin(tensor(theta)).ToDoubles();
    }

    /// <summary>The twin's values and its Jacobian by one backward pass per output (a vector–Jacobian product with eᵢ).</summary>
    private void EvaluateAutograd()
    {
        Torch.Initialize();
        using var scope = NewDisposeScope();
        var input = tensor(Theta, requires_grad: true);
        var output = Problem.Twin(input);
        var values = output.ToDoubles();
        var n = Theta.Length;
        var jacobian = new double[values.Length, n];
        if (output.requires_grad)
        {
            if (values.Length == 1)
            {
                var g = Torch.Gradient(output, input).ToDoubles();
                for (var j = 0; j < n; j++) jacobian[0, j] = g[j];
            }
            else
            {
                for (var i = 0; i < values.Length; i++)
                {
                    var e = new double[values.Length];
                    e[i] = 1.0;
                    var row = Torch.Gradients([output], [input], [tensor(e, output.shape)])[0].ToDoubles();
                    for (var j = 0; j < n; j++) jacobian[i, j] = row[j];
                }
            }
        }
        _twinValues = values;
        _autograd = jacobian;
    }

    /// <summary>d: the powers of two the checker rescales the variables by (see <see cref="CheckerFrame"/>).</summary>
    public double[] Scales => CheckerFrame.PowersOfTwo(Problem.VariableScales, Theta.Length);

    /// <summary>
    /// The gradient checker on the reference function with the claimed derivative, in the <see cref="CheckerFrame"/>:
    /// Richardson central differences with their truncation and rounding bounds, kink recognition, and the Taylor test
    /// along a direction seeded by the input. Results come back in θ.
    /// </summary>
    private FiniteDifferenceOutcome RunGradientChecker()
    {
        var frame = new CheckerFrame(Problem.Reference, Theta, Scales);
        var options = new GradientCheckOptions { Seed = Input.ContentSeed, FunctionRelativeError = frame.Rho, RunTaylorTest = true, CoordinateScales = frame.UnitScales };
        var claimed = frame.ToFrame(Claimed);
        if (ReferenceValues.Length == 1)
        {
            var gradient = Row(claimed, 0);
            var report = GradientChecker.Check(u => frame.Evaluate(u)[0], _ => gradient, frame.Point, options);
            var entries = report.Coordinates.Select(c => Entry(frame, 0, c.Index, c.FiniteDifference, c.Truncation + c.Rounding,
                c.AtKink, c.LeftSlope, c.RightSlope, c.Bound, c.Reason)).ToArray();
            return new FiniteDifferenceOutcome(entries, report.Taylor, report.Summary);
        }
        else
        {
            var report = GradientChecker.CheckJacobian(frame.Evaluate, _ => claimed, frame.Point, options);
            var entries = report.Entries.Select(e => Entry(frame, e.Row, e.Column, e.FiniteDifference, e.Truncation + e.Rounding,
                e.AtKink, e.LeftSlope, e.RightSlope, e.Bound, e.Reason)).ToArray();
            return new FiniteDifferenceOutcome(entries, report.Taylor, report.Summary);
        }
    }

    private static FiniteDifferenceEntry Entry(CheckerFrame frame, int row, int column, double value, double error, bool kink, double? left, double? right, double margin, string? inconclusive) =>
        new(row, column, frame.FromFrame(value, column), frame.FromFrame(error, column), kink,
            left is double l ? frame.FromFrame(l, column) : null, right is double r ? frame.FromFrame(r, column) : null, frame.FromFrame(margin, column), inconclusive);

    public static double[] Row(double[,] matrix, int i)
    {
        var row = new double[matrix.GetLength(1)];
        for (var j = 0; j < row.Length; j++) row[j] = matrix[i, j];
        return row;
    }

    /// <summary>A name for Jacobian entry (i, j): "∂/∂x[3]" for a scalar function, "∂f[i]/∂x[3]" otherwise.</summary>
    public string EntryName(int i, int j) =>
        OutputCount == 1 ? $"∂/∂{Problem.Variables[j]}" : $"∂f[{i}]/∂{Problem.Variables[j]}";
}

/// <summary>One finite-difference entry from the gradient checker.</summary>
/// <remarks><c>Inconclusive</c>: why the checker could not tell (f not smooth on the scale of the step); null when it could.</remarks>
internal sealed record FiniteDifferenceEntry(int Row, int Column, double Value, double Error, bool Kink, double? LeftSlope, double? RightSlope, double KinkMargin, string? Inconclusive);

/// <summary>The gradient checker's finite differences and Taylor test on one case.</summary>
internal sealed record FiniteDifferenceOutcome(FiniteDifferenceEntry[] Entries, TaylorTestResult Taylor, string Summary);
