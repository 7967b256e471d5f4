using TensorLinear.Autograd;
using TensorLinear.Autograd.Models;
using TensorLinear.Numerics;
using TensorLinear.Reference.Models;
using TensorLinear.Reference.Training;
using TensorLinear.Tests.Shared;

namespace TensorLinear.Verification.Tests.Training;

// Issue 16: on scikit-learn's diabetes data made binary, Newton–Raphson stopped 1.3e-8 (relative, per coordinate)
// from the MLE with the default tolerance, since the step at which λ²/2 ≤ 1e-10 was its last; and with --tol 0 it ran
// to the iteration limit. One more full step after the test passes reaches the MLE to rounding, on both engines.
public sealed class NewtonToRoundingTests
{
    public NewtonToRoundingTests() => Torch.Initialize();

    private static readonly Lazy<DoubleDouble[]> Mle = new(() => DoubleDoubleNewton.Fit(DataFiles.DiabetesBinary, DiabetesLogit.Mle));

    public static TheoryData<string, double> EnginesAndTolerances() => new()
    {
        { "reference", 1e-10 }, { "reference", 0.0 }, { "reference", 1e-6 },
        { "torch", 1e-10 }, { "torch", 0.0 }, { "torch", 1e-6 },
    };

    private static ILinearModelEngine Engine(string name) => name == "torch" ? TorchEngine.Instance : new ReferenceEngine();

    [Fact]
    public void TheDoubleDoubleOracleAgreesWithMpmathToTheRoundingOfADouble()
    {
        // mpmath's 40-digit estimate is stored rounded to doubles: the oracle's leading parts must round to it.
        var mle = Mle.Value;
        for (var j = 0; j < mle.Length; j++)
            Assert.True(Math.Abs(mle[j].Hi - DiabetesLogit.Mle[j]) <= FloatingPoint.UnitRoundoff * Math.Abs(DiabetesLogit.Mle[j]),
                $"θ[{j}]: double-double {mle[j]} against mpmath {DiabetesLogit.Mle[j]:R}");
    }

    [Theory]
    [MemberData(nameof(EnginesAndTolerances))]
    public void NewtonReachesTheMleToRoundingAndSaysItConverged(string engine, double tolerance)
    {
        var result = NewtonRaphson.Fit(DataFiles.DiabetesBinary, new NewtonOptions { Tolerance = tolerance }, Engine(engine));

        Assert.Equal(NewtonStopReason.Converged, result.StopReason);
        var theta = result.Model.ToParameterVector();
        var mle = Mle.Value;
        var scale = mle.Max(m => Math.Abs(m.Hi));
        var distance = theta.Select((t, j) => Math.Abs((double)(t - mle[j]))).Max() / scale;
        Assert.True(distance <= 1e-12, $"{engine}, tol {tolerance}: ‖θ − θ*‖∞/‖θ*‖∞ = {distance:E2} after {result.Iterations} steps");
        // A handful of quadratic steps, not the 100 of the limit.
        Assert.InRange(result.Iterations, 3, 10);
    }

    [Theory]
    [InlineData("reference")]
    [InlineData("torch")]
    public void OnWeightedDataNewtonReachesTheWeightedMleOnBothEngines(string engine)
    {
        // mpmath's 40-digit weighted MLE (scripts/inference/weighted_values.py), stored rounded to doubles: within the
        // same 1e-12 as the unweighted fit, and the two engines within that of each other.
        var result = NewtonRaphson.Fit(DataFiles.DiabetesBinaryWeighted, engine: Engine(engine));

        Assert.Equal(NewtonStopReason.Converged, result.StopReason);
        var theta = result.Model.ToParameterVector();
        var scale = DiabetesWeightedLogit.Mle.Max(Math.Abs);
        var distance = theta.Select((t, j) => Math.Abs(t - DiabetesWeightedLogit.Mle[j])).Max() / scale;
        Assert.True(distance <= 1e-12, $"{engine}: ‖θ − θ*‖∞/‖θ*‖∞ = {distance:E2} after {result.Iterations} steps");
    }
}
