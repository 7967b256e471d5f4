using TensorLinear.Autograd;

namespace TensorLinear.Autograd.Tests;

// Failures inside libtorch arrive as TorchException with the operation, the operands' shapes and libtorch's own text;
// misuse of a disposed tensor is an ObjectDisposedException before any native call. After every one of them the
// process carries on (Expect.EngineStillWorks): no C++ exception ever crosses into .NET.
public sealed class ErrorTests
{
    [Fact]
    public void AddingMismatchedShapesNamesBothShapesAndCarriesLibtorchsText()
    {
        using var scope = Torch.NewScope();
        var e = Assert.Throws<TorchException>(() => Tensor.FromArray([1, 2, 3]) + Tensor.FromArray([1, 2]));
        Assert.Contains("Add of shape [3] and shape [2]", e.Message);
        Assert.Contains("The size of tensor a (3) must match the size of tensor b (2)", e.Message); // libtorch's words
        Assert.Equal("Add of shape [3] and shape [2]", e.Operation);
        Assert.Contains("must match", e.TorchMessage);
        Expect.EngineStillWorks();
    }

    [Fact]
    public void MultiplyingMatricesOfTheWrongShapesNamesBothShapes()
    {
        using var scope = Torch.NewScope();
        var e = Assert.Throws<TorchException>(() => Tensor.Zeros([2, 3]).MatMul(Tensor.Zeros([2, 3])));
        Assert.Contains("MatMul of shape [2, 3] and shape [2, 3]", e.Message);
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", e.Message);
        Expect.EngineStillWorks();
    }

    [Fact]
    public void EveryBinaryOperationReportsItsOperandsShapes()
    {
        using var scope = Torch.NewScope();
        var a = Tensor.Zeros([2]);
        var b = Tensor.Zeros([3]);
        Assert.Contains("Subtract of shape [2] and shape [3]", Assert.Throws<TorchException>(() => a - b).Message);
        Assert.Contains("Multiply of shape [2] and shape [3]", Assert.Throws<TorchException>(() => a * b).Message);
        Assert.Contains("Divide of shape [2] and shape [3]", Assert.Throws<TorchException>(() => a / b).Message);
        Assert.Contains("Dot of shape [2] and shape [3]", Assert.Throws<TorchException>(() => a.Dot(b)).Message);
        Assert.Contains("MatVec of shape [3, 3] and shape [2]", Assert.Throws<TorchException>(() => Tensor.Zeros([3, 3]).MatVec(a)).Message);
        Assert.Contains("Maximum of shape [2] and shape [3]", Assert.Throws<TorchException>(() => a.Maximum(b)).Message);
        Assert.Contains("Less of shape [2] and shape [3]", Assert.Throws<TorchException>(() => a.Less(b)).Message);
        Assert.Contains("MseLoss of shape [2] and shape [3]", Assert.Throws<TorchException>(() => Functional.MseLoss(a, b)).Message);
        Assert.Contains("BinaryCrossEntropyWithLogits of shape [2] and shape [3]",
            Assert.Throws<TorchException>(() => Functional.BinaryCrossEntropyWithLogits(a, b)).Message);
        Expect.EngineStillWorks();
    }

    [Fact]
    public void ABooleanMaskInAMatrixProductIsRefusedByLibtorch()
    {
        using var scope = Torch.NewScope();
        var mask = Tensor.FromMatrix(new double[,] { { 1, 0 }, { 0, 1 } }).Greater(0.5);
        var e = Assert.Throws<TorchException>(() => mask.MatMul(mask));
        Assert.Contains("MatMul of shape [2, 2] and shape [2, 2]", e.Message);
        Assert.Contains("not implemented for 'Bool'", e.Message); // libtorch 1.13: "addmm_impl_cpu_" not implemented for 'Bool'
        Expect.EngineStillWorks();
    }

    [Fact]
    public void TheMeanOfABooleanMaskIsRefusedByLibtorch()
    {
        using var scope = Torch.NewScope();
        var e = Assert.Throws<TorchException>(() => Tensor.FromArray([1, 0]).Greater(0.5).Mean());
        Assert.Contains("Got: Bool", e.Message); // mean(): could not infer output dtype … Got: Bool
        Assert.Contains("on a bool tensor is not supported", Assert.Throws<TorchException>(() => -Tensor.FromArray([1]).Greater(0)).Message);
        Expect.EngineStillWorks();
    }

    [Fact]
    public void BackwardOfANonScalarWithoutAnUpstreamGradientIsRefused()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2]).RequireGrad();
        var e = Assert.Throws<TorchException>(() => (x * x).Backward());
        Assert.Contains("Backward of shape [2]", e.Message);
        Assert.Contains("grad can be implicitly created only for scalar outputs", e.Message);
        Expect.EngineStillWorks();
    }

    [Fact]
    public void BackwardThroughAFreedGraphOrFromAConstantIsRefused()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2]).RequireGrad();
        var y = (x * x).Sum();
        y.Backward();
        Assert.Contains("backward through the graph a second time", Assert.Throws<TorchException>(() => y.Backward()).Message);
        Assert.Contains("does not require grad", Assert.Throws<TorchException>(() => Tensor.FromArray([1]).Sum().Backward()).Message);
        Assert.Contains("with upstream [3]",
            Assert.Throws<TorchException>(() => (x * x).Backward(Tensor.Ones([3]))).Message); // upstream of the wrong shape
        Expect.EngineStillWorks();
    }

    [Fact]
    public void GradientsWithRespectToAConstantAreRefused()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2]).RequireGrad();
        var e = Assert.Throws<TorchException>(() => Torch.Gradients([(x * x).Sum()], [Tensor.FromArray([1, 2])]));
        Assert.Contains("does not require grad", e.Message);
        Assert.Throws<DimensionMismatchException>(() => Torch.Gradients([(x * x).Sum()], [x], [Tensor.Ones([2]), Tensor.Ones([2])]));
        Expect.EngineStillWorks();
    }

    [Fact]
    public void ShapeOperationsOutOfRangeAreRefusedWithTheirArguments()
    {
        using var scope = Torch.NewScope();
        var v = Tensor.FromArray([1, 2, 3, 4, 5, 6]);
        var e = Assert.Throws<TorchException>(() => v.Reshape(4));
        Assert.Contains("Reshape to [4] of shape [6]", e.Message);
        Assert.Contains("shape '[4]' is invalid for input of size 6", e.Message);
        Assert.Contains("Select(0, 9) of shape [6]", Assert.Throws<TorchException>(() => v.Select(0, 9)).Message);
        Assert.Contains("Transpose(0, 2) of shape [6]", Assert.Throws<TorchException>(() => v.Transpose(0, 2)).Message);
        var cat = Assert.Throws<TorchException>(() => Tensor.Concatenate([Tensor.Zeros([2, 3]), Tensor.Zeros([2, 2])]));
        Assert.Contains("Concatenate along 0 of [2, 3], [2, 2]", cat.Message);
        Expect.EngineStillWorks();
    }

    [Fact]
    public void OtherRefusalsCarryLibtorchsText()
    {
        using var scope = Torch.NewScope();
        Assert.Contains("2 elements cannot be converted to Scalar", Assert.Throws<TorchException>(() => Tensor.FromArray([1, 2]).ToScalar()).Message);
        Assert.Contains("At least one of 'min' or 'max' must not be None", Assert.Throws<TorchException>(() => Tensor.FromArray([1]).Clamp()).Message);
        var where = Assert.Throws<TorchException>(() => Tensor.Where(Tensor.FromArray([1, 0]), Tensor.Zeros([2]), Tensor.Ones([2])));
        Assert.Contains("Where of mask [2], [2] and [2]", where.Message);
        Assert.Contains("boolean", where.Message); // a float64 "mask" is refused
        Expect.EngineStillWorks();
    }

    [Fact]
    public void ErrorMessagesStayWithTheThreadThatFailed()
    {
        // The bridge keeps the last message in a thread-local slot: eight threads failing at once each read their own.
        // Sizes from 2 up, since a size of 1 would broadcast.
        var messages = new string[8];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            using var scope = Torch.NewScope();
            for (var k = 0; k < 50; k++)
            {
                try { _ = Tensor.Zeros([i + 2]) + Tensor.Zeros([i + 3]); }
                catch (TorchException e) { messages[i] = e.Message; }
            }
        });
        for (var i = 0; i < 8; i++)
            Assert.Contains($"size of tensor a ({i + 2}) must match the size of tensor b ({i + 3})", messages[i]);
        Expect.EngineStillWorks();
    }

    [Fact]
    public void EveryUseOfADisposedTensorThrowsObjectDisposedException()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2]).RequireGrad();
        var other = Tensor.FromArray([3, 4]);
        _ = x.Shape; // read once, so that a cached shape would be tempting
        x.Dispose();
        Assert.True(x.IsDisposed);
        x.Dispose(); // idempotent
        Assert.Throws<ObjectDisposedException>(() => x.ToArray());
        Assert.Throws<ObjectDisposedException>(() => x.ToScalar());
        Assert.Throws<ObjectDisposedException>(() => x.Shape); // the cached shape used to answer here
        Assert.Throws<ObjectDisposedException>(() => x.Count);
        Assert.Throws<ObjectDisposedException>(() => x.Dtype);
        Assert.Throws<ObjectDisposedException>(() => x + other);
        Assert.Throws<ObjectDisposedException>(() => other + x); // on either side
        Assert.Throws<ObjectDisposedException>(() => 2.0 * x);
        Assert.Throws<ObjectDisposedException>(() => x.Sum());
        Assert.Throws<ObjectDisposedException>(() => x.MatMul(other));
        Assert.Throws<ObjectDisposedException>(() => x.RequiresGrad);
        Assert.Throws<ObjectDisposedException>(() => x.Grad);
        Assert.Throws<ObjectDisposedException>(() => x.ZeroGrad());
        Assert.Throws<ObjectDisposedException>(() => x.Backward());
        Assert.Throws<ObjectDisposedException>(() => other.Backward(x));
        Assert.Throws<ObjectDisposedException>(() => Tensor.Concatenate([other, x]));
        Assert.Throws<ObjectDisposedException>(() => Tensor.Where(other.Greater(0), x, other));
        Assert.Throws<ObjectDisposedException>(() => Torch.Gradients([other.Sum()], [x]));
        Assert.Throws<ObjectDisposedException>(() => Functional.MseLoss(x, other));
        Assert.Throws<ObjectDisposedException>(() => other.CopyFrom(x));
        Expect.Exact([3, 4], other); // the operand that was not disposed is unharmed
        Expect.EngineStillWorks();
    }

    [Fact]
    public void ATensorDisposedByItsScopeCannotBeUsed()
    {
        Tensor x;
        using (Torch.NewScope()) x = Tensor.FromArray([1, 2]);
        Assert.Throws<ObjectDisposedException>(() => x.ToArray());
        Expect.EngineStillWorks();
    }

    [Fact]
    public void ANonPositiveThreadCountIsRefusedBeforeReachingLibtorch()
    {
        Assert.Throws<OutOfDomainException>(() => Torch.Threads = 0);
        Assert.True(Torch.Threads >= 1); // unchanged
    }
}
