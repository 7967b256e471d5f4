using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using TensorLinear.Reference.LeastSquares;
using TensorLinear.Softmax;
using TensorLinear.Reference.Training;

namespace TensorLinear.Reference.Softmax;

/// <summary>What Newton's method and gradient descent on softmax regression share: the checks, the solve, separation and standard errors.</summary>
internal static class SoftmaxFitting
{
    /// <summary>The checks every softmax fit begins with.</summary>
    /// <exception cref="OutOfDomainException">k &lt; 2, a label outside 0 … k−1, or no fitted intercept.</exception>
    /// <exception cref="DegenerateInputException">A class has no rows, or no more rows than a class's d + 1 parameters.</exception>
    /// <exception cref="RankDeficientException">The design [X 1]'s columns are linearly dependent.</exception>
    public static void CheckProblem(DataSet data, int classCount, bool fitIntercept, string optionsName)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (classCount < 2)
            throw new OutOfDomainException(nameof(classCount), FormattableString.Invariant($"is {classCount}; a softmax model needs at least 2 classes"));
        if (!fitIntercept)
            throw new OutOfDomainException(optionsName, "has FitIntercept false; a softmax fit always fits one intercept per non-reference class (the class frequencies need them)");
        Check.ClassLabels(data.Targets.Span, classCount, nameof(data));
        var counts = new int[classCount];
        foreach (var y in data.Targets.Span) counts[(int)y]++;
        var empty = Array.IndexOf(counts, 0);
        if (empty >= 0)
            throw new DegenerateInputException(nameof(data), FormattableString.Invariant($"class {empty} has no rows; its maximum-likelihood probability is 0, reached only as its intercept goes to −∞"));
        if (data.RowCount <= data.FeatureCount + 1)
            throw new DegenerateInputException(nameof(data), FormattableString.Invariant($"has {data.RowCount} rows for {data.FeatureCount + 1} parameters per class; the fit needs more rows than that, since with no more the information matrix is singular"));
        OrdinaryLeastSquares.CheckFullRank(data, fitIntercept: true);
    }

    /// <summary>The typed refusal of a separated problem.</summary>
    public static SeparatedClassesException Separated(DataSet data, bool complete, string why) =>
        new(nameof(data), complete, why);

    /// <summary>
    /// Throws when the final model separates the classes completely, or when the last step did not shrink
    /// (‖s_k‖ ≥ ½‖s_{k−1}‖) and separates them along its direction.
    /// </summary>
    public static void CheckSeparation(DataSet data, SoftmaxModel model, IReadOnlyList<double[]> steps)
    {
        if (SoftmaxSeparation.IsComplete(data, model))
            throw Separated(data, complete: true, "the fitted model classifies every row strictly correctly, so scaling it up lowers the loss toward 0");
        if (steps.Count < 3 || Norm(steps[^1]) < 0.5 * Norm(steps[^2])) return;
        var direction = SoftmaxModel.FromParameterVector(model.ClassCount, steps[^1]);
        var (separated, complete) = SoftmaxSeparation.AlongDirection(data, direction);
        if (separated)
            throw Separated(data, complete, "the steps stopped shrinking and their direction moves no row away from its own class and some toward it, so the loss falls along it for ever");
    }

    /// <summary>(n·H)⁻¹ by Cholesky; null when the information matrix is not positive definite to rounding.</summary>
    public static double[,]? Covariance(ISoftmaxEngine engine, DataSet data, SoftmaxModel model, Penalty penalty) =>
        PositiveDefinite.InverseInformation(engine.Hessian(data, model, penalty), data.RowCount);

    public static double Dot(double[] x, double[] y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    public static double Norm(double[] x) => Math.Sqrt(Dot(x, x));
}
