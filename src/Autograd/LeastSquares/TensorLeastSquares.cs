using System.Runtime.ExceptionServices;
using TensorLinear.Autograd.Models;
using TensorLinear.Autograd.Runtime;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.LeastSquares;

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
/// factorised on its own (LAPACK geqrf through <c>torch.linalg.qr</c>), and the stacked block factors are factorised
/// once more. Every step is an orthogonal transformation, so the result is the R̃ of M up to the signs of its rows, with
/// the backward stability of Householder QR. The blocks run on <see cref="Torch.KernelThreads"/> threads, with
/// libtorch on one thread meanwhile (the pools take the cores in turn: see <see cref="ThreadPolicy"/>).</para>
/// <para>The rank test is the reference's, on the leading p×p block of R̃ (<see cref="ColumnRank"/>): a column that
/// is to rounding a combination of the columns before it makes the design rank-deficient, and the fit is refused with
/// <see cref="RankDeficientException"/>.</para>
/// </remarks>
public static class TensorLeastSquares
{
    // Rows per block: about 2 MB of the augmented matrix, so that LAPACK factorises each block in cache.
    private const long BlockBytes = 2 << 20;

    /// <summary>
    /// Fits y ≈ Xw + b (or y ≈ Xw without an intercept) to a data set; by weighted least squares, min Σωᵢ(yᵢ − aᵢᵀθ)²,
    /// when it has sample weights: the same QR of the whitened rows √ωᵢ(1, xᵢ, yᵢ), and RSS = Σωᵢeᵢ².
    /// </summary>
    /// <exception cref="DegenerateInputException">No more rows than parameters.</exception>
    /// <exception cref="RankDeficientException">Some column is (to rounding) a combination of earlier ones.</exception>
    public static LeastSquaresSolution Fit(DataSet data, bool fitIntercept = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        Torch.Initialize();
        using var scope = NewDisposeScope();
        // √(ωᵢ/2ᵏ), k the exponent of the largest weight: exact, leaves θ̂ as it is, scales RSS by 2⁻ᵏ, and keeps the
        // whitened rows no larger than the data whatever the weights' scale (as the reference's ScaledWeights does).
        var k = data.IsWeighted ? PowerOfTwoScaling.Exponent(data.SampleWeights.Span) : 0;
        using Scalar scale = Math.ScaleB(1.0, -k); // held for the call: see Runtime/LibTorchSharpExports
        var rootWeights = data.IsWeighted ? (DataTensors.SampleWeights(data)! * scale).sqrt() : null;
        return Fit(DataTensors.Features(data), DataTensors.Targets(data), fitIntercept, blockRows: 0, data.FeatureNames, rootWeights, k);
    }

    /// <summary>Fits y ≈ Xw + b (or y ≈ Xw without an intercept) to an n×d float64 feature matrix and n targets.</summary>
    /// <exception cref="DegenerateInputException">No more rows than parameters.</exception>
    /// <exception cref="RankDeficientException">Some column is (to rounding) a combination of earlier ones (features
    /// named x1, x2, … in the message).</exception>
    /// <exception cref="OutOfDomainException">A coefficient or the residual sum of squares is beyond the range of double,
    /// or below its normal range.</exception>
    /// <exception cref="DimensionMismatchException">The shapes do not fit together.</exception>
    /// <exception cref="InvalidInputException">A tensor is not float64, or holds NaN or an infinity.</exception>
    public static LeastSquaresSolution Fit(Tensor features, Tensor targets, bool fitIntercept = true) =>
        Fit(features, targets, fitIntercept, blockRows: 0);

    /// <summary>The fit with a chosen block height (0: about 2 MB per block), for the benchmark's comparison of block
    /// sizes; <paramref name="featureNames"/> name the columns in messages (x1, x2, … when null); rows whitened by
    /// <paramref name="rootWeights"/> √(ωᵢ/2ᵏ) when given, k = <paramref name="weightExponent"/> scaling RSS back.</summary>
    internal static LeastSquaresSolution Fit(Tensor features, Tensor targets, bool fitIntercept, long blockRows,
                                             IReadOnlyList<string>? featureNames = null, Tensor? rootWeights = null, int weightExponent = 0)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        Torch.Initialize();
        if (features.dim() != 2)
            throw new DimensionMismatchException(nameof(features), $"has shape {Shapes.Format(features.shape)}; it must be a matrix");
        long n = features.shape[0], d = features.shape[1];
        if (targets.shape is not [var m] || m != n)
            throw new DimensionMismatchException(nameof(targets), $"has shape {Shapes.Format(targets.shape)}; it must be a vector of {n}");
        RequireFiniteFloat64(features, nameof(features));
        RequireFiniteFloat64(targets, nameof(targets));
        var p = (int)d + (fitIntercept ? 1 : 0);
        if (n <= p)
            throw new DegenerateInputException(nameof(features),
                $"has {n} rows for {p} parameters; least squares needs more rows than parameters");

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        if (rootWeights is not null)
        {
            features = features * rootWeights.unsqueeze(1);
            targets = targets * rootWeights;
        }
        var rows = blockRows > 0 ? blockRows : Math.Max(p + 1, BlockBytes / ((p + 1) * sizeof(double)));
        // Each feature column and y scaled by a power of two to a largest magnitude in [1, 2) (the reference's scaling,
        // exact): θ̂ⱼ scales back by 2^(e − eⱼ) and RSS by 2^(2e).
        var offset = fitIntercept ? 1 : 0;
        var exponents = new int[p];
        var largest = TensorData.ToDoubles(features.abs().amax(0));
        for (var j = 0; j < d; j++) exponents[j + offset] = PowerOfTwoScaling.Exponent(largest[j]);
        var e = PowerOfTwoScaling.Exponent(targets.abs().max().ToDouble());
        var columnScales = tensor(exponents.AsSpan(offset).ToArray().Select(k => Math.ScaleB(1.0, -k)).ToArray(), dtype: ScalarType.Float64);
        var r = TensorData.ToMatrix(AugmentedR(features.contiguous(), targets.contiguous(), rootWeights, columnScales, Math.ScaleB(1.0, -e),
                                               fitIntercept, n, rows)); // (p + 1)×(p + 1)

        var names = featureNames ?? [.. Enumerable.Range(1, (int)d).Select(j => $"x{j}")];
        string[] columnNames = fitIntercept ? [ColumnRank.InterceptName, .. names] : [.. names];
        ColumnRank.RequireFullRank(r, columnNames, n, nameof(features), exponents);
        // Rθ = c by back substitution, in the design's order (the intercept first).
        var theta = new double[p];
        for (var i = p - 1; i >= 0; i--)
        {
            var sum = r[i, p];
            for (var k = i + 1; k < p; k++) sum -= r[i, k] * theta[k];
            theta[i] = sum / r[i, i];
        }
        var rss = PowerOfTwoScaling.Unscale(r[p, p] * r[p, p], 2 * e + weightExponent, nameof(features), "the residual sum of squares");
        for (var j = 0; j < p; j++)
            theta[j] = PowerOfTwoScaling.Unscale(theta[j], e - exponents[j], nameof(features), $"the coefficient of {columnNames[j]}");
        var model = new LinearModel(theta.AsSpan(offset).ToArray(), fitIntercept ? theta[0] : 0.0);
        return new LeastSquaresSolution(model, rss, (int)n, p);
    }

    // R̃ of [1 XD 2⁻ᵉy] by TSQR (D the power-of-two column scales; the ones column √ω for whitened rows): every block's
    // R, stacked in block order, factorised again; owned by the caller's scope.
    private static Tensor AugmentedR(Tensor x, Tensor y, Tensor? rootWeights, Tensor columnScales, double targetScale, bool fitIntercept, long n, long blockRows)
    {
        using Scalar yScale = targetScale; // held for the blocks' calls: see Runtime/LibTorchSharpExports
        var blocks = (int)((n + blockRows - 1) / blockRows);
        var factors = new Tensor[blocks];
        var threads = Math.Clamp(Torch.KernelThreads, 1, blocks);

        void Factor(int t)
        {
            using var noGrad = no_grad(); // gradient mode is per thread
            for (var k = t; k < blocks; k += threads)
            {
                // Each block's temporaries die with its own scope; its factor is handed to the caller's thread.
                using var scope = NewDisposeScope();
                long start = k * blockRows, count = Math.Min(blockRows, n - start);
                var parts = new List<Tensor>(3);
                if (fitIntercept) parts.Add(rootWeights is null ? ones(count, 1, dtype: ScalarType.Float64) : rootWeights.narrow(0, start, count).reshape(count, 1));
                parts.Add(x.narrow(0, start, count) * columnScales);
                parts.Add(y.narrow(0, start, count).reshape(count, 1) * yScale);
                factors[k] = UpperFactor(cat(parts, 1)).DetachFromDisposeScope();
            }
        }

        try
        {
            if (threads == 1) Factor(0);
            else
            {
                using var section = ThreadSettings.KernelsOwnTheCores();
                try { Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, Factor); }
                catch (AggregateException e) when (e.InnerExceptions.Count == 1) { ExceptionDispatchInfo.Throw(e.InnerExceptions[0]); }
            }
            return blocks > 1 ? UpperFactor(cat(factors, 0)) : factors[0].clone();
        }
        finally
        {
            foreach (var f in factors) f?.Dispose();
        }
    }

    // The R of a = QR (LAPACK geqrf), Q not formed.
    private static Tensor UpperFactor(Tensor a) => linalg.qr(a, linalg.QRMode.R).R;

    private static void RequireFiniteFloat64(Tensor t, string name)
    {
        TensorChecks.Float64(t, name);
        using var noGrad = no_grad();
        using var finite = t.isfinite().all();
        if (!finite.item<bool>()) throw new NonFiniteInputException(name, "holds NaN or an infinity");
    }
}

/// <summary>A closed-form least-squares fit from <see cref="TensorLeastSquares"/>.</summary>
/// <param name="Model">The fitted model ŷ = Xw + b (b = 0 without an intercept).</param>
/// <param name="ResidualSumOfSquares">RSS = Σ(yᵢ − ŷᵢ)² (Σωᵢ(yᵢ − ŷᵢ)² for weighted data), computed as ρ² from the factorisation.</param>
/// <param name="RowCount">The number of rows n.</param>
/// <param name="ParameterCount">The number of fitted parameters p: the weights, plus one for the intercept.</param>
public sealed record LeastSquaresSolution(LinearModel Model, double ResidualSumOfSquares, int RowCount, int ParameterCount);
