namespace TensorLinear.Numerics;

/// <summary>
/// The largest eigenvalue of a symmetric positive semidefinite matrix by power iteration: the L in the safe
/// gradient-descent step 1/L, where only a few digits matter and a (d+1)×(d+1) Hessian is cheap to multiply.
/// </summary>
/// <remarks>
/// Repeating v ← Hv/‖Hv‖ turns v towards the eigenvector of the eigenvalue largest in magnitude, because that
/// component grows fastest (by λ₁/λ₂ per step relative to the next). For a positive semidefinite H, the only kind a
/// Hessian of a convex loss is, largest in magnitude means largest. The estimate returned is the Rayleigh quotient
/// vᵀHv, which for a symmetric H approaches λ₁ from below with error of order (λ₂/λ₁)^(2k). The stopping rule
/// compares successive quotients, so when λ₂/λ₁ = 1 − δ is very close to 1 the estimate may be low by about
/// tolerance/(2δ) relative: harmless for a step size.
/// </remarks>
public static class PowerIteration
{
    // A fixed seed keeps every run identical; a pseudo-random start (rather than all ones) is almost surely not
    // orthogonal to the top eigenvector, which would make the iteration miss it.
    private const int StartSeed = 20240601;

    /// <summary>
    /// The largest eigenvalue of the symmetric positive semidefinite matrix <paramref name="matrix"/>, to
    /// relative accuracy about <paramref name="relativeTolerance"/>.
    /// </summary>
    /// <param name="matrix">A square, symmetric, positive semidefinite matrix (symmetry is assumed, not checked).</param>
    /// <param name="relativeTolerance">Stop when successive Rayleigh quotients differ by this fraction or less.</param>
    /// <param name="maxIterations">Stop after this many multiplications even if not settled; the estimate is then
    /// still a lower bound that is close whenever the top eigenvalues are close (which is what slows it).</param>
    /// <returns>λ_max ≥ 0; 0 for the zero matrix.</returns>
    /// <exception cref="EmptyInputException">The matrix has no rows.</exception>
    /// <exception cref="DimensionMismatchException">The matrix is not square.</exception>
    /// <exception cref="NonFiniteInputException">An entry is NaN or infinite.</exception>
    /// <exception cref="OutOfDomainException">A tolerance that is not positive, or fewer than one iteration.</exception>
    public static double LargestEigenvalue(double[,] matrix, double relativeTolerance = 1e-12, int maxIterations = 100_000)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.GetLength(0);
        if (n == 0) throw new EmptyInputException(nameof(matrix), "the matrix has no rows");
        if (matrix.GetLength(1) != n)
            throw new DimensionMismatchException(nameof(matrix), $"is {n}×{matrix.GetLength(1)}; it must be square");
        foreach (var entry in matrix) Check.Finite(entry, nameof(matrix));
        Check.Positive(relativeTolerance, nameof(relativeTolerance));
        if (maxIterations < 1) throw new OutOfDomainException(nameof(maxIterations), $"is {maxIterations}; it must be ≥ 1");

        var v = StartVector(n);
        var rayleigh = 0.0;
        for (var k = 0; k < maxIterations; k++)
        {
            var hv = Multiply(matrix, v);
            var next = Dot(v, hv); // vᵀHv with ‖v‖ = 1
            var norm = Math.Sqrt(Dot(hv, hv));
            if (norm == 0.0) return 0.0; // Hv = 0 for a random v happens (almost surely) only for H = 0
            for (var i = 0; i < n; i++) v[i] = hv[i] / norm;
            if (Math.Abs(next - rayleigh) <= relativeTolerance * Math.Abs(next)) return next;
            rayleigh = next;
        }
        return rayleigh;
    }

    private static double[] StartVector(int n)
    {
        var random = new Random(StartSeed);
        var v = new double[n];
        // Positive components: the top eigenvector of a Gram matrix of non-negative features is positive (Perron),
        // so this start is already close to it in the common case.
        for (var i = 0; i < n; i++) v[i] = 0.5 + random.NextDouble();
        var norm = Math.Sqrt(Dot(v, v));
        for (var i = 0; i < n; i++) v[i] /= norm;
        return v;
    }

    private static double[] Multiply(double[,] a, double[] v)
    {
        var result = new double[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < v.Length; j++) sum += a[i, j] * v[j];
            result[i] = sum;
        }
        return result;
    }

    private static double Dot(double[] x, double[] y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }
}
