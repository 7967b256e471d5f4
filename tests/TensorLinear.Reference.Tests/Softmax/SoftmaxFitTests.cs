using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Softmax;
using TensorLinear.Reference.Training;
using TensorLinear.Tests.Shared;
using TensorLinear.Training;

namespace TensorLinear.Reference.Tests.Softmax;

public class SoftmaxFitTests
{
    // One binary feature makes the model saturated, so the estimate is known by hand: each group's log-ratios against
    // class 0. Group x = 0 has class counts (2, 1, 3), group x = 1 has (1, 3, 2). So b_c = ln(n₀c/n₀₀) and
    // w_c = ln(n₁c/n₁₀) − b_c: b₁ = ln ½, b₂ = ln 3/2, w₁ = ln 3 − ln ½ = ln 6, w₂ = ln 2 − ln 3/2 = ln 4/3. The
    // multinomial information gives Var(b_c) = 1/n₀₀ + 1/n₀c and Var(w_c) = 1/n₁c + 1/n₁₀ + 1/n₀c + 1/n₀₀.
    private static readonly DataSet TwoGroups = DataSet.FromRows(
        [[0], [0], [0], [0], [0], [0], [1], [1], [1], [1], [1], [1]],
        [0, 0, 1, 2, 2, 2, 0, 1, 1, 1, 2, 2]);

    private static readonly double[] GroupLogRatios = [Math.Log(6), Math.Log(0.5), Math.Log(4.0 / 3), Math.Log(1.5)];

    // Newton stops after the step whose half squared decrement was ≤ 1e-10; quadratic convergence leaves an error of
    // order its square, so what remains is the rounding of the solve, κ(H)·u ≈ 1e-14 on this table: 1e-10 is loose.
    private const double Converged = 1e-10;

    [Fact]
    public void NewtonOnTwoGroupsFindsTheGroupLogRatios()
    {
        var fit = SoftmaxNewton.Fit(TwoGroups, 3);

        Assert.True(fit.Converged);
        Assert.InRange(fit.Iterations, 2, 10); // quadratic convergence: a handful of steps
        var theta = fit.Model.ToParameterVector();
        for (var j = 0; j < theta.Length; j++) Assert.Equal(GroupLogRatios[j], theta[j], Converged);
    }

    [Fact]
    public void StandardErrorsAreThoseOfTheContingencyTable()
    {
        var fit = SoftmaxNewton.Fit(TwoGroups, 3);

        Assert.True(fit.HasStandardErrors);
        double[] variances = [1.0 / 3 + 1 + 1 + 0.5, 0.5 + 1, 0.5 + 1 + 1.0 / 3 + 0.5, 0.5 + 1.0 / 3];
        for (var j = 0; j < variances.Length; j++) Assert.Equal(Math.Sqrt(variances[j]), fit.StandardErrors[j], 1e-8);
    }

    [Fact]
    public void GradientDescentReachesTheNewtonEstimate()
    {
        var newton = SoftmaxNewton.Fit(TwoGroups, 3);
        var descent = SoftmaxDescent.Fit(TwoGroups, 3, new TrainingOptions { MaxEpochs = 200_000, Tolerance = 1e-12 });

        Assert.True(descent.Converged);
        Assert.Equal(SoftmaxMethod.GradientDescent, descent.Method);
        // ‖∇L‖ ≤ 1e-12·‖∇L(0)‖ and the Hessian's smallest eigenvalue μ bound the distance: ‖θ − θ*‖ ≤ ‖∇L‖/μ, with
        // ‖∇L(0)‖ < 1 and μ > 1e-2 here, so below 1e-10.
        var a = descent.Model.ToParameterVector();
        var b = newton.Model.ToParameterVector();
        for (var j = 0; j < a.Length; j++) Assert.Equal(b[j], a[j], 1e-9);
    }

    [Fact]
    public void WithTwoClassesNewtonReproducesTheLogisticFit()
    {
        // Class 1 against the reference class 0 is logistic regression of y on x: the same θ = (w, b), the same errors.
        var data = DataSet.FromRows([[0.5, 1], [1, -2], [-2, 0.25], [3, 1], [0, 0], [1, 1], [-1, 2], [2, -1]], [1, 0, 0, 1, 1, 0, 1, 0]);
        var logistic = NewtonRaphson.Fit(data);
        var softmax = SoftmaxNewton.Fit(data, 2);

        var expected = logistic.Model.ToParameterVector();
        var theta = softmax.Model.ToParameterVector();
        for (var j = 0; j < expected.Length; j++) Assert.Equal(expected[j], theta[j], Converged);
        Assert.Equal([.. logistic.StandardErrors, logistic.InterceptStandardError!.Value], softmax.StandardErrors.ToArray(), (x, y) => Math.Abs(x - y) <= 1e-9);
    }

    [Fact]
    public void AtTheEstimateTheGradientVanishesToRounding()
    {
        // The optimality condition ∇L = 0: each block (1/n)Σ(p_ic − [yᵢ = c])aᵢ is a mean of terms of size ≤ max|aᵢⱼ|,
        // so rounding leaves about γₙ·max|aᵢⱼ| ≈ 1e-15 here.
        var data = ThreeClasses.Noisy(60, seed: 5);
        var fit = SoftmaxNewton.Fit(data, 3);

        Assert.True(fit.Converged);
        Assert.All(SoftmaxRegression.Gradient(data, fit.Model), g => Assert.InRange(Math.Abs(g), 0, 1e-12));
    }

    [Fact]
    public void ARidgePenaltyGivesAFiniteEstimateWhereTheClassesAreSeparated()
    {
        var separated = DataSet.FromRows([[-3], [-2], [0], [0.5], [3], [4]], [0, 0, 1, 1, 2, 2]);

        var ex = Assert.Throws<SeparatedClassesException>(() => SoftmaxNewton.Fit(separated, 3));
        Assert.Contains("separated", ex.Message);
        var ridge = SoftmaxNewton.Fit(separated, 3, new NewtonOptions { Penalty = new Penalty(l2: 0.01) });
        Assert.True(ridge.Converged);
        Assert.All(SoftmaxRegression.Gradient(separated, ridge.Model, new Penalty(l2: 0.01)), g => Assert.InRange(Math.Abs(g), 0, 1e-12));
    }

    [Fact]
    public void QuasiCompleteSeparationIsRefused()
    {
        // Classes 0 | 1 | 2 along x, with one class-0 and one class-1 row both at x = 0: no direction separates them
        // strictly, but x pushes class 2 away from the others for ever.
        var data = DataSet.FromRows([[-3], [-2], [0], [0], [-1], [-2.5], [3], [4]], [0, 0, 0, 1, 1, 1, 2, 2]);
        Assert.Throws<SeparatedClassesException>(() => SoftmaxNewton.Fit(data, 3));
        Assert.Throws<SeparatedClassesException>(() => SoftmaxDescent.Fit(data, 3, new TrainingOptions { MaxEpochs = 5000 }));
    }

    [Fact]
    public void ManyClassesOfOneRowEachAreRefusedThoughTheDecrementTestPasses()
    {
        // 29 classes in 30 rows, 112 parameters (docs/examples' three-classes.csv with x1 as the target did this): the
        // classes are separated, so the MLE does not exist, yet along the separating direction Newton's steps keep their
        // length while the decrement falls to 0 exponentially, and the fit once stopped "converged" after 29 steps with
        // coefficients near ±2000 and standard errors near 4e7.
        // Those rows: x2, then species one-hot (versicolor, virginica); the label is the rank of x1.
        double[][] rows =
        [
            [-0.79, 0, 0], [-0.69, 1, 0], [-0.2, 0, 1], [0.6, 0, 0], [-0.56, 1, 0], [-0.45, 0, 1], [-0.79, 0, 0], [0.85, 1, 0],
            [0.61, 0, 1], [-0.61, 0, 0], [0.25, 1, 0], [0.71, 0, 1], [-0.83, 0, 0], [0.34, 1, 0], [-0.64, 0, 1], [-0.82, 0, 0],
            [0.73, 1, 0], [-0.4, 0, 1], [0.14, 0, 0], [0.7, 1, 0], [-0.17, 0, 1], [-0.14, 0, 0], [-0.39, 1, 0], [-0.91, 0, 1],
            [0.25, 0, 0], [0.07, 1, 0], [-0.31, 0, 1], [-0.61, 0, 0], [-0.59, 1, 0], [-0.45, 0, 1],
        ];
        double[] labels = [2, 10, 8, 16, 21, 22, 1, 4, 28, 12, 7, 26, 14, 13, 19, 5, 25, 23, 15, 24, 20, 9, 3, 27, 0, 6, 17, 18, 11, 24];
        var data = DataSet.FromRows(rows, labels);

        Assert.Throws<SeparatedClassesException>(() => SoftmaxNewton.Fit(data, 29));
        Assert.Throws<SeparatedClassesException>(() => SoftmaxDescent.Fit(data, 29, new TrainingOptions { MaxEpochs = 2000 }));
    }

    [Fact]
    public void DescentThatMeetsItsToleranceOnSeparatedClassesIsStillRefused()
    {
        // Along a separating direction the gradient falls like 1/t, so a loose relative tolerance is met; convergence
        // of descent says nothing about the existence of the estimate.
        var data = DataSet.FromRows([[-3], [-2], [0], [0], [-1], [-2.5], [3], [4]], [0, 0, 0, 1, 1, 1, 2, 2]);
        var options = new TrainingOptions { MaxEpochs = 100_000, Tolerance = 1e-2 };

        Assert.Throws<SeparatedClassesException>(() => SoftmaxDescent.Fit(data, 3, options));
    }

    [Fact]
    public void WithTwoClassesSeparationIsFoundAsTheLogisticFitFindsIt()
    {
        // Quasi-complete: x ≤ 0 is class 0 and x ≥ 0 class 1, with one row of each at x = 0.
        var data = DataSet.FromRows([[-3], [-1], [0], [0], [1], [2.5]], [0, 0, 0, 1, 1, 1]);

        Assert.Equal(NewtonStopReason.Separated, NewtonRaphson.Fit(data).StopReason);
        var ex = Assert.Throws<SeparatedClassesException>(() => SoftmaxNewton.Fit(data, 2));
        Assert.False(ex.IsComplete);
    }

    [Fact]
    public void StronglyButNotCompletelySeparatedClassesStillHaveTheirEstimate()
    {
        // Classes 0 | 1 | 2 along x, each boundary crossed by one row: the MLE exists, with large coefficients, and the
        // separation tests must not mistake its steep way there for a separating direction.
        var data = DataSet.FromRows([[-4], [-3], [-2], [-0.6], [-0.4], [0], [0.5], [1], [2.2], [1.8], [3], [4]], [0, 0, 0, 1, 0, 1, 1, 1, 1, 2, 2, 2]);
        // The decrement is driven to rounding (tolerance 1e-24) so that the gradient is too: ‖∇L‖ then holds only the
        // rounding of a mean of terms of size ≤ max|aᵢⱼ| = 4, about γₙ·4 ≈ 5e-15, against 1e-12.
        var fit = SoftmaxNewton.Fit(data, 3, new NewtonOptions { Tolerance = 1e-24 });

        Assert.True(fit.Converged);
        Assert.True(fit.HasStandardErrors);
        Assert.InRange(fit.Model.ToParameterVector().Max(Math.Abs), 5, 1e3); // steep, and finite
        Assert.All(SoftmaxRegression.Gradient(data, fit.Model), g => Assert.InRange(Math.Abs(g), 0, 1e-12));
    }

    [Fact]
    public void BadProblemsRaiseTypedErrors()
    {
        Assert.Throws<DegenerateInputException>(() => SoftmaxNewton.Fit(TwoGroups, 4)); // class 3 has no rows
        Assert.Throws<OutOfDomainException>(() => SoftmaxNewton.Fit(TwoGroups, 2));     // label 2 outside 0 … 1
        Assert.Throws<OutOfDomainException>(() => SoftmaxNewton.Fit(TwoGroups, 1));
        Assert.Throws<OutOfDomainException>(() => SoftmaxNewton.Fit(TwoGroups, 3, new NewtonOptions { FitIntercept = false }));
        Assert.Throws<OutOfDomainException>(() => SoftmaxDescent.Fit(TwoGroups, 3, new TrainingOptions { Penalty = new Penalty(l1: 0.1) }));
        Assert.Throws<RankDeficientException>(() => SoftmaxNewton.Fit(TwoGroups.WithFeatures([.. TwoGroups.Features.ToArray().SelectMany(v => new[] { v, 2 * v })], ["x", "2x"]), 3));
    }
}
