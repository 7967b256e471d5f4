using TensorLinear.Data;
using TensorLinear.Numerics;

namespace TensorLinear.Tests.Shared;

/// <summary>
/// The logistic maximum-likelihood estimate in double-double arithmetic (about 32 digits), as the oracle the
/// double-precision Newton–Raphson of both engines is held to: the same equations, ∇ = Σ(pᵢ − yᵢ)aᵢ and
/// H = Σpᵢ(1 − pᵢ)aᵢaᵢᵀ with aᵢ = (xᵢ, 1), solved by Gaussian elimination with partial pivoting in double-double.
/// </summary>
internal static class DoubleDoubleNewton
{
    /// <summary>
    /// Full Newton steps from <paramref name="start"/> (w then b) until a step changes no parameter by more than 1e-28 of
    /// the largest; throws when that takes more than 50 steps.
    /// </summary>
    public static DoubleDouble[] Fit(DataSet data, double[] start)
    {
        var p = data.FeatureCount + 1;
        var theta = start.Select(DoubleDouble.From).ToArray();
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var step = Solve(Hessian(data, theta), Gradient(data, theta));
            var largest = 0.0;
            var change = 0.0;
            for (var j = 0; j < p; j++)
            {
                theta[j] -= step[j];
                largest = Math.Max(largest, Math.Abs(theta[j].Hi));
                change = Math.Max(change, Math.Abs(step[j].Hi));
            }
            if (change <= 1e-28 * largest) return theta;
        }
        throw new InvalidOperationException("double-double Newton did not converge in 50 steps");
    }

    private static DoubleDouble Probability(DataSet data, DoubleDouble[] theta, int row)
    {
        var z = theta[^1];
        for (var j = 0; j < data.FeatureCount; j++) z += theta[j] * data[row, j];
        return 1.0 / (1.0 + DoubleDouble.Exp(-z));
    }

    private static DoubleDouble[] Gradient(DataSet data, DoubleDouble[] theta)
    {
        var g = new DoubleDouble[theta.Length];
        var y = data.Targets.Span;
        for (var i = 0; i < data.RowCount; i++)
        {
            var residual = Probability(data, theta, i) - y[i];
            for (var j = 0; j < data.FeatureCount; j++) g[j] += residual * data[i, j];
            g[^1] += residual;
        }
        return g;
    }

    private static DoubleDouble[,] Hessian(DataSet data, DoubleDouble[] theta)
    {
        var p = theta.Length;
        var h = new DoubleDouble[p, p];
        var a = new DoubleDouble[p];
        for (var i = 0; i < data.RowCount; i++)
        {
            var pi = Probability(data, theta, i);
            var weight = pi * (1.0 - pi);
            for (var j = 0; j < data.FeatureCount; j++) a[j] = data[i, j];
            a[^1] = 1.0;
            for (var j = 0; j < p; j++)
                for (var k = 0; k < p; k++)
                    h[j, k] += weight * a[j] * a[k];
        }
        return h;
    }

    // x with Hx = g, by elimination with partial pivoting.
    private static DoubleDouble[] Solve(DoubleDouble[,] h, DoubleDouble[] g)
    {
        var p = g.Length;
        for (var c = 0; c < p; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < p; r++)
                if (Math.Abs(h[r, c].Hi) > Math.Abs(h[pivot, c].Hi)) pivot = r;
            for (var k = 0; k < p; k++) (h[c, k], h[pivot, k]) = (h[pivot, k], h[c, k]);
            (g[c], g[pivot]) = (g[pivot], g[c]);
            for (var r = c + 1; r < p; r++)
            {
                var factor = h[r, c] / h[c, c];
                for (var k = c; k < p; k++) h[r, k] -= factor * h[c, k];
                g[r] -= factor * g[c];
            }
        }
        var x = new DoubleDouble[p];
        for (var r = p - 1; r >= 0; r--)
        {
            var sum = g[r];
            for (var k = r + 1; k < p; k++) sum -= h[r, k] * x[k];
            x[r] = sum / h[r, r];
        }
        return x;
    }
}
