using System.Collections.Immutable;
using TensorLinear.Autograd;
using TensorLinear.Autograd.Derivations;
using TensorLinear.Cli.Runtime;
using TensorLinear.Reference;
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
    /// <summary>The operations, each with the inputs it reads.</summary>
    public static readonly ImmutableArray<string> Operations = ["dot", "norm", "unit", "cosine", "angle", "project", "distance", "side"];

    /// <summary>Evaluates <paramref name="operation"/> on its vectors (and hyperplane, and p) on both sides.</summary>
    /// <exception cref="UsageException">The wrong number of vectors, or a hyperplane missing or not wanted.</exception>
    /// <exception cref="InvalidInputException">Inputs outside the function's domain (refused alike by both sides).</exception>
    public static Calculation Evaluate(string operation, IReadOnlyList<double[]> vectors, double[]? plane, double? p)
    {
        var planeOperation = operation is "distance" or "side";
        Expect(operation, vectors, planeOperation ? 1 : operation is "norm" or "unit" ? 1 : 2);
        if (planeOperation && plane is null) throw new UsageException($"calc {operation} needs the hyperplane: --plane w0,w1,...,wn (bias first, then the normal)");
        if (!planeOperation && plane is not null) throw new UsageException($"--plane is for calc distance and calc side, not calc {operation}");
        if (p is not null && operation != "norm") throw new UsageException($"--p is the order of calc norm, not of calc {operation}");
        if (plane is { Length: < 2 }) throw new UsageException("--plane needs the bias w0 and at least one weight: w0,w1,...,wn");

        return operation switch
        {
            "dot" => Pair(operation, "xᵀy = Σᵢ xᵢyᵢ", vectors, Vector.Dot, VectorGradients.DotGradientX, VectorGradients.DotGradientY, TensorVector.Dot),
            "cosine" => Pair(operation, "cos θ = xᵀy/(‖x‖₂‖y‖₂)", vectors, Vector.Cosine, VectorGradients.CosineGradientX, VectorGradients.CosineGradientY, TensorVector.Cosine),
            "angle" => Pair(operation, "θ = 2·atan2(‖x̂ − ŷ‖, ‖x̂ + ŷ‖) ∈ [0, π], in radians", vectors, Vector.Angle, VectorGradients.AngleGradientX, VectorGradients.AngleGradientY, TensorVector.Angle),
            "norm" => Norm(vectors[0], p ?? 2.0),
            "unit" => Unit(vectors[0]),
            "project" => Project(vectors[0], vectors[1]),
            "distance" => Distance(vectors[0], plane!),
            "side" => Side(vectors[0], plane!),
            _ => throw new UsageException($"calc has no operation '{operation}'; it knows {string.Join(", ", Operations)}"),
        };
    }

    private static void Expect(string operation, IReadOnlyList<double[]> vectors, int count)
    {
        if (vectors.Count != count)
        {
            var usage = operation switch
            {
                "norm" => "calc norm X [--p P]",
                "unit" => "calc unit X",
                "distance" or "side" => $"calc {operation} X --plane w0,w1,...,wn",
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

    private static Calculation Norm(double[] x, double p)
    {
        var reference = Vector.Norm(x, p);
        var torch = Autograd([x], inputs => TensorVector.Norm(inputs[0], p));
        var order = double.IsPositiveInfinity(p) ? "∞" : Output.Format.Value(p);
        return new Calculation("norm", $"‖x‖_{order}" + (double.IsPositiveInfinity(p) ? " = maxᵢ |xᵢ|" : $" = (Σᵢ |xᵢ|^{order})^(1/{order})"),
            [new("x", x)],
            new Derivative("value", Outcome.Of(reference), torch.Value, true),
            [new Derivative("∂/∂x", Outcome.Try(() => Outcome.Of(VectorGradients.NormPGradient(x, p))), torch.Gradients[0], false)]);
    }

    private static Calculation Unit(double[] x)
    {
        var reference = Vector.Unit(x);
        var torch = Autograd([x], inputs => TensorVector.Unit(inputs[0]));
        return new Calculation("unit", "x̂ = x/‖x‖₂; its Jacobian's row i is the gradient of x̂ᵢ", [new("x", x)],
            new Derivative("value", Outcome.Of(reference), torch.Value, false),
            [new Derivative("∂x̂/∂x", Outcome.Try(() => Outcome.Of(VectorGradients.UnitJacobian(x))), torch.Gradients[0], false)]);
    }

    private static Calculation Project(double[] x, double[] y)
    {
        var reference = Vector.Project(x, y);
        var torch = Autograd([x, y], inputs => TensorVector.Project(inputs[0], inputs[1]));
        return new Calculation("project", "proj_y(x) = (xᵀŷ)·ŷ, the projection of x on y; each Jacobian's row i is the gradient of projᵢ",
            [new("x", x), new("y", y)],
            new Derivative("value", Outcome.Of(reference), torch.Value, false),
            [
                new Derivative("∂proj/∂x", Outcome.Try(() => Outcome.Of(VectorGradients.ProjectJacobianX(x, y))), torch.Gradients[0], false),
                new Derivative("∂proj/∂y", Outcome.Try(() => Outcome.Of(VectorGradients.ProjectJacobianY(x, y))), torch.Gradients[1], false),
            ]);
    }

    // --plane w0,w1,...,wn: the bias first, as in w₀ + w₁x₁ + … + wₙxₙ = 0.
    private static (double[] Weights, double Bias) Split(double[] plane) => (plane[1..], plane[0]);

    private static Calculation Distance(double[] x, double[] plane)
    {
        var (w, w0) = Split(plane);
        var hyperplane = new Hyperplane(w, w0);
        var reference = hyperplane.SignedDistance(x);
        var torch = Autograd([x, w, [w0]], inputs => TensorHyperplane.SignedDistance(inputs[1], inputs[2][0], inputs[0]));
        return new Calculation("distance", "d = (wᵀx + w₀)/‖w‖₂, the signed distance from the hyperplane wᵀx + w₀ = 0 to the point x",
            [new("x", x), new("w", w), new("w0", [w0])],
            new Derivative("value", Outcome.Of(reference), torch.Value, true),
            [
                new Derivative("∂/∂x", Outcome.Try(() => Outcome.Of(hyperplane.SignedDistanceGradientX())), torch.Gradients[0], false),
                new Derivative("∂/∂w", Outcome.Try(() => Outcome.Of(hyperplane.SignedDistanceGradientWeights(x))), torch.Gradients[1], false),
                new Derivative("∂/∂w0", Outcome.Try(() => Outcome.Of(hyperplane.SignedDistanceGradientBias())), torch.Gradients[2], true),
            ]);
    }

    private static Calculation Side(double[] x, double[] plane)
    {
        var (w, w0) = Split(plane);
        var hyperplane = new Hyperplane(w, w0);
        var side = hyperplane.Side(x);
        var torch = Autograd([x, w, [w0]], inputs => TensorHyperplane.Side(inputs[1], inputs[2][0], inputs[0]));
        // sign(wᵀx + w₀) is constant off the hyperplane, so every derivative is 0 there; on it the step has no derivative.
        Outcome Zero(int length) => side == 0
            ? new Outcome(null, "x lies on the hyperplane, where the side jumps from −1 to +1 and has no derivative")
            : Outcome.Of(new double[length]);
        return new Calculation("side", "sign(wᵀx + w₀): +1 on the side w points to, −1 on the other, 0 on the hyperplane",
            [new("x", x), new("w", w), new("w0", [w0])],
            new Derivative("value", Outcome.Of(side), torch.Value, true),
            [
                new Derivative("∂/∂x", Zero(x.Length), torch.Gradients[0], false),
                new Derivative("∂/∂w", Zero(w.Length), torch.Gradients[1], false),
                new Derivative("∂/∂w0", Zero(1), torch.Gradients[2], true),
            ]);
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
