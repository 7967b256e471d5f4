namespace TensorLinear.Numerics;

/// <summary>
/// The definitions of a few derivations evaluated in <see cref="DoubleDouble"/>: the truth the tests measure each
/// engine's error against, for the dot product, the Euclidean norm, the mean squared error and the mean log-loss from
/// logits.
/// </summary>
/// <remarks>
/// These are the textbook formulas, not the engines' algorithms (no scaling, no grouping against cancellation beyond
/// what the definition itself offers), so an engine and its oracle share no code: at 106 bits the formula's own rounding
/// is about 10¹⁵ times below the engines' bounds. Inputs are doubles, taken exactly. Not the whole reference written
/// generically (issue 12's preferred design): that would rewrite src/Reference, which is more than this step.
/// </remarks>
public static class Oracle
{
    /// <summary>xᵀy = Σᵢ xᵢyᵢ (each product exact in double-double; the sum to 2⁻¹⁰⁴ of Σ|xᵢyᵢ|, within exponent range).</summary>
    public static DoubleDouble Dot(double[] x, double[] y)
    {
        DoubleDouble sum = 0.0;
        for (var i = 0; i < x.Length; i++) sum += (DoubleDouble)x[i] * y[i];
        return sum;
    }

    /// <summary>MSE = (1/n) Σ (ŷᵢ − yᵢ)².</summary>
    public static DoubleDouble MeanSquaredError(double[] targets, double[] predictions)
    {
        DoubleDouble sum = 0.0;
        for (var i = 0; i < targets.Length; i++)
        {
            var r = (DoubleDouble)predictions[i] - targets[i];
            sum += r * r;
        }
        return sum / targets.Length;
    }

    /// <summary>‖x‖₂ = √(Σᵢ xᵢ²), for components whose squares stay within double's exponent range (|xᵢ| ≲ 1e154).</summary>
    public static DoubleDouble Norm2(double[] x) => DoubleDouble.Sqrt(Dot(x, x));

    /// <summary>
    /// The mean log-loss (1/n) Σ [yᵢ·softplus(−zᵢ) + (1 − yᵢ)·softplus(zᵢ)], softplus(t) = log(1 + eᵗ) =
    /// max(t, 0) + log1p(e^−|t|): the definition −y·log σ(z) − (1 − y)·log(1 − σ(z)) with log σ(z) = −softplus(−z).
    /// </summary>
    public static DoubleDouble MeanLogLoss(double[] labels, double[] logits)
    {
        static DoubleDouble Softplus(double t) =>
            DoubleDouble.Max(t, 0.0) + DoubleDouble.Log1p(DoubleDouble.Exp(-Math.Abs(t)));
        DoubleDouble sum = 0.0;
        for (var i = 0; i < labels.Length; i++)
            sum += labels[i] * Softplus(-logits[i]) + (1.0 - (DoubleDouble)labels[i]) * Softplus(logits[i]);
        return sum / labels.Length;
    }
}
