using TensorLinear.Verification.GradientChecking;

namespace TensorLinear.Verification.Tests.GradientChecking;

public sealed class TaylorTestTests
{
    private static readonly double[] X = [0.8, -0.4, 1.1];
    private static readonly double[] V = [0.3, 1.0, -0.6];

    [Theory]
    [InlineData("quadratic")]
    [InlineData("exp")]
    [InlineData("log-sum-exp")]
    [InlineData("Rosenbrock")]
    public void RightGradientShowsOrderTwo(string name)
    {
        var f = Function(name);

        var result = TaylorTest.Run(f.Value, f.Gradient(X), X, V);

        Assert.True(result.Passed, result.Reason);
        Assert.InRange(result.ObservedOrder, 1.9, 2.1);
        Assert.Equal(8, result.UsedOrders.Length);
        Assert.All(result.UsedOrders, o => Assert.InRange(o, 1.8, 2.2));
        Assert.Contains("right", result.Reason);
    }

    [Theory]
    [InlineData("quadratic")]
    [InlineData("exp")]
    [InlineData("log-sum-exp")]
    [InlineData("Rosenbrock")]
    public void WrongGradientShowsOrderOne(string name)
    {
        var f = Function(name);
        var wrong = TestFunction.MissingFactorTwo(f.Gradient)(X);

        var result = TaylorTest.Run(f.Value, wrong, X, V);

        Assert.False(result.Passed);
        Assert.InRange(result.ObservedOrder, 0.9, 1.1);
        Assert.Contains("wrong", result.Reason);
        // r(h)/h = |e| + O(h) estimates the error e of the directional derivative, here half of ∇fᵀv; the O(h) term
        // at the smallest step used is below 3% of it.
        var expected = 0.5 * Math.Abs(TestFunction.Dot(f.Gradient(X), V));
        Assert.Equal(expected, result.DirectionalError, 3e-2 * expected);
    }

    [Fact]
    public void RemaindersStopBeforeTheRoundingFloor()
    {
        var f = TestFunction.Quadratic(3, seed: 31);

        var result = TaylorTest.Run(f.Value, f.Gradient(X), X, V);

        foreach (var k in result.UsedOrderIndices)
        {
            Assert.True(result.Remainders[k] >= TaylorTest.UsableAboveFloor * result.RoundingFloors[k]);
            Assert.True(result.Remainders[k + 1] >= TaylorTest.UsableAboveFloor * result.RoundingFloors[k + 1]);
        }
        Assert.Equal(result.Steps.Length - 1, result.Orders.Length);
        Assert.True(result.Remainders[^1] < TaylorTest.UsableAboveFloor * result.RoundingFloors[^1], "the sequence runs down to the floor");
    }

    [Fact]
    public void HalvingsSetsHowManyOrdersTheVerdictUses()
    {
        var f = TestFunction.Rosenbrock;

        var result = TaylorTest.Run(f.Value, f.Gradient(X), X, V, halvings: 3);

        Assert.Equal(3, result.UsedOrders.Length);
    }

    [Fact]
    public void AnAffineFunctionIsAtRoundingLevel()
    {
        var result = TaylorTest.Run(x => 2 * x[0] - x[1], [2.0, -1.0], [1.0, 1.0], [0.5, 0.5]);

        Assert.True(result.Passed);
        Assert.True(result.AtRoundingLevel);
        Assert.True(double.IsNaN(result.ObservedOrder));
    }

    [Fact]
    public void AZeroDirectionIsNotRunAndSaysSo()
    {
        var result = TaylorTest.Run(x => x[0] * x[0], [2.0], [1.0], [0.0]);

        Assert.False(result.WasRun);
        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.False(result.Passed); // no evidence is no pass
        Assert.Empty(result.Steps);
    }

    [Fact]
    public void StepsWhereFIsNotFiniteAreSkipped()
    {
        // log near its domain edge: the first steps leave the domain.
        var result = TaylorTest.Run(x => Math.Log(x[0]), [1 / 0.01], [0.01], [-1.0]);

        Assert.True(result.Passed, result.Reason);
        Assert.InRange(result.ObservedOrder, 1.9, 2.1);
        Assert.All(result.Remainders, r => Assert.True(double.IsFinite(r)));
    }

    [Fact]
    public void JacobianFormMeasuresTheLargestComponent()
    {
        double[] F(double[] v) => [v[0] * v[1], Math.Exp(v[0])];
        var right = new[,] { { X[1], X[0] }, { Math.Exp(X[0]), 0 } };
        var wrong = new[,] { { X[1], X[0] }, { 0, 0 } };
        double[] x = [X[0], X[1]];

        Assert.InRange(TaylorTest.RunJacobian(F, right, x, [1.0, 0.5]).ObservedOrder, 1.9, 2.1);
        Assert.InRange(TaylorTest.RunJacobian(F, wrong, x, [1.0, 0.5]).ObservedOrder, 0.9, 1.1);
    }

    [Fact]
    public void MismatchedLengthsAreTypedErrors()
    {
        Assert.Throws<DimensionMismatchException>(() => TaylorTest.Run(x => x[0], [1.0, 2.0], [1.0], [1.0]));
        Assert.Throws<DimensionMismatchException>(() => TaylorTest.Run(x => x[0], [1.0], [1.0], [1.0, 2.0]));
        Assert.Throws<OutOfDomainException>(() => TaylorTest.Run(x => x[0], [1.0], [1.0], [1.0], halvings: 0));
    }

    private static TestFunction Function(string name) => name switch
    {
        "quadratic" => TestFunction.Quadratic(3, seed: 31),
        "exp" => TestFunction.Exponential(3, 1.0, seed: 32),
        "log-sum-exp" => TestFunction.LogSumExp,
        "Rosenbrock" => TestFunction.Rosenbrock,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
