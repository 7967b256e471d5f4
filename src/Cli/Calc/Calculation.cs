using System.Collections.Immutable;
using TensorLinear.Autograd;
using TensorLinear.Cli.Runtime;
using TensorLinear.Reference;
using TensorLinear.Verification.Catalog;
using Tensor = TorchSharp.torch.Tensor;

namespace TensorLinear.Cli.Calc;

/// <summary>
/// One quick question for <c>tensorlinear calc</c>: a function of some vectors, answered twice — by the hand-derived
/// reference (<see cref="Vector"/>, <see cref="VectorGradients"/>, <see cref="Hyperplane"/>) and by its libtorch twin
/// (<see cref="TensorVector"/>, <see cref="TensorHyperplane"/>) with gradients from autograd.
/// </summary>
internal sealed record Calculation(
    string Operation,
    string Description,
    ImmutableArray<NamedInput> Inputs,
    Derivative Value,
    ImmutableArray<Derivative> Gradients);

/// <summary>An input of a calculation, with the name its gradient is reported under.</summary>
internal sealed record NamedInput(string Name, double[] Values);

/// <summary>
/// One quantity from both sides: the value, or the derivative with respect to one input — a gradient (one row) for a
/// scalar function, a Jacobian (row i the gradient of output i) for a vector one. A side may decline (a gradient that
/// does not exist at the point), with its reason.
/// </summary>
internal sealed record Derivative(string Label, Outcome Reference, Outcome Torch, bool IsScalar)
{
    /// <summary>The largest difference between the two sides' entries; null when a side declined.</summary>
    public double? Difference =>
        Reference.Rows is { } a && Torch.Rows is { } b
            ? a.Zip(b, (r, s) => r.Zip(s, (p, q) => Math.Abs(p - q)).DefaultIfEmpty(0.0).Max()).DefaultIfEmpty(0.0).Max()
            : null;
}

/// <summary>What one side computed: rows of numbers, or why it has none.</summary>
internal sealed record Outcome(double[][]? Rows, string? Declined)
{
    public static Outcome Of(double value) => new([[value]], null);

    public static Outcome Of(double[] vector) => new([vector], null);

    public static Outcome Of(double[,] matrix) =>
        new([.. Enumerable.Range(0, matrix.GetLength(0)).Select(i => Enumerable.Range(0, matrix.GetLength(1)).Select(j => matrix[i, j]).ToArray())], null);

    /// <summary>
    /// Runs <paramref name="compute"/>, turning a refusal of the input as degenerate into a declined outcome: where a
    /// function has no derivative (a cone point, a kink the reference does not take a side at), say so rather than fail.
    /// </summary>
    public static Outcome Try(Func<Outcome> compute)
    {
        try
        {
            return compute();
        }
        catch (DegenerateInputException e)
        {
            return new Outcome(null, e.Message[(e.ArgumentName.Length + 2)..]);
        }
    }
}

/// <summary>The operations of <c>tensorlinear calc</c>.</summary>
internal static class Calculations
{
    /// <summary>The norm of x in any order p (the catalog's norm1, norm2, normInf and normP entries in one operation).</summary>
    public const string Norm = "norm";

    /// <summary>The operations: the catalog's names (EntryNames), so that calc and verify mean one thing by each; "norm" takes its order by --p.</summary>
    public static readonly ImmutableArray<string> Operations =
    [
        EntryNames.Dot, Norm, EntryNames.Unit, EntryNames.Cosine, EntryNames.Angle, EntryNames.ScalarProjection, EntryNames.Project,
        EntryNames.Reject, EntryNames.Distance, EntryNames.SignedDistance, EntryNames.HyperplaneScore, EntryNames.Foot,
    ];

    // The catalog's functions: calc evaluates exactly what verify checks.
    private static readonly ReferenceFunctions F = ReferenceFunctions.Shipped;


    /// <summary>Evaluates <paramref name="operation"/> on its vectors (and hyperplane, and p) on both sides.</summary>
    /// <exception cref="UsageException">The wrong number of vectors, or a hyperplane missing or not wanted.</exception>
    /// <exception cref="InvalidInputException">Inputs outside the function's domain (refused alike by both sides).</exception>
    public static Calculation Evaluate(string operation, IReadOnlyList<double[]> vectors, double[]? plane, double? p)
    {
        var planeOperation = operation is EntryNames.SignedDistance or EntryNames.HyperplaneScore or EntryNames.Foot;
        Expect(operation, vectors, planeOperation ? 1 : operation is Norm or EntryNames.Unit ? 1 : 2);
        if (planeOperation && plane is null) throw new UsageException($"calc '{operation}' needs the hyperplane: --plane w0,w1,...,wn (bias first, then the normal)");
        if (!planeOperation && plane is not null) throw new UsageException($"--plane is for calc '{EntryNames.SignedDistance}' and calc '{EntryNames.HyperplaneScore}', not calc {operation}");
        if (p is not null && operation is not (Norm or EntryNames.Distance)) throw new UsageException($"--p is the order of calc norm and calc distance, not of calc {operation}");
        if (plane is { Length: < 2 }) throw new UsageException("--plane needs the bias w0 and at least one weight: w0,w1,...,wn");

        return operation switch
        {
            EntryNames.Dot => Pair(operation, "xᵀy = Σᵢ xᵢyᵢ", vectors, F.Dot, F.DotGradientX, F.DotGradientY, TensorVector.Dot),
            EntryNames.Cosine => Pair(operation, "cos θ = xᵀy/(‖x‖₂‖y‖₂)", vectors, F.Cosine, F.CosineGradientX, F.CosineGradientY, TensorVector.Cosine),
            EntryNames.Angle => Pair(operation, $"{AngleFormula} ∈ [0, π], in radians", vectors, F.Angle, F.AngleGradientX, F.AngleGradientY, TensorVector.Angle),
            EntryNames.Distance => DistanceBetween(vectors, p ?? 2.0),
            Norm => NormOf(vectors[0], p ?? 2.0),
            EntryNames.Unit => Unit(vectors[0]),
            EntryNames.ScalarProjection => Pair(operation, "comp_y(x) = xᵀŷ, the signed length of x along y", vectors, F.ScalarProjection, F.ScalarProjectionGradientX, F.ScalarProjectionGradientY, TensorVector.ScalarProjection),
            EntryNames.Project => VectorPair(operation, "proj", "proj_y(x) = (xᵀŷ)·ŷ, the projection of x on y; each Jacobian's row i is the gradient of projᵢ",
                vectors, F.Project, F.ProjectJacobianX, F.ProjectJacobianY, TensorVector.Project),
            EntryNames.Reject => VectorPair(operation, "rej", "rej_y(x) = x − proj_y(x), the part of x orthogonal to y; each Jacobian's row i is the gradient of rejᵢ",
                vectors, F.Reject, F.RejectJacobianX, F.RejectJacobianY, TensorVector.Reject),
            EntryNames.Foot => Foot(vectors[0], plane!),
            EntryNames.SignedDistance => SignedDistance(vectors[0], plane!),
            EntryNames.HyperplaneScore => Score(vectors[0], plane!),
            _ => throw new UsageException($"calc has no operation '{operation}'; it knows {string.Join(", ", Operations)}"),
        };
    }

    private static void Expect(string operation, IReadOnlyList<double[]> vectors, int count)
    {
        if (vectors.Count != count)
        {
            var usage = operation switch
            {
                Norm => "calc norm X [--p P]",
                EntryNames.Unit => "calc unit X",
                EntryNames.Distance => "calc distance X Y [--p P]",
                EntryNames.SignedDistance or EntryNames.HyperplaneScore or EntryNames.Foot => $"calc '{operation}' X --plane w0,w1,...,wn",
                _ => $"calc {operation} X Y",
            };
            throw new UsageException($"calc {operation} takes {count} vector{(count == 1 ? "" : "s")}, not {vectors.Count}: {usage}, vectors written as 1,2,3");
        }
    }

    // A scalar function of two vectors x and y.
    private static Calculation Pair(string operation, string description, IReadOnlyList<double[]> vectors,
        Func<double[], double[], double> value, Func<double[], double[], double[]> gradientX, Func<double[], double[], double[]> gradientY,
        Func<Tensor, Tensor, Tensor> twin)
    {
        double[] x = vectors[0], y = vectors[1];
        var reference = value(x, y);
        var torch = Autograd([x, y], inputs => twin(inputs[0], inputs[1]));
        return new Calculation(operation, description, [new("x", x), new("y", y)],
            new Derivative("value", Outcome.Of(reference), torch.Value, true),
            [
                new Derivative("∂/∂x", Outcome.Try(() => Outcome.Of(gradientX(x, y))), torch.Gradients[0], false),
                new Derivative("∂/∂y", Outcome.Try(() => Outcome.Of(gradientY(x, y))), torch.Gradients[1], false),
            ]);
    }

    private static Calculation DistanceBetween(IReadOnlyList<double[]> vectors, double p)
    {
        var order = double.IsPositiveInfinity(p) ? "∞" : Output.Format.Value(p);
        return Pair(EntryNames.Distance, $"d(x, y) = ‖x − y‖_{order}, the distance between the points x and y", vectors,
            (x, y) => F.Distance(x, y, p), (x, y) => F.DistanceGradientX(x, y, p), (x, y) => F.DistanceGradientY(x, y, p),
            (x, y) => TensorVector.Distance(x, y, p));
    }

    private static Calculation NormOf(double[] x, double p)
    {
        var reference = Vector.Norm(x, p);
        var torch = Autograd([x], inputs => TensorVector.Norm(inputs[0], p));
        var order = double.IsPositiveInfinity(p) ? "∞" : Output.Format.Value(p);
        return new Calculation("norm", $"‖x‖_{order}" + (double.IsPositiveInfinity(p) ? " = maxᵢ |xᵢ|" : $" = (Σᵢ |xᵢ|^{order})^(1/{order})"),
            [new("x", x)],
            new Derivative("value", Outcome.Of(reference), torch.Value, true),
            [new Derivative("∂/∂x", Outcome.Try(() => Outcome.Of(F.NormPGradient(x, p))), torch.Gradients[0], false)]);
    }

    private static Calculation Unit(double[] x)
    {
        var reference = F.Unit(x);
        var torch = Autograd([x], inputs => TensorVector.Unit(inputs[0]));
        return new Calculation("unit", "x̂ = x/‖x‖₂; its Jacobian's row i is the gradient of x̂ᵢ", [new("x", x)],
            new Derivative("value", Outcome.Of(reference), torch.Value, false),
            [new Derivative("∂x̂/∂x", Outcome.Try(() => Outcome.Of(F.UnitJacobian(x))), torch.Gradients[0], false)]);
    }

    // A vector function of two vectors x and y, with its two Jacobians.
    private static Calculation VectorPair(string operation, string symbol, string description, IReadOnlyList<double[]> vectors,
        Func<double[], double[], double[]> value, Func<double[], double[], double[,]> jacobianX, Func<double[], double[], double[,]> jacobianY,
        Func<Tensor, Tensor, Tensor> twin)
    {
        var (x, y) = (vectors[0], vectors[1]);
        var reference = Outcome.Of(value(x, y));
        var torch = Autograd([x, y], inputs => twin(inputs[0], inputs[1]));
        return new Calculation(operation, description,
            [new("x", x), new("y", y)],
            new Derivative("value", reference, torch.Value, false),
            [
                new Derivative($"∂{symbol}/∂x", Outcome.Try(() => Outcome.Of(jacobianX(x, y))), torch.Gradients[0], false),
                new Derivative($"∂{symbol}/∂y", Outcome.Try(() => Outcome.Of(jacobianY(x, y))), torch.Gradients[1], false),
            ]);
    }

    // --plane w0,w1,...,wn: the bias first, as in w₀ + w₁x₁ + … + wₙxₙ = 0.
    private static (double[] Weights, double Bias) Split(double[] plane) => (plane[1..], plane[0]);

    private static Calculation SignedDistance(double[] x, double[] plane)
    {
        var (w, w0) = Split(plane);
        var hyperplane = new Hyperplane(w, w0);
        var reference = F.SignedDistance(hyperplane, x);
        var torch = Autograd([x, w, [w0]], inputs => TensorHyperplane.SignedDistance(inputs[1], inputs[2][0], inputs[0]));
        return new Calculation(EntryNames.SignedDistance, "d = (wᵀx + w₀)/‖w‖₂, the signed distance from the hyperplane wᵀx + w₀ = 0 to the point x",
            [new("x", x), new("w", w), new("w0", [w0])],
            new Derivative("value", Outcome.Of(reference), torch.Value, true),
            [
                new Derivative("∂/∂x", Outcome.Try(() => Outcome.Of(F.SignedDistanceGradientX(hyperplane))), torch.Gradients[0], false),
                new Derivative("∂/∂w", Outcome.Try(() => Outcome.Of(F.SignedDistanceGradientWeights(hyperplane, x))), torch.Gradients[1], false),
                new Derivative("∂/∂w0", Outcome.Try(() => Outcome.Of(F.SignedDistanceGradientBias(hyperplane))), torch.Gradients[2], true),
            ]);
    }

    private static Calculation Foot(double[] x, double[] plane)
    {
        var (w, w0) = Split(plane);
        var hyperplane = new Hyperplane(w, w0);
        var torch = Autograd([x, w, [w0]], inputs => TensorHyperplane.Foot(inputs[1], inputs[2][0], inputs[0]));
        // ∂foot/∂w0 is one column of n rows, as autograd's Jacobian with respect to a one-element input is.
        static double[,] Column(double[] v)
        {
            var column = new double[v.Length, 1];
            for (var i = 0; i < v.Length; i++) column[i, 0] = v[i];
            return column;
        }
        return new Calculation(EntryNames.Foot, "x − ((wᵀx + w₀)/‖w‖₂²)·w, the point of the hyperplane nearest x; each Jacobian's row i is the gradient of its coordinate i",
            [new("x", x), new("w", w), new("w0", [w0])],
            new Derivative("value", Outcome.Of(F.Foot(hyperplane, x)), torch.Value, false),
            [
                new Derivative("∂foot/∂x", Outcome.Try(() => Outcome.Of(F.FootJacobianX(hyperplane))), torch.Gradients[0], false),
                new Derivative("∂foot/∂w", Outcome.Try(() => Outcome.Of(F.FootJacobianWeights(hyperplane, x))), torch.Gradients[1], false),
                new Derivative("∂foot/∂w0", Outcome.Try(() => Outcome.Of(Column(F.FootJacobianBias(hyperplane)))), torch.Gradients[2], false),
            ]);
    }

    private static Calculation Score(double[] x, double[] plane)
    {
        var (w, w0) = Split(plane);
        var hyperplane = new Hyperplane(w, w0);
        var reference = F.HyperplaneScore(hyperplane, x);
        var torch = Autograd([x, w, [w0]], inputs => TensorHyperplane.Evaluate(inputs[1], inputs[2][0], inputs[0]));
        return new Calculation(EntryNames.HyperplaneScore, "s = wᵀx + w₀: positive on the side w points to, negative on the other, 0 on the hyperplane",
            [new("x", x), new("w", w), new("w0", [w0])],
            new Derivative("value", Outcome.Of(reference), torch.Value, true),
            [
                new Derivative("∂/∂x", Outcome.Of(F.HyperplaneScoreGradientX(hyperplane)), torch.Gradients[0], false),
                new Derivative("∂/∂w", Outcome.Of(F.HyperplaneScoreGradientWeights(hyperplane, x)), torch.Gradients[1], false),
                new Derivative("∂/∂w0", Outcome.Of(F.HyperplaneScoreGradientBias()), torch.Gradients[2], true),
            ]);
    }

    // Kahan's formula for the angle, the catalog's (Vector.Angle).
    private const string AngleFormula = "θ = 2·atan2(‖x̂ − ŷ‖, ‖x̂ + ŷ‖)";

    /// <summary>
    /// The angle's calculation in degrees: its value and every derivative, on both sides alike, times 180/π. The
    /// functions checked are the radian ones; only the units of what is shown change.
    /// </summary>
    public static Calculation InDegrees(Calculation angle)
    {
        if (angle.Operation != EntryNames.Angle)
            throw new UsageException($"--degrees is for calc angle, not calc {angle.Operation}");
        const double PerRadian = 180.0 / Math.PI;
        static Outcome Scale(Outcome o) => o with { Rows = o.Rows?.Select(r => r.Select(v => v * PerRadian).ToArray()).ToArray() };
        static Derivative InDegrees(Derivative d) => d with { Reference = Scale(d.Reference), Torch = Scale(d.Torch) };
        return angle with
        {
            Description = $"{AngleFormula}·180/π ∈ [0°, 180°], in degrees",
            Value = InDegrees(angle.Value),
            Gradients = [.. angle.Gradients.Select(InDegrees)],
        };
    }

    private sealed record TorchSide(Outcome Value, Outcome[] Gradients);

    // The value of f at the inputs and its derivative with respect to each, by reverse mode: one backward pass for a
    // scalar, one per output component for a vector (each giving a row of the Jacobian). Torch.Gradients gives zeros
    // for an output that records no graph.
    private static TorchSide Autograd(double[][] inputs, Func<Tensor[], Tensor> f)
    {
        Torch.Initialize();
        using var scope = TorchSharp.torch.NewDisposeScope();
        var tensors = inputs.Select(v => TorchSharp.torch.tensor(v, requires_grad: true)).ToArray();
        var output = f(tensors);
        var values = output.ToDoubles();
        var scalar = output.dim() == 0;
        var rows = scalar ? 1 : values.Length;
        var jacobians = inputs.Select(v => new double[rows][]).ToArray();
        for (var i = 0; i < rows; i++)
        {
            var gradients = Torch.Gradients([scalar ? output : output[i]], tensors);
            for (var k = 0; k < tensors.Length; k++) jacobians[k][i] = gradients[k].ToDoubles();
        }
        // A non-finite derivative is said to be, never printed: out of double's range, or overflowed in the backward pass.
        return new TorchSide(scalar ? Outcome.Of(values[0]) : Outcome.Of(values), [.. jacobians.Select(j => j.All(r => r.All(double.IsFinite))
            ? new Outcome(j, null)
            : new Outcome(null, "libtorch's backward pass gives ∞ or NaN here: the derivative is out of double's range, or its intermediate products overflow"))]);
    }
}
