using TensorLinear.Tests.Torch;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Tests;

// Our API's refusals, in this process: each precondition of Torch.Gradients is a typed TensorLinearException raised
// before libtorch is reached, and what libtorch itself refuses arrives as a one-line TorchException. After every one
// of them the engine carries on (Expect.EngineStillWorks). The inputs that would end the process if they reached
// TorchSharp unchecked are run in a child process by ProbeTests.
public sealed class ErrorTests
{
    public ErrorTests() => Torch.Initialize();

    [Fact]
    public void GradientsWithRespectToATensorThatRequiresNoGradientAreRefusedByName()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        var e = Assert.Throws<InvalidInputException>(() => Torch.Gradients([(x * x).sum()], [x, tensor(new double[] { 1, 2 })]));
        Assert.Contains("inputs[1]", e.Message);
        Assert.Contains("does not require gradients", e.Message);
        Expect.EngineStillWorks();
    }

    [Fact]
    public void EmptyListsOfOutputsOrInputsAreRefused()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        Assert.Throws<EmptyInputException>(() => Torch.Gradients([], [x]));
        Assert.Throws<EmptyInputException>(() => Torch.Gradients([x.sum()], []));
        Assert.Throws<ArgumentNullException>(() => Torch.Gradients(null!, [x]));
    }

    [Fact]
    public void UpstreamGradientsMustMatchTheOutputsInNumberShapeAndDtype()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        var count = Assert.Throws<DimensionMismatchException>(() =>
            Torch.Gradients([(x * x).sum()], [x], [ones(1, dtype: float64), ones(1, dtype: float64)]));
        Assert.Contains("has 2 tensors but there are 1 outputs", count.Message);
        var shape = Assert.Throws<DimensionMismatchException>(() => Torch.Gradients([x * x], [x], [ones(3, dtype: float64)]));
        Assert.Contains("upstream[0]: has shape [3] but outputs[0] has [2]", shape.Message);
        var dtype = Assert.Throws<InvalidInputException>(() => Torch.Gradients([x * x], [x], [ones(2, dtype: float32)]));
        Assert.Contains("is Float32 but outputs[0] is Float64", dtype.Message);
        Expect.EngineStillWorks();
    }

    [Fact]
    public void ADisposedOutputInputOrUpstreamIsRefusedBeforeLibtorchSeesIt()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        var gone = tensor(new double[] { 1, 2 }, requires_grad: true);
        gone.Dispose();
        Assert.Contains("inputs[1]: has been disposed",
            Assert.Throws<InvalidInputException>(() => Torch.Gradients([(x * x).sum()], [x, gone])).Message);
        var output = (x * x).sum();
        output.Dispose();
        Assert.Contains("outputs[0]: has been disposed", Assert.Throws<InvalidInputException>(() => Torch.Gradient(output, x)).Message);
        var upstream = ones(2, dtype: float64);
        upstream.Dispose();
        Assert.Contains("upstream[0]: has been disposed",
            Assert.Throws<InvalidInputException>(() => Torch.Gradients([x * x], [x], [upstream])).Message);
        Expect.EngineStillWorks();
    }

    [Fact]
    public void AGradientThroughAGraphThatBackwardFreedIsAOneLineTorchException()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        var y = (x * x).sum();
        y.backward(); // frees the graph, and leaves 2x in x.grad
        var e = Assert.Throws<TorchException>(() => Torch.Gradient(y, x));
        Assert.Equal("Gradients of 1 output(s) with respect to 1 input(s)", e.Operation);
        Assert.StartsWith("Trying to backward through the graph a second time", e.TorchMessage);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain("Exception raised from", e.Message);
        Assert.IsAssignableFrom<ExternalException>(e.InnerException); // TorchSharp's own, with the backtrace, kept inside
        Assert.Equal([2, 4], x.grad!.ToDoubles()); // the grad that was set aside is back, even after the failure
        Expect.EngineStillWorks();
    }

    [Fact]
    public void AnOperationWithoutADerivativeIsATorchExceptionAndLeavesGradAsItWas()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { 3, 4 }, requires_grad: true);
        (Held.Two * a).sum().backward();
        // igamma(a, x) has no derivative in a: libtorch raises inside the backward pass, on both paths.
        foreach (var createGraph in new[] { false, true })
        {
            var e = Assert.Throws<TorchException>(() => Torch.Gradient(a.igamma(ones(2, dtype: float64)).sum(), a, createGraph));
            Assert.Contains("the derivative for 'igamma: input' is not implemented", e.Message);
            Assert.Equal([2, 2], a.grad!.ToDoubles());
        }
        Expect.EngineStillWorks();
    }
}
