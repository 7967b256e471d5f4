using TensorLinear.Numerics;
using TensorLinear.Verification.GradientChecking;

namespace TensorLinear.Verification.Tests.GradientChecking;

public sealed class FiniteDifferencesTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-9)]
    [InlineData(1.0)]
    [InlineData(-7.5)]
    [InlineData(1e12)]
    public void TheUserStepIsUsedAsItIsAndTheChosenStepIsAPowerOfTwo(double x)
    {
        var chosen = FiniteDifferences.GradientWithErrors(v => Math.Exp(v[0] / Math.Max(1, Math.Abs(x))), [x]).Steps[0];
        var fixedStep = GradientChecker.Check(v => v[0] * v[0], v => [2 * v[0]], [x], new GradientCheckOptions { Step = 0.25 }).Coordinates[0].Step;

        Assert.Equal(0, Math.ILogB(chosen) - Math.Log2(chosen)); // a power of two, so x ± h/2ᵏ are exact
        Assert.Equal(0.25, fixedStep);
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1.0)]
    [InlineData(1e3)]
    public void GradientErrorBoundsHoldAndAreTight(double scale)
    {
        foreach (var f in new[] { TestFunction.Exponential(4, scale, seed: 41), TestFunction.LogSumExp, TestFunction.Rosenbrock })
        {
            var x = TestFunction.Point(4, scale, seed: 42);
            var exact = f.Gradient(x);

            var estimate = FiniteDifferences.GradientWithErrors(f.Value, x);

            for (var i = 0; i < x.Length; i++)
            {
                var error = Math.Abs(estimate.Values[i] - exact[i]);
                Assert.True(error <= estimate.ErrorBounds[i], $"{f} coordinate {i}: error {error:E2} exceeds bound {estimate.ErrorBounds[i]:E2}");
                // Not vacuous: the bound resolves the derivative to 1e-6 of the larger of it and |f|/max(1, |xᵢ|).
                var scaleOfDerivative = Math.Max(Math.Abs(exact[i]), Math.Abs(f.Value(x)) / Math.Max(1, Math.Abs(x[i])));
                Assert.True(estimate.ErrorBounds[i] <= 1e-6 * scaleOfDerivative, $"{f} coordinate {i}: bound {estimate.ErrorBounds[i]:E2} is loose");
            }
            Assert.Equal(estimate.Values, FiniteDifferences.Gradient(f.Value, x));
        }
    }

    [Fact]
    public void RichardsonIsExactForACubic()
    {
        // D(h) of a cubic has truncation h²·f‴/6 exactly; Richardson removes it.
        var g = FiniteDifferences.Gradient(x => x[0] * x[0] * x[0], [2.0]);

        Assert.Equal(12.0, g[0], 1e-9);
    }

    [Fact]
    public void JacobianMatchesTheAnalyticOne()
    {
        double[] x = [0.5, -2.0];
        var j = FiniteDifferences.JacobianWithErrors(v => [v[0] * v[1], Math.Sin(v[0]), v[1] * v[1]], x);
        var exact = new[,] { { -2.0, 0.5 }, { Math.Cos(0.5), 0 }, { 0, -4.0 } };

        Assert.Equal(3, j.Values.GetLength(0));
        Assert.Equal(2, j.Values.GetLength(1));
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 2; c++)
                Assert.True(Math.Abs(j.Values[r, c] - exact[r, c]) <= j.ErrorBounds[r, c] + 1e-300, $"entry ({r}, {c})");
        Assert.Equal(j.Values, FiniteDifferences.Jacobian(v => [v[0] * v[1], Math.Sin(v[0]), v[1] * v[1]], x));
    }

    [Fact]
    public void InvalidInputsAreTypedErrors()
    {
        Assert.Throws<EmptyInputException>(() => FiniteDifferences.Gradient(x => 0, []));
        Assert.Throws<NonFiniteInputException>(() => FiniteDifferences.Gradient(x => 0, [double.PositiveInfinity]));
        Assert.Throws<OutOfDomainException>(() => FiniteDifferences.Gradient(x => Math.Sqrt(x[0]), [-1.0]));
        Assert.Throws<OutOfDomainException>(() => FiniteDifferences.Gradient(x => x[0] > 0 ? double.NaN : 0, [0.0])); // NaN on one side at every step
    }
}
