namespace TensorLinear.Reference.Tests;

public class RejectionAndDistanceGradientTests
{
    [Fact]
    public void HandWorkedRejectionJacobians()
    {
        // y = (3, 4): ŷ = (0.6, 0.8), and ∂rej/∂x = I − ŷŷᵀ = [[0.64, −0.48], [−0.48, 0.36]].
        var byX = VectorGradients.RejectJacobianX([1.0, 1.0], [3.0, 4.0]);
        AssertClose.Relative([0.64, -0.48], [byX[0, 0], byX[0, 1]], 8);
        AssertClose.Relative([-0.48, 0.36], [byX[1, 0], byX[1, 1]], 8);
        // x = (1, 0), y = (0, 2): tilting y towards x by ε moves the projection by (0, ε/2), so ∂rej₁/∂y₀ = −½, the rest 0.
        var byY = VectorGradients.RejectJacobianY([1.0, 0.0], [0.0, 2.0]);
        AssertClose.Within([0.0, 0.0, -0.5, 0.0], [byY[0, 0], byY[0, 1], byY[1, 0], byY[1, 1]], 4 * 1.1102230246251565e-16);
    }

    [Fact]
    public void HandWorkedDistanceGradients()
    {
        // x = (1, 2), y = (4, −2): x − y = (−3, 4); in the 2-norm ∇ₓ = (−3, 4)/5, ∇_y the opposite; in the 1-norm
        // sign(x − y) = (−1, 1); in the max-norm the largest component alone, (0, 1).
        double[] x = [1.0, 2.0], y = [4.0, -2.0];
        AssertClose.Relative([-0.6, 0.8], VectorGradients.DistanceGradientX(x, y, 2.0), 4);
        AssertClose.Relative([0.6, -0.8], VectorGradients.DistanceGradientY(x, y, 2.0), 4);
        Assert.Equal([-1.0, 1.0], VectorGradients.DistanceGradientX(x, y, 1.0));
        Assert.Equal([0.0, 1.0], VectorGradients.DistanceGradientX(x, y, double.PositiveInfinity));
    }

    [Theory]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, new[] { -2.0, 0.5, 4.0 }, 2.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, new[] { -2.0, 0.5, 4.0 }, 3.0)]
    [InlineData(new[] { 3.0, -1.0, 2.0, 0.5 }, new[] { 0.1, 0.2, -5.0, 1.0 }, 1.5)]
    public void TheDistanceAndRejectionDerivativesMatchCentralDifferences(double[] x, double[] y, double p)
    {
        CentralDifference.Agrees("∇ₓd", v => Vector.Distance(v, y, p), VectorGradients.DistanceGradientX(x, y, p), x);
        CentralDifference.Agrees("∇_yd", v => Vector.Distance(x, v, p), VectorGradients.DistanceGradientY(x, y, p), y);
        double[,] byX = VectorGradients.RejectJacobianX(x, y), byY = VectorGradients.RejectJacobianY(x, y);
        for (var i = 0; i < x.Length; i++)
        {
            var row = i;
            CentralDifference.Agrees($"∂rej{row}/∂x", v => Vector.Reject(v, y)[row], Row(byX, row), x);
            CentralDifference.Agrees($"∂rej{row}/∂y", v => Vector.Reject(x, v)[row], Row(byY, row), y);
        }
    }

    [Fact]
    public void WhereThereIsNoGradientTheReferenceSaysSo()
    {
        Assert.Throws<DegenerateInputException>(() => VectorGradients.DistanceGradientX([1.0, 2.0], [1.0, 2.0], 3.0));
        Assert.Throws<DegenerateInputException>(() => VectorGradients.RejectJacobianX([1.0, 2.0], [0.0, 0.0]));
        Assert.Throws<OutOfDomainException>(() => VectorGradients.DistanceGradientY([1.0], [2.0], 0.5));
    }

    private static double[] Row(double[,] m, int i) => [.. Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j])];
}

public class CentralDifferenceTests
{
    [Fact]
    public void TheDerivedToleranceRejectsAGradientOffByOnePartInAMillion()
    {
        // ‖x‖₂ at (3, 4): ∇ = (0.6, 0.8). The derived tolerance is of order 1e-10 here, so 1e-6 relative is far outside.
        double[] x = [3.0, 4.0];
        var estimate = CentralDifference.Derivative(Vector.Norm2, x, 0);
        Assert.InRange(estimate.Error, 1e-14, 1e-8);
        CentralDifference.Agrees("∇‖x‖", Vector.Norm2, VectorGradients.Norm2Gradient(x), x);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => CentralDifference.Agrees("∇‖x‖ (wrong)", Vector.Norm2, [0.6 * (1 + 1e-6), 0.8], x));
    }
}
