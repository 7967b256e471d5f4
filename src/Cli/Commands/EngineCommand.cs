using System.CommandLine;
using System.Text.Json.Nodes;
using TensorLinear.Autograd;
using TensorLinear.Cli.Output;

namespace TensorLinear.Cli.Commands;

/// <summary>
/// <c>tensorlinear engine</c>: a self-check of the tensor engine — which libtorch, how many threads, which BLAS — and
/// one worked autograd example whose answer is known by hand.
/// </summary>
internal static class EngineCommand
{
    internal static Command Create(Terminal terminal)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document (schema in docs/cli.md) instead of text." };
        var command = new Command("engine", "Check the libtorch engine: version, threads, BLAS, and a worked autograd example.") { json };
        command.SetAction(parse => CliApp.Guard(terminal, () => Run(terminal.Output, parse.GetValue(json))));
        return command;
    }

    internal static int Run(TextWriter output, bool json)
    {
        // ∇‖x‖₂ = x/‖x‖₂, so at x = (3, 4), where ‖x‖₂ = 5, the gradient is (3/5, 4/5) = (0.6, 0.8).
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([3.0, 4.0]).RequireGrad();
        var norm = x.Norm();
        norm.Backward();
        var gradient = x.Grad!.ToArray();
        double[] expected = [0.6, 0.8];
        // One division after a correctly rounded sqrt: the error is within a couple of ulps of 1.
        var agrees = gradient.Zip(expected, (g, e) => Math.Abs(g - e) <= 4 * (Math.BitIncrement(e) - e)).All(ok => ok);
        if (json)
        {
            Json.Write(output, new JsonObject
            {
                ["command"] = "engine",
                ["libtorch"] = Torch.Version,
                ["threads"] = Torch.Threads,
                ["blas"] = Torch.BlasLibrary,
                ["autograd"] = new JsonObject
                {
                    ["norm"] = Json.Number(norm.ToScalar()),
                    ["gradient"] = Json.Numbers(gradient),
                    ["expected"] = Json.Numbers(expected),
                    ["agrees"] = agrees,
                },
            });
            return agrees ? ExitCodes.Success : ExitCodes.Disagreement;
        }
        output.WriteLine($"libtorch        {Torch.Version}");
        output.WriteLine($"intra-op threads {Torch.Threads}");
        output.WriteLine($"BLAS            {Torch.BlasLibrary ?? "(not loaded)"}");
        output.WriteLine(FormattableString.Invariant($"autograd        ‖x‖₂ at x = (3, 4) is {norm.ToScalar():R}; its gradient is ({gradient[0]:R}, {gradient[1]:R}), expected (0.6, 0.8): {(agrees ? "ok" : "WRONG")}"));
        return agrees ? ExitCodes.Success : ExitCodes.Disagreement;
    }
}
