using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.LeastSquares;
using TensorLinear.Reference.Training;
using TensorLinear.Training;

namespace TensorLinear.Reference.Tests.Training;

/// <summary>
/// Descent stops and diverges by tests relative to the run itself: the same data in other units stop at the same
/// epoch, small units do not stop at once as "converged", and a step that keeps the loss above its start diverges.
/// </summary>
public class ScaleFreeStoppingTests
{
    /// <summary>y = (2x + 1 + noise)·unit on 20 points x ∈ [−1, 1]: centred, so 1/L descent converges in few epochs.</summary>
    public static DataSet SmallUnits(double unit) => DataSet.FromRows(
        [.. Enumerable.Range(0, 20).Select(i => new[] { -1 + 2.0 * i / 19 })],
        [.. Enumerable.Range(0, 20).Select(i => (2 * (-1 + 2.0 * i / 19) + 1 + 0.1 * Math.Sin(i)) * unit)]);

    /// <summary>Two overlapping classes on one feature: the log-loss has a minimiser, and 1/L descent reaches it.</summary>
    public static readonly DataSet Overlapping = DataSet.FromRows(
        [[0.5], [1.0], [1.5], [2.0], [2.5], [3.0], [3.5], [4.0], [4.5], [5.0]],
        [0, 0, 0, 1, 0, 1, 0, 1, 1, 1]);

    [Theory]
    [InlineData(1e-5)]
    [InlineData(1.0)]
    [InlineData(1e5)]
    public void DataInSmallOrLargeUnitsConvergeToTheQrSolutionInTheSameEpochs(double unit)
    {
        var data = SmallUnits(unit);
        var result = GradientDescent.Train(ModelKind.Linear, data, new TrainingOptions());
        var exact = OrdinaryLeastSquares.Fit(data);
        Assert.True(result.Converged, result.ToString());
        // From θ₀ = 0 every iterate is linear in y, so the run in any unit is the run in unit 1 scaled: the same epochs,
        // but for a gradient norm that lands within rounding of the threshold.
        Assert.InRange(result.Epochs, Unit1Epochs - 1, Unit1Epochs + 1);
        // ‖θ − θ*‖ ≤ ‖∇f(θ)‖/μ, μ the smallest eigenvalue of (2/n)[x 1]ᵀ[x 1] = diag(2·mean x², 2) (x is centred).
        var mu = 2 * Enumerable.Range(0, data.RowCount).Average(i => data[i, 0] * data[i, 0]);
        Assert.Equal(exact.Coefficients[0], result.Model.Weights[0], result.GradientNorm / mu * (1 + 1e-9) + 1e-15 * unit);
        Assert.Equal(exact.Intercept, result.Model.Bias, result.GradientNorm / mu * (1 + 1e-9) + 1e-15 * unit);
        Assert.InRange(result.Model.Weights[0] / unit, 1.9, 2.1);
    }

    private static int Unit1Epochs => GradientDescent.Train(ModelKind.Linear, SmallUnits(1.0), new TrainingOptions()).Epochs;

    [Fact]
    public void ATooLargeStepThatKeepsTheLogLossAboveItsStartIsDivergence()
    {
        // η = 1000 throws the weights far past the minimiser each epoch: the log-loss jumps from log 2 to tens and
        // oscillates there without growing five epochs in a row, so only "above the start" catches it.
        var e = Assert.Throws<DivergenceException>(() =>
            GradientDescent.Train(ModelKind.Logistic, Overlapping, new TrainingOptions { LearningRate = 1000 }));
        Assert.InRange(e.Epoch, 1, 5);
        Assert.Contains("learning rate 1000", e.Message);
    }

    [Fact]
    public void TheSafeStepOnTheSameClassesConverges()
    {
        var result = GradientDescent.Train(ModelKind.Logistic, Overlapping, new TrainingOptions { MaxEpochs = 100_000 });
        Assert.True(result.Converged, result.ToString());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    public void AStepThatOverflowsIsDivergenceNotAnArithmeticError(double l1)
    {
        // η = 1e308 sends θ − η∇f past the largest double: the next loss is NaN, which the monitor reports (the soft
        // threshold once threw on the NaN first, through Math.Sign).
        var e = Assert.Throws<DivergenceException>(() => GradientDescent.Train(ModelKind.Linear, SmallUnits(1.0),
            new TrainingOptions { LearningRate = 1e308, Penalty = new Penalty(l1: l1) }));
        Assert.InRange(e.Epoch, 1, 5);
    }
}
