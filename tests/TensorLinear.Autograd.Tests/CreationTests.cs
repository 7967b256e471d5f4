using TensorLinear.Autograd;

namespace TensorLinear.Autograd.Tests;

// Making tensors from .NET arrays and reading them back. Every value here is copied, never computed, so every
// comparison is exact.
public sealed class CreationTests
{
    [Fact]
    public void AVectorFromAnArrayHasItsLengthAndItsValues()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1.5, -2.0, 0.1]);
        Assert.Equal([3L], x.Shape); // one dimension of length 3, as given
        Assert.Equal(1, x.Dimensions);
        Assert.Equal(3, x.Count);
        Assert.Equal(ScalarType.Float64, x.Dtype); // float64 is the default
        Expect.Exact([1.5, -2.0, 0.1], x); // a copy of the input: exact
    }

    [Fact]
    public void AnArrayWithAShapeIsLaidOutRowMajor()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2, 3, 4, 5, 6], [2, 3]);
        Assert.Equal([2L, 3L], x.Shape);
        Expect.Exact(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }, x); // row-major: the first three values make row 0
    }

    [Fact]
    public void AMatrixFromATwoDimensionalArrayKeepsItsRows()
    {
        using var scope = Torch.NewScope();
        var values = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } };
        var x = Tensor.FromMatrix(values);
        Assert.Equal([2L, 3L], x.Shape);
        Expect.Exact(values, x); // a copy: exact
        Expect.Exact([1, 2, 3, 4, 5, 6], x); // ToArray flattens in row-major order
    }

    [Fact]
    public void AMatrixFromRowsStacksThem()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromRows([[1, 2], [3, 4], [5, 6]]);
        Assert.Equal([3L, 2L], x.Shape); // three rows of two
        Expect.Exact(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }, x);
    }

    [Fact]
    public void RowsOfDifferentLengthsAreRefusedBeforeReachingLibtorch()
    {
        var e = Assert.Throws<DimensionMismatchException>(() => Tensor.FromRows([[1, 2], [3]]));
        Assert.Contains("row 1 has 1 elements but row 0 has 2", e.Message);
    }

    [Fact]
    public void AShapeThatDoesNotHoldTheValuesIsRefused()
    {
        var e = Assert.Throws<DimensionMismatchException>(() => Tensor.FromArray([1, 2, 3], [2, 2]));
        Assert.Contains("[2, 2] holds 4 elements but 3 values were given", e.Message);
    }

    [Fact]
    public void AScalarHasNoDimensionsAndOneElement()
    {
        using var scope = Torch.NewScope();
        var s = Tensor.Scalar(-7.25);
        Assert.Empty(s.Shape);
        Assert.Equal(0, s.Dimensions);
        Assert.Equal(1, s.Count); // the empty product
        Assert.Equal(-7.25, s.ToScalar()); // copied: exact
    }

    [Fact]
    public void AOneElementVectorAlsoReadsAsAScalar()
    {
        using var scope = Torch.NewScope();
        Assert.Equal(4.0, Tensor.FromArray([4.0]).ToScalar()); // libtorch's item() accepts any one-element tensor
    }

    [Fact]
    public void Float32TensorsReportTheirDtypeAndRoundTheirValuesToSinglePrecision()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([0.1, 1.5], ScalarType.Float32);
        Assert.Equal(ScalarType.Float32, x.Dtype);
        // 0.1 rounds to the nearest float, (double)0.1f = 0.100000001490116…; 1.5 is a float already. Exact: one
        // rounding to float, then a widening that is exact.
        Expect.Exact([(double)0.1f, 1.5], x);
        Assert.Equal(ScalarType.Float32, Tensor.Scalar(2.0, ScalarType.Float32).Dtype);
        Assert.Equal(ScalarType.Float32, Tensor.FromMatrix(new double[,] { { 1 } }, ScalarType.Float32).Dtype);
    }

    [Fact]
    public void ToConvertsBetweenDtypes()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([0.1, 2.0]);
        var single = x.To(ScalarType.Float32);
        Assert.Equal(ScalarType.Float32, single.Dtype);
        Expect.Exact([(double)0.1f, 2.0], single); // rounded to float once
        Assert.Equal(ScalarType.Int64, Tensor.FromArray([2.7, -2.7]).To(ScalarType.Int64).Dtype);
        Expect.Exact([2, -2], Tensor.FromArray([2.7, -2.7]).To(ScalarType.Int64)); // conversion to integer truncates toward zero
    }

    [Fact]
    public void ToTheSameDtypeIsACopyNotAnAlias()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1.0, 2.0]);
        var y = x.To(ScalarType.Float64);
        using (Torch.NoGrad()) y.SubtractInPlace(Tensor.FromArray([1.0, 1.0]));
        Expect.Exact([0.0, 1.0], y); // 1 − 1, 2 − 1
        Expect.Exact([1.0, 2.0], x); // untouched: To documents a copy (it used to return an alias here)
    }

    [Fact]
    public void FullZerosAndOnesFillTheirShape()
    {
        using var scope = Torch.NewScope();
        Expect.Exact(new double[,] { { 2.5, 2.5, 2.5 }, { 2.5, 2.5, 2.5 } }, Tensor.Full([2, 3], 2.5));
        Expect.Exact([0, 0, 0], Tensor.Zeros([3]));
        Expect.Exact([1, 1], Tensor.Ones([2]));
    }

    [Fact]
    public void TheTensorKeepsItsOwnCopyOfTheInput()
    {
        using var scope = Torch.NewScope();
        var values = new[] { 1.0, 2.0 };
        var x = Tensor.FromArray(values);
        values[0] = 99;
        Expect.Exact([1.0, 2.0], x); // changed after creation: the tensor does not see it
    }

    [Fact]
    public void ShapeReturnsACopyThatCallersCannotCorrupt()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.Zeros([2, 3]);
        x.Shape[0] = 17;
        Assert.Equal([2L, 3L], x.Shape);
    }

    [Fact]
    public void AnEmptyArrayMakesAnEmptyVector()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([]);
        Assert.Equal([0L], x.Shape);
        Assert.Empty(x.ToArray());
    }

    [Fact]
    public void ToMatrixRefusesATensorThatIsNotAMatrix()
    {
        using var scope = Torch.NewScope();
        Assert.Throws<DimensionMismatchException>(() => Tensor.FromArray([1, 2]).ToMatrix());
    }

    [Fact]
    public void SeedingRepeatsTheRandomTensors()
    {
        using var scope = Torch.NewScope();
        Torch.ManualSeed(42);
        var a = Tensor.RandomNormal([5]).ToArray();
        var u = Tensor.RandomUniform([5]).ToArray();
        Torch.ManualSeed(42);
        Assert.Equal(a, Tensor.RandomNormal([5]).ToArray()); // same seed, same draws
        Assert.Equal(u, Tensor.RandomUniform([5]).ToArray());
        Assert.All(u, v => Assert.True(v is >= 0.0 and < 1.0)); // uniform on [0, 1)
    }

    [Fact]
    public void ToStringShowsLibtorchsPrintout()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1.5, 2.5]);
        Assert.Contains("1.5000", x.ToString()); // libtorch prints four decimals
        x.Dispose();
        Assert.Equal("Tensor(disposed)", x.ToString()); // a debugger-safe marker rather than an exception
    }
}
