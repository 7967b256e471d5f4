using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Features;
using TensorLinear.Reference.LeastSquares;
using TensorLinear.Reference.Models;
using TensorLinear.Reference.Training;

namespace TensorLinear.Reference.Tests.Training;

public class NewtonRaphsonTests
{
    // One binary feature makes the estimate a pair of group log-odds, known by hand. Group x = 0 has 1 positive in 4
    // (p₀ = ¼), group x = 1 has 3 in 4 (p₁ = ¾), so b = logit(¼) = −ln 3 and w = logit(¾) − logit(¼) = 2 ln 3. The
    // information of a 2×2 table gives SE(b)² = 1/1 + 1/3 (the group-0 counts) and SE(w)² = 1/1 + 1/3 + 1/3 + 1/1.
    private static readonly DataSet TwoGroups = DataSet.FromRows(
        [[0], [0], [0], [0], [1], [1], [1], [1]],
        [1, 0, 0, 0, 1, 1, 1, 0]);

    // The six points of docs/derivations/logistic-regression.md, separated by x₁ + x₂ = 8.5.
    private static readonly DataSet SixPoints = DataSet.FromRows(
        [[5, 5], [6, 6], [7, 4], [2, 4], [3, 2], [5, 1]],
        [1, 1, 1, 0, 0, 0]);

    // Separated by x = 0 except for one row of each class at x = 0 itself: quasi-complete separation.
    private static readonly DataSet Overlap = DataSet.FromRows(
        [[-3], [-2], [-1], [0], [0], [1], [2], [3]],
        [0, 0, 0, 0, 1, 1, 1, 1]);

    [Fact]
    public void OnTwoGroupsTheEstimateIsTheGroupLogOdds()
    {
        var result = NewtonRaphson.Fit(TwoGroups);

        Assert.True(result.Converged);
        Assert.Equal(SeparationKind.None, result.Separation.Kind);
        Assert.Equal(2 * Math.Log(3), result.Model.Weights[0], 1e-12);
        Assert.Equal(-Math.Log(3), result.Model.Bias, 1e-12);
        // Quadratic convergence from 0: a handful of steps, not hundreds.
        Assert.InRange(result.Iterations, 2, 8);
    }

    [Fact]
    public void StandardErrorsAreThoseOfTheTwoByTwoTable()
    {
        var result = NewtonRaphson.Fit(TwoGroups);

        Assert.True(result.HasStandardErrors);
        Assert.Equal(Math.Sqrt(8.0 / 3), result.StandardErrors[0], 1e-10);
        Assert.Equal(Math.Sqrt(4.0 / 3), result.InterceptStandardError!.Value, 1e-10);
        var covariance = result.Covariance()!;
        Assert.Equal(2, covariance.GetLength(0));
        Assert.Equal(covariance[0, 1], covariance[1, 0], 1e-15);
    }

    [Fact]
    public void TheLossNeverRisesAndTheGradientVanishesAtTheEstimate()
    {
        var data = NonSeparable();
        var result = NewtonRaphson.Fit(data);

        Assert.True(result.Converged);
        for (var k = 1; k < result.LossHistory.Length; k++) Assert.True(result.LossHistory[k] <= result.LossHistory[k - 1]);
        var gradient = LogisticRegression.Gradient(data, result.Model).ToParameterVector();
        Assert.All(gradient, g => Assert.True(Math.Abs(g) < 1e-9, $"gradient component {g:R}"));
    }

    [Fact]
    public void NewtonAgreesWithGradientDescentRunToConvergence()
    {
        var data = NonSeparable();
        var newton = NewtonRaphson.Fit(data);
        var descent = GradientDescent.Train(ModelKind.Logistic, data, new() { MaxEpochs = 200_000, Tolerance = 1e-11 });

        Assert.True(descent.Converged);
        // ‖θ − θ*‖ ≤ ‖∇L‖/μ for μ the smallest Hessian eigenvalue; here μ > 0.01, so 1e-11/μ < 1e-9.
        Assert.Equal(newton.Model.Weights[0], descent.Model.Weights[0], 1e-8);
        Assert.Equal(newton.Model.Weights[1], descent.Model.Weights[1], 1e-8);
        Assert.Equal(newton.Model.Bias, descent.Model.Bias, 1e-8);
    }

    [Fact]
    public void SeparableClassesAreReportedAsCompleteSeparationWithTheirHyperplane()
    {
        var result = NewtonRaphson.Fit(SixPoints);

        Assert.Equal(NewtonStopReason.Separated, result.StopReason);
        Assert.False(result.Converged);
        Assert.Equal(SeparationKind.Complete, result.Separation.Kind);
        Assert.False(result.HasStandardErrors);
        Assert.Empty(result.StandardErrors);
        Assert.True(result.Iterations < 20, $"stopped after {result.Iterations} steps, not at the limit");

        var hyperplane = result.Separation.Hyperplane!;
        Assert.Equal(1.0, Vector.Norm2([.. hyperplane.Weights]), 1e-15);
        var scores = LinearRegression.Predict(SixPoints, hyperplane);
        for (var i = 0; i < scores.Length; i++)
            Assert.True(SixPoints.Targets.Span[i] == 1.0 ? scores[i] > 0 : scores[i] < 0, $"row {i} score {scores[i]:R}");
        Assert.True(result.Separation.Margin > 0);
        Assert.Equal(scores.Select((z, i) => SixPoints.Targets.Span[i] == 1.0 ? z : -z).Min(), result.Separation.Margin, 1e-15);
    }

    [Fact]
    public void AnOverlapOnTheBoundaryIsReportedAsQuasiCompleteSeparation()
    {
        var result = NewtonRaphson.Fit(Overlap);

        Assert.Equal(SeparationKind.QuasiComplete, result.Separation.Kind);
        Assert.Equal(NewtonStopReason.Separated, result.StopReason);
        Assert.Equal(2, result.Separation.RowsOnHyperplane);
        Assert.Equal(0.0, result.Separation.Margin);
        // The divergent direction is w alone: the hyperplane is x = 0.
        var hyperplane = result.Separation.Hyperplane!;
        Assert.Equal(1.0, hyperplane.Weights[0], 1e-9);
        Assert.Equal(0.0, hyperplane.Bias, 1e-6);
        Assert.False(result.HasStandardErrors);
    }

    [Fact]
    public void ARidgePenaltyKeepsTheEstimateFiniteOnSeparableClasses()
    {
        var penalty = new Penalty(l2: 0.01);
        var result = NewtonRaphson.Fit(SixPoints, new NewtonOptions { Penalty = penalty });

        Assert.True(result.Converged);
        Assert.Equal(SeparationKind.None, result.Separation.Kind);
        Assert.True(result.HasStandardErrors);
        var gradient = LogisticRegression.Gradient(SixPoints, result.Model, penalty).ToParameterVector();
        Assert.All(gradient, g => Assert.True(Math.Abs(g) < 1e-9, $"gradient component {g:R}"));
    }

    [Fact]
    public void WithoutAnInterceptTheBiasStaysZeroAndTheWeightGradientVanishes()
    {
        var data = NonSeparable();
        var result = NewtonRaphson.Fit(data, new NewtonOptions { FitIntercept = false });

        Assert.True(result.Converged);
        Assert.Equal(0.0, result.Model.Bias);
        Assert.Null(result.InterceptStandardError);
        Assert.Equal(2, result.Covariance()!.GetLength(0));
        var gradient = LogisticRegression.Gradient(data, result.Model);
        Assert.All(gradient.Weights, g => Assert.True(Math.Abs(g) < 1e-9, $"gradient component {g:R}"));
    }

    [Fact]
    public void StandardisingChangesNeitherTheFitNorItsStandardErrors()
    {
        // Newton's iterates are invariant under an affine change of features, so fitting standardised features and
        // mapping back (coefficients and covariance) must reproduce the fit on the original features.
        var data = NonSeparable();
        var direct = NewtonRaphson.Fit(data);
        var standardizer = Standardizer.Fit(data);
        var standardized = NewtonRaphson.Fit(standardizer.Transform(data));
        var model = standardizer.ToOriginalUnits(standardized.Model);
        var covariance = standardizer.ToOriginalUnits(standardized.Covariance()!);

        var expected = direct.Covariance()!;
        Assert.Equal(direct.Model.Weights[0], model.Weights[0], 1e-9);
        Assert.Equal(direct.Model.Bias, model.Bias, 1e-9);
        for (var j = 0; j < 3; j++)
            Assert.Equal(Math.Sqrt(expected[j, j]), Math.Sqrt(covariance[j, j]), 1e-9);
    }

    [Fact]
    public void CollinearColumnsAreNamed()
    {
        // The third feature is x₁ + x₂.
        var data = DataSet.FromRows([[1, 0, 1], [0, 1, 1], [1, 1, 2], [2, 1, 3], [0, 2, 2], [3, 1, 4]], [0, 1, 0, 1, 1, 0],
                                    ["a", "b", "c"]);
        var error = Assert.Throws<RankDeficientException>(() => NewtonRaphson.Fit(data));
        Assert.Equal(["c"], error.DependentColumns.ToArray());
    }

    [Fact]
    public void NoMoreRowsThanParametersIsRefused() =>
        Assert.Throws<DegenerateInputException>(() => NewtonRaphson.Fit(DataSet.FromRows([[0, 1], [1, 0], [1, 1]], [0, 1, 1])));

    [Fact]
    public void AnL1PenaltyIsRefused() =>
        Assert.Throws<OutOfDomainException>(() => NewtonRaphson.Fit(TwoGroups, new NewtonOptions { Penalty = new Penalty(l1: 0.1) }));

    [Fact]
    public void LabelsOtherThanZeroAndOneAreRefused() =>
        Assert.Throws<OutOfDomainException>(() => NewtonRaphson.Fit(TwoGroups.WithTargets([1, 2, 2, 2, 1, 1, 1, 2])));

    [Fact]
    public void TheSeparationCheckIsACertificateForAGivenModel()
    {
        Assert.Equal(SeparationKind.Complete, Separation.Check(SixPoints, new LinearModel([1.0, 1.0], -8.5)).Kind);
        // x₁ = 5 puts (5, 5) and (5, 1) on the line itself: not strict.
        Assert.Equal(SeparationKind.None, Separation.Check(SixPoints, new LinearModel([1.0, 0.0], -5.0)).Kind);
        Assert.Equal(SeparationKind.None, Separation.Check(NonSeparable(), new LinearModel([1.0, 1.0], 0.0)).Kind);
    }

    // Two overlapping clouds: x ~ N(±0.5, 1) per class, drawn once with a fixed seed, 40 rows.
    private static DataSet NonSeparable()
    {
        var random = new Random(7);
        var rows = new double[40][];
        var labels = new double[40];
        for (var i = 0; i < 40; i++)
        {
            labels[i] = i % 2;
            var shift = labels[i] == 1 ? 0.5 : -0.5;
            rows[i] = [shift + Gaussian(random), 0.5 * shift + Gaussian(random)];
        }
        return DataSet.FromRows(rows, labels);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
