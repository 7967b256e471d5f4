using TensorLinear.Numerics;
using TensorLinear.Verification.GradientChecking;

namespace TensorLinear.Verification.Tests.GradientChecking;

/// <summary>The forward-mode way: functions over generic math, checked against <see cref="Dual"/> and finite differences.</summary>
public sealed class ForwardModeCheckTests
{
    /// <summary>f(x) = Σ xᵢ³ + x₀x₁; ∂f/∂x₀ = 3x₀² + x₁, ∂f/∂x₁ = 3x₁² + x₀, ∂f/∂xᵢ = 3xᵢ² otherwise.</summary>
    private sealed class CubesPlusProduct : IRealFunction
    {
        public T[] Evaluate<T>(T[] x) where T : IRealNumber<T>
        {
            var sum = x[0] * x[1];
            foreach (var v in x) sum += v * v * v;
            return [sum];
        }
    }

    /// <summary>|x₀|, a kink at 0.</summary>
    private sealed class Absolute : IRealFunction
    {
        public T[] Evaluate<T>(T[] x) where T : IRealNumber<T> => [T.Abs(x[0])];
    }

    /// <summary>(x₀x₁, x₀ + x₁): the Jacobian [[x₁, x₀], [1, 1]].</summary>
    private sealed class ProductAndSum : IRealFunction
    {
        public T[] Evaluate<T>(T[] x) where T : IRealNumber<T> => [x[0] * x[1], x[0] + x[1]];
    }

    private static double[] Gradient(double[] x) => [3 * x[0] * x[0] + x[1], 3 * x[1] * x[1] + x[0], 3 * x[2] * x[2]];

    [Fact]
    public void A_correct_gradient_passes()
    {
        var report = GradientChecker.CheckWithForwardMode(new CubesPlusProduct(), Gradient, [0.7, -1.3, 2.1]);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void A_flipped_sign_is_rejected_by_the_forward_mode_witness()
    {
        var report = GradientChecker.CheckWithForwardMode(new CubesPlusProduct(), x => [.. Gradient(x).Select(g => -g)], [0.7, -1.3, 2.1]);
        Assert.False(report.Passed);
        Assert.All(report.Disagreements, c => Assert.Contains(ComparedPairs.ClaimedVersusForwardMode, c.DisagreeingPairs));
        Assert.All(report.Disagreements, c => Assert.DoesNotContain(ComparedPairs.ForwardModeVersusFiniteDifference, c.DisagreeingPairs));
        Assert.Equal(Witness.ForwardMode, report.SecondWitness);
        Assert.Contains("forward mode", report.ToString());
    }

    [Fact]
    public void A_kink_is_recognised()
    {
        var report = GradientChecker.CheckWithForwardMode(new Absolute(), _ => [0.0], [0.0]);
        Assert.True(report.Coordinates[0].AtKink, report.ToString());
    }

    [Fact]
    public void A_jacobian_is_checked()
    {
        var report = GradientChecker.CheckJacobianWithForwardMode(new ProductAndSum(), x => new[,] { { x[1], x[0] }, { 1.0, 1.0 } }, [2.0, -3.0]);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void A_vector_function_is_refused_by_the_gradient_check()
    {
        Assert.Throws<DimensionMismatchException>(() => GradientChecker.CheckWithForwardMode(new ProductAndSum(), _ => [0.0, 0.0], [1.0, 2.0]));
    }
}
