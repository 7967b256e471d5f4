using TensorLinear.Autograd.MaxMargin;
using TensorLinear.Data;
using TensorLinear.MaxMargin;
using TensorLinear.Reference.MaxMargin;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.MaxMargin;

// The same dual method on both engines' mathematics: the reference's loops and libtorch's autograd must give the same
// line within the bound EngineAgreement derives from the active set's conditioning.
public sealed class MaxMarginEngineTests(ITestOutputHelper output)
{
    // The seed's six points, label 2 → +1 and label 1 → −1 (the CLI's mapping). By hand (see the Reference tests'
    // SeedPoints): w = −(1, 1)/2, b = 4, margin √2, support vectors 0, 1, 5.
    private static readonly DataSet Seed = DataSet.FromRows([[5, 5], [2, 4], [6, 6], [3, 2], [7, 4], [5, 1]], [-1, 1, -1, 1, -1, 1]);

    private static readonly DataSet Overlapping = DataSet.FromRows(
        [[5, 5], [2, 4], [6, 6], [3, 2], [7, 4], [5, 1], [3, 3]], [-1, 1, -1, 1, -1, 1, -1]);

    [Fact]
    public void BothEnginesGiveTheSeedsHandDerivedLineAndAgreeWithinTheDerivedBound()
    {
        var reference = MaxMarginSolver.FitHardMargin(Seed);
        using var dual = new TorchMarginDual(Seed);
        var torch = MaxMarginSolver.FitHardMargin(Seed, dual);
        foreach (var fit in new[] { reference, torch })
        {
            output.WriteLine($"{fit.Engine}: w = [{string.Join(", ", fit.Model.Weights.Select(v => v.ToString("R")))}], b = {fit.Model.Bias:R}, margin = {fit.Margin:R}, SVs = [{string.Join(", ", fit.SupportVectors)}], κ = {fit.ConditionNumber:G3}, KKT largest = {fit.Kkt.Largest:G3}, iterations = {fit.Iterations}");
            Assert.True(fit.Polished);
            Assert.Equal(-0.5, fit.Model.Weights[0], 1e-14);
            Assert.Equal(-0.5, fit.Model.Weights[1], 1e-14);
            Assert.Equal(4.0, fit.Model.Bias, 1e-13);
            Assert.Equal(Math.Sqrt(2.0), fit.Margin, 1e-14);
            Assert.Equal([0, 1, 5], fit.SupportVectors.ToArray());
            Assert.InRange(fit.Kkt.Largest, 0.0, 1e-14);
        }
        Assert.Equal("torch", torch.Engine);
        var agreement = EngineAgreement.Of(reference, torch);
        output.WriteLine($"agreement: difference {agreement.Difference:G3}, bound {agreement.Bound:G3}");
        Assert.True(agreement.Agrees, $"{agreement}");
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(100.0)]
    public void BothEnginesAgreeOnTheSoftMargin(double c)
    {
        var reference = MaxMarginSolver.FitSoftMargin(Overlapping, c);
        using var dual = new TorchMarginDual(Overlapping);
        var torch = MaxMarginSolver.FitSoftMargin(Overlapping, c, dual);
        var agreement = EngineAgreement.Of(reference, torch);
        output.WriteLine($"C = {c}: difference {agreement.Difference:G3}, bound {agreement.Bound:G3}; KKT {reference.Kkt.Largest:G3} / {torch.Kkt.Largest:G3}");
        Assert.True(agreement.Agrees, $"{agreement}");
        Assert.InRange(torch.Kkt.Largest, 0.0, 1e-12);
        // The torch fit's objective, by the tensor twin of the objective, equals the reference's to rounding.
        Assert.Equal(reference.Kkt.PrimalObjective, torch.Kkt.PrimalObjective, 1e-12 * reference.Kkt.PrimalObjective);
    }

    [Fact]
    public void BothEnginesRefuseTheSameBadData()
    {
        Assert.Throws<NotSeparableException>(() => MaxMarginSolver.FitHardMargin(Overlapping));
        using (var dual = new TorchMarginDual(Overlapping))
            Assert.Throws<NotSeparableException>(() => MaxMarginSolver.FitHardMargin(Overlapping, dual));
        var oneClass = DataSet.FromRows([[1, 2], [3, 4]], [1, 1]);
        Assert.Throws<DegenerateInputException>(() => new TorchMarginDual(oneClass));
        Assert.Throws<DegenerateInputException>(() => new ReferenceMarginDual(oneClass));
    }
}
