namespace TensorLinear.Reference.Tests;

public class HyperplaneDerivativeTests
{
    [Fact]
    public void HandWorkedScoreGradientsAndFootJacobians()
    {
        // s = wᵀx + w₀ with w = (3, 4), w₀ = −5: ∂s/∂x = w, ∂s/∂w = x, ∂s/∂w₀ = 1 (exact).
        var plane = new Hyperplane([3.0, 4.0], -5.0);
        Assert.Equal([3.0, 4.0], plane.EvaluateGradientX());
        Assert.Equal([1.0, 2.0], plane.EvaluateGradientWeights([1.0, 2.0]));
        Assert.Equal(1.0, Hyperplane.EvaluateGradientBias());
        // ŵ = (0.6, 0.8): ∂p/∂x = I − ŵŵᵀ = [[0.64, −0.48], [−0.48, 0.36]], ∂p/∂w₀ = −ŵ/‖w‖ = (−0.12, −0.16).
        var byX = plane.FootJacobianX();
        AssertClose.Relative([0.64, -0.48, -0.48, 0.36], [byX[0, 0], byX[0, 1], byX[1, 0], byX[1, 1]], 8);
        AssertClose.Relative([-0.12, -0.16], plane.FootJacobianBias(), 6);
    }

    [Theory]
    [InlineData(new[] { 3.0, 4.0 }, -5.0, new[] { 1.0, 2.0 })]
    [InlineData(new[] { 1.0, -2.0, 0.5 }, 0.3, new[] { -0.7, 0.4, 2.0 })]
    public void TheFootJacobiansMatchCentralDifferences(double[] w, double w0, double[] x)
    {
        var plane = new Hyperplane(w, w0);
        double[,] byX = plane.FootJacobianX(), byW = plane.FootJacobianWeights(x);
        var byBias = plane.FootJacobianBias();
        for (var i = 0; i < w.Length; i++)
        {
            var row = i;
            CentralDifference.Agrees($"∂p{row}/∂x", v => plane.Foot(v)[row], Row(byX, row), x);
            CentralDifference.Agrees($"∂p{row}/∂w", v => new Hyperplane(v, w0).Foot(x)[row], Row(byW, row), w);
            CentralDifference.Agrees($"∂p{row}/∂w₀", v => new Hyperplane(w, v[0]).Foot(x)[row], [byBias[row]], [w0]);
        }
        CentralDifference.Agrees("∂s/∂x", v => plane.Evaluate(v), plane.EvaluateGradientX(), x);
        CentralDifference.Agrees("∂s/∂w", v => new Hyperplane(v, w0).Evaluate(x), plane.EvaluateGradientWeights(x), w);
    }

    private static double[] Row(double[,] m, int i) => [.. Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j])];
}
