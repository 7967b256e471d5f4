using TensorLinear.Tests.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Tests;

// TensorData reads float64 tensors into .NET arrays, views included, and refuses everything else with a typed error.
public sealed class TensorDataTests
{
    public TensorDataTests() => Torch.Initialize();

    [Fact]
    public void ATransposedViewIsReadInItsOwnRowMajorOrder()
    {
        using var scope = NewDisposeScope();
        var m = tensor(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal([1, 4, 2, 5, 3, 6], m.t().ToDoubles()); // not the storage order 1 … 6
        Assert.Equal(new double[,] { { 1, 4 }, { 2, 5 }, { 3, 6 } }, m.t().ToMatrix());
        Assert.Equal([2, 5], m.select(1, 1).ToDoubles());
        Assert.Equal(6.0, m[1, 2].ToDouble());
    }

    [Fact]
    public void ReadingATensorThatRecordsAGraphRecordsNothing()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        var y = x * Held.Three;
        Assert.Equal([3, 6], y.ToDoubles());
        Assert.Equal([3, 3], Torch.Gradient(y.sum(), x).ToDoubles()); // the graph is intact after the read
    }

    [Fact]
    public void AnyDtypeButFloat64IsRefusedByName()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<InvalidInputException>(() => ones(2, dtype: float32).ToDoubles());
        Assert.Contains("is a Float32 tensor; TensorLinear computes in float64", e.Message);
        Assert.Throws<InvalidInputException>(() => tensor(new long[] { 1 }).ToDouble());
        Assert.Throws<InvalidInputException>(() => ones(2, 2, dtype: int32).ToMatrix());
    }

    [Fact]
    public void TheWrongNumberOfElementsOrDimensionsIsADimensionMismatch()
    {
        using var scope = NewDisposeScope();
        Assert.Contains("has shape [2]; it must hold one element",
            Assert.Throws<DimensionMismatchException>(() => tensor(new double[] { 1, 2 }).ToDouble()).Message);
        Assert.Contains("has shape [2]; a matrix has 2 dimensions",
            Assert.Throws<DimensionMismatchException>(() => tensor(new double[] { 1, 2 }).ToMatrix()).Message);
        Assert.Equal(5.0, tensor(new double[,] { { 5 } }).ToDouble()); // one element of any shape is a scalar
    }

    [Fact]
    public void ADisposedTensorIsRefusedInsteadOfRead()
    {
        var x = tensor(new double[] { 1, 2 });
        x.Dispose();
        Assert.Contains("has been disposed", Assert.Throws<InvalidInputException>(() => x.ToDoubles()).Message);
        Assert.Throws<ArgumentNullException>(() => ((Tensor)null!).ToDoubles());
    }
}
