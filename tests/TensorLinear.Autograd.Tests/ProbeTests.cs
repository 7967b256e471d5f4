namespace TensorLinear.Autograd.Tests;

// Inputs that make TorchSharp 0.107 end the process (SIGABRT, exit 134, from a c10::Error that nothing catches) or
// throw its ExternalException with a C++ backtrace, handed to TensorLinear's API in a child process: the process must
// live (exit 0), the outcome must be the typed error or the value our API promises, and nothing it prints may carry a
// C++ backtrace or a libtorch warning.
public sealed class ProbeTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "matmul-shapes", "outcome: DimensionMismatchException: weights: has 3 weights but features has 2 columns" },
        { "non-scalar-output", "outcome: DimensionMismatchException: outputs[0]: has shape [2]" },
        { "upstream-shape", "outcome: DimensionMismatchException: upstream[0]: has shape [3] but outputs[0] has [2]" },
        { "upstream-dtype", "outcome: InvalidInputException: upstream[0]: is Float32 but outputs[0] is Float64" },
        { "unused-input", "outcome: value [0]" },
        { "unused-input-create-graph", "outcome: value [0]" },
        { "affine-second-derivative", "outcome: value [0, 0]" },
        { "partly-affine-hessian", "outcome: value [2, 0, 0, 0]" }, // ∇²(x₀² + x₁)
        { "non-leaf-input", "outcome: value [12, 16]" }, // ∂(Σd²)/∂d = 2d at d = 2·(3, 4)
        { "freed-graph", "outcome: TorchException: Gradients of 1 output(s) with respect to 1 input(s): Trying to backward through the graph a second time" },
        { "freed-graph-create-graph", "outcome: TorchException: Gradients of 1 output(s) with respect to 1 input(s): Trying to backward through the graph a second time" },
        { "no-derivative", "outcome: TorchException: Gradients of 1 output(s) with respect to 1 input(s): the derivative for 'igamma: input' is not implemented." },
        { "no-derivative-create-graph", "outcome: TorchException: Gradients of 1 output(s) with respect to 1 input(s): the derivative for 'igamma: input' is not implemented." },
        { "engine-mismatched-data", "outcome: DimensionMismatchException: model: has 3 weights but the data set has 2 features" },
        { "least-squares-vector", "outcome: DimensionMismatchException: features: has shape [3]; it must be a matrix" },
        { "vector-norm-integer", "outcome: InvalidInputException: " },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ACaseThatWouldAbortTorchSharpEndsInATypedErrorOrAValueAndTheProcessLives(string probeCase, string expected)
    {
        var run = ProbeProcess.Run(probeCase);
        Assert.True(run.ExitCode == 0, $"the probe did not live: {run}");
        Assert.StartsWith(expected, run.Outcome);
        Assert.DoesNotContain('\n', run.Outcome); // one line: the first line of libtorch's message, nothing after it
        foreach (var text in new[] { run.Stdout, run.Stderr })
        {
            Assert.DoesNotContain("Exception raised from", text);
            Assert.DoesNotContain("frame #", text);
            Assert.DoesNotContain("terminate called", text);
        }
        Assert.True(run.Stderr.Trim().Length == 0, $"the probe wrote to standard error: {run.Stderr}");
    }

    [Fact]
    public void EveryCaseOfTheProbeIsTested()
    {
        // The probe lists its cases when called without one; a case added there and forgotten here fails.
        var usage = ProbeProcess.Run("no-such-case");
        Assert.Equal(2, usage.ExitCode);
        var listed = usage.Stdout.Split("cases: ", 2)[1].Trim().Split(", ").ToHashSet();
        var tested = Cases.Select(c => (string)c[0]).Concat(["fix", "threads"]).ToHashSet();
        Assert.Equal(listed.Order(), tested.Order());
    }
}
