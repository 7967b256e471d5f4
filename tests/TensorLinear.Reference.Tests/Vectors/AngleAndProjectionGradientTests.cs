namespace TensorLinear.Reference.Tests;

public class AngleAndProjectionGradientTests
{
    [Fact]
    public void TheProjectionJacobianInYIsExactWhereXIsNearTheTopOfTheRange()
    {
        // x = (1e308, 1e308), y = (1e308, 0): ŷ = (1, 0), s = xᵀŷ = 1e308, and (ŷx + sI − 2sŷŷᵀ)/‖y‖ = [[0, 1], [0, 1]]
        // exactly; 2s = 2e308 overflowed and made it NaN (calc project). Computed for 2⁻ᵃx, every step is exact here.
        var jacobian = VectorGradients.ProjectJacobianY([1e308, 1e308], [1e308, 0.0]);
        Assert.Equal(new double[,] { { 0.0, 1.0 }, { 0.0, 1.0 } }, jacobian);
    }

    [Fact]
    public void AUnitJacobianBeyondTheRangeOfDoubleIsSaidToBeOutOfRange()
    {
        // x = (1e-320, 0): x̂ = (1, 0) exactly, but ∂x̂₂/∂x₂ = 1/‖x‖ = 1e320 is beyond double (calc unit printed ∞).
        Assert.Equal([1.0, 0.0], Vector.Unit([1e-320, 0.0]));
        Assert.Contains("out of range", Assert.Throws<OutOfDomainException>(() => VectorGradients.UnitJacobian([1e-320, 0.0])).Message);
        // At 1e-300 it is 1e300, within range: [[0, 0], [0, 1e300]].
        var jacobian = VectorGradients.UnitJacobian([1e-300, 0.0]);
        Assert.Equal(0.0, jacobian[0, 0]);
        Assert.Equal(1e300, jacobian[1, 1], 1e300 * 1e-15);
    }

    [Fact]
    public void TheAngleGradientAtRightAnglesPointsAwayFromTheOtherVector()
    {
        // θ between x = (2, 0) and y = (0, 3) is π/2; turning x towards y lowers θ at rate 1/‖x‖ = ½ per unit of x₂,
        // so ∇ₓθ = (0, −½); likewise ∇_yθ = (−⅓, 0).
        AssertClose.Relative([0.0, -0.5], VectorGradients.AngleGradientX([2.0, 0.0], [0.0, 3.0]), 2);
        AssertClose.Relative([-1.0 / 3, 0.0], VectorGradients.AngleGradientY([2.0, 0.0], [0.0, 3.0]), 2);
    }

    [Theory]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, new[] { -2.0, 0.5, 4.0 })]
    [InlineData(new[] { 1.0, 0.0 }, new[] { -1.0, 0.001 })]
    [InlineData(new[] { 3.0, -1.0, 2.0, 0.5 }, new[] { 0.1, 0.2, -5.0, 1.0 })]
    public void TheAngleGradientsMatchCentralDifferences(double[] x, double[] y)
    {
        CentralDifference.Agrees("∇ₓθ", v => Vector.Angle(v, y), VectorGradients.AngleGradientX(x, y), x);
        CentralDifference.Agrees("∇_yθ", v => Vector.Angle(x, v), VectorGradients.AngleGradientY(x, y), y);
    }

    [Fact]
    public void NearlyParallelVectorsKeepTheGradientsDigits()
    {
        // x = (1, 0), y = (1, t): θ = atan t, and ∇ₓθ = (0, −1) exactly for every t > 0 (the gradient's length is
        // 1/‖x‖ = 1, its direction orthogonal to x). Forming ŷ − cos θ·x̂ directly would leave nothing but rounding
        // at t = 1e-9; the d-form keeps it exact to a few ulps.
        AssertClose.Relative([0.0, -1.0], VectorGradients.AngleGradientX([1.0, 0.0], [1.0, 1e-9]), 4);
    }

    [Fact]
    public void ParallelVectorsHaveNoAngleGradient() =>
        Assert.Throws<DegenerateInputException>(() => VectorGradients.AngleGradientX([1.0, 2.0], [2.0, 4.0]));

    [Fact]
    public void TheUnitVectorsJacobianIsTheOrthogonalProjectorOverTheNorm()
    {
        // x = (3, 4): x̂ = (0.6, 0.8), ‖x‖ = 5, J = (I − x̂x̂ᵀ)/5 = [[0.64, −0.48], [−0.48, 0.36]]/5.
        var j = VectorGradients.UnitJacobian([3.0, 4.0]);
        AssertClose.Relative([0.128, -0.096], [j[0, 0], j[0, 1]], 4);
        AssertClose.Relative([-0.096, 0.072], [j[1, 0], j[1, 1]], 4);
    }

    [Fact]
    public void TheJacobiansMatchCentralDifferencesRowByRow()
    {
        double[] x = [1.0, -2.0, 0.5], y = [0.3, 1.0, 2.0];
        var unit = VectorGradients.UnitJacobian(x);
        var byX = VectorGradients.ProjectJacobianX(x, y);
        var byY = VectorGradients.ProjectJacobianY(x, y);
        for (var i = 0; i < 3; i++)
        {
            var row = i;
            CentralDifference.Agrees($"∂x̂{row}/∂x", v => Vector.Unit(v)[row], Row(unit, row), x);
            CentralDifference.Agrees($"∂proj{row}/∂x", v => Vector.Project(v, y)[row], Row(byX, row), x);
            CentralDifference.Agrees($"∂proj{row}/∂y", v => Vector.Project(x, v)[row], Row(byY, row), y);
        }
    }

    [Fact]
    public void TheProjectionsJacobianInYVanishesWhenXIsOrthogonalToY()
    {
        // s = 0 leaves only ŷxᵀ/‖y‖: x = (0, 2), y = (3, 0) gives [[0, 2/3], [0, 0]].
        var j = VectorGradients.ProjectJacobianY([0.0, 2.0], [3.0, 0.0]);
        AssertClose.Relative([0.0, 2.0 / 3], [j[0, 0], j[0, 1]], 2);
        Assert.Equal([0.0, 0.0], [j[1, 0], j[1, 1]]);
    }

    private static double[] Row(double[,] m, int i) => Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j]).ToArray();
}
