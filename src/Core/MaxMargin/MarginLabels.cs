using TensorLinear.Data;

namespace TensorLinear.MaxMargin;

/// <summary>
/// The labels of a maximum-margin classifier: y ∈ {−1, +1}, the sign of the side of the hyperplane a row belongs on,
/// so that yᵢ(wᵀxᵢ + b) ≥ 1 says "row i is on its own side, at least the margin away". Both engines check their data
/// here, so that the same bad labels raise the same typed error on either side.
/// </summary>
public static class MarginLabels
{
    /// <summary>The ±1 labels of 0/1 class labels: class 1 → +1, class 0 → −1 (the positive side is class 1's).</summary>
    /// <exception cref="OutOfDomainException">A label is not 0 or 1.</exception>
    public static double[] FromClasses(ReadOnlySpan<double> classes)
    {
        var y = new double[classes.Length];
        for (var i = 0; i < y.Length; i++)
            y[i] = classes[i] switch
            {
                1.0 => 1.0,
                0.0 => -1.0,
                _ => throw new OutOfDomainException("classes", FormattableString.Invariant($"label {i} is {classes[i]}; class labels are 0 and 1")),
            };
        return y;
    }

    /// <summary>
    /// Throws a typed error unless every target of <paramref name="data"/> is −1 or +1 and both occur; returns the
    /// number of +1 rows.
    /// </summary>
    /// <exception cref="OutOfDomainException">A target is not ±1.</exception>
    /// <exception cref="DegenerateInputException">Only one class occurs: every hyperplane with that class on its side is
    /// "separating", and there is no margin to maximise.</exception>
    public static int Check(DataSet data, string name = "data")
    {
        ArgumentNullException.ThrowIfNull(data, name);
        var y = data.Targets.Span;
        var positives = 0;
        for (var i = 0; i < y.Length; i++)
        {
            if (y[i] == 1.0) positives++;
            else if (y[i] != -1.0)
                throw new OutOfDomainException(name, FormattableString.Invariant($"label {i} is {y[i]}; a maximum-margin classifier needs labels −1 and +1 (map two classes onto them first: MarginLabels.FromClasses)"));
        }
        if (positives == 0 || positives == y.Length)
            throw new DegenerateInputException(name, $"every row has label {(positives == 0 ? "−1" : "+1")}; a margin separates two classes, and with one there is nothing to separate (the margin is unbounded)");
        return positives;
    }
}
