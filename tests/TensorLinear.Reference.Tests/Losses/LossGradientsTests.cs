using TensorLinear.Reference.Losses;
using TensorLinear.Reference.Metrics;

namespace TensorLinear.Reference.Tests.Losses;

public class LossGradientsTests
{
    [Fact]
    public void HandWorkedGradientsOfTheMeanLosses()
    {
        // MSE of ŷ = (2, 0) against y = (1, 2): (2/n)(ŷ − y) = (1, −2), each one subtraction, product and division.
        AssertClose.Relative([1.0, -2.0], LossGradients.MeanSquaredErrorGradient([1.0, 2.0], [2.0, 0.0]), 3);
        // MAE of ŷ = (2, 2, 1) against y = (1, 2, 3): sign(ŷ − y)/n = (⅓, 0, −⅓), the kink taking sign(0) = 0.
        AssertClose.Relative([1.0 / 3, 0.0, -1.0 / 3], LossGradients.MeanAbsoluteErrorSubgradient([1.0, 2.0, 3.0], [2.0, 2.0, 1.0]), 1);
        // BCE of p = (½, ¼) with labels (1, 0): (p − y)/(p(1 − p)n) = (−½/(¼·2), ¼/(3/16·2)) = (−1, ⅔).
        AssertClose.Relative([-1.0, 2.0 / 3], LossGradients.BinaryCrossEntropyGradientFromProbabilities([1.0, 0.0], [0.5, 0.25]), 5);
        // BCE of logits z = (0, 0) with labels (1, 0): (σ(z) − y)/n = (−¼, ¼).
        AssertClose.Relative([-0.25, 0.25], LossGradients.BinaryCrossEntropyGradientFromLogits([1.0, 0.0], [0.0, 0.0]), 2);
    }

    [Fact]
    public void TheSigmoidJacobianIsDiagonalWithSigmaTimesOneMinusSigma()
    {
        // σ(0) = ½ gives ¼; σ(ln 3) = ¾ and σ(−ln 3) = ¼ give 3/16; nothing off the diagonal.
        var j = LossGradients.SigmoidJacobian([0.0, Math.Log(3.0)]);
        AssertClose.Relative(0.25, j[0, 0], 4);
        AssertClose.Relative(3.0 / 16, j[1, 1], 8);
        Assert.Equal(0.0, j[0, 1]);
        Assert.Equal(0.0, j[1, 0]);
    }

    [Fact]
    public void EachGradientAgreesWithCentralDifferencesOfItsLoss()
    {
        double[] targets = [0.3, -1.2, 2.0, 0.7], predictions = [0.5, -0.4, 1.1, 0.65];
        double[] labels = [1.0, 0.0, 0.25, 1.0], probabilities = [0.7, 0.2, 0.45, 0.9], logits = [1.5, -0.3, 0.2, -2.0];
        CentralDifference.Agrees("∇MSE", p => RegressionMetrics.MeanSquaredError(targets, p), LossGradients.MeanSquaredErrorGradient(targets, predictions), predictions);
        CentralDifference.Agrees("∇MAE", p => RegressionMetrics.MeanAbsoluteError(targets, p), LossGradients.MeanAbsoluteErrorSubgradient(targets, predictions), predictions);
        CentralDifference.Agrees("∇BCE(p)", p => BinaryCrossEntropy.FromProbabilities(labels, p), LossGradients.BinaryCrossEntropyGradientFromProbabilities(labels, probabilities), probabilities);
        CentralDifference.Agrees("∇BCE(z)", z => BinaryCrossEntropy.FromLogits(labels, z), LossGradients.BinaryCrossEntropyGradientFromLogits(labels, logits), logits);
        var jacobian = LossGradients.SigmoidJacobian(logits);
        for (var i = 0; i < logits.Length; i++)
        {
            var row = i;
            CentralDifference.Agrees($"∂σ{row}/∂z", z => Logistic.Sigmoid(z[row]), [.. Enumerable.Range(0, logits.Length).Select(k => jacobian[row, k])], logits);
        }
    }

    [Fact]
    public void BadInputIsRefusedWithTypedErrors()
    {
        Assert.Throws<OutOfDomainException>(() => LossGradients.BinaryCrossEntropyGradientFromProbabilities([1.0], [0.0]));
        Assert.Throws<OutOfDomainException>(() => LossGradients.BinaryCrossEntropyGradientFromProbabilities([1.0], [1.0]));
        Assert.Throws<DimensionMismatchException>(() => LossGradients.MeanSquaredErrorGradient([1.0, 2.0], [1.0]));
        Assert.Throws<NonFiniteInputException>(() => LossGradients.BinaryCrossEntropyGradientFromLogits([1.0], [double.NaN]));
        Assert.Throws<EmptyInputException>(() => LossGradients.SigmoidJacobian([]));
    }
}
