namespace TensorLinear;

/// <summary>
/// Gradient descent diverged: the loss became NaN or infinite, or grew for several epochs in a row. The message
/// states the learning rate used and, when it is known, the bound 2/L above which a fixed step diverges.
/// </summary>
public sealed class DivergenceException : TensorLinearException
{
    /// <summary>Creates the exception for a run that diverged at <paramref name="epoch"/>.</summary>
    public DivergenceException(double learningRate, double? divergenceBound, int epoch, double loss)
        : base(Describe(learningRate, divergenceBound, epoch, loss))
    {
        LearningRate = learningRate;
        DivergenceBound = divergenceBound;
        Epoch = epoch;
        Loss = loss;
    }

    /// <summary>The learning rate the run used.</summary>
    public double LearningRate { get; }

    /// <summary>2/L for L the largest eigenvalue of the loss's Hessian, when it was computed.</summary>
    public double? DivergenceBound { get; }

    /// <summary>The epoch at which divergence was detected (1-based).</summary>
    public int Epoch { get; }

    /// <summary>The loss at that epoch (may be NaN or infinite).</summary>
    public double Loss { get; }

    private static string Describe(double learningRate, double? bound, int epoch, double loss)
    {
        var r = FormattableString.Invariant($"gradient descent diverged at epoch {epoch} (loss {loss:R}) with learning rate {learningRate:R}");
        return bound is double b
            ? r + FormattableString.Invariant($"; a fixed step diverges above 2/L = {b:R}, and 1/L = {b / 2:R} is safe")
            : r + "; lower the learning rate or use the safe step 1/L (learning rate 'auto')";
    }
}
