using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using TensorLinear.Reference.LeastSquares;
using TensorLinear.Reference.Models;
using TensorLinear.Reference.Training;
using TensorLinear.Training;

namespace TensorLinear.Reference.Tests.Training;

public class GradientDescentTests
{
    // A design built so everything is known by hand: x₁ = (1, −1, …) and x₂ = ½(1, 1, −1, −1, …) are centred and
    // orthogonal with ‖x₁‖² = 8, ‖x₂‖² = 2, n = 8. So the MSE Hessian (2/n)[X 1]ᵀ[X 1] = diag(2, ½, 2): L = 2, μ = ½,
    // and each coefficient decouples: wⱼ = xⱼᵀy/‖xⱼ‖², b = ȳ. With y = (3, 1, 4, 1, 5, 9, 2, 6): x₁ᵀy = −3, x₂ᵀy = 2.5,
    // ȳ = 31/8, so w = (−0.375, 1.25), b = 3.875.
    private static readonly DataSet Orthogonal = DataSet.FromRows(
        [[1, 0.5], [-1, 0.5], [1, -0.5], [-1, -0.5], [1, 0.5], [-1, 0.5], [1, -0.5], [-1, -0.5]],
        [3, 1, 4, 1, 5, 9, 2, 6]);

    private const double Mu = 0.5, L = 2.0;

    // Stopping rule ‖∇f(θₖ)‖ ≤ τ‖∇f(θ₀)‖, relative to the start. From θ₀ = 0 the MSE gradient is
    // ∇f(0) = −(2/n)(Xᵀy, Σy) = −¼(−3, 2.5, 31), so ‖∇f(θ₀)‖ = ¼√976.25 ≈ 7.81 (the proximal mapping's, under L1, is no
    // larger). f is μ-strongly convex, so ‖θₖ − θ*‖ ≤ ‖∇f(θₖ)‖/μ ≤ τ‖∇f(θ₀)‖/μ ≈ 1.6e-10 at the stop. τ‖∇f(θ₀)‖ sits
    // well above the gradient's rounding floor (about u·Σ|terms| ≈ 1e-15 here).
    private const double Tau = 1e-11;
    private static readonly double StartGradientNorm = Math.Sqrt(976.25) / 4;
    private static readonly double DistanceBound = Tau * StartGradientNorm / Mu + 1e-14; // + the QR solution's own rounding

    private static readonly TrainingOptions Converge = new() { Tolerance = Tau, MaxEpochs = 10_000 };

    [Fact]
    public void OnWellConditionedDataDescentConvergesToTheQrSolution()
    {
        var result = GradientDescent.Train(ModelKind.Linear, Orthogonal, Converge);
        var exact = OrdinaryLeastSquares.Fit(Orthogonal);

        Assert.True(result.Converged);
        Assert.Equal(exact.Coefficients[0], result.Model.Weights[0], DistanceBound);
        Assert.Equal(exact.Coefficients[1], result.Model.Weights[1], DistanceBound);
        Assert.Equal(exact.Intercept, result.Model.Bias, DistanceBound);
        Assert.Equal(-0.375, result.Model.Weights[0], DistanceBound); // and the hand values
        Assert.Equal(1.25, result.Model.Weights[1], DistanceBound);
        Assert.Equal(3.875, result.Model.Bias, DistanceBound);
        // With η = 1/L the error shrinks by (1 − μ/L) = ¾ per epoch, and ‖∇f(θₖ)‖ ≤ L‖θₖ − θ*‖ ≤ L·(¾)ᵏ‖θ* − 0‖ with
        // ‖θ*‖ = ‖(−0.375, 1.25, 3.875)‖ ≈ 4.09, which is ≤ τ‖∇f(θ₀)‖ once k ≥ log(τ·7.81/(2·4.09))/log(¾) ≈ 88.2.
        Assert.InRange(result.Epochs, 1, 89);
        Assert.True(result.GradientNorm <= Tau * StartGradientNorm * (1 + 1e-12));
    }

    [Fact]
    public void WithTheSafeStepTheLossNeverRises()
    {
        // η ≤ 1/L gives f(θ − η∇f) ≤ f(θ) − (η/2)‖∇f‖² (the descent lemma).
        var result = GradientDescent.Train(ModelKind.Linear, Orthogonal, Converge);
        Assert.Equal(0.5, result.LearningRate, 1e-12); // 1/L, L from power iteration to its relative tolerance 1e-12
        // Near the minimum the decrease (η/2)‖∇f‖² falls below the rounding of f itself (a few u·f: the loss is a sum of
        // n = 8 squares), so allow that much.
        for (var k = 1; k < result.LossHistory.Length; k++)
            Assert.True(result.LossHistory[k] <= result.LossHistory[k - 1] * (1 + 8 * FloatingPoint.Epsilon), $"epoch {k}: {result.LossHistory[k]:R} after {result.LossHistory[k - 1]:R}");
        Assert.Equal(result.Epochs + 1, result.LossHistory.Length);
    }

    [Fact]
    public void ARidgePenaltyShrinksEachWeightToXTransposeYOverNormSquaredPlusNLambda()
    {
        // Setting (2/n)(‖xⱼ‖²wⱼ − xⱼᵀy) + 2λ₂wⱼ = 0 gives wⱼ = xⱼᵀy/(‖xⱼ‖² + nλ₂); λ₂ = ¼ makes nλ₂ = 2. The bias is not
        // penalised: b = ȳ. μ = ½ + 2λ₂ = 1 now and ∇f(0) is as without the penalty, so the bound is within DistanceBound.
        var result = GradientDescent.Train(ModelKind.Linear, Orthogonal, Converge with { Penalty = new Penalty(l2: 0.25) });
        Assert.Equal(-3.0 / 10, result.Model.Weights[0], DistanceBound);
        Assert.Equal(2.5 / 4, result.Model.Weights[1], DistanceBound);
        Assert.Equal(3.875, result.Model.Bias, DistanceBound);
    }

    [Fact]
    public void ALassoPenaltySoftThresholdsEachWeightAndSetsSmallOnesExactlyToZero()
    {
        // Per coordinate the objective is (1/n)(‖xⱼ‖²wⱼ² − 2wⱼxⱼᵀy) + λ₁|wⱼ| + const, minimised by
        // wⱼ = S(xⱼᵀy, nλ₁/2)/‖xⱼ‖² with S(v, t) = sign(v)·max(|v| − t, 0). λ₁ = 0.7 gives t = 2.8:
        // w₁ = S(−3, 2.8)/8 = −0.025 and w₂ = S(2.5, 2.8)/2 = 0.
        var result = GradientDescent.Train(ModelKind.Linear, Orthogonal, Converge with { Penalty = new Penalty(l1: 0.7) });
        Assert.True(result.Converged);
        Assert.Equal(-0.025, result.Model.Weights[0], DistanceBound);
        Assert.Equal(0.0, result.Model.Weights[1]); // the proximal step lands exactly on 0
        Assert.Equal(3.875, result.Model.Bias, DistanceBound);
    }

    [Fact]
    public void WithoutAnInterceptTheBiasKeepsItsStartValueAndTheWeightsStillConverge()
    {
        // Centred columns are orthogonal to the constant 0.7, so the weights are as before: xⱼᵀ(y − 0.7)/‖xⱼ‖² = xⱼᵀy/‖xⱼ‖².
        var start = new LinearModel([0.0, 0.0], 0.7);
        var result = GradientDescent.Train(ModelKind.Linear, Orthogonal, Converge with { FitIntercept = false }, start);
        Assert.True(result.Converged);
        Assert.Equal(0.7, result.Model.Bias);
        Assert.Equal(-0.375, result.Model.Weights[0], DistanceBound);
        Assert.Equal(1.25, result.Model.Weights[1], DistanceBound);
    }

    [Fact]
    public void WithoutAnInterceptFromZeroDescentMatchesTheQrFitThroughTheOrigin()
    {
        // Rows (1, 2), (2, 1), (3, 3), (1, 0): not centred, so the fit through the origin differs from the one with an
        // intercept. The ground truth is QR without an intercept; μ here is the smallest eigenvalue of (2/n)XᵀX =
        // ½[[15, 13], [13, 14]], (29 − √677)/4 ≈ 0.745; ‖∇f(0)‖ = (2/n)‖Xᵀy‖ = ½‖(41, 41)‖ ≈ 29.0, so
        // τ‖∇f(0)‖/μ < 4e-10.
        var data = DataSet.FromRows([[1, 2], [2, 1], [3, 3], [1, 0]], [5, 4, 9, 1]);
        var result = GradientDescent.Train(ModelKind.Linear, data, Converge with { FitIntercept = false });
        var exact = OrdinaryLeastSquares.Fit(data, fitIntercept: false);
        Assert.Equal(0.0, result.Model.Bias);
        Assert.Equal(exact.Coefficients[0], result.Model.Weights[0], 4e-10);
        Assert.Equal(exact.Coefficients[1], result.Model.Weights[1], 4e-10);
    }

    [Fact]
    public void LogisticDescentSeparatesTheSixPoints()
    {
        // (5,5), (6,6), (7,4) in class 1 and (2,4), (3,2), (5,1) in class 0: separable (x₁ + x₂ = 8.5 splits them), so
        // the log-loss has no minimiser and descent runs to the epoch limit with ‖w‖ growing; what it must get right is
        // every class.
        var data = DataSet.FromRows([[5, 5], [6, 6], [7, 4], [2, 4], [3, 2], [5, 1]], [1, 1, 1, 0, 0, 0]);
        var result = GradientDescent.Train(ModelKind.Logistic, data, new TrainingOptions());
        Assert.Equal(data.TargetArray(), LogisticRegression.Classify(data, result.Model));
        Assert.True(result.FinalLoss < result.LossHistory[0]);
    }

    [Fact]
    public void ALearningRateWellAboveTwoOverLDivergesAndTheMessageStatesTheRateAndTheBound()
    {
        // x = (1, −1): [X 1]ᵀ[X 1] = 2I and the MSE Hessian is (2/2)·2I = 2I, so L = 2 and 2/L = 1. A step of 10
        // multiplies the error by |1 − 10·2| = 19 each epoch.
        var data = DataSet.FromRows([[1.0], [-1.0]], [1.0, 2.0]);
        var e = Assert.Throws<DivergenceException>(() =>
            GradientDescent.Train(ModelKind.Linear, data, new TrainingOptions { LearningRate = 10.0 }));
        Assert.Equal(10.0, e.LearningRate);
        Assert.Equal(1.0, e.DivergenceBound!.Value, 1e-12);
        Assert.Contains("learning rate 10", e.Message);
        Assert.Contains(FormattableString.Invariant($"2/L = {e.DivergenceBound.Value:R}"), e.Message);
    }

    [Fact]
    public void ProgressIsReportedAfterEveryEpoch()
    {
        var progress = new Recorder();
        var result = GradientDescent.Train(ModelKind.Linear, Orthogonal, new TrainingOptions { MaxEpochs = 4, Tolerance = 0.0 }, progress: progress);
        Assert.Equal([1, 2, 3, 4], progress.Reports.Select(r => r.Epoch));
        Assert.Equal(result.LossHistory.Skip(1), progress.Reports.Select(r => r.Loss));
    }

    [Fact]
    public void ZeroEpochsReturnsTheStartModel()
    {
        var start = new LinearModel([1.0, 2.0], 3.0);
        var result = GradientDescent.Train(ModelKind.Linear, Orthogonal, new TrainingOptions { MaxEpochs = 0 }, start);
        Assert.Equal(start, result.Model);
        Assert.Equal(0, result.Epochs);
        Assert.Single(result.LossHistory);
    }

    [Fact]
    public void AStartModelWithTheWrongNumberOfWeightsIsRejectedNamingIt() =>
        Assert.Equal("start", Assert.Throws<DimensionMismatchException>(() =>
            GradientDescent.Train(ModelKind.Linear, Orthogonal, new TrainingOptions(), LinearModel.Zero(3))).ArgumentName);

    [Fact]
    public void LogisticTrainingRejectsLabelsThatAreNotZeroOrOne() =>
        Assert.Equal("data", Assert.Throws<OutOfDomainException>(() =>
            GradientDescent.Train(ModelKind.Logistic, Orthogonal, new TrainingOptions())).ArgumentName);

    [Fact]
    public void OptionsOutOfRangeAreRejectedNamingTheOption() =>
        Assert.Equal("LearningRate", Assert.Throws<OutOfDomainException>(() =>
            GradientDescent.Train(ModelKind.Linear, Orthogonal, new TrainingOptions { LearningRate = -0.1 })).ArgumentName);

    [Fact]
    public void AllZeroFeaturesWithAFixedInterceptLeaveNothingToTrain() =>
        Assert.Throws<DegenerateInputException>(() =>
            GradientDescent.Train(ModelKind.Linear, DataSet.FromRows([[0.0], [0.0]], [1.0, 2.0]), new TrainingOptions { FitIntercept = false }));

    private sealed class Recorder : IProgress<EpochProgress>
    {
        public List<EpochProgress> Reports { get; } = [];
        public void Report(EpochProgress value) => Reports.Add(value);
    }
}
