using TensorLinear.Numerics;

namespace TensorLinear.Reference.Tests;

public class VectorGradientTests
{
    private const double U = FloatingPoint.UnitRoundoff;

    [Fact]
    public void TheGradientOfTheEuclideanNormAtThreeFourIsThreeFifthsFourFifths() =>
        // x/‖x‖ = (3, 4)/5; the scaled norm 1.25 is exact, so each component is one correctly rounded quotient
        AssertClose.Relative([0.6, 0.8], VectorGradients.Norm2Gradient([3.0, 4.0]), 1);

    [Fact]
    public void TheGradientOfTheL1NormIsTheSignWithSignOfZeroZero() =>
        // sign(3) = 1, sign(−4) = −1, and sign(0) = 0 by libtorch's convention
        Assert.Equal([1.0, -1.0, 0.0], VectorGradients.Norm1Gradient([3.0, -4.0, 0.0]));

    [Fact]
    public void TheGradientOfTheL1NormAtTheZeroVectorIsZero() =>
        // every component sits at the kink, where sign(0) = 0
        Assert.Equal([0.0, 0.0], VectorGradients.Norm1Gradient([0.0, 0.0]));

    [Fact]
    public void TheGradientOfTheThreeNormAtMinusOneTwoTwoIsTheSignedSquaresOverTheNormSquared()
    {
        // sign(xᵢ)xᵢ²/‖x‖₃² = (−1, 4, 4)/17^(2/3). Expected: cbrt 2u, squared 5u, quotient 6u. Computed: the norm
        // 2.25u (NormTests), the ratio 3.25u, squared by pow 6.5u + 2u: 8.5u. Together 14.5u.
        var normSquared = Math.Pow(Math.Cbrt(17.0), 2);
        AssertClose.Relative([-1.0 / normSquared, 4.0 / normSquared, 4.0 / normSquared],
            VectorGradients.NormPGradient([-1.0, 2.0, 2.0], 3.0), 15);
    }

    [Fact]
    public void ThePNormGradientOfALargeOrderSharesATieWithoutAmplifyingTheNormsRounding()
    {
        const double p = 1e6;
        // x = (3, −3, 1): ‖x‖ₚ = 3·(2 + 3⁻ᵖ)^(1/p), so ∂‖x‖ₚ/∂x₁ = (3/‖x‖ₚ)^(p−1) = 2^(−(p−1)/p) to far below u
        // (3⁻ᵖ underflows), a little above the limit 1/2. Both sides round (p − 1)/p (0.7u after the power) and
        // take one power (2u): 6u. Raising a rounded ‖x‖ₚ to the power p − 1 instead would err by about p·u.
        var tie = Math.Pow(2.0, -(p - 1.0) / p);
        AssertClose.Relative([tie, -tie, 0.0], VectorGradients.NormPGradient([3.0, -3.0, 1.0], p), 6);
    }

    [Fact]
    public void ThePNormGradientIsZeroAtAZeroComponentForPAboveOne() =>
        // |0|^(p−1) = 0 for p = 1.5: the p-norm is smooth across xᵢ = 0 when p > 1
        Assert.Equal(0.0, VectorGradients.NormPGradient([0.0, 3.0, 4.0], 1.5)[0]);

    [Fact]
    public void ThePNormGradientAtOneTwoAndInfinityIsTheSpecialisedGradient()
    {
        double[] x = [0.3, -1.2, 2.5, 0.0];
        Assert.Equal(VectorGradients.Norm1Gradient(x), VectorGradients.NormPGradient(x, 1.0));
        Assert.Equal(VectorGradients.NormInfGradient(x), VectorGradients.NormPGradient(x, double.PositiveInfinity));
        // at p = 2 the general formula sign(xᵢ)·rᵢ/S^(1/2): rᵢ = |xᵢ|/s within u, S = Σrⱼ² within about 7u, its root
        // 3.5u plus pow's 2u, the quotient u: 12.5u; Norm2Gradient about 3u: 16u covers both
        AssertClose.Relative(VectorGradients.Norm2Gradient(x), VectorGradients.NormPGradient(x, 2.0), 16);
    }

    [Fact]
    public void TheGradientOfTheMaxNormIsTheSignAtTheLargestComponent() =>
        // |−3| is the unique maximum: only it moves the norm, with slope sign(−3)
        Assert.Equal([0.0, -1.0, 0.0], VectorGradients.NormInfGradient([1.0, -3.0, 2.0]));

    [Fact]
    public void TheGradientOfTheMaxNormIsSharedEvenlyAmongTies() =>
        // |3| and |−3| tie: each gets sign/2, libtorch's convention for the kink
        Assert.Equal([0.5, -0.5, 0.0], VectorGradients.NormInfGradient([3.0, -3.0, 1.0]));

    [Fact]
    public void TheGradientOfTheMaxNormAtTheZeroVectorIsZero() =>
        // every component ties at 0, and sign(0) = 0
        Assert.Equal([0.0, 0.0, 0.0], VectorGradients.NormInfGradient([0.0, 0.0, 0.0]));

    [Fact]
    public void TheGradientsOfTheDotProductAreTheOtherVectorAsAFreshArray()
    {
        double[] x = [1.0, 2.0], y = [3.0, 4.0];
        // ∇ₓ(xᵀy) = y and ∇_y(xᵀy) = x, exactly
        var gx = VectorGradients.DotGradientX(x, y);
        var gy = VectorGradients.DotGradientY(x, y);
        Assert.Equal(y, gx);
        Assert.Equal(x, gy);
        Assert.NotSame(y, gx);
        Assert.NotSame(x, gy);
    }

    [Fact]
    public void TheCosineGradientInXAtOneZeroAndOneOneIsZeroAndOneOverRootTwo() =>
        // (ŷ − cos θ·x̂)/‖x‖ with x̂ = (1, 0), ŷ = (1, 1)/√2, cos θ = 1/√2: (0, 1/√2). The first component
        // cancels exactly (cos θ is ŷ₁ itself); the second is ŷ₂, 2u; the literal √0.5 u/2: 3u.
        AssertClose.Relative([0.0, Math.Sqrt(0.5)], VectorGradients.CosineGradientX([1.0, 0.0], [1.0, 1.0]), 3);

    [Fact]
    public void TheCosineGradientInYAtOneZeroAndOneOneIsRootTwoOverFourTimesOneMinusOne() =>
        // (x̂ − cos θ·ŷ)/‖y‖ = ((1, 0) − (1/2, 1/2))/√2 = (√2/4, −√2/4). cos θ and ŷ 2u each, so cos θ·ŷ 4u of
        // 1/2, and 1 − 1/2 keeps it at 4u; ‖y‖ and the quotient 2u: 6u. The expected value u: 7u.
        AssertClose.Relative([Math.Sqrt(2.0) / 4.0, -Math.Sqrt(2.0) / 4.0],
            VectorGradients.CosineGradientY([1.0, 0.0], [1.0, 1.0]), 7);

    [Fact]
    public void TheScalarProjectionGradientInXIsTheUnitVectorOfY() =>
        // ∇ₓ(xᵀŷ) = ŷ = (0.6, 0.8), one rounding each (the scaled norm 1.25 is exact)
        AssertClose.Relative([0.6, 0.8], VectorGradients.ScalarProjectionGradientX([1.0, 0.0], [3.0, 4.0]), 1);

    [Fact]
    public void TheScalarProjectionGradientInYAtOneZeroAndThreeFourIsTheRejectionOverFive()
    {
        // (x − (xᵀŷ)ŷ)/‖y‖ = ((1, 0) − 0.6·(0.6, 0.8))/5 = (0.64, −0.48)/5 = (0.128, −0.096). ŷ and xᵀŷ = ŷ₁ are
        // within u; the projection within 3u of (0.36, 0.48), so the rejection within 1.5u absolute; dividing by 5
        // (the scaled norm 1.25 is exact) leaves 0.3u, and the quotient's rounding adds at most 0.128u: 0.5u in
        // all. 8u·0.128 ≈ 1u bounds it twice over.
        AssertClose.Within([0.128, -0.096], VectorGradients.ScalarProjectionGradientY([1.0, 0.0], [3.0, 4.0]), 8 * U * 0.128);
    }

    [Fact]
    public void TheScalarProjectionGradientInYIsOrthogonalToY()
    {
        double[] x = [0.3, -1.2, 2.5], y = [1.0, 0.5, -0.25];
        // moving y along itself leaves xᵀŷ unchanged. The gradient is the rejection (7u·‖x‖∞ per component, see
        // ProjectionTests) over ‖y‖, so its dot with y is within (7u + γ₃)·‖x‖∞·‖y‖₁/‖y‖₂ ≤ 10u·‖x‖∞·‖y‖₁/‖y‖₂.
        var g = VectorGradients.ScalarProjectionGradientY(x, y);
        AssertClose.Within(0.0, Vector.Dot(g, y), 10 * U * Vector.NormInf(x) * Vector.Norm1(y) / Vector.Norm2(y));
    }

    public static TheoryData<string, Func<double[], double>, Func<double[], double[]>, double[]> SmoothPoints
    {
        get
        {
            double[] a = [0.3, -1.2, 2.5], b = [1.0, 0.5, -0.25];
            return new()
            {
                { "‖x‖₂", Vector.Norm2, VectorGradients.Norm2Gradient, a },
                { "‖x‖₁", Vector.Norm1, VectorGradients.Norm1Gradient, a },
                { "‖x‖₃", x => Vector.NormP(x, 3.0), x => VectorGradients.NormPGradient(x, 3.0), a },
                { "‖x‖₁.₅", x => Vector.NormP(x, 1.5), x => VectorGradients.NormPGradient(x, 1.5), a },
                { "‖x‖∞", Vector.NormInf, VectorGradients.NormInfGradient, a },
                { "xᵀb in x", x => Vector.Dot(x, b), x => VectorGradients.DotGradientX(x, b), a },
                { "aᵀy in y", y => Vector.Dot(a, y), y => VectorGradients.DotGradientY(a, y), b },
                { "cos(x, b) in x", x => Vector.Cosine(x, b), x => VectorGradients.CosineGradientX(x, b), a },
                { "cos(a, y) in y", y => Vector.Cosine(a, y), y => VectorGradients.CosineGradientY(a, y), b },
                { "xᵀb̂ in x", x => Vector.ScalarProjection(x, b), x => VectorGradients.ScalarProjectionGradientX(x, b), a },
                { "aᵀŷ in y", y => Vector.ScalarProjection(a, y), y => VectorGradients.ScalarProjectionGradientY(a, y), b },
            };
        }
    }

    [Theory]
    [MemberData(nameof(SmoothPoints))]
    public void EachGradientAgreesWithACentralDifferenceAwayFromKinks(
        string function, Func<double[], double> f, Func<double[], double[]> gradient, double[] at)
    {
        // the tolerance is derived in CentralDifference from the function at hand
        CentralDifference.Agrees(function, f, gradient(at), at);
    }
}
