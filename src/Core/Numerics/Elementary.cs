namespace TensorLinear.Numerics;

/// <summary>
/// Elementary functions that the .NET library computes less accurately than the derivations need.
/// </summary>
public static class Elementary
{
    /// <summary>
    /// log(1 + x), accurate to a few units in the last place even when |x| is far below ε, where log(1 + x) itself
    /// returns 0. Follows <see cref="Math.Log(double)"/> at the edges: −∞ at x = −1, NaN below −1 or for NaN.
    /// </summary>
    /// <remarks>
    /// .NET's <c>double.LogP1</c> is computed as log(x + 1) and so loses every digit for x below about 1e-16.
    /// This uses Goldberg's correction (What Every Computer Scientist Should Know About Floating-Point
    /// Arithmetic, Theorem 4): with u = fl(1 + x), the ratio x/(u − 1) cancels the rounding error made in forming u,
    /// and log(u)·x/(u − 1) has relative error at most about 5ε.
    /// </remarks>
    public static double Log1p(double x)
    {
        var u = 1.0 + x;
        if (u == 1.0) return x; // |x| ≤ u: log(1 + x) = x − x²/2 + … rounds to x
        if (double.IsPositiveInfinity(u)) return Math.Log(u); // u − 1 = ∞ would make the ratio ∞/∞
        return Math.Log(u) * x / (u - 1.0);
    }
}
