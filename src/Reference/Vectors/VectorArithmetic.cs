namespace TensorLinear.Reference;

/// <summary>The componentwise sums and multiples the derivations are written in; each returns a fresh array.</summary>
internal static class VectorArithmetic
{
    /// <summary>x + c·y, rounded once per component by a fused multiply–add.</summary>
    public static double[] AddMultiple(double[] x, double c, double[] y)
    {
        var sum = new double[x.Length];
        for (var i = 0; i < x.Length; i++) sum[i] = Math.FusedMultiplyAdd(c, y[i], x[i]);
        return sum;
    }

    /// <summary>c·x.</summary>
    public static double[] Multiply(double c, double[] x)
    {
        var product = new double[x.Length];
        for (var i = 0; i < x.Length; i++) product[i] = c * x[i];
        return product;
    }
}
