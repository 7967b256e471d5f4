using System.Runtime.ExceptionServices;
using TensorLinear.Autograd.Native;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;

namespace TensorLinear.Autograd.Models;

/// <summary>
/// Closed-form least squares on the tensor side: y ≈ Xw + b by Householder QR, never by the normal equations
/// (which square the condition number). The tensor twin of the reference's <c>OrdinaryLeastSquares</c>.
/// </summary>
/// <remarks>
/// <para>The factorisation is of the augmented matrix M = [1 X y] (the ones column only with an intercept). Its
/// triangular factor holds everything: with A = [1 X] = QR and M = Q̃R̃,
/// R̃ = [[R, c], [0, ρ]] where c = Qᵀy and ρ = ‖y − Aθ̂‖, so θ̂ solves Rθ = c and RSS = ρ² without forming a
/// residual.</para>
/// <para>R̃ is computed as a tall-skinny QR (TSQR): the rows are cut into blocks that fit in cache, each block is
/// factorised on its own (LAPACK geqrf through libtorch), and the stacked block factors are factorised once more. Every
/// step is an orthogonal transformation, so the result is the R̃ of M up to the signs of its rows, with the backward
/// stability of Householder QR. The blocks run on <see cref="Torch.KernelThreads"/> threads, with OpenBLAS on one thread
/// meanwhile (the pools take the cores in turn: see <see cref="ThreadPolicy"/>).</para>
/// <para>A column whose part outside the span of the columns before it is at most τ = 10·n·ε of its length
/// (|Rⱼⱼ| ≤ τ‖aⱼ‖, the sine of its angle to that span) makes the design rank-deficient, and the fit is refused — the
/// reference's rule.</para>
/// </remarks>
public static class TensorLeastSquares
{
    /// <summary>The factor τ/(n·ε) of the rank test, the reference's.</summary>
    public const double RankToleranceFactor = 10.0;

    // Rows per block: about 2 MB of the augmented matrix, so that LAPACK factorises each block in cache.
    private const long BlockBytes = 2 << 20;

    /// <summary>Fits y ≈ Xw + b (or y ≈ Xw without an intercept) to a data set.</summary>
    /// <exception cref="DegenerateInputException">No more rows than parameters, or a rank-deficient design.</exception>
    public static LeastSquaresSolution Fit(DataSet data, bool fitIntercept = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var scope = Torch.NewScope();
        return Fit(DataTensors.Features(data), DataTensors.Targets(data), fitIntercept);
    }

    /// <summary>Fits y ≈ Xw + b (or y ≈ Xw without an intercept) to an n×d float64 feature matrix and n targets.</summary>
    /// <exception cref="DegenerateInputException">No more rows than parameters, or a rank-deficient design.</exception>
    /// <exception cref="DimensionMismatchException">The shapes do not fit together.</exception>
    public static LeastSquaresSolution Fit(Tensor features, Tensor targets, bool fitIntercept = true) =>
        Fit(features, targets, fitIntercept, blockRows: 0);

    /// <summary>The fit with a chosen block height (0: about 2 MB per block), for the benchmark's comparison of block sizes.</summary>
    internal static LeastSquaresSolution Fit(Tensor features, Tensor targets, bool fitIntercept, long blockRows)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        var shape = features.Shape;
        if (shape.Length != 2)
            throw new DimensionMismatchException(nameof(features), $"has shape {Tensor.FormatShape(shape)}; it must be a matrix");
        long n = shape[0], d = shape[1];
        if (targets.Shape is not [var m] || m != n)
            throw new DimensionMismatchException(nameof(targets), $"has shape {Tensor.FormatShape(targets.Shape)}; it must be a vector of {n}");
        var p = (int)d + (fitIntercept ? 1 : 0);
        if (n <= p)
            throw new DegenerateInputException(nameof(features),
                $"has {n} rows for {p} parameters; least squares needs more rows than parameters");

        using var scope = Torch.NewScope();
        using var noGrad = Torch.NoGrad();
        var rows = blockRows > 0 ? blockRows : Math.Max(p + 1, BlockBytes / ((p + 1) * sizeof(double)));
        var r = AugmentedR(features, targets, fitIntercept, n, rows).ToMatrix(); // (p + 1)×(p + 1)

        RejectDependentColumns(r, p, n, fitIntercept);
        // Rθ = c by back substitution, in the design's order (the intercept first).
        var theta = new double[p];
        for (var i = p - 1; i >= 0; i--)
        {
            var sum = r[i, p];
            for (var k = i + 1; k < p; k++) sum -= r[i, k] * theta[k];
            theta[i] = sum / r[i, i];
        }
        foreach (var t in theta)
            if (!double.IsFinite(t))
                throw new OutOfDomainException(nameof(features), "the coefficients overflow double range; scale the features or the targets");
        var offset = fitIntercept ? 1 : 0;
        var model = new LinearModel(theta.AsSpan(offset).ToArray(), fitIntercept ? theta[0] : 0.0);
        return new LeastSquaresSolution(model, r[p, p] * r[p, p], (int)n, p);
    }

    // R̃ of [1 X y] by TSQR: every block's R, stacked in block order, factorised again; owned by the caller's scope.
    private static Tensor AugmentedR(Tensor x, Tensor y, bool fitIntercept, long n, long blockRows)
    {
        var blocks = (int)((n + blockRows - 1) / blockRows);
        var factors = new Tensor[blocks];
        var threads = Math.Clamp(Torch.KernelThreads, 1, blocks);
        try
        {
            void Factor(int t)
            {
                using var noGrad = Torch.NoGrad(); // gradient mode is per thread
                for (var k = t; k < blocks; k += threads)
                {
                    using var scope = Torch.NewScope();
                    long start = k * blockRows, count = Math.Min(blockRows, n - start);
                    var parts = new List<Tensor>(3);
                    if (fitIntercept) parts.Add(Tensor.Ones([count, 1]));
                    parts.Add(x.Rows(start, count));
                    parts.Add(y.Rows(start, count).Reshape(count, 1));
                    factors[k] = Tensor.Concatenate(parts, 1).QrR().DetachFromScope();
                }
            }

            if (threads == 1) Factor(0);
            else
            {
                // The blocks' threads call LAPACK, and through it BLAS: OpenBLAS gets one thread meanwhile (one pool at a time).
                using var section = ThreadSettings.KernelsOwnTheCores();
                try { Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, Factor); }
                catch (AggregateException e) when (e.InnerExceptions.Count == 1) { ExceptionDispatchInfo.Throw(e.InnerExceptions[0]); }
            }
            if (blocks > 1) return Tensor.Concatenate(factors, 0).QrR();
            var only = factors[0];
            factors[0] = null!;
            TensorScope.Current?.Adopt(only); // the caller's scope owns the result
            return only;
        }
        finally
        {
            foreach (var f in factors) f?.Dispose();
        }
    }

    // |Rⱼⱼ| is the length of the part of aⱼ outside the span of a₀..aⱼ₋₁ and ‖R₀..ⱼ,ⱼ‖ = ‖aⱼ‖ (Q has orthonormal
    // columns): their ratio is the sine of the angle between aⱼ and that span.
    private static void RejectDependentColumns(double[,] r, int p, long n, bool fitIntercept)
    {
        var tolerance = RankToleranceFactor * n * FloatingPoint.Epsilon;
        var dependent = new List<string>();
        for (var j = 0; j < p; j++)
        {
            var column = new double[j + 1];
            for (var i = 0; i <= j; i++) column[i] = r[i, j];
            if (Math.Abs(r[j, j]) <= tolerance * ScaledNorm(column))
                dependent.Add(fitIntercept ? (j == 0 ? "the intercept" : $"feature {j}") : $"feature {j + 1}");
        }
        if (dependent.Count > 0)
            throw new DegenerateInputException("features", FormattableString.Invariant(
                $"the design is rank-deficient: {string.Join(", ", dependent)} (1-based) {(dependent.Count == 1 ? "is" : "are")} (to rounding) a linear combination of the columns before; a column counts as one when the part of it outside their span is at most τ = {RankToleranceFactor}·n·ε = {tolerance:G3} of its length. Drop or merge those columns."));
    }

    // ‖v‖₂ as s·√Σ(vᵢ/s)² with s = max|vᵢ|, which neither overflows nor underflows.
    private static double ScaledNorm(double[] v)
    {
        var scale = 0.0;
        foreach (var e in v) scale = Math.Max(scale, Math.Abs(e));
        if (scale == 0.0 || !double.IsFinite(scale)) return scale;
        var sum = 0.0;
        foreach (var e in v) sum += (e / scale) * (e / scale);
        return scale * Math.Sqrt(sum);
    }
}

/// <summary>A closed-form least-squares fit from <see cref="TensorLeastSquares"/>.</summary>
/// <param name="Model">The fitted model ŷ = Xw + b (b = 0 without an intercept).</param>
/// <param name="ResidualSumOfSquares">RSS = Σ(yᵢ − ŷᵢ)², computed as ρ² from the factorisation.</param>
/// <param name="RowCount">The number of rows n.</param>
/// <param name="ParameterCount">The number of fitted parameters p: the weights, plus one for the intercept.</param>
public sealed record LeastSquaresSolution(LinearModel Model, double ResidualSumOfSquares, int RowCount, int ParameterCount);
