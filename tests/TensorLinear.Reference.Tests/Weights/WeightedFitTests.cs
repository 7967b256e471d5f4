using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Inference;
using TensorLinear.Reference.LeastSquares;
using TensorLinear.Reference.MaxMargin;
using TensorLinear.Reference.Models;
using TensorLinear.Reference.Softmax;
using TensorLinear.Reference.Training;
using TensorLinear.Training;

namespace TensorLinear.Reference.Tests.Weights;

/// <summary>Sample weights by hand, against repeated rows, and against the unweighted code path.</summary>
public class WeightedFitTests
{
    // x = (0, 1, 2), y = (0, 1, 3), ω = (1, 1, 2), worked by hand: Σω = 4, x̄_ω = 5/4, ȳ_ω = 7/4, Sxx = Σω(x − x̄)² = 11/4,
    // Sxy = 17/4, so b = 17/11 and a = ȳ − b·x̄ = −2/11. The residuals (2, −4, 1)/11 give RSS_ω = Σωe² = 2/11 (and
    // Σωe = Σωxe = 0), σ̂² = RSS_ω/(n − p) = 2/11, SE(b)² = σ̂²/Sxx = 8/121, TSS_ω = Σω(y − ȳ)² = 27/4 and
    // R² = 1 − RSS/TSS = 289/297.
    private static readonly DataSet ByHand = DataSet.FromRows([[0], [1], [2]], [0, 1, 3]).WithSampleWeights([1, 1, 2]);

    [Fact]
    public void WeightedLeastSquaresOnThreePointsIsTheHandSolution()
    {
        var fit = OrdinaryLeastSquares.Fit(ByHand);

        Assert.Equal(17.0 / 11, fit.Coefficients[0], 1e-15);
        Assert.Equal(-2.0 / 11, fit.Intercept, 1e-15);
        Assert.Equal(2.0 / 11, fit.ResidualSumOfSquares, 1e-15);
        Assert.Equal(Math.Sqrt(8) / 11, fit.StandardErrors[0], 1e-15);
        Assert.Equal(289.0 / 297, fit.RSquared!.Value, 1e-15);
        var inference = LinearInference.Of(ByHand, fit.Model);
        Assert.Equal(289.0 / 297, inference.Statistics.RSquared!.Value, 1e-15);
        Assert.Equal(27.0 / 4, inference.Statistics.NullDeviance, 1e-14);
    }

    [Fact]
    public void TheWeightedMeanLossAndItsGradientAreTheHandOnes()
    {
        // At (b, a) the loss is RSS_ω/Σω = (2/11)/4 = 1/22. At 0 the gradient (2/Σω)Σω(z − y)(x, 1) is
        // −½(Σωxy, Σωy) = −½(13, 7).
        var solution = new LinearModel([17.0 / 11], -2.0 / 11);
        Assert.Equal(1.0 / 22, LinearRegression.Loss(ByHand, solution), 1e-16);
        Assert.Equal([-6.5, -3.5], LinearRegression.Gradient(ByHand, LinearModel.Zero(1)).ToParameterVector());
        // The logistic loss at 0 is ln 2 whatever the weights; its gradient (1/Σω)Σω(½ − y)(x, 1) on labels (0, 1, 1):
        // (0·½ + 1·(−½) + 2·2·(−½), ½ − ½ − 2·½)/4 = (−5/2, −1)/4.
        var labels = ByHand.WithTargets([0, 1, 1]);
        Assert.Equal(Math.Log(2), LogisticRegression.Loss(labels, LinearModel.Zero(1)), 1e-16);
        Assert.Equal([-0.625, -0.25], LogisticRegression.Gradient(labels, LinearModel.Zero(1)).ToParameterVector());
    }

    // Integer weights k against the rows repeated k times: the same weighted mean loss, so the same estimate.
    private static (DataSet Weighted, DataSet Repeated) WeightsAndRepeats(int seed, bool labels)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, 25).Select(_ => new[] { random.NextDouble() * 4 - 2, random.NextDouble() * 2 }).ToArray();
        var targets = rows.Select(r => labels ? (r[0] + 0.5 * r[1] + random.NextDouble() * 2 - 1 > 0.3 ? 1.0 : 0.0) : 1 + 2 * r[0] - r[1] + random.NextDouble()).ToArray();
        var counts = rows.Select(_ => (double)random.Next(1, 4)).ToArray();
        var repeated = Enumerable.Range(0, rows.Length).SelectMany(i => Enumerable.Repeat(i, (int)counts[i])).ToArray();
        return (DataSet.FromRows(rows, targets).WithSampleWeights(counts),
                DataSet.FromRows([.. repeated.Select(i => rows[i])], [.. repeated.Select(i => targets[i])]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AWeightOfKIsKCopiesOfTheRow(int seed)
    {
        var (weighted, repeated) = WeightsAndRepeats(seed, labels: false);
        var model = new LinearModel([0.3, -1.2], 0.7);
        Assert.Equal(LinearRegression.Loss(repeated, model), LinearRegression.Loss(weighted, model), 1e-14);
        var a = LinearRegression.Hessian(weighted, model);
        var b = LinearRegression.Hessian(repeated, model);
        for (var j = 0; j < 3; j++)
            for (var k = 0; k < 3; k++) Assert.Equal(b[j, k], a[j, k], 1e-14);

        var wls = OrdinaryLeastSquares.Fit(weighted);
        var ols = OrdinaryLeastSquares.Fit(repeated);
        for (var j = 0; j < 2; j++) Assert.Equal(ols.Coefficients[j], wls.Coefficients[j], 1e-12);
        // Precision weights keep n the rows, so σ̂² divides the same RSS by n − p, not N − p: SE_ω/SE_rep = √((N − p)/(n − p)).
        var ratio = Math.Sqrt((repeated.RowCount - 3.0) / (weighted.RowCount - 3.0));
        for (var j = 0; j < 2; j++) Assert.Equal(ols.StandardErrors[j] * ratio, wls.StandardErrors[j], 1e-12);

        var (wl, rl) = WeightsAndRepeats(seed, labels: true);
        var logistic = NewtonRaphson.Fit(wl);
        var copies = NewtonRaphson.Fit(rl);
        Assert.True(logistic.Converged);
        var theta = logistic.Model.ToParameterVector();
        var expected = copies.Model.ToParameterVector();
        for (var j = 0; j < 3; j++) Assert.Equal(expected[j], theta[j], 1e-10);
        // The binomial likelihood has no scale to estimate: the weighted information Σωᵢpᵢ(1 − pᵢ)aᵢaᵢᵀ is the repeated one.
        for (var j = 0; j < 2; j++) Assert.Equal(copies.StandardErrors[j], logistic.StandardErrors[j], 1e-9);
        var weightedLikelihood = LogisticInference.Of(wl, logistic.Model).Statistics.LogLikelihood;
        Assert.Equal(LogisticInference.Of(rl, copies.Model).Statistics.LogLikelihood, weightedLikelihood, 1e-9);
    }

    [Fact]
    public void ASoftmaxWeightOfKIsKCopiesOfTheRow()
    {
        // Three classes, integer weights: the weighted softmax fit is the fit of the repeated rows, estimate and
        // standard errors both (the multinomial likelihood has no scale to estimate).
        var random = new Random(7);
        var rows = Enumerable.Range(0, 40).Select(_ => new[] { random.NextDouble() * 4 - 2, random.NextDouble() * 4 - 2 }).ToArray();
        var labels = rows.Select(r => (double)(r[0] + 0.5 * r[1] + random.NextDouble() * 6 - 3 > 0.5 ? 2 : r[0] - r[1] + random.NextDouble() * 6 - 3 > 0 ? 1 : 0)).ToArray();
        var counts = rows.Select(_ => (double)random.Next(1, 4)).ToArray();
        var repeated = Enumerable.Range(0, rows.Length).SelectMany(i => Enumerable.Repeat(i, (int)counts[i])).ToArray();
        var weighted = DataSet.FromRows(rows, labels).WithSampleWeights(counts);
        var copies = DataSet.FromRows([.. repeated.Select(i => rows[i])], [.. repeated.Select(i => labels[i])]);

        var a = SoftmaxNewton.Fit(weighted, 3);
        var b = SoftmaxNewton.Fit(copies, 3);
        Assert.True(a.Converged && b.Converged);
        var theta = a.Model.ToParameterVector();
        var expected = b.Model.ToParameterVector();
        for (var j = 0; j < theta.Length; j++) Assert.Equal(expected[j], theta[j], 1e-10);
        for (var j = 0; j < theta.Length; j++) Assert.Equal(b.StandardErrors[j], a.StandardErrors[j], 1e-9);
        // Descent on the weighted data reaches the same estimate: strong convexity gives ‖θ − θ*‖ ≤ ‖∇L(θ)‖/μ, μ the
        // Hessian's smallest eigenvalue, doubled for its change between θ and θ*.
        var descent = SoftmaxDescent.Fit(weighted, 3, new TrainingOptions { MaxEpochs = 100_000, Tolerance = 1e-8 });
        Assert.True(descent.Converged);
        var reached = descent.Model.ToParameterVector();
        var residual = Math.Sqrt(SoftmaxRegression.Gradient(weighted, descent.Model).Sum(g => g * g));
        var mu = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(SoftmaxRegression.Hessian(weighted, a.Model)).Evd().EigenValues.Min(e => e.Real);
        var distance = Math.Sqrt(theta.Select((t, j) => (t - reached[j]) * (t - reached[j])).Sum());
        Assert.True(distance <= 2 * residual / mu, $"‖θ − θ*‖ = {distance:E2} against 2‖∇L‖/μ = {2 * residual / mu:E2}");
    }

    [Fact]
    public void WeightsOfOneGiveTheUnweightedResultsToTheBit()
    {
        var (_, data) = WeightsAndRepeats(4, labels: true);
        var ones = data.WithSampleWeights([.. Enumerable.Repeat(1.0, data.RowCount)]);
        var model = new LinearModel([0.4, -0.9], 0.2);

        Assert.True(ones.IsWeighted);
        Assert.Equal(LogisticRegression.Loss(data, model), LogisticRegression.Loss(ones, model));
        Assert.Equal(LogisticRegression.Gradient(data, model).ToParameterVector(), LogisticRegression.Gradient(ones, model).ToParameterVector());
        Assert.Equal(LogisticRegression.Hessian(data, model), LogisticRegression.Hessian(ones, model));
        Assert.Equal(NewtonRaphson.Fit(data).Model, NewtonRaphson.Fit(ones).Model);
        Assert.Equal(OrdinaryLeastSquares.Fit(data).Coefficients.ToArray(), OrdinaryLeastSquares.Fit(ones).Coefficients.ToArray());
    }

    [Fact]
    public void EqualWeightsChangeNothing()
    {
        // WLS with every ωᵢ = c: the same estimate, errors and R² (σ̂² absorbs c), and the same ℓ: RSS_ω = c·RSS takes
        // (n/2)·ln c from it and ½Σ ln ωᵢ gives the same back.
        var (_, data) = WeightsAndRepeats(5, labels: false);
        var threes = data.WithSampleWeights([.. Enumerable.Repeat(3.0, data.RowCount)]);
        var plain = LinearInference.Of(data, OrdinaryLeastSquares.Fit(data).Model);
        var weighted = LinearInference.Of(threes, OrdinaryLeastSquares.Fit(threes).Model);

        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(plain.Coefficients.Coefficients[j].Estimate, weighted.Coefficients.Coefficients[j].Estimate, 1e-12);
            Assert.Equal(plain.Coefficients.Coefficients[j].StandardError, weighted.Coefficients.Coefficients[j].StandardError, 1e-12);
        }
        Assert.Equal(plain.Statistics.RSquared!.Value, weighted.Statistics.RSquared!.Value, 1e-14);
        Assert.Equal(plain.Statistics.LogLikelihood, weighted.Statistics.LogLikelihood, 1e-11);
    }

    [Theory]
    [InlineData(1e300)]
    [InlineData(1e-300)]
    public void WeightsOfAnyScaleGiveTheSameWeightedLeastSquares(double factor)
    {
        // WLS is unchanged by a common factor c of the weights but for RSS (times c); run on ω/2ᵏ, it stays in range
        // where the whitened rows √(cωᵢ)xᵢ and their squares would not.
        var (weighted, _) = WeightsAndRepeats(8, labels: false);
        var scaled = weighted.WithSampleWeights([.. weighted.SampleWeightArray().Select(w => w * factor)]);
        var a = LinearInference.Of(weighted, OrdinaryLeastSquares.Fit(weighted).Model);
        var fit = OrdinaryLeastSquares.Fit(scaled);
        var b = LinearInference.Of(scaled, fit.Model);

        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(a.Coefficients.Coefficients[j].Estimate, b.Coefficients.Coefficients[j].Estimate, 1e-12);
            Assert.Equal(a.Coefficients.Coefficients[j].StandardError, b.Coefficients.Coefficients[j].StandardError, 1e-12);
        }
        Assert.Equal(a.Statistics.RSquared!.Value, b.Statistics.RSquared!.Value, 1e-14);
        Assert.Equal(a.Statistics.LogLikelihood, b.Statistics.LogLikelihood, 1e-10);
        Assert.Equal(1.0, b.Statistics.Deviance / (factor * a.Statistics.Deviance), 1e-13);
        Assert.Equal(1.0, fit.ResidualSumOfSquares / (factor * a.Statistics.Deviance), 1e-13);
    }

    [Fact]
    public void ASumOfSquaresBeyondDoubleIsSaidToBeNotReturnedAsInfinity()
    {
        // Weights near 1e306: the fit and its RSS are still in range, but Σωᵢ(yᵢ − ȳ)² is about 1e308 and is not. (Whitened
        // with the weights as given, (AᵀΩA)⁻¹ fell below double's range and the refusal named that instead.)
        var (weighted, _) = WeightsAndRepeats(8, labels: false);
        var huge = weighted.WithSampleWeights([.. weighted.SampleWeightArray().Select(w => w * 1e306)]);
        var fit = OrdinaryLeastSquares.Fit(huge);
        var plain = OrdinaryLeastSquares.Fit(weighted);

        for (var j = 0; j < 2; j++) Assert.Equal(plain.Coefficients[j], fit.Coefficients[j], 1e-12);
        var ex = Assert.Throws<OutOfDomainException>(() => LinearInference.Of(huge, fit.Model));
        Assert.Contains("the total sum of squares is about 1e308, beyond the range of double", ex.Message);
    }

    [Fact]
    public void GradientDescentOnWeightedDataReachesWeightedLeastSquares()
    {
        var (weighted, _) = WeightsAndRepeats(6, labels: false);
        var descent = GradientDescent.Train(ModelKind.Linear, weighted, new TrainingOptions { MaxEpochs = 200_000, Tolerance = 1e-12 });
        var wls = OrdinaryLeastSquares.Fit(weighted).Model.ToParameterVector();

        Assert.Equal(StopReason.Converged, descent.StopReason);
        var theta = descent.Model.ToParameterVector();
        for (var j = 0; j < 3; j++) Assert.Equal(wls[j], theta[j], 1e-9);
    }

    [Fact]
    public void BadWeightsAndModelsThatTakeNoneAreRefused()
    {
        var data = DataSet.FromRows([[0], [1], [2], [3]], [0, 1, 0, 1]);
        Assert.Throws<DimensionMismatchException>(() => data.WithSampleWeights([1, 2]));
        Assert.Throws<OutOfDomainException>(() => data.WithSampleWeights([1, 0, 1, 1]));
        Assert.Throws<OutOfDomainException>(() => data.WithSampleWeights([1, -1, 1, 1]));
        Assert.Throws<NonFiniteInputException>(() => data.WithSampleWeights([1, double.NaN, 1, 1]));
        Assert.Throws<NonFiniteInputException>(() => data.WithSampleWeights([1, double.PositiveInfinity, 1, 1]));
        Assert.Throws<OutOfDomainException>(() => data.WithSampleWeights([1e308, 1e308, 1, 1]));

        var weighted = data.WithSampleWeights([1, 2, 1, 2]);
        Assert.Throws<OutOfDomainException>(() => MaxMarginSolver.FitSoftMargin(weighted.WithTargets([-1, 1, -1, 1]), 1.0));
        Assert.False(data.IsWeighted);
        Assert.True(data.SampleWeights.IsEmpty);
        Assert.Equal(4.0, data.SampleWeightSum);
        Assert.Equal(6.0, weighted.SampleWeightSum);
        Assert.Equal([1.0, 2, 1, 2], weighted.WithTargets([1, 1, 0, 0]).SampleWeightArray()); // kept by the With… copies
    }
}
