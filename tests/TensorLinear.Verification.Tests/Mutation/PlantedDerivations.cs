using TensorLinear.Verification.Catalog;
using static TensorLinear.Verification.Tests.Mutation.Mutants;

namespace TensorLinear.Verification.Tests.Mutation;

/// <summary>One planted wrong derivation: which function of <see cref="ReferenceFunctions"/> it replaces, how, and the record with it replaced.</summary>
/// <param name="Function">The <see cref="ReferenceFunctions"/> member replaced (a public derivative function of src/Reference).</param>
/// <param name="Kind">The mistake, in words.</param>
/// <param name="Functions">The shipped functions with that one replaced.</param>
public sealed record PlantedDerivation(string Function, string Kind, ReferenceFunctions Functions)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Function}: {Kind}";
}

/// <summary>Every planted wrong derivation of the suite: several per public derivative function of src/Reference.</summary>
internal static class PlantedDerivations
{
    private static readonly ReferenceFunctions S = ReferenceFunctions.Shipped;

    private static PlantedDerivation P(string function, string kind, ReferenceFunctions functions) => new(function, kind, functions);

    public static IReadOnlyList<PlantedDerivation> All { get; } =
    [
        // ---- vectors
        P(nameof(S.DotGradientX), "flipped sign", S with { DotGradientX = (x, y) => Negate(S.DotGradientX(x, y)) }),
        P(nameof(S.DotGradientX), "swapped arguments", S with { DotGradientX = (x, y) => S.DotGradientX(y, x) }),
        P(nameof(S.DotGradientY), "flipped sign", S with { DotGradientY = (x, y) => Negate(S.DotGradientY(x, y)) }),
        P(nameof(S.DotGradientY), "swapped arguments", S with { DotGradientY = (x, y) => S.DotGradientY(y, x) }),
        P(nameof(S.Norm1Gradient), "flipped sign", S with { Norm1Gradient = x => Negate(S.Norm1Gradient(x)) }),
        P(nameof(S.Norm1Gradient), "a factor 2 too many", S with { Norm1Gradient = x => Scale(S.Norm1Gradient(x), 2) }),
        P(nameof(S.Norm2Gradient), "flipped sign", S with { Norm2Gradient = x => Negate(S.Norm2Gradient(x)) }),
        P(nameof(S.Norm2Gradient), "missing normalisation", S with { Norm2Gradient = x => Unnormalised(S.Norm2Gradient(x), x) }),
        P(nameof(S.NormInfGradient), "flipped sign", S with { NormInfGradient = x => Negate(S.NormInfGradient(x)) }),
        P(nameof(S.NormInfGradient), "a factor 2 too many", S with { NormInfGradient = x => Scale(S.NormInfGradient(x), 2) }),
        P(nameof(S.NormPGradient), "flipped sign", S with { NormPGradient = (x, p) => Negate(S.NormPGradient(x, p)) }),
        P(nameof(S.NormPGradient), "one coordinate doubled", S with { NormPGradient = (x, p) => ScaleFirst(S.NormPGradient(x, p)) }),
        P(nameof(S.UnitJacobian), "flipped sign", S with { UnitJacobian = x => Negate(S.UnitJacobian(x)) }),
        P(nameof(S.UnitJacobian), "wrong diagonal", S with { UnitJacobian = x => WrongDiagonal(S.UnitJacobian(x)) }),
        P(nameof(S.UnitJacobian), "missing normalisation", S with { UnitJacobian = x => Scale(S.UnitJacobian(x), S.Norm2(x)) }),
        P(nameof(S.CosineGradientX), "flipped sign", S with { CosineGradientX = (x, y) => Negate(S.CosineGradientX(x, y)) }),
        P(nameof(S.CosineGradientX), "swapped arguments", S with { CosineGradientX = (x, y) => S.CosineGradientX(y, x) }),
        P(nameof(S.CosineGradientY), "flipped sign", S with { CosineGradientY = (x, y) => Negate(S.CosineGradientY(x, y)) }),
        P(nameof(S.CosineGradientY), "swapped arguments", S with { CosineGradientY = (x, y) => S.CosineGradientY(y, x) }),
        P(nameof(S.AngleGradientX), "flipped sign", S with { AngleGradientX = (x, y) => Negate(S.AngleGradientX(x, y)) }),
        P(nameof(S.AngleGradientX), "swapped arguments", S with { AngleGradientX = (x, y) => S.AngleGradientX(y, x) }),
        P(nameof(S.AngleGradientY), "flipped sign", S with { AngleGradientY = (x, y) => Negate(S.AngleGradientY(x, y)) }),
        P(nameof(S.AngleGradientY), "missing normalisation", S with { AngleGradientY = (x, y) => Unnormalised(S.AngleGradientY(x, y), y) }),
        P(nameof(S.ScalarProjectionGradientX), "flipped sign", S with { ScalarProjectionGradientX = (x, y) => Negate(S.ScalarProjectionGradientX(x, y)) }),
        P(nameof(S.ScalarProjectionGradientX), "one coordinate doubled", S with { ScalarProjectionGradientX = (x, y) => ScaleFirst(S.ScalarProjectionGradientX(x, y)) }),
        P(nameof(S.ScalarProjectionGradientY), "flipped sign", S with { ScalarProjectionGradientY = (x, y) => Negate(S.ScalarProjectionGradientY(x, y)) }),
        P(nameof(S.ScalarProjectionGradientY), "missing normalisation", S with { ScalarProjectionGradientY = (x, y) => Unnormalised(S.ScalarProjectionGradientY(x, y), y) }),
        P(nameof(S.ProjectJacobianX), "flipped sign", S with { ProjectJacobianX = (x, y) => Negate(S.ProjectJacobianX(x, y)) }),
        P(nameof(S.ProjectJacobianX), "wrong diagonal", S with { ProjectJacobianX = (x, y) => WrongDiagonal(S.ProjectJacobianX(x, y)) }),
        P(nameof(S.ProjectJacobianY), "flipped sign", S with { ProjectJacobianY = (x, y) => Negate(S.ProjectJacobianY(x, y)) }),
        P(nameof(S.ProjectJacobianY), "transposed", S with { ProjectJacobianY = (x, y) => Transpose(S.ProjectJacobianY(x, y)) }),
        P(nameof(S.RejectJacobianX), "flipped sign", S with { RejectJacobianX = (x, y) => Negate(S.RejectJacobianX(x, y)) }),
        P(nameof(S.RejectJacobianX), "wrong diagonal", S with { RejectJacobianX = (x, y) => WrongDiagonal(S.RejectJacobianX(x, y)) }),
        P(nameof(S.RejectJacobianY), "flipped sign", S with { RejectJacobianY = (x, y) => Negate(S.RejectJacobianY(x, y)) }),
        P(nameof(S.RejectJacobianY), "transposed", S with { RejectJacobianY = (x, y) => Transpose(S.RejectJacobianY(x, y)) }),
        P(nameof(S.DistanceGradientX), "flipped sign", S with { DistanceGradientX = (x, y, p) => Negate(S.DistanceGradientX(x, y, p)) }),
        P(nameof(S.DistanceGradientX), "a factor 2 too many", S with { DistanceGradientX = (x, y, p) => Scale(S.DistanceGradientX(x, y, p), 2) }),
        P(nameof(S.DistanceGradientY), "flipped sign", S with { DistanceGradientY = (x, y, p) => Negate(S.DistanceGradientY(x, y, p)) }),
        P(nameof(S.DistanceGradientY), "swapped arguments", S with { DistanceGradientY = (x, y, p) => S.DistanceGradientY(y, x, p) }),

        // ---- hyperplanes
        P(nameof(S.HyperplaneScoreGradientX), "flipped sign", S with { HyperplaneScoreGradientX = h => Negate(S.HyperplaneScoreGradientX(h)) }),
        P(nameof(S.HyperplaneScoreGradientX), "one coordinate doubled", S with { HyperplaneScoreGradientX = h => ScaleFirst(S.HyperplaneScoreGradientX(h)) }),
        P(nameof(S.HyperplaneScoreGradientWeights), "flipped sign", S with { HyperplaneScoreGradientWeights = (h, x) => Negate(S.HyperplaneScoreGradientWeights(h, x)) }),
        P(nameof(S.HyperplaneScoreGradientWeights), "swapped arguments (w for x)", S with { HyperplaneScoreGradientWeights = (h, x) => S.HyperplaneScoreGradientX(h) }),
        P(nameof(S.HyperplaneScoreGradientBias), "flipped sign", S with { HyperplaneScoreGradientBias = () => -S.HyperplaneScoreGradientBias() }),
        P(nameof(S.HyperplaneScoreGradientBias), "a factor 2 too many", S with { HyperplaneScoreGradientBias = () => 2 * S.HyperplaneScoreGradientBias() }),
        P(nameof(S.SignedDistanceGradientX), "flipped sign", S with { SignedDistanceGradientX = h => Negate(S.SignedDistanceGradientX(h)) }),
        P(nameof(S.SignedDistanceGradientX), "missing normalisation", S with { SignedDistanceGradientX = h => Unnormalised(S.SignedDistanceGradientX(h), [.. h.Weights]) }),
        P(nameof(S.SignedDistanceGradientWeights), "flipped sign", S with { SignedDistanceGradientWeights = (h, x) => Negate(S.SignedDistanceGradientWeights(h, x)) }),
        P(nameof(S.SignedDistanceGradientWeights), "missing normalisation", S with { SignedDistanceGradientWeights = (h, x) => Unnormalised(S.SignedDistanceGradientWeights(h, x), [.. h.Weights]) }),
        P(nameof(S.SignedDistanceGradientBias), "flipped sign", S with { SignedDistanceGradientBias = h => -S.SignedDistanceGradientBias(h) }),
        P(nameof(S.SignedDistanceGradientBias), "missing normalisation", S with { SignedDistanceGradientBias = h => S.SignedDistanceGradientBias(h) * S.Norm2([.. h.Weights]) }),
        P(nameof(S.FootJacobianX), "flipped sign", S with { FootJacobianX = h => Negate(S.FootJacobianX(h)) }),
        P(nameof(S.FootJacobianX), "wrong diagonal", S with { FootJacobianX = h => WrongDiagonal(S.FootJacobianX(h)) }),
        P(nameof(S.FootJacobianWeights), "flipped sign", S with { FootJacobianWeights = (h, x) => Negate(S.FootJacobianWeights(h, x)) }),
        P(nameof(S.FootJacobianWeights), "transposed", S with { FootJacobianWeights = (h, x) => Transpose(S.FootJacobianWeights(h, x)) }),
        P(nameof(S.FootJacobianBias), "flipped sign", S with { FootJacobianBias = h => Negate(S.FootJacobianBias(h)) }),
        P(nameof(S.FootJacobianBias), "missing normalisation", S with { FootJacobianBias = h => Unnormalised(S.FootJacobianBias(h), [.. h.Weights]) }),

        // ---- pointwise losses
        P(nameof(S.MeanSquaredErrorGradient), "missing factor 2", S with { MeanSquaredErrorGradient = (y, p) => Scale(S.MeanSquaredErrorGradient(y, p), 0.5) }),
        P(nameof(S.MeanSquaredErrorGradient), "average left as sum", S with { MeanSquaredErrorGradient = (y, p) => AsSum(S.MeanSquaredErrorGradient(y, p)) }),
        P(nameof(S.MeanSquaredErrorGradient), "flipped sign", S with { MeanSquaredErrorGradient = (y, p) => Negate(S.MeanSquaredErrorGradient(y, p)) }),
        P(nameof(S.MeanAbsoluteErrorSubgradient), "flipped sign", S with { MeanAbsoluteErrorSubgradient = (y, p) => Negate(S.MeanAbsoluteErrorSubgradient(y, p)) }),
        P(nameof(S.MeanAbsoluteErrorSubgradient), "average left as sum", S with { MeanAbsoluteErrorSubgradient = (y, p) => AsSum(S.MeanAbsoluteErrorSubgradient(y, p)) }),
        P(nameof(S.BinaryCrossEntropyGradientFromProbabilities), "flipped sign", S with { BinaryCrossEntropyGradientFromProbabilities = (y, p) => Negate(S.BinaryCrossEntropyGradientFromProbabilities(y, p)) }),
        P(nameof(S.BinaryCrossEntropyGradientFromProbabilities), "average left as sum", S with { BinaryCrossEntropyGradientFromProbabilities = (y, p) => AsSum(S.BinaryCrossEntropyGradientFromProbabilities(y, p)) }),
        P(nameof(S.BinaryCrossEntropyGradientFromLogits), "flipped sign", S with { BinaryCrossEntropyGradientFromLogits = (y, z) => Negate(S.BinaryCrossEntropyGradientFromLogits(y, z)) }),
        P(nameof(S.BinaryCrossEntropyGradientFromLogits), "average left as sum", S with { BinaryCrossEntropyGradientFromLogits = (y, z) => AsSum(S.BinaryCrossEntropyGradientFromLogits(y, z)) }),
        P(nameof(S.SigmoidJacobian), "flipped sign", S with { SigmoidJacobian = z => Negate(S.SigmoidJacobian(z)) }),
        P(nameof(S.SigmoidJacobian), "wrong diagonal", S with { SigmoidJacobian = z => DoubledDiagonal(S.SigmoidJacobian(z)) }),

        // ---- max margin
        P(nameof(S.HingeSubgradient), "flipped sign", S with { HingeSubgradient = (y, s) => -S.HingeSubgradient(y, s) }),
        P(nameof(S.HingeSubgradient), "the label's factor left out (−1 for −y)", S with { HingeSubgradient = (y, s) => y * S.HingeSubgradient(y, s) }),
        P(nameof(S.MeanHingeSubgradient), "flipped sign", S with { MeanHingeSubgradient = (y, s) => Negate(S.MeanHingeSubgradient(y, s)) }),
        P(nameof(S.MeanHingeSubgradient), "average left as sum", S with { MeanHingeSubgradient = (y, s) => AsSum(S.MeanHingeSubgradient(y, s)) }),
        P(nameof(S.SoftMarginSubgradient), "flipped sign", S with { SoftMarginSubgradient = (d, m, c) => Map(S.SoftMarginSubgradient(d, m, c), Negate) }),
        P(nameof(S.SoftMarginSubgradient), "the regulariser's w left out", S with { SoftMarginSubgradient = (d, m, c) => Map(S.SoftMarginSubgradient(d, m, c), g => [.. g.Select((v, j) => j < m.Weights.Length ? v - m.Weights[j] : v)]) }),
        P(nameof(S.SoftMarginSubgradient), "C left out of the hinge part", S with { SoftMarginSubgradient = (d, m, c) => Map(S.SoftMarginSubgradient(d, m, c), g => [.. g.Select((v, j) => j < m.Weights.Length ? m.Weights[j] + (v - m.Weights[j]) / c : v / c)]) }),
        P(nameof(S.MarginDualGradient), "flipped sign", S with { MarginDualGradient = (q, a, c) => Negate(S.MarginDualGradient(q, a, c)) }),
        P(nameof(S.MarginDualGradient), "the linear term's sign flipped", S with { MarginDualGradient = (q, a, c) => [.. S.MarginDualGradient(q, a, c).Select((v, i) => v + 2 * c[i])] }),
        P(nameof(S.MarginDualGradient), "a factor 2 too many (½ forgotten)", S with { MarginDualGradient = (q, a, c) => [.. S.MarginDualGradient(q, a, c).Select((v, i) => 2 * (v + c[i]) - c[i])] }),
        P(nameof(S.MarginDualHessian), "wrong diagonal", S with { MarginDualHessian = (q, r, k) => WrongDiagonal(S.MarginDualHessian(q, r, k)) }),
        P(nameof(S.MarginDualHessian), "flipped sign", S with { MarginDualHessian = (q, r, k) => Negate(S.MarginDualHessian(q, r, k)) }),

        // ---- linear models
        P(nameof(S.LinearGradient), "missing factor 2", S with { LinearGradient = (d, m, p) => Map(S.LinearGradient(d, m, p), g => Scale(g, 0.5)) }),
        P(nameof(S.LinearGradient), "average left as sum", S with { LinearGradient = (d, m, p) => Map(S.LinearGradient(d, m, p), g => Scale(g, d.RowCount)) }),
        P(nameof(S.LinearGradient), "flipped sign", S with { LinearGradient = (d, m, p) => Map(S.LinearGradient(d, m, p), Negate) }),
        P(nameof(S.LinearGradient), "one coordinate doubled", S with { LinearGradient = (d, m, p) => Map(S.LinearGradient(d, m, p), ScaleFirst) }),
        P(nameof(S.LinearGradient), "sample weights ignored", S with { LinearGradient = (d, m, p) => S.LinearGradient(d.WithSampleWeights(null), m, p) }),
        P(nameof(S.LinearGradient), "weighted sum divided by n, not Σω", S with { LinearGradient = (d, m, p) => Map(S.LinearGradient(d, m, p), g => Scale(g, d.SampleWeightSum / d.RowCount)) }),
        P(nameof(S.LinearHessian), "sample weights ignored", S with { LinearHessian = (d, m, p) => S.LinearHessian(d.WithSampleWeights(null), m, p) }),
        P(nameof(S.LinearHessian), "missing factor 2", S with { LinearHessian = (d, m, p) => Scale(S.LinearHessian(d, m, p), 0.5) }),
        P(nameof(S.LinearHessian), "wrong diagonal", S with { LinearHessian = (d, m, p) => WrongDiagonal(S.LinearHessian(d, m, p)) }),
        P(nameof(S.LinearHessian), "average left as sum", S with { LinearHessian = (d, m, p) => Scale(S.LinearHessian(d, m, p), d.RowCount) }),
        P(nameof(S.LogisticGradient), "flipped sign", S with { LogisticGradient = (d, m, p) => Map(S.LogisticGradient(d, m, p), Negate) }),
        P(nameof(S.LogisticGradient), "average left as sum", S with { LogisticGradient = (d, m, p) => Map(S.LogisticGradient(d, m, p), g => Scale(g, d.RowCount)) }),
        P(nameof(S.LogisticGradient), "sample weights ignored", S with { LogisticGradient = (d, m, p) => S.LogisticGradient(d.WithSampleWeights(null), m, p) }),
        P(nameof(S.LogisticGradient), "weighted sum divided by n, not Σω", S with { LogisticGradient = (d, m, p) => Map(S.LogisticGradient(d, m, p), g => Scale(g, d.SampleWeightSum / d.RowCount)) }),
        P(nameof(S.LogisticHessian), "sample weights ignored", S with { LogisticHessian = (d, m, p) => S.LogisticHessian(d.WithSampleWeights(null), m, p) }),
        P(nameof(S.LogisticHessian), "wrong diagonal", S with { LogisticHessian = (d, m, p) => DoubledDiagonal(S.LogisticHessian(d, m, p)) }),
        P(nameof(S.LogisticHessian), "flipped sign", S with { LogisticHessian = (d, m, p) => Negate(S.LogisticHessian(d, m, p)) }),

        // ---- softmax regression
        P(nameof(S.SoftmaxGradient), "sample weights ignored", S with { SoftmaxGradient = (d, m, p) => S.SoftmaxGradient(d.WithSampleWeights(null), m, p) }),
        P(nameof(S.SoftmaxHessian), "sample weights ignored", S with { SoftmaxHessian = (d, m, p) => S.SoftmaxHessian(d.WithSampleWeights(null), m, p) }),
        P(nameof(S.SoftmaxGradient), "flipped sign", S with { SoftmaxGradient = (d, m, p) => Negate(S.SoftmaxGradient(d, m, p)) }),
        P(nameof(S.SoftmaxGradient), "average left as sum", S with { SoftmaxGradient = (d, m, p) => Scale(S.SoftmaxGradient(d, m, p), d.RowCount) }),
        P(nameof(S.SoftmaxGradient), "label term left out (p instead of p − e_y)", S with { SoftmaxGradient = (d, m, p) => WithoutLabelTerm(S.SoftmaxGradient(d, m, p), d, m) }),
        P(nameof(S.SoftmaxGradient), "one coordinate doubled", S with { SoftmaxGradient = (d, m, p) => ScaleFirst(S.SoftmaxGradient(d, m, p)) }),
        P(nameof(S.SoftmaxHessian), "flipped sign", S with { SoftmaxHessian = (d, m, p) => Negate(S.SoftmaxHessian(d, m, p)) }),
        P(nameof(S.SoftmaxHessian), "wrong diagonal", S with { SoftmaxHessian = (d, m, p) => DoubledDiagonal(S.SoftmaxHessian(d, m, p)) }),
        P(nameof(S.SoftmaxHessian), "average left as sum", S with { SoftmaxHessian = (d, m, p) => Scale(S.SoftmaxHessian(d, m, p), d.RowCount) }),
        P(nameof(S.SoftmaxHessian), "cross-class blocks left out (−pᵢpᵢᵀ kept only within a class)", S with { SoftmaxHessian = (d, m, p) => BlockDiagonal(S.SoftmaxHessian(d, m, p), d.FeatureCount + 1) }),
    ];
}
