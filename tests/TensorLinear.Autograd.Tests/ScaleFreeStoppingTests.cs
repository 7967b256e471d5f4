using TensorLinear.Autograd.Models;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Training;

namespace TensorLinear.Autograd.Tests;

// libtorch's descent, on both training paths, stops and diverges by the same relative tests as the reference's: data
// in small units do not stop at once as "converged", and a step that keeps the log-loss above its start diverges.
public sealed class ScaleFreeStoppingTests
{
    public ScaleFreeStoppingTests() => Torch.Initialize();

    public static TheoryData<string, double> Paths() => new()
    {
        { "autograd", 1e-5 }, { "autograd", 1.0 }, { "autograd", 1e5 },
        { "one-pass", 1e-5 }, { "one-pass", 1.0 }, { "one-pass", 1e5 },
    };

    private static TorchEngine Engine(string path) =>
        path == "one-pass" ? new TorchEngine(new TorchEngineOptions { TrainingPath = TrainingPath.OnePass }) : TorchEngine.Instance;

    // y = (2x + 1 + noise)·unit on 20 points x ∈ [−1, 1], centred, so that w = xᵀy/xᵀx and b = ȳ exactly.
    private static (DataSet Data, double Slope, double Intercept) SmallUnits(double unit)
    {
        var xs = Enumerable.Range(0, 20).Select(i => -1 + 2.0 * i / 19).ToArray();
        var ys = xs.Select((x, i) => (2 * x + 1 + 0.1 * Math.Sin(i)) * unit).ToArray();
        var slope = xs.Zip(ys, (x, y) => x * y).Sum() / xs.Sum(x => x * x);
        return (DataSet.FromRows([.. xs.Select(x => new[] { x })], ys), slope, ys.Average());
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void DataInSmallOrLargeUnitsConvergeToTheClosedFormInTheSameEpochs(string path, double unit)
    {
        var (data, slope, intercept) = SmallUnits(unit);
        var result = Engine(path).Train(ModelKind.Linear, data, new TrainingOptions());
        var unit1 = Engine(path).Train(ModelKind.Linear, SmallUnits(1.0).Data, new TrainingOptions());
        Assert.True(result.Converged, result.ToString());
        // Every iterate is linear in y from θ₀ = 0: the same epochs in any unit, but for rounding at the threshold.
        Assert.InRange(result.Epochs, unit1.Epochs - 1, unit1.Epochs + 1);
        // ‖θ − θ*‖ ≤ ‖∇f(θ)‖/μ with μ = min(2·mean x², 2) for the centred design.
        var mu = Math.Min(2 * Enumerable.Range(0, data.RowCount).Average(i => data[i, 0] * data[i, 0]), 2.0);
        var bound = result.GradientNorm / mu * (1 + 1e-9) + 1e-15 * unit;
        Assert.Equal(slope, result.Model.Weights[0], bound);
        Assert.Equal(intercept, result.Model.Bias, bound);
    }

    [Theory]
    [InlineData("autograd")]
    [InlineData("one-pass")]
    public void ATooLargeStepThatKeepsTheLogLossAboveItsStartIsDivergence(string path)
    {
        var data = DataSet.FromRows([[0.5], [1.0], [1.5], [2.0], [2.5], [3.0], [3.5], [4.0], [4.5], [5.0]], [0, 0, 0, 1, 0, 1, 0, 1, 1, 1]);
        var e = Assert.Throws<DivergenceException>(() => Engine(path).Train(ModelKind.Logistic, data, new TrainingOptions { LearningRate = 1000 }));
        Assert.InRange(e.Epoch, 1, 5);
    }

    [Theory]
    [InlineData("autograd", 0.0)]
    [InlineData("one-pass", 0.0)]
    [InlineData("autograd", 0.1)]
    [InlineData("one-pass", 0.1)]
    public void AStepThatOverflowsIsDivergence(string path, double l1)
    {
        var e = Assert.Throws<DivergenceException>(() => Engine(path).Train(ModelKind.Linear, SmallUnits(1.0).Data,
            new TrainingOptions { LearningRate = 1e308, Penalty = new Penalty(l1: l1) }));
        Assert.InRange(e.Epoch, 1, 5);
    }
}
