using TensorLinear.Autograd.Softmax;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Softmax;
using TensorLinear.Softmax;
using TensorLinear.Tests.Shared;
using TensorLinear.Training;
using TensorLinear.Verification.Catalog;
using TensorLinear.Verification.Tolerances;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.Softmax;

// The softmax fits on both engines' mathematics: the hand-derived derivatives and libtorch's autograd must give the
// same estimate within a bound derived from the gradients' error bounds and the Hessian's conditioning.
public sealed class SoftmaxEngineTests(ITestOutputHelper output)
{
    private static readonly DataSet Data = ThreeClasses.Noisy(90, seed: 11);

    [Theory]
    [InlineData(20, 1)] // what the whole catalog's runs use
    [InlineData(60, 3)]
    public void TheShippedSoftmaxEntryPassesEveryCheck(int cases, int seed)
    {
        var report = Verifier.Run([DerivationCatalog.Get(EntryNames.SoftmaxRegression)], cases, seed);
        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void NewtonOnBothEnginesGivesOneEstimateWithinTheDerivedBound()
    {
        var reference = SoftmaxNewton.Fit(Data, 3);
        var torch = SoftmaxNewton.Fit(Data, 3, engine: TorchSoftmaxEngine.Instance);
        Assert.True(reference.Converged && torch.Converged);
        Assert.Equal("torch", torch.Engine);

        // At the two end points each engine's gradient is 0 to its rounding, so the exact gradient is within that engine's
        // bound g_e of 0 at its end point; ‖θ_a − θ_b‖ ≤ ‖H⁻¹‖₂·(‖g_a‖ + ‖g_b‖), with ‖H⁻¹‖₂ ≤ n·trace(Cov) from the covariance
        // (n·H)⁻¹, and a factor 2 for the curvature changing between the two points (they are 1e-12 apart).
        var bound = Bound(reference) + Bound(torch);
        var a = reference.Model.ToParameterVector();
        var b = torch.Model.ToParameterVector();
        var difference = Math.Sqrt(a.Select((v, j) => (v - b[j]) * (v - b[j])).Sum());
        output.WriteLine($"reference θ = [{string.Join(", ", a.Select(v => v.ToString("R")))}], {reference.Iterations} steps");
        output.WriteLine($"torch     θ = [{string.Join(", ", b.Select(v => v.ToString("R")))}], {torch.Iterations} steps");
        output.WriteLine($"‖θ_reference − θ_torch‖ = {difference:G3}, bound {bound:G3}");
        Assert.InRange(difference, 0, bound);
        for (var j = 0; j < a.Length; j++)
            Assert.Equal(reference.StandardErrors[j], torch.StandardErrors[j], 1e-9 * reference.StandardErrors[j]);
    }

    [Fact]
    public void GradientDescentOnTheTorchEngineReachesNewtonsEstimate()
    {
        var newton = SoftmaxNewton.Fit(Data, 3);
        var descent = SoftmaxDescent.Fit(Data, 3, new TrainingOptions { MaxEpochs = 100_000, Tolerance = 1e-10 }, TorchSoftmaxEngine.Instance);
        Assert.True(descent.Converged);
        // ‖∇L‖ ≤ 1e-10·‖∇L(0)‖ at the end, and ‖θ − θ*‖ ≤ ‖∇L‖/μ with μ ≥ 1/(n·trace(Cov)) the Hessian's smallest eigenvalue.
        var mu = 1.0 / (Data.RowCount * newton.StandardErrors.Sum(s => s * s));
        var start = SoftmaxRegression.Gradient(Data, SoftmaxModel.Zero(3, 2));
        var allowed = 1e-10 * Math.Sqrt(start.Sum(g => g * g)) / mu;
        var a = descent.Model.ToParameterVector();
        var b = newton.Model.ToParameterVector();
        var difference = Math.Sqrt(a.Select((v, j) => (v - b[j]) * (v - b[j])).Sum());
        output.WriteLine($"descent: {descent.Iterations} epochs at η = {descent.LearningRate:G4}; ‖θ_gd − θ_newton‖ = {difference:G3}, allowed {allowed:G3}");
        Assert.InRange(difference, 0, 2 * allowed);
    }

    [Fact]
    public void TheTorchEngineRefusesWhatTheReferenceRefuses()
    {
        var bad = DataSet.FromRows([[0], [1]], [0, 3]);
        var model = SoftmaxModel.Zero(3, 1);
        Assert.Throws<OutOfDomainException>(() => ReferenceSoftmaxEngine.Instance.Loss(bad, model, Penalty.None));
        Assert.Throws<OutOfDomainException>(() => TorchSoftmaxEngine.Instance.Loss(bad, model, Penalty.None));
        Assert.Throws<DimensionMismatchException>(() => TorchSoftmaxEngine.Instance.Gradient(bad, SoftmaxModel.Zero(3, 2), Penalty.None));
        var separated = DataSet.FromRows([[-3], [-2], [0], [0.5], [3], [4]], [0, 0, 1, 1, 2, 2]);
        Assert.Throws<SeparatedClassesException>(() => SoftmaxNewton.Fit(separated, 3, engine: TorchSoftmaxEngine.Instance));
    }

    // 2·‖H⁻¹‖₂·‖g‖ with ‖g‖ the gradient's rounding bound at the end point (TolerancePolicy.SoftmaxGradient).
    private static double Bound(SoftmaxFit fit)
    {
        var theta = fit.Model.ToParameterVector();
        var g = TolerancePolicy.SoftmaxGradient(Data, 3, theta, Penalty.None);
        var inverseNorm = Data.RowCount * fit.StandardErrors.Sum(s => s * s);
        return 2 * inverseNorm * Math.Sqrt(g.Sum(b => b.Value * b.Value));
    }
}
