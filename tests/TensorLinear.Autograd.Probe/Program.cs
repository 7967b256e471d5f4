using System.Runtime.InteropServices;
using TensorLinear;
using TensorLinear.Autograd;
using TensorLinear.Autograd.LeastSquares;
using TensorLinear.Autograd.Models;
using TensorLinear.Data;
using TensorLinear.Models;
using static TorchSharp.torch;

// Each case hands TensorLinear's API an input that, passed unchecked to TorchSharp 0.107, terminates the process
// (exit 134, "terminate called after throwing an instance of 'c10::Error'") or throws TorchSharp's ExternalException
// with a C++ backtrace. The case prints "outcome: <exception type>: <message>" or "outcome: value [...]" (the message
// as it is, so that a second line or a backtrace shows), and the process exits 0 if it lived. "fix" and "threads"
// report the engine's load-time state for the tests of the libstdc++ fix and of the thread policy.
Torch.Initialize();
if (args.Length != 1 || !Cases.All.TryGetValue(args[0], out var run))
{
    Console.WriteLine($"usage: tensorlinear-probe <case>; cases: {string.Join(", ", Cases.All.Keys)}");
    return 2;
}
try
{
    Console.WriteLine($"outcome: {run()}");
}
catch (Exception e) when (e is TensorLinearException or ExternalException or ArgumentException)
{
    Console.WriteLine($"outcome: {e.GetType().Name}: {e.Message}");
}
return 0;

internal static class Cases
{
    internal static readonly IReadOnlyDictionary<string, Func<string>> All = new Dictionary<string, Func<string>>
    {
        ["matmul-shapes"] = () => Value(TensorEmpiricalRisk.Scores(ones(3, 2, dtype: float64), ones(3, dtype: float64), tensor(0.0))),
        ["unused-input"] = () =>
        {
            var (x, unused) = (X(), tensor(new[] { 1.0 }, requires_grad: true));
            return Value(Torch.Gradients([(x * x).sum()], [x, unused])[1]);
        },
        ["unused-input-create-graph"] = () =>
        {
            var (x, unused) = (X(), tensor(new[] { 1.0 }, requires_grad: true));
            return Value(Torch.Gradients([(x * x).sum()], [x, unused], createGraph: true)[1]);
        },
        ["freed-graph"] = () =>
        {
            var x = X();
            var y = (x * x).sum();
            y.backward(); // frees the graph: TorchSharp's own call, outside TensorLinear
            return Value(Torch.Gradient(y, x));
        },
        ["freed-graph-create-graph"] = () =>
        {
            var x = X();
            var y = (x * x).sum();
            y.backward();
            return Value(Torch.Gradient(y, x, createGraph: true));
        },
        ["non-scalar-output"] = () => { var x = X(); return Value(Torch.Gradient(x * x, x)); },
        ["affine-second-derivative"] = () =>
        {
            var x = X();
            var g = Torch.Gradient((x * 2.0).sum(), x, createGraph: true);
            return Value(Torch.Gradient(g.sum(), x));
        },
        // ∇(x₀² + x₁) = (2x₀, 1): the second component has no path back to x, the first has.
        ["partly-affine-hessian"] = () => Value(tensor(Flat(Torch.Hessian(x => x[0] * x[0] + x[1], [3.0, 4.0])))),
        ["upstream-shape"] = () => { var x = X(); return Value(Torch.Gradients([x * x], [x], [ones(3, dtype: float64)])[0]); },
        ["upstream-dtype"] = () => { var x = X(); return Value(Torch.Gradients([x * x], [x], [ones(2, dtype: float32)])[0]); },
        // igamma(a, x) has no derivative in a: libtorch raises "not implemented" inside the backward pass.
        ["no-derivative"] = () => { var a = X(); return Value(Torch.Gradient(a.igamma(ones(2, dtype: float64)).sum(), a)); },
        ["no-derivative-create-graph"] = () =>
        {
            var a = X();
            return Value(Torch.Gradient(a.igamma(ones(2, dtype: float64)).sum(), a, createGraph: true));
        },
        ["non-leaf-input"] = () =>
        {
            var x = X();
            var doubled = x * 2.0;
            return Value(Torch.Gradient((doubled * doubled).sum(), doubled));
        },
        ["engine-mismatched-data"] = () =>
        {
            var data = DataSet.FromRows([[1.0, 2.0], [3.0, 4.0]], [1.0, 0.0]);
            return Value(tensor(TorchEngine.Instance.Gradient(ModelKind.Linear, data, new LinearModel([1.0, 2.0, 3.0], 0.0), Penalty.None).ToParameterVector()));
        },
        ["least-squares-vector"] = () => Value(tensor(TensorLeastSquares.Fit(tensor(new[] { 1.0, 2.0, 3.0 }), tensor(new[] { 1.0, 2.0, 3.0 })).Model.ToParameterVector())),
        ["vector-norm-integer"] = () => Value(VectorNorm.Of(tensor(new long[] { 3, 4 }), 2.0)),
        ["fix"] = () =>
        {
            var fix = Torch.LibStdCxxFix;
            return $"{fix.Kind} {fix.PatchedCopy}; {Value(tensor(new[] { 1.0, 2.0 }) + 1.0)}";
        },
        ["threads"] = () => string.Join("; ", Enum.GetValues<ThreadPolicy>().Select(policy =>
        {
            Torch.ThreadPolicy = policy;
            return $"{policy} {Torch.Threads} {Torch.KernelThreads}";
        })),
    };

    private static Tensor X() => tensor(new[] { 3.0, 4.0 }, requires_grad: true);

    private static double[] Flat(double[,] m) => m.Cast<double>().ToArray();

    private static string Value(Tensor t) => $"value [{string.Join(", ", t.ToDoubles())}]";
}
