using TensorLinear.Autograd;

namespace TensorLinear.Autograd.Tests;

// Transposes, reshapes, slices and concatenation move values without arithmetic, so every comparison is exact.
public sealed class ShapeTests
{
    private static Tensor Matrix23() => Tensor.FromMatrix(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });

    [Fact]
    public void TransposeSwapsRowsAndColumns()
    {
        using var scope = Torch.NewScope();
        var t = Matrix23().T;
        Assert.Equal([3L, 2L], t.Shape);
        Expect.Exact(new double[,] { { 1, 4 }, { 2, 5 }, { 3, 6 } }, t); // (Aᵀ)ᵢⱼ = Aⱼᵢ
        Expect.Exact(new double[,] { { 1, 4 }, { 2, 5 }, { 3, 6 } }, Matrix23().Transpose(0, 1));
        Expect.Exact([1, 4, 2, 5, 3, 6], t); // read back in the transposed row-major order, not the storage order
    }

    [Fact]
    public void ReshapeKeepsTheRowMajorOrder()
    {
        using var scope = Torch.NewScope();
        var v = Tensor.FromArray([1, 2, 3, 4, 5, 6]);
        Expect.Exact(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }, v.Reshape(2, 3));
        Expect.Exact(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }, v.Reshape(-1, 2)); // −1 inferred as 3
        Assert.Equal([6L], Matrix23().Reshape(6).Shape);
    }

    [Fact]
    public void RowsTakesAContiguousRangeOfRows()
    {
        using var scope = Torch.NewScope();
        var m = Tensor.FromMatrix(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 }, { 7, 8 } });
        Expect.Exact(new double[,] { { 3, 4 }, { 5, 6 } }, m.Rows(1, 2)); // rows 1 and 2
    }

    [Fact]
    public void SliceTakesARangeAlongAnyDimension()
    {
        using var scope = Torch.NewScope();
        Expect.Exact(new double[,] { { 2, 3 }, { 5, 6 } }, Matrix23().Slice(1, 1, 2)); // columns 1 and 2
        Expect.Exact([3, 4], Tensor.FromArray([1, 2, 3, 4, 5]).Slice(0, 2, 2));
    }

    [Fact]
    public void SelectPicksOneEntryAndDropsTheDimension()
    {
        using var scope = Torch.NewScope();
        var row = Matrix23().Select(0, 1);
        Assert.Equal([3L], row.Shape);
        Expect.Exact([4, 5, 6], row); // row 1
        Expect.Exact([3, 6], Matrix23().Select(1, 2)); // column 2
        Assert.Equal(5.0, Matrix23().Select(0, 1).Select(0, 1).ToScalar()); // element (1, 1)
    }

    [Fact]
    public void ConcatenateJoinsAlongAnExistingDimension()
    {
        using var scope = Torch.NewScope();
        var a = Tensor.FromMatrix(new double[,] { { 1, 2 } });
        var b = Tensor.FromMatrix(new double[,] { { 3, 4 }, { 5, 6 } });
        Expect.Exact(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }, Tensor.Concatenate([a, b])); // dimension 0: rows
        Expect.Exact(new double[,] { { 1, 2, 1, 2 } }, Tensor.Concatenate([a, a], 1)); // dimension 1: columns
        Expect.Exact([1, 2, 3], Tensor.Concatenate([Tensor.FromArray([1]), Tensor.FromArray([2, 3])]));
    }

    [Fact]
    public void AMatrixWithAColumnOfOnesIsBuiltByConcatenation()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromMatrix(new double[,] { { 2, 3 }, { 4, 5 } });
        var design = Tensor.Concatenate([x, Tensor.Ones([2, 1])], 1); // [X 1], the intercept's column
        Expect.Exact(new double[,] { { 2, 3, 1 }, { 4, 5, 1 } }, design);
    }
}
