using System.Reflection;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference;
using TensorLinear.Reference.Losses;
using TensorLinear.Reference.MaxMargin;
using TensorLinear.Reference.Metrics;
using TensorLinear.Reference.Models;
using TensorLinear.Reference.Softmax;
using TensorLinear.Softmax;
using TensorLinear.Training;

namespace TensorLinear.Verification.Catalog;

/// <summary>
/// The public reference functions the catalog checks — each value function and each hand derivative of
/// <c>src/Reference</c> — held as delegates. <see cref="Shipped"/> binds them to the shipped methods;
/// <see cref="DerivationCatalog.Build"/> builds every entry from such a record, so an entry calls exactly these
/// delegates and nothing derived beside them.
/// </summary>
/// <remarks>
/// This is also the seam for planted wrong derivations: <c>ReferenceFunctions.Shipped with { AngleGradientX = wrong }</c>
/// builds a catalog in which only that one function differs, and <c>tensorlinear verify</c>'s checks must reject it.
/// Instance methods (of <see cref="Hyperplane"/>, <see cref="Line"/>, <see cref="DecisionRule"/>) are held as open
/// delegates whose first argument is the object.
/// </remarks>
public sealed record ReferenceFunctions
{
    // ---- vectors: Vector and VectorGradients ----------------------------------------------------------------------

    /// <summary><see cref="Vector.Dot"/>.</summary>
    public required Func<double[], double[], double> Dot { get; init; }
    /// <summary><see cref="VectorGradients.DotGradientX"/>.</summary>
    public required Func<double[], double[], double[]> DotGradientX { get; init; }
    /// <summary><see cref="VectorGradients.DotGradientY"/>.</summary>
    public required Func<double[], double[], double[]> DotGradientY { get; init; }
    /// <summary><see cref="Vector.Norm1"/>.</summary>
    public required Func<double[], double> Norm1 { get; init; }
    /// <summary><see cref="VectorGradients.Norm1Gradient"/>.</summary>
    public required Func<double[], double[]> Norm1Gradient { get; init; }
    /// <summary><see cref="Vector.Norm2"/>.</summary>
    public required Func<double[], double> Norm2 { get; init; }
    /// <summary><see cref="VectorGradients.Norm2Gradient"/>.</summary>
    public required Func<double[], double[]> Norm2Gradient { get; init; }
    /// <summary><see cref="Vector.NormInf"/>.</summary>
    public required Func<double[], double> NormInf { get; init; }
    /// <summary><see cref="VectorGradients.NormInfGradient"/>.</summary>
    public required Func<double[], double[]> NormInfGradient { get; init; }
    /// <summary><see cref="Vector.NormP"/>.</summary>
    public required Func<double[], double, double> NormP { get; init; }
    /// <summary><see cref="VectorGradients.NormPGradient"/>.</summary>
    public required Func<double[], double, double[]> NormPGradient { get; init; }
    /// <summary><see cref="Vector.Unit"/>.</summary>
    public required Func<double[], double[]> Unit { get; init; }
    /// <summary><see cref="VectorGradients.UnitJacobian"/>.</summary>
    public required Func<double[], double[,]> UnitJacobian { get; init; }
    /// <summary><see cref="Vector.Cosine"/>.</summary>
    public required Func<double[], double[], double> Cosine { get; init; }
    /// <summary><see cref="VectorGradients.CosineGradientX"/>.</summary>
    public required Func<double[], double[], double[]> CosineGradientX { get; init; }
    /// <summary><see cref="VectorGradients.CosineGradientY"/>.</summary>
    public required Func<double[], double[], double[]> CosineGradientY { get; init; }
    /// <summary><see cref="Vector.Angle"/>.</summary>
    public required Func<double[], double[], double> Angle { get; init; }
    /// <summary><see cref="VectorGradients.AngleGradientX"/>.</summary>
    public required Func<double[], double[], double[]> AngleGradientX { get; init; }
    /// <summary><see cref="VectorGradients.AngleGradientY"/>.</summary>
    public required Func<double[], double[], double[]> AngleGradientY { get; init; }
    /// <summary><see cref="Vector.ScalarProjection"/>.</summary>
    public required Func<double[], double[], double> ScalarProjection { get; init; }
    /// <summary><see cref="VectorGradients.ScalarProjectionGradientX"/>.</summary>
    public required Func<double[], double[], double[]> ScalarProjectionGradientX { get; init; }
    /// <summary><see cref="VectorGradients.ScalarProjectionGradientY"/>.</summary>
    public required Func<double[], double[], double[]> ScalarProjectionGradientY { get; init; }
    /// <summary><see cref="Vector.Project"/>.</summary>
    public required Func<double[], double[], double[]> Project { get; init; }
    /// <summary><see cref="VectorGradients.ProjectJacobianX"/>.</summary>
    public required Func<double[], double[], double[,]> ProjectJacobianX { get; init; }
    /// <summary><see cref="VectorGradients.ProjectJacobianY"/>.</summary>
    public required Func<double[], double[], double[,]> ProjectJacobianY { get; init; }
    /// <summary><see cref="Vector.Reject"/>.</summary>
    public required Func<double[], double[], double[]> Reject { get; init; }
    /// <summary><see cref="VectorGradients.RejectJacobianX"/>.</summary>
    public required Func<double[], double[], double[,]> RejectJacobianX { get; init; }
    /// <summary><see cref="VectorGradients.RejectJacobianY"/>.</summary>
    public required Func<double[], double[], double[,]> RejectJacobianY { get; init; }
    /// <summary><see cref="Vector.Distance"/>.</summary>
    public required Func<double[], double[], double, double> Distance { get; init; }
    /// <summary><see cref="VectorGradients.DistanceGradientX"/>.</summary>
    public required Func<double[], double[], double, double[]> DistanceGradientX { get; init; }
    /// <summary><see cref="VectorGradients.DistanceGradientY"/>.</summary>
    public required Func<double[], double[], double, double[]> DistanceGradientY { get; init; }

    // ---- hyperplanes, lines and the decision rule -------------------------------------------------------------------

    /// <summary><see cref="Hyperplane.Evaluate"/>.</summary>
    public required Func<Hyperplane, double[], double> HyperplaneScore { get; init; }
    /// <summary><see cref="Hyperplane.EvaluateGradientX"/>.</summary>
    public required Func<Hyperplane, double[]> HyperplaneScoreGradientX { get; init; }
    /// <summary><see cref="Hyperplane.EvaluateGradientWeights"/>.</summary>
    public required Func<Hyperplane, double[], double[]> HyperplaneScoreGradientWeights { get; init; }
    /// <summary><see cref="Hyperplane.EvaluateGradientBias"/>.</summary>
    public required Func<double> HyperplaneScoreGradientBias { get; init; }
    /// <summary><see cref="Hyperplane.SignedDistance"/>.</summary>
    public required Func<Hyperplane, double[], double> SignedDistance { get; init; }
    /// <summary><see cref="Hyperplane.SignedDistanceGradientX"/>.</summary>
    public required Func<Hyperplane, double[]> SignedDistanceGradientX { get; init; }
    /// <summary><see cref="Hyperplane.SignedDistanceGradientWeights"/>.</summary>
    public required Func<Hyperplane, double[], double[]> SignedDistanceGradientWeights { get; init; }
    /// <summary><see cref="Hyperplane.SignedDistanceGradientBias"/>.</summary>
    public required Func<Hyperplane, double> SignedDistanceGradientBias { get; init; }
    /// <summary><see cref="Hyperplane.Foot"/>.</summary>
    public required Func<Hyperplane, double[], double[]> Foot { get; init; }
    /// <summary><see cref="Hyperplane.FootJacobianX"/>.</summary>
    public required Func<Hyperplane, double[,]> FootJacobianX { get; init; }
    /// <summary><see cref="Hyperplane.FootJacobianWeights"/>.</summary>
    public required Func<Hyperplane, double[], double[,]> FootJacobianWeights { get; init; }
    /// <summary><see cref="Hyperplane.FootJacobianBias"/>.</summary>
    public required Func<Hyperplane, double[]> FootJacobianBias { get; init; }
    /// <summary><see cref="Line.Through"/>.</summary>
    public required Func<double[], double[], Line> LineThrough { get; init; }
    /// <summary><see cref="Line.PerpendicularThrough"/>.</summary>
    public required Func<Line, double[], Line> PerpendicularThrough { get; init; }
    /// <summary><see cref="Line.IsParallelTo"/>.</summary>
    public required Func<Line, Line, double, bool> IsParallelTo { get; init; }
    /// <summary><see cref="Line.IsPerpendicularTo"/>.</summary>
    public required Func<Line, Line, double, bool> IsPerpendicularTo { get; init; }
    /// <summary><see cref="DecisionRule.Score"/>.</summary>
    public required Func<DecisionRule, double[], double> DecisionScore { get; init; }
    /// <summary><see cref="DecisionRule.Accepts"/>.</summary>
    public required Func<DecisionRule, double[], bool> Accepts { get; init; }

    // ---- pointwise losses ---------------------------------------------------------------------------------------------

    /// <summary><see cref="RegressionMetrics.MeanSquaredError"/>.</summary>
    public required Func<double[], double[], double> MeanSquaredError { get; init; }
    /// <summary><see cref="LossGradients.MeanSquaredErrorGradient"/>.</summary>
    public required Func<double[], double[], double[]> MeanSquaredErrorGradient { get; init; }
    /// <summary><see cref="RegressionMetrics.MeanAbsoluteError"/>.</summary>
    public required Func<double[], double[], double> MeanAbsoluteError { get; init; }
    /// <summary><see cref="LossGradients.MeanAbsoluteErrorSubgradient"/>.</summary>
    public required Func<double[], double[], double[]> MeanAbsoluteErrorSubgradient { get; init; }
    /// <summary><see cref="BinaryCrossEntropy.FromProbabilities"/>.</summary>
    public required Func<double[], double[], double> BinaryCrossEntropyFromProbabilities { get; init; }
    /// <summary><see cref="LossGradients.BinaryCrossEntropyGradientFromProbabilities"/>.</summary>
    public required Func<double[], double[], double[]> BinaryCrossEntropyGradientFromProbabilities { get; init; }
    /// <summary><see cref="BinaryCrossEntropy.FromLogits"/>.</summary>
    public required Func<double[], double[], double> BinaryCrossEntropyFromLogits { get; init; }
    /// <summary><see cref="LossGradients.BinaryCrossEntropyGradientFromLogits"/>.</summary>
    public required Func<double[], double[], double[]> BinaryCrossEntropyGradientFromLogits { get; init; }
    /// <summary><see cref="Logistic.Sigmoid"/>.</summary>
    public required Func<double, double> Sigmoid { get; init; }
    /// <summary><see cref="LossGradients.SigmoidJacobian"/>.</summary>
    public required Func<double[], double[,]> SigmoidJacobian { get; init; }

    // ---- max margin: Hinge, SoftMarginObjective, ReferenceMarginDual --------------------------------------------------

    /// <summary><see cref="Reference.Losses.Hinge.Value"/>, of (label, score).</summary>
    public required Func<double, double, double> Hinge { get; init; }
    /// <summary><see cref="Reference.Losses.Hinge.Subgradient"/>, of (label, score).</summary>
    public required Func<double, double, double> HingeSubgradient { get; init; }
    /// <summary><see cref="Reference.Losses.Hinge.Mean"/>, of (labels, scores).</summary>
    public required Func<double[], double[], double> MeanHinge { get; init; }
    /// <summary><see cref="Reference.Losses.Hinge.MeanSubgradient"/>, of (labels, scores).</summary>
    public required Func<double[], double[], double[]> MeanHingeSubgradient { get; init; }
    /// <summary><see cref="Reference.MaxMargin.SoftMarginObjective.Value"/>, of (data, model, C).</summary>
    public required Func<DataSet, LinearModel, double, double> SoftMarginObjective { get; init; }
    /// <summary><see cref="Reference.MaxMargin.SoftMarginObjective.Subgradient"/>, of (data, model, C).</summary>
    public required Func<DataSet, LinearModel, double, ModelGradient> SoftMarginSubgradient { get; init; }
    /// <summary><see cref="ReferenceMarginDual.DualObjective"/>, of (dual, α, c).</summary>
    public required Func<ReferenceMarginDual, double[], double[], double> MarginDualObjective { get; init; }
    /// <summary><see cref="ReferenceMarginDual.DualGradient"/>, of (dual, α, c).</summary>
    public required Func<ReferenceMarginDual, double[], double[], double[]> MarginDualGradient { get; init; }
    /// <summary><see cref="ReferenceMarginDual.LabelledGram"/>, of (dual, rows, columns): the dual's Hessian, block by block.</summary>
    public required Func<ReferenceMarginDual, int[], int[], double[,]> MarginDualHessian { get; init; }

    // ---- linear models ------------------------------------------------------------------------------------------------

    /// <summary><see cref="LinearRegression.Loss"/>.</summary>
    public required Func<DataSet, LinearModel, Penalty?, double> LinearLoss { get; init; }
    /// <summary><see cref="LinearRegression.Gradient"/>.</summary>
    public required Func<DataSet, LinearModel, Penalty?, ModelGradient> LinearGradient { get; init; }
    /// <summary><see cref="LinearRegression.Hessian"/>.</summary>
    public required Func<DataSet, LinearModel, Penalty?, double[,]> LinearHessian { get; init; }
    /// <summary><see cref="LogisticRegression.Loss"/>.</summary>
    public required Func<DataSet, LinearModel, Penalty?, double> LogisticLoss { get; init; }
    /// <summary><see cref="LogisticRegression.Gradient"/>.</summary>
    public required Func<DataSet, LinearModel, Penalty?, ModelGradient> LogisticGradient { get; init; }
    /// <summary><see cref="LogisticRegression.Hessian"/>.</summary>
    public required Func<DataSet, LinearModel, Penalty?, double[,]> LogisticHessian { get; init; }

    // ---- softmax regression -------------------------------------------------------------------------------------

    /// <summary><see cref="SoftmaxRegression.Loss"/>.</summary>
    public required Func<DataSet, SoftmaxModel, Penalty?, double> SoftmaxLoss { get; init; }
    /// <summary><see cref="SoftmaxRegression.Gradient"/>.</summary>
    public required Func<DataSet, SoftmaxModel, Penalty?, double[]> SoftmaxGradient { get; init; }
    /// <summary><see cref="SoftmaxRegression.Hessian"/>.</summary>
    public required Func<DataSet, SoftmaxModel, Penalty?, double[,]> SoftmaxHessian { get; init; }

    /// <summary><see cref="Reference.Training.GradientDescent.Train"/>, full-batch gradient descent (the reference engine's training).</summary>
    public required Func<ModelKind, DataSet, TrainingOptions, LinearModel?, IProgress<EpochProgress>?, TrainingResult> Train { get; init; }

    /// <summary>Every function bound to the shipped public method of the same name.</summary>
    public static ReferenceFunctions Shipped { get; } = new()
    {
        Dot = Vector.Dot, DotGradientX = VectorGradients.DotGradientX, DotGradientY = VectorGradients.DotGradientY,
        Norm1 = Vector.Norm1, Norm1Gradient = VectorGradients.Norm1Gradient,
        Norm2 = Vector.Norm2, Norm2Gradient = VectorGradients.Norm2Gradient,
        NormInf = Vector.NormInf, NormInfGradient = VectorGradients.NormInfGradient,
        NormP = Vector.NormP, NormPGradient = VectorGradients.NormPGradient,
        Unit = Vector.Unit, UnitJacobian = VectorGradients.UnitJacobian,
        Cosine = Vector.Cosine, CosineGradientX = VectorGradients.CosineGradientX, CosineGradientY = VectorGradients.CosineGradientY,
        Angle = Vector.Angle, AngleGradientX = VectorGradients.AngleGradientX, AngleGradientY = VectorGradients.AngleGradientY,
        ScalarProjection = Vector.ScalarProjection, ScalarProjectionGradientX = VectorGradients.ScalarProjectionGradientX,
        ScalarProjectionGradientY = VectorGradients.ScalarProjectionGradientY,
        Project = Vector.Project, ProjectJacobianX = VectorGradients.ProjectJacobianX, ProjectJacobianY = VectorGradients.ProjectJacobianY,
        Reject = Vector.Reject, RejectJacobianX = VectorGradients.RejectJacobianX, RejectJacobianY = VectorGradients.RejectJacobianY,
        Distance = Vector.Distance, DistanceGradientX = VectorGradients.DistanceGradientX, DistanceGradientY = VectorGradients.DistanceGradientY,
        HyperplaneScore = Open<Func<Hyperplane, double[], double>>(typeof(Hyperplane), nameof(Hyperplane.Evaluate)),
        HyperplaneScoreGradientX = Open<Func<Hyperplane, double[]>>(typeof(Hyperplane), nameof(Hyperplane.EvaluateGradientX)),
        HyperplaneScoreGradientWeights = Open<Func<Hyperplane, double[], double[]>>(typeof(Hyperplane), nameof(Hyperplane.EvaluateGradientWeights)),
        HyperplaneScoreGradientBias = Hyperplane.EvaluateGradientBias,
        SignedDistance = Open<Func<Hyperplane, double[], double>>(typeof(Hyperplane), nameof(Hyperplane.SignedDistance)),
        SignedDistanceGradientX = Open<Func<Hyperplane, double[]>>(typeof(Hyperplane), nameof(Hyperplane.SignedDistanceGradientX)),
        SignedDistanceGradientWeights = Open<Func<Hyperplane, double[], double[]>>(typeof(Hyperplane), nameof(Hyperplane.SignedDistanceGradientWeights)),
        SignedDistanceGradientBias = Open<Func<Hyperplane, double>>(typeof(Hyperplane), nameof(Hyperplane.SignedDistanceGradientBias)),
        Foot = Open<Func<Hyperplane, double[], double[]>>(typeof(Hyperplane), nameof(Hyperplane.Foot)),
        FootJacobianX = Open<Func<Hyperplane, double[,]>>(typeof(Hyperplane), nameof(Hyperplane.FootJacobianX)),
        FootJacobianWeights = Open<Func<Hyperplane, double[], double[,]>>(typeof(Hyperplane), nameof(Hyperplane.FootJacobianWeights)),
        FootJacobianBias = Open<Func<Hyperplane, double[]>>(typeof(Hyperplane), nameof(Hyperplane.FootJacobianBias)),
        LineThrough = Line.Through,
        PerpendicularThrough = Open<Func<Line, double[], Line>>(typeof(Line), nameof(Line.PerpendicularThrough)),
        IsParallelTo = Open<Func<Line, Line, double, bool>>(typeof(Line), nameof(Line.IsParallelTo)),
        IsPerpendicularTo = Open<Func<Line, Line, double, bool>>(typeof(Line), nameof(Line.IsPerpendicularTo)),
        DecisionScore = Open<Func<DecisionRule, double[], double>>(typeof(DecisionRule), nameof(DecisionRule.Score)),
        Accepts = Open<Func<DecisionRule, double[], bool>>(typeof(DecisionRule), nameof(DecisionRule.Accepts)),
        MeanSquaredError = RegressionMetrics.MeanSquaredError, MeanSquaredErrorGradient = LossGradients.MeanSquaredErrorGradient,
        MeanAbsoluteError = RegressionMetrics.MeanAbsoluteError, MeanAbsoluteErrorSubgradient = LossGradients.MeanAbsoluteErrorSubgradient,
        BinaryCrossEntropyFromProbabilities = BinaryCrossEntropy.FromProbabilities,
        BinaryCrossEntropyGradientFromProbabilities = LossGradients.BinaryCrossEntropyGradientFromProbabilities,
        BinaryCrossEntropyFromLogits = BinaryCrossEntropy.FromLogits, BinaryCrossEntropyGradientFromLogits = LossGradients.BinaryCrossEntropyGradientFromLogits,
        Sigmoid = Logistic.Sigmoid, SigmoidJacobian = LossGradients.SigmoidJacobian,
        Hinge = Reference.Losses.Hinge.Value, HingeSubgradient = Reference.Losses.Hinge.Subgradient,
        MeanHinge = Reference.Losses.Hinge.Mean, MeanHingeSubgradient = Reference.Losses.Hinge.MeanSubgradient,
        SoftMarginObjective = Reference.MaxMargin.SoftMarginObjective.Value, SoftMarginSubgradient = Reference.MaxMargin.SoftMarginObjective.Subgradient,
        MarginDualObjective = Open<Func<ReferenceMarginDual, double[], double[], double>>(typeof(ReferenceMarginDual), nameof(ReferenceMarginDual.DualObjective)),
        MarginDualGradient = Open<Func<ReferenceMarginDual, double[], double[], double[]>>(typeof(ReferenceMarginDual), nameof(ReferenceMarginDual.DualGradient)),
        MarginDualHessian = Open<Func<ReferenceMarginDual, int[], int[], double[,]>>(typeof(ReferenceMarginDual), nameof(ReferenceMarginDual.LabelledGram)),
        LinearLoss = LinearRegression.Loss, LinearGradient = LinearRegression.Gradient, LinearHessian = LinearRegression.Hessian,
        LogisticLoss = LogisticRegression.Loss, LogisticGradient = LogisticRegression.Gradient, LogisticHessian = LogisticRegression.Hessian,
        SoftmaxLoss = SoftmaxRegression.Loss, SoftmaxGradient = SoftmaxRegression.Gradient, SoftmaxHessian = SoftmaxRegression.Hessian,
        Train = Reference.Training.GradientDescent.Train,
    };

    /// <summary>
    /// "Declaring type.Method" of a bound delegate, e.g. "VectorGradients.AngleGradientX": what the catalog's entries
    /// and verify's report name, so a name cannot drift from the function it names. A replacement written as a lambda
    /// (a planted wrong derivation) is named as such.
    /// </summary>
    public static string NameOf(Delegate function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var method = function.Method;
        var type = method.DeclaringType;
        var compilerGenerated = method.Name.Contains('<', StringComparison.Ordinal) || (type?.Name.Contains('<', StringComparison.Ordinal) ?? false);
        if (!compilerGenerated) return $"{type?.Name}.{method.Name}";
        var outer = type;
        while (outer?.DeclaringType is not null && outer.Name.Contains('<', StringComparison.Ordinal)) outer = outer.DeclaringType;
        return $"a replacement (lambda in {outer?.Name})";
    }

    // An open delegate over a public instance method: its first argument is the object, the rest the method's.
    private static T Open<T>(Type type, string name) where T : Delegate
    {
        var parameters = typeof(T).GetMethod("Invoke")!.GetParameters().Skip(1).Select(p => p.ParameterType).ToArray();
        var method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)
                     ?? throw new MissingMethodException(type.Name, name);
        return (T)Delegate.CreateDelegate(typeof(T), method);
    }
}
