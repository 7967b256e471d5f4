using System.Diagnostics;
using TensorLinear.Models;
using TorchSharp;

namespace TensorLinear.Benchmarks;

/// <summary>
/// The peers written directly in TorchSharp, with nothing of TensorLinear in them: what a C# user who knows TorchSharp
/// writes by hand. TensorLinear's engine is measured against them, so the difference is what TensorLinear adds (its
/// checks, its scopes, its convergence monitor).
/// </summary>
internal static class TorchSharpByHand
{
    /// <summary>
    /// The tiny round trip: 6×2 data from arrays into tensors, the forward MSE, backward, the gradient read back —
    /// what <see cref="EngineBenchmarks.TinyRoundTripThroughEngine"/> does without TensorLinear's checks.
    /// </summary>
    public static Measurement TinyRoundTrip() =>
        Measurement.Of("tiny round trip (TorchSharp by hand)", () =>
        {
            using var scope = torch.NewDisposeScope();
            var x = torch.tensor(EngineBenchmarks.X6, [6, 2]);
            var y = torch.tensor(EngineBenchmarks.Y6);
            var w = torch.tensor(EngineBenchmarks.W2, requires_grad: true);
            var b = torch.tensor(EngineBenchmarks.B, dtype: torch.float64, requires_grad: true);
            torch.nn.functional.mse_loss(x.mv(w) + b, y).backward();
            _ = w.grad!.data<double>().ToArray();
            _ = b.grad!.item<double>();
        }, runs: 9, iterations: 20_000, warmup: 1);

    /// <summary>
    /// The canonical loop as <c>TorchEngine</c> runs it, by hand: per epoch a dispose scope, forward, loss, backward,
    /// then under no-grad the loss and the gradient norm read (what a convergence test needs) and the step; the
    /// gradients zeroed. Each epoch is timed between the same two points as the engine's (its progress report, after
    /// the gradient norm is read); X and y are copied into tensors once, untimed.
    /// </summary>
    public static Measurement Epoch(Workload workload, int runs, int warmup)
    {
        var data = workload.Data;
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(data.Features.ToArray(), [data.RowCount, data.FeatureCount]);
        var y = torch.tensor(data.Targets.ToArray());
        var w = torch.zeros(data.FeatureCount, dtype: torch.float64, requires_grad: true);
        var b = torch.tensor(0.0, dtype: torch.float64, requires_grad: true);
        // Any step: the time of an epoch does not depend on it. Held for every call that takes it: a temporary Scalar
        // (alpha: -1e-3) can be freed by a garbage collection during the call (src/Autograd/Runtime/LibTorchSharpExports.cs).
        using Scalar step = -1e-3;
        var clock = Stopwatch.StartNew();
        var marks = new List<double>();
        for (var epoch = 0; epoch <= warmup + runs; epoch++)
        {
            using var inner = torch.NewDisposeScope();
            var z = x.mv(w) + b;
            var loss = workload.Kind == ModelKind.Linear
                ? torch.nn.functional.mse_loss(z, y)
                : torch.nn.functional.binary_cross_entropy_with_logits(z, y);
            loss.backward();
            using (torch.no_grad())
            {
                var (gw, gb) = (w.grad!, b.grad!);
                _ = loss.item<double>();
                _ = (gw.dot(gw) + gb * gb).sqrt().item<double>();
                marks.Add(clock.Elapsed.TotalSeconds);
                w.add_(gw, alpha: step);
                b.add_(gb, alpha: step);
            }
            w.grad!.zero_();
            b.grad!.zero_();
        }
        var intervals = marks.Zip(marks.Skip(1), (first, second) => second - first);
        return Measurement.FromSamples($"TorchSharp by hand epoch, {workload.Name}", intervals.Skip(warmup));
    }
}
