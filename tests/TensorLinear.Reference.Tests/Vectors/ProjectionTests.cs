using TensorLinear.Numerics;

namespace TensorLinear.Reference.Tests;

public class ProjectionTests
{
    private const double U = FloatingPoint.UnitRoundoff;

    [Fact]
    public void TheScalarProjectionOfOneTwoOnThreeFourIsElevenFifths() =>
        // xᵀy/‖y‖ = 11/5 = 2.2. ŷ = (0.6, 0.8) rounded once each (the scaled norm 1.25 is exact), a dot of two
        // positive terms γ₂ ≈ 2u: 3u; the literal 2.2 u/2: 4u.
        AssertClose.Relative(2.2, Vector.ScalarProjection([1.0, 2.0], [3.0, 4.0]), 4);

    [Fact]
    public void TheScalarProjectionIsNegativeWhenTheAngleIsObtuse() =>
        // (−2, 1)·(1, 0) = −2: the shadow falls on the far side
        Assert.Equal(-2.0, Vector.ScalarProjection([-2.0, 1.0], [5.0, 0.0]));

    [Fact]
    public void TheProjectionOfOneTwoOnThreeFourIsElevenFifthsOfTheUnitVector() =>
        // (11/5)·(3/5, 4/5) = (1.32, 1.76). The scalar 3u, ŷ u, their product u: 5u; the literals u/2 each: 6u.
        AssertClose.Relative([1.32, 1.76], Vector.Project([1.0, 2.0], [3.0, 4.0]), 6);

    [Fact]
    public void TheProjectionOnAnAxisKeepsThatCoordinate() =>
        // onto e₁: (3, 4) ↦ (3, 0), exact since ŷ = (1, 0)
        Assert.Equal([3.0, 0.0], Vector.Project([3.0, 4.0], [2.0, 0.0]));

    [Fact]
    public void TheRejectionOfOneTwoFromThreeFourIsWhatIsLeftPerpendicular()
    {
        double[] x = [1.0, 2.0], y = [3.0, 4.0];
        // (1, 2) − (1.32, 1.76) = (−0.32, 0.24). The subtraction cancels, so the projection's error (5u of 1.76)
        // counts against ‖x‖∞ = 2 rather than the small result; plus the subtraction's own rounding: 7u·‖x‖∞.
        AssertClose.Within([-0.32, 0.24], Vector.Reject(x, y), 7 * U * 2.0);
    }

    [Fact]
    public void TheRejectionIsOrthogonalToTheDirection()
    {
        double[] x = [0.3, -1.2, 2.5], y = [1.0, 0.5, -0.25];
        // rejᵀy = 0 exactly. The computed rejection errs by at most 7u·‖x‖∞ per component (as above), which moves
        // rejᵀy by 7u·‖x‖∞·‖y‖₁; the dot's own rounding γ₃·Σ|rejᵢyᵢ| ≤ 3u·‖x‖∞·‖y‖₁ (|rejᵢ| ≤ ‖x‖∞): 10u.
        AssertClose.Within(0.0, Vector.Dot(Vector.Reject(x, y), y), 10 * U * Vector.NormInf(x) * Vector.Norm1(y));
    }

    [Fact]
    public void TheProjectionIsIdempotent()
    {
        double[] x = [0.3, -1.2, 2.5], y = [1.0, 0.5, -0.25];
        var once = Vector.Project(x, y);
        // proj(proj(x)) = proj(x) exactly. Each projection errs by about 5u of its size (as above) plus the dot's
        // γ₃ ≈ 3u: the two differ by at most 16u of ‖proj‖∞.
        AssertClose.Relative(once, Vector.Project(once, y), 16);
    }

    [Fact]
    public void ProjectionPlusRejectionGivesBackX()
    {
        double[] x = [0.3, -1.2, 2.5], y = [1.0, 0.5, -0.25];
        var sum = Vector.Project(x, y).Zip(Vector.Reject(x, y), (p, r) => p + r).ToArray();
        // rej = fl(x − proj), so proj + rej differs from x by that rounding and the addition's: 2u of ‖x‖∞
        AssertClose.Within(x, sum, 2 * U * Vector.NormInf(x));
    }

    [Fact]
    public void AProjectionWhoseScalarOverflowsIsStillFiniteAndHasNoNaN()
    {
        double[] x = [1.5e308, 1.5e308, 0.0], y = [1.0, 1.0, 0.0];
        // xᵀŷ = 1.5e308·√2 ≈ 2.1e308 is out of range, and ∞·ŷ₃ = ∞·0 would be NaN
        Assert.Throws<OutOfDomainException>(() => Vector.ScalarProjection(x, y));
        // proj = (1.5e308, 1.5e308, 0) exactly. On the scaled copy: ŷ 2u, the dot 2u + u, the product u: 6u.
        var projection = Vector.Project(x, y);
        AssertClose.Relative([1.5e308, 1.5e308, 0.0], projection, 6);
        Assert.Equal(0.0, projection[2]);
    }
}

public class DistanceTests
{
    [Theory]
    [InlineData(1.0, 7.0)]                      // |1 − 4| + |2 − 6| = 3 + 4
    [InlineData(2.0, 5.0)]                      // √(3² + 4²), the 3-4-5 triangle: scaled squares and root exact
    [InlineData(double.PositiveInfinity, 4.0)]  // max(3, 4)
    public void TheDistanceFromOneTwoToFourSixInTheL1L2AndMaxNormsIsExact(double p, double expected) =>
        Assert.Equal(expected, Vector.Distance([1.0, 2.0], [4.0, 6.0], p));

    [Fact]
    public void TheThreeNormDistanceFromOneTwoToFourSixIsTheCubeRootOfNinetyOne() =>
        // (3³ + 4³)^(1/3) = ∛91. Ratios 0.75 and 1, their cubes and sum exact; pow 2u, fl(1/3) 0.25u·ln 1.42;
        // Math.Cbrt 2u: 5u.
        AssertClose.Relative(Math.Cbrt(91.0), Vector.Distance([1.0, 2.0], [4.0, 6.0], 3.0), 5);

    [Fact]
    public void ThePointsAreAtDistanceZeroFromThemselves() =>
        Assert.Equal(0.0, Vector.Distance([0.3, -1.2], [0.3, -1.2], 2.5));

    [Fact]
    public void TheDistanceIsSymmetric() =>
        // x − y and y − x have the same magnitudes exactly
        Assert.Equal(Vector.Distance([0.3, -1.2], [4.0, 6.0], 2.0), Vector.Distance([4.0, 6.0], [0.3, -1.2], 2.0));

    [Fact]
    public void ADistanceBeyondTheRangeOfDoubleIsSaidToBeOutOfRange() =>
        // 1e308 − (−1e308) = 2e308 > double.MaxValue
        Assert.Throws<OutOfDomainException>(() => Vector.Distance([1e308, 0.0], [-1e308, 0.0], 2.0));
}
