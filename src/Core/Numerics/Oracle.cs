namespace TensorLinear.Numerics;

/// <summary>
/// The definitions of a few derivations — the dot product, the Euclidean norm, the mean squared error and the mean
/// log-loss from logits — written once over <see cref="IRealNumber{T}"/>: on <see cref="DoubleDouble"/> they give the
/// truth each engine's value is measured against, on <see cref="Dual"/> a forward-mode derivative to hold the hand
/// gradients to.
/// </summary>
/// <remarks>
/// These are the textbook formulas, not the engines' algorithms (no scaling, no grouping against cancellation beyond
/// what the definition itself offers), so an engine and its oracle share no code: at 106 bits the formula's own rounding
/// is about 10¹⁵ times below the engines' bounds. Not the whole reference written generically (issue 12's preferred
/// design): that would rewrite src/Reference, which is more than this step.
/// </remarks>
public static class Oracle
{
    /// <summary>The doubles as T constants, exactly.</summary>
    public static T[] Of<T>(double[] values) where T : IRealNumber<T> => [.. values.Select(T.From)];

    /// <summary>xᵀy = Σᵢ xᵢyᵢ.</summary>
    public static T Dot<T>(T[] x, T[] y) where T : IRealNumber<T>
    {
        var sum = T.AdditiveIdentity;
        for (var i = 0; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    /// <summary>‖x‖₂ = √(Σᵢ xᵢ²), for components whose squares stay within double's exponent range (|xᵢ| ≲ 1e154).</summary>
    public static T Norm2<T>(T[] x) where T : IRealNumber<T> => T.Sqrt(Dot(x, x));

    /// <summary>MSE = (1/n) Σ (ŷᵢ − yᵢ)².</summary>
    public static T MeanSquaredError<T>(T[] targets, T[] predictions) where T : IRealNumber<T>
    {
        var sum = T.AdditiveIdentity;
        for (var i = 0; i < targets.Length; i++)
        {
            var r = predictions[i] - targets[i];
            sum += r * r;
        }
        return sum / T.From(targets.Length);
    }

    /// <summary>
    /// The mean log-loss (1/n) Σ [yᵢ·softplus(−zᵢ) + (1 − yᵢ)·softplus(zᵢ)], softplus(t) = log(1 + eᵗ) =
    /// max(t, 0) + log1p(e^−|t|): the definition −y·log σ(z) − (1 − y)·log(1 − σ(z)) with log σ(z) = −softplus(−z).
    /// </summary>
    public static T MeanLogLoss<T>(T[] labels, T[] logits) where T : IRealNumber<T>
    {
        var zero = T.AdditiveIdentity;
        var one = T.From(1.0);
        // max(t, 0) + log1p(e^−|t|); at t = 0 both pieces take the branch t ≥ 0, whose derivatives 1 − ½ are the true ½.
        T Softplus(T t) => (t < zero ? zero : t) + T.Log1p(T.Exp(t < zero ? t : -t));
        var sum = zero;
        for (var i = 0; i < labels.Length; i++)
            sum += labels[i] * Softplus(-logits[i]) + (one - labels[i]) * Softplus(logits[i]);
        return sum / T.From(labels.Length);
    }
}
