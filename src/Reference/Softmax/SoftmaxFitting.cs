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
    /// <exception cref="DegenerateInputException">A class has no rows, or there are no more rows than the d + 1 parameters of a class.</exception>
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
    /// Throws when the model, or the step that led to it, certifies that the classes are separated: the model classifies
    /// every row strictly correctly (complete separation), or the model or the step is a direction along which no row
    /// moves away from its class and some move toward it (<see cref="SoftmaxSeparation.AlongDirection"/>).
    /// </summary>
    /// <remarks>
    /// Any such direction V proves that no minimum exists: along θ + tV no row's loss rises and one falls, from every θ.
    /// So testing every iterate is safe, and it is needed: near a quasi-complete separation Newton's step along the
    /// divergent direction stays of constant length while its decrement falls to 0 exponentially, so the decrement test
    /// passes ("converged") with the coefficients in the thousands. The fit starts at 0, so the model is also the sum of
    /// all the steps, which holds the divergent direction when the last step is lost to rounding.
    /// </remarks>
    public static void ThrowIfSeparated(DataSet data, SoftmaxModel model, double[]? lastStep)
    {
        if (SoftmaxSeparation.IsComplete(data, model))
            throw Separated(data, complete: true, "the model classifies every row strictly correctly, so scaling it up lowers the loss toward 0");
        var (separated, complete) = SoftmaxSeparation.AlongDirection(data, model);
        if (!separated && lastStep is not null)
            (separated, complete) = SoftmaxSeparation.AlongDirection(data, SoftmaxModel.FromParameterVector(model.ClassCount, lastStep));
        if (separated)
            throw Separated(data, complete, "the fit moved along a direction that moves no row away from its own class and some toward it, so the loss falls along it for ever");
    }

    /// <summary>(n·H)⁻¹ by Cholesky (Σωᵢ·H for weighted data); null when the information matrix is not positive definite to rounding.</summary>
    public static double[,]? Covariance(ISoftmaxEngine engine, DataSet data, SoftmaxModel model, Penalty penalty) =>
        PositiveDefinite.InverseInformation(engine.Hessian(data, model, penalty), data.SampleWeightSum);

    public static double Dot(double[] x, double[] y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    public static double Norm(double[] x) => Math.Sqrt(Dot(x, x));
}
