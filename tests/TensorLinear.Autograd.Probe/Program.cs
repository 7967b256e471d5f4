using TensorLinear;
using TensorLinear.Autograd;
using TensorLinear.Autograd.Models;
using TorchSharp;
using static TorchSharp.torch;

// Each case hands TensorLinear's API an input that, passed unchecked to TorchSharp 0.107, terminates the process
// (exit 134, "terminate called after throwing an instance of 'c10::Error'"). The case prints one line,
// "outcome: <exception type>: <message>" or "outcome: value <...>", and the process exits 0 if it lived.
Torch.Initialize();
var x = tensor(new[] { 3.0, 4.0 }, requires_grad: true);
try
{
    switch (args.FirstOrDefault())
    {
        case "matmul-shapes":
            Print(TensorLosses.Scores(ones(3, 2, dtype: float64), ones(3, dtype: float64), tensor(0.0)));
            break;
        case "unused-input":
            var unused = tensor(new[] { 1.0 }, requires_grad: true);
            Print(Torch.Gradients([(x * x).sum()], [x, unused])[1]);
            break;
        case "freed-graph":
            var y = (x * x).sum();
            y.backward(); // frees the graph: TorchSharp's own call, outside TensorLinear
            Print(Torch.Gradient(y, x));
            break;
        case "non-scalar-output":
            Print(Torch.Gradient(x * x, x));
            break;
        case "affine-second-derivative":
            var g = Torch.Gradient((x * 2.0).sum(), x, createGraph: true);
            Print(Torch.Gradient(g.sum(), x));
            break;
        default:
            Console.WriteLine($"unknown case '{args.FirstOrDefault()}'");
            return 2;
    }
}
catch (TensorLinearException e)
{
    Console.WriteLine($"outcome: {e.GetType().Name}: {e.Message}");
}
return 0;

static void Print(Tensor t) => Console.WriteLine($"outcome: value [{string.Join(", ", t.ToDoubles())}]");
