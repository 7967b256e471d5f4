using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using TensorLinear.Autograd;
using TensorLinear.Cli.Output;
using TensorLinear.Cli.Runtime;

namespace TensorLinear.Cli.Commands;

/// <summary>
/// <c>tensorlinear engine</c>: a self-check of the tensor engine — TorchSharp and libtorch versions, threads and their
/// policy, MKL where libtorch confirms it, what the libstdc++ load-time fix did — and one worked autograd example whose
/// answer is known by hand (docs/cli.md).
/// </summary>
internal static class EngineCommand
{
    private const int LabelWidth = 16;

    internal static Command Create(Terminal terminal)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document (schema in docs/cli.md) instead of text." };
        var command = new Command("engine", "Check the engine: TorchSharp and libtorch versions, threads, the libstdc++ fix, and a worked autograd example.") { json };
        command.SetAction(parse => CliApp.Guard(terminal, () => Run(terminal.Output, parse.GetValue(json))));
        return command;
    }

    internal static int Run(TextWriter output, bool json)
    {
        Torch.Initialize();
        var example = WorkedExample();
        var fix = Torch.LibStdCxxFix;
        var mkl = LibTorchBuild.HasMkl();
        if (json)
        {
            Json.Write(output, new JsonObject
            {
                ["command"] = "engine",
                ["torchSharp"] = Torch.TorchSharpVersion,
                ["libtorch"] = Torch.Version,
                ["mkl"] = mkl,
                ["threads"] = Torch.Threads,
                ["kernelThreads"] = Torch.KernelThreads,
                ["threadPolicy"] = JsonNamingPolicy.CamelCase.ConvertName(Torch.ThreadPolicy.ToString()),
                ["libStdCxxFix"] = new JsonObject
                {
                    ["kind"] = JsonNamingPolicy.CamelCase.ConvertName(fix.Kind.ToString()),
                    ["reason"] = fix.Reason,
                    ["patchedCopy"] = fix.PatchedCopy,
                },
                ["autograd"] = new JsonObject
                {
                    ["norm"] = Json.Number(example.Norm),
                    ["gradient"] = Json.Numbers(example.Gradient),
                    ["expected"] = Json.Numbers(example.Expected),
                    ["agrees"] = example.Agrees,
                },
            });
            return example.Agrees ? ExitCodes.Success : ExitCodes.Disagreement;
        }
        Line(output, "TorchSharp", Torch.TorchSharpVersion);
        Line(output, "libtorch", Torch.Version);
        // Only what libtorch itself confirms: a build without MKL, or one that cannot be asked, gets no line.
        if (mkl == true) Line(output, "math library", "MKL (bundled with libtorch)");
        Line(output, "threads", $"{Torch.Threads} in libtorch's pool, {Torch.KernelThreads} in TensorLinear's own loops (policy {Torch.ThreadPolicy})");
        Line(output, "libstdc++ fix", $"{fix.Kind}: {fix.Reason}");
        if (fix.PatchedCopy is string copy) Line(output, "patched copy", copy);
        var (g0, g1) = (example.Gradient[0], example.Gradient[1]);
        Line(output, "autograd", FormattableString.Invariant(
            $"‖x‖₂ at x = (3, 4) is {example.Norm:R}; its gradient is ({g0:R}, {g1:R}), expected (0.6, 0.8): {(example.Agrees ? "ok" : "WRONG")}"));
        return example.Agrees ? ExitCodes.Success : ExitCodes.Disagreement;
    }

    private static void Line(TextWriter output, string label, string text) => output.WriteLine($"{label.PadRight(LabelWidth)} {text}");

    private sealed record Example(double Norm, double[] Gradient, double[] Expected, bool Agrees);

    // The gradient of the engine's 2-norm by the engine's own gradient function, as every derivation gets it.
    private static Example WorkedExample()
    {
        // ∇‖x‖₂ = x/‖x‖₂, so at x = (3, 4), where ‖x‖₂ = 5, the gradient is (3/5, 4/5) = (0.6, 0.8).
        using var scope = TorchSharp.torch.NewDisposeScope();
        var x = TorchSharp.torch.tensor(new[] { 3.0, 4.0 }, requires_grad: true);
        var norm = TensorVector.Norm2(x);
        var gradient = Torch.Gradient(norm, x).ToDoubles();
        double[] expected = [0.6, 0.8];
        // One division after a correctly rounded sqrt: the error is within a couple of ulps of 1.
        var agrees = gradient.Zip(expected, (g, e) => Math.Abs(g - e) <= 4 * (Math.BitIncrement(e) - e)).All(ok => ok);
        return new Example(norm.ToDouble(), gradient, expected, agrees);
    }
}
