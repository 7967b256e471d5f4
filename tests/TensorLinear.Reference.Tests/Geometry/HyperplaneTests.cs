using TensorLinear.Numerics;

namespace TensorLinear.Reference.Tests;

public class HyperplaneTests
{
    [Fact]
    public void APointNearTheTopOfTheRangeHasItsDistanceAndSideThoughItsScoreIsOutOfRange()
    {
        // x = (1e308, 1e308), w = (1, 1), w₀ = 0: wᵀx = 2e308 is beyond double, d = 2e308/√2 = 1.414e308 is not, and the
        // side is +1. Unscaled, wᵀx overflowed (d was ∞); now the score is said to be out of range.
        var plane = new Hyperplane([1.0, 1.0], 0.0);
        double[] x = [1e308, 1e308];
        Assert.Equal(Math.Sqrt(2) * 1e308, plane.SignedDistance(x), 4e-16 * 1.5e308); // √2 and the quotient: 2 roundings
        Assert.Equal(1, plane.Side(x));
        Assert.Contains("wᵀx + w₀ is out of range", Assert.Throws<OutOfDomainException>(() => plane.Evaluate(x)).Message);
        // The foot x − d·ŵ is the origin; the difference of two numbers near 1e308 leaves rounding of ε·1e308.
        Assert.All(plane.Foot(x), p => Assert.True(Math.Abs(p) <= 4e-16 * 1e308));
    }

    private const double U = FloatingPoint.UnitRoundoff;

    // 3x₁ + 4x₂ − 5 = 0: the line at distance 1 from the origin with unit normal (0.6, 0.8)
    private static readonly Hyperplane Plane = new([3.0, 4.0], -5.0);

    [Fact]
    public void EvaluateGivesTheScore() =>
        // 3·3 + 4·4 − 5 = 20, exact
        Assert.Equal(20.0, Plane.Evaluate([3.0, 4.0]));

    [Fact]
    public void ThePointsSideIsTheSignOfItsScore()
    {
        Assert.Equal(1, Plane.Side([3.0, 4.0]));   // 20 > 0: the side w points to
        Assert.Equal(-1, Plane.Side([0.0, 0.0]));  // −5 < 0
        Assert.Equal(0, Plane.Side([1.0, 0.5]));   // 3 + 2 − 5 = 0 exactly: on the hyperplane
    }

    [Fact]
    public void TheSignedDistanceIsTheScoreOverTheNormOfW()
    {
        // 20/5 = 4 and −5/5 = −1; the scaled norm 1.25 is exact and so are the quotients
        Assert.Equal(4.0, Plane.SignedDistance([3.0, 4.0]));
        Assert.Equal(-1.0, Plane.SignedDistance([0.0, 0.0]));
    }

    [Fact]
    public void TheUnitNormalIsWOverItsNorm() =>
        // (3, 4)/5, one rounding per component
        AssertClose.Relative([0.6, 0.8], Plane.UnitNormal(), 1);

    [Fact]
    public void TheFootOfThePerpendicularFromThreeFourIsThreeFifthsFourFifths()
    {
        // (3, 4) − 4·(0.6, 0.8) = (0.6, 0.8). ŵ within u/2·… of exact, times d = 4 moves 3 − 2.4 by 4u of 0.6;
        // the fused multiply–add rounds once more, the literals u/2: 6u.
        var foot = Plane.Foot([3.0, 4.0]);
        AssertClose.Relative([0.6, 0.8], foot, 6);
    }

    [Fact]
    public void TheFootLiesOnTheHyperplaneAndXMinusTheFootIsNormal()
    {
        double[] x = [-1.3, 2.7];
        var foot = Plane.Foot(x);
        // wᵀp + w₀ = 0 exactly. p errs by a few roundings of |x| + |d| ≈ 3u·(‖x‖∞ + |d|) per component, which moves
        // the score by that times ‖w‖₁ = 7, and evaluating it costs γ₃·(Σ|wᵢpᵢ| + |w₀|): bound 4u·7·(‖x‖∞ + |d|) + 3u·(7‖p‖∞ + 5)
        var d = Math.Abs(Plane.SignedDistance(x));
        var bound = 4 * U * 7 * (2.7 + d) + 3 * U * (7 * Vector.NormInf(foot) + 5);
        AssertClose.Within(0.0, Plane.Evaluate(foot), bound);
        // x − p is parallel to w: the angle between them is 0 or π up to the same relative error
        var offset = x.Zip(foot, (xi, pi) => xi - pi).ToArray();
        Assert.True(Vector.Angle(offset, [3.0, 4.0]) <= 1e-14 || Math.PI - Vector.Angle(offset, [3.0, 4.0]) <= 1e-14);
    }

    [Fact]
    public void TheGradientOfTheSignedDistanceInXIsTheUnitNormal() =>
        // ∂d/∂x = w/‖w‖ = (0.6, 0.8), one rounding each
        AssertClose.Relative([0.6, 0.8], Plane.SignedDistanceGradientX(), 1);

    [Fact]
    public void TheGradientOfTheSignedDistanceInTheBiasIsOneOverTheNormOfW() =>
        // 1/‖w‖ = 1/5: 1/1.25 = 0.8 rounded, scaled by 2⁻² exactly, so it is fl(0.2)
        Assert.Equal(0.2, Plane.SignedDistanceGradientBias());

    [Fact]
    public void TheGradientOfTheSignedDistanceInWAtThreeFourIsTheFootOverFive() =>
        // (x − d·ŵ)/‖w‖ = (0.6, 0.8)/5 = (0.12, 0.16): the foot's 6u (above) and one more rounding: 7u
        AssertClose.Relative([0.12, 0.16], Plane.SignedDistanceGradientWeights([3.0, 4.0]), 7);

    public static TheoryData<string, Func<double[], double>, Func<double[], double[]>, double[]> Gradients
    {
        get
        {
            double[] w = [0.3, -1.2, 2.5], x = [1.0, 0.5, -0.25];
            const double w0 = 0.7;
            return new()
            {
                { "d in w", v => new Hyperplane(v, w0).SignedDistance(x), v => new Hyperplane(v, w0).SignedDistanceGradientWeights(x), w },
                { "d in w₀", v => new Hyperplane(w, v[0]).SignedDistance(x), v => [new Hyperplane(w, v[0]).SignedDistanceGradientBias()], [w0] },
                { "d in x", v => new Hyperplane(w, w0).SignedDistance(v), _ => new Hyperplane(w, w0).SignedDistanceGradientX(), x },
            };
        }
    }

    [Theory]
    [MemberData(nameof(Gradients))]
    public void EachGradientOfTheSignedDistanceAgreesWithACentralDifference(
        string derivative, Func<double[], double> f, Func<double[], double[]> gradient, double[] at) =>
        // tolerance derived in CentralDifference
        CentralDifference.Agrees(derivative, f, gradient(at), at);

    [Fact]
    public void InOneDimensionTheHyperplaneIsAPoint()
    {
        var point = new Hyperplane([2.0], -4.0); // 2x − 4 = 0 is x = 2
        // (2·5 − 4)/2 = 3 and the foot is 2, exact
        Assert.Equal(3.0, point.SignedDistance([5.0]));
        Assert.Equal([2.0], point.Foot([5.0]));
        Assert.Equal(-1, point.Side([1.0]));
    }

    [Fact]
    public void InThreeDimensionsTheHyperplaneIsAPlane()
    {
        var plane = new Hyperplane([1.0, 2.0, 2.0], -3.0); // ‖w‖ = 3
        // (1 + 2 + 2 − 3)/3 = 2/3: the score 2 is exact, the scaled norm 1.5 exact, one rounding
        AssertClose.Relative(2.0 / 3.0, plane.SignedDistance([1.0, 1.0, 1.0]), 1);
        // (1, 1, 1) − (2/3)·(1, 2, 2)/3 = (7/9, 5/9, 5/9); d and ŵ one rounding each, their product and the
        // subtraction (fused) one more, all of size ≤ 4/9 against components ≥ 5/9: 3u of ‖p‖∞ = 7/9, plus the
        // literals: 4u
        AssertClose.Relative([7.0 / 9.0, 5.0 / 9.0, 5.0 / 9.0], plane.Foot([1.0, 1.0, 1.0]), 4);
    }

    [Fact]
    public void HugeWeightsDoNotOverflowTheSignedDistance()
    {
        var plane = new Hyperplane([1.5e308, 1.5e308], 0.0);
        // wᵀx = 3e308 and ‖w‖ ≈ 2.1e308 both overflow as written; d = 2w/(√2·w) = √2. On w scaled by 2⁻¹⁰²³ the
        // dot is exact, the norm within 1.5u, the quotient one more rounding; Math.Sqrt(2) u/2: 3u.
        AssertClose.Relative(Math.Sqrt(2.0), plane.SignedDistance([1.0, 1.0]), 3);
        AssertClose.Relative([Math.Sqrt(0.5), Math.Sqrt(0.5)], plane.UnitNormal(), 3);
    }

    [Fact]
    public void HyperplanesWithEqualWeightsAndBiasAreEqualAndTheWeightsAreCopied()
    {
        double[] w = [3.0, 4.0];
        var plane = new Hyperplane(w, -5.0);
        w[0] = 99.0;
        Assert.Equal(Plane, plane);
        Assert.Equal(Plane.GetHashCode(), plane.GetHashCode());
        Assert.Equal([3.0, 4.0], plane.Weights.ToArray());
        Assert.Equal(2, plane.Dimension);
        Assert.NotEqual(Plane, new Hyperplane([3.0, 4.0], -4.0));
    }

    [Fact]
    public void TheHyperplaneReadsAsItsEquation() =>
        Assert.Equal("Hyperplane { Weights = [3, 4], Bias = -5 }", Plane.ToString());
}

public class HyperplaneBadInputTests
{
    private static readonly Hyperplane Plane = new([3.0, 4.0], -5.0);

    public static TheoryData<string, Action, Type, string> Cases => new()
    {
        { "a zero normal", () => new Hyperplane([0.0, 0.0], 1.0), typeof(DegenerateInputException), "weights" },
        { "no weights", () => new Hyperplane([], 1.0), typeof(EmptyInputException), "weights" },
        { "a NaN weight", () => new Hyperplane([double.NaN, 1.0], 1.0), typeof(NonFiniteInputException), "weights" },
        { "an infinite bias", () => new Hyperplane([1.0, 1.0], double.PositiveInfinity), typeof(NonFiniteInputException), "bias" },
        { "a NaN bias", () => new Hyperplane([1.0, 1.0], double.NaN), typeof(NonFiniteInputException), "bias" },
        { "Evaluate at a point of the wrong dimension", () => Plane.Evaluate([1.0, 2.0, 3.0]), typeof(DimensionMismatchException), "x" },
        { "Side of an empty point", () => Plane.Side([]), typeof(EmptyInputException), "x" },
        { "SignedDistance of a NaN point", () => Plane.SignedDistance([double.NaN, 0.0]), typeof(NonFiniteInputException), "x" },
        { "Foot of an infinite point", () => Plane.Foot([0.0, double.NegativeInfinity]), typeof(NonFiniteInputException), "x" },
        { "Foot of a point of the wrong dimension", () => Plane.Foot([1.0]), typeof(DimensionMismatchException), "x" },
        { "SignedDistanceGradientWeights of a point of the wrong dimension", () => Plane.SignedDistanceGradientWeights([1.0]), typeof(DimensionMismatchException), "x" },
        // d = 3e308/√2 = 2.1e308 is beyond double: out of range, and d·ŵ has no meaning
        { "Foot of a point whose distance overflows", () => new Hyperplane([1.0, 1.0], 0.0).Foot([1.5e308, 1.5e308]), typeof(OutOfDomainException), "x" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryBadInputThrowsItsTypedExceptionNamingTheArgument(string input, Action call, Type exception, string argument)
    {
        var thrown = Record.Exception(call);
        Assert.True(thrown?.GetType() == exception,
            $"{input}: expected {exception.Name}, got {thrown?.GetType().Name ?? "no exception"} {thrown?.Message}");
        Assert.Equal(argument, ((InvalidInputException)thrown!).ArgumentName);
    }
}
