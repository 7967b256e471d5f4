using TensorLinear.Autograd;

namespace TensorLinear.Autograd.Tests;

// Elementwise functions, comparisons and Where. √, |·|, sign, clamp, max/min and comparisons are exact in IEEE
// arithmetic. exp and log are not correctly rounded in libtorch (SLEEF) nor in .NET (the C library), but each is
// within 1 ulp of the true value, so the two are within 2 ulps of each other; composite functions allow one ulp per
// rounding on top, as each test says.
public sealed class FunctionTests
{
    [Fact]
    public void SqrtIsCorrectlyRounded()
    {
        using var scope = Torch.NewScope();
        // IEEE square root is correctly rounded, so √2 must equal Math.Sqrt(2) bit for bit; the others are exact squares.
        Expect.Exact([0, 1, 2, Math.Sqrt(2)], Tensor.FromArray([0, 1, 4, 2]).Sqrt());
        Assert.True(double.IsNaN(Tensor.FromArray([-1]).Sqrt().ToScalar())); // outside the domain: NaN, not an exception
    }

    [Fact]
    public void AbsAndSignAreExact()
    {
        using var scope = Torch.NewScope();
        Expect.Exact([1.5, 0, 2], Tensor.FromArray([-1.5, 0, 2]).Abs());
        Expect.Exact([-1, 0, 1, 0], Tensor.FromArray([-2, 0, 3, -0.0]).Sign()); // sign(±0) = 0
    }

    [Fact]
    public void ExpMatchesTheMathLibraryWithinTwoUlps()
    {
        using var scope = Torch.NewScope();
        double[] x = [0, 1, -1, 0.5, 10];
        // Each side within 1 ulp of eˣ, so within 2 of each other; e⁰ = 1 is exact on both.
        Expect.WithinUlps(x.Select(Math.Exp).ToArray(), Tensor.FromArray(x).Exp(), 2);
        Assert.Equal(1.0, Tensor.FromArray([0]).Exp().ToScalar());
    }

    [Fact]
    public void LogMatchesTheMathLibraryWithinTwoUlps()
    {
        using var scope = Torch.NewScope();
        double[] x = [1, Math.E, 0.5, 10];
        Expect.WithinUlps(x.Select(v => Math.Log(v)).ToArray(), Tensor.FromArray(x).Log(), 2); // each within 1 ulp of ln x
        Assert.Equal(0.0, Tensor.FromArray([1]).Log().ToScalar()); // ln 1 = 0 exactly
        Assert.Equal(double.NegativeInfinity, Tensor.FromArray([0]).Log().ToScalar()); // ln 0 = −∞ (IEEE)
    }

    [Fact]
    public void Log1pIsAccurateWhereLogOfOnePlusXIsNot()
    {
        using var scope = Torch.NewScope();
        const double x = 1e-10;
        // By hand from the series ln(1 + x) = x − x²/2 + x³/3 − …; the next term x⁴/4 ≈ 2.5e-41 is far below half an
        // ulp of 1e-10 (≈ 6e-27). The series' three roundings and log1p's own 1 ulp: within 4 ulps.
        var series = x - x * x / 2 + x * x * x / 3;
        var actual = Tensor.FromArray([0, x, 1]).Log1p().ToArray();
        Assert.Equal(0.0, actual[0]); // ln 1 = 0 exactly
        Expect.WithinUlps(series, actual[1], 4);
        Expect.WithinUlps(Math.Log(2), actual[2], 2); // ln 2: each side within 1 ulp
        // Why log1p exists: 1 + 1e-10 rounds first, so Math.Log(1 + x) is wrong in its seventh digit.
        Assert.True(Expect.UlpDistance(series, Math.Log(1 + x)) > 1_000_000);
    }

    [Fact]
    public void SigmoidIsOneOverOnePlusExpMinusXAndSaturatesWithoutNaN()
    {
        using var scope = Torch.NewScope();
        var s = Tensor.FromArray([0, 2, -2, -800, 800]).Sigmoid().ToArray();
        Assert.Equal(0.5, s[0]); // 1/(1 + 1): exact
        // By hand 1/(1 + e⁻²) and e⁻²/(1 + e⁻²): exp (1 ulp), add and divide (one rounding each) on this side, and
        // libtorch's own few roundings on the other: within 4 ulps.
        Expect.WithinUlps(1 / (1 + Math.Exp(-2)), s[1], 4);
        Expect.WithinUlps(Math.Exp(-2) / (1 + Math.Exp(-2)), s[2], 4);
        Assert.Equal(0.0, s[3]); // σ(−800) ≈ e⁻⁸⁰⁰ ≈ 1e-348 is below the smallest subnormal (4.9e-324): rounds to 0
        Assert.Equal(1.0, s[4]); // σ(800) = 1 − 1e-348 rounds to 1
    }

    [Fact]
    public void LogSigmoidIsStableAtLargeLogits()
    {
        using var scope = Torch.NewScope();
        var l = Tensor.FromArray([0, 1, -1000, 1000]).LogSigmoid().ToArray();
        Expect.WithinUlps(-Math.Log(2), l[0], 2); // ln σ(0) = −ln 2
        Expect.WithinUlps(-Math.Log(1 + Math.Exp(-1)), l[1], 4); // −ln(1 + e⁻¹): exp, add, log on this side
        Assert.Equal(-1000.0, l[2]); // −softplus(1000) = −(1000 + ln(1 + e⁻¹⁰⁰⁰)) and e⁻¹⁰⁰⁰ underflows to 0: exact
        Assert.Equal(0.0, l[3]); // −ln(1 + e⁻¹⁰⁰⁰) = −ln 1 = 0 (a naive ln σ would be ln 1 too, but −1000 above would be −∞)
    }

    [Fact]
    public void SoftplusIsLogOfOnePlusExpAndLinearAboveItsThreshold()
    {
        using var scope = Torch.NewScope();
        var p = Tensor.FromArray([0, 1, 30, -30]).Softplus().ToArray();
        Expect.WithinUlps(Math.Log(2), p[0], 2); // ln(1 + e⁰) = ln 2
        Expect.WithinUlps(Math.Log(1 + Math.E), p[1], 4); // ln(1 + e): a few roundings each side
        Assert.Equal(30.0, p[2]); // libtorch returns x itself above 20 (there ln(1 + eˣ) − x < e⁻²⁰ ≈ 2e-9): exact
        // ln(1 + t) with t = e⁻³⁰ by its series t − t²/2 (t³/3 is 1e-40, negligible): exp and log1p, 1 ulp each.
        var t = Math.Exp(-30);
        Expect.WithinUlps(t - t * t / 2, p[3], 4);
    }

    [Fact]
    public void ClampLimitsToEitherBoundOrBoth()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([-2, 0.5, 3]);
        Expect.Exact([0, 0.5, 1], x.Clamp(0, 1));
        Expect.Exact([0, 0.5, 3], x.Clamp(min: 0));
        Expect.Exact([-2, 0.5, 1], x.Clamp(max: 1));
    }

    [Fact]
    public void MaximumAndMinimumPickElementwiseAndBroadcast()
    {
        using var scope = Torch.NewScope();
        var a = Tensor.FromArray([1, 5, -3]);
        var b = Tensor.FromArray([2, 4, -3]);
        Expect.Exact([2, 5, -3], a.Maximum(b));
        Expect.Exact([1, 4, -3], a.Minimum(b));
        Expect.Exact([1, 5, 0], a.Maximum(Tensor.Scalar(0))); // max(x, 0): a ReLU, by broadcasting a scalar
    }

    [Fact]
    public void ComparisonsGiveBooleanMasks()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2, 3]);
        var y = Tensor.FromArray([3, 2, 1]);
        Assert.Equal(ScalarType.Bool, x.Less(y).Dtype);
        Expect.Exact([0, 1, 0], x.ElementwiseEqual(y)); // masks read back as 1 (true) and 0 (false)
        Expect.Exact([1, 0, 1], x.ElementwiseNotEqual(y));
        Expect.Exact([1, 0, 0], x.Less(y));
        Expect.Exact([1, 1, 0], x.LessOrEqual(y));
        Expect.Exact([0, 0, 1], x.Greater(y));
        Expect.Exact([0, 1, 1], x.GreaterOrEqual(y));
    }

    [Fact]
    public void ComparisonsWithANumberGiveBooleanMasks()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([1, 2, 3]);
        Assert.Equal(ScalarType.Bool, x.Greater(2).Dtype);
        Expect.Exact([0, 1, 0], x.ElementwiseEqual(2));
        Expect.Exact([1, 0, 1], x.ElementwiseNotEqual(2));
        Expect.Exact([1, 0, 0], x.Less(2));
        Expect.Exact([1, 1, 0], x.LessOrEqual(2));
        Expect.Exact([0, 0, 1], x.Greater(2));
        Expect.Exact([0, 1, 1], x.GreaterOrEqual(2));
    }

    [Fact]
    public void AnIntegerTensorIsComparedWithTheNumberItselfNotATruncatedCopy()
    {
        using var scope = Torch.NewScope();
        var n = Tensor.FromArray([1, 2, 3], ScalarType.Int64);
        // 2 < 2.5 holds. The bridge used to convert 2.5 to the tensor's dtype first (2), which made it false.
        Expect.Exact([1, 1, 0], n.Less(2.5));
        Expect.Exact([0, 0, 0], n.ElementwiseEqual(2.5));
    }

    [Fact]
    public void WherePicksFromTheFirstTensorWhereTheMaskHolds()
    {
        using var scope = Torch.NewScope();
        var x = Tensor.FromArray([-1, 2, -3, 4]);
        Expect.Exact([10, 2, 30, 4], Tensor.Where(x.Greater(0), x, Tensor.FromArray([10, 20, 30, 40])));
        Expect.Exact([0, 2, 0, 4], Tensor.Where(x.Greater(0), x, Tensor.Scalar(0))); // the other side broadcast
    }
}
