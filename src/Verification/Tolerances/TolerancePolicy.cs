using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Numerics;

namespace TensorLinear.Verification.Tolerances;

/// <summary>
/// Every tolerance of the agreement suite, each derived — once, in its member's documentation — from the forward
/// error of the operations that compute it. The members are split by area beside the catalog's entries
/// (<c>TolerancePolicy.Vectors.cs</c>, <c>.Geometry.cs</c>, <c>.Lines.cs</c>, <c>.Losses.cs</c>, <c>.Models.cs</c>,
/// <c>.Descent.cs</c>); this file holds the comparisons and the helpers, and docs/tolerances.md the building blocks. A bound here is the error of <em>one</em> implementation against exact
/// arithmetic; two implementations of the same formula (the reference and its tensor twin) may differ by the sum of
/// their bounds (<see cref="Bound.Sum"/>), and a value may differ from a finite difference by its own bound plus the
/// finite difference's truncation and rounding error.
/// </summary>
/// <remarks>
/// <para>The building blocks (Higham, Accuracy and Stability of Numerical Algorithms, ch. 3): with u = 2⁻⁵³ and
/// γₖ = ku/(1 − ku), k successive roundings multiply a value by at most 1 + γₖ; a sum of n terms in <em>any</em> order
/// (recursive, pairwise, vectorised, BLAS-blocked) errs by at most γₙ₋₁·Σ|tᵢ|; a dot product of length n by at most
/// γₙ·Σ|xᵢyᵢ|; and γₐ + γ_b ≤ γₐ₊_b. Libraries' elementary functions (exp, log, log1p, pow, atan2, sqrt) are taken
/// to be within 2u relative (1 ulp), which glibc and SLEEF document; a bound charges each of them 2 roundings.</para>
/// <para>Bounds are per component and first order: products of two γ's (of order u²) are absorbed by rounding each
/// k up. The same expression bounds both sides when both evaluate the same formula; where libtorch evaluates a
/// formula differently (BCE from logits, the sigmoid's derivative from a rounded σ, a p-norm's gradient from the
/// rounded norm raised to p − 1) the bound is the larger of the two analyses.</para>
/// </remarks>
public static partial class TolerancePolicy
{
    /// <summary>u = 2⁻⁵³, the unit roundoff of float64.</summary>
    public const double U = FloatingPoint.UnitRoundoff;

    /// <summary>
    /// 2⁻¹⁰²², the smallest normal double: the absolute error allowed on top of every comparison. The model
    /// fl(a ∘ b) = (a ∘ b)(1 + δ) holds only in the normal range; below it results lose relative accuracy, and libtorch's
    /// σ(z) = 1/(1 + e⁻ᶻ) returns 0 once e⁻ᶻ overflows (z &lt; −709), where the reference's eᶻ/(1 + eᶻ) returns the
    /// subnormal σ(z) &lt; 2⁻¹⁰²². Two results that differ by less than this differ only in the underflow range.
    /// </summary>
    public const double UnderflowFloor = 2.2250738585072014e-308;

    /// <summary>γₖ = ku/(1 − ku) (0 for k ≤ 0).</summary>
    public static double Gamma(double k) => k <= 0 ? 0.0 : FloatingPoint.Gamma((int)Math.Ceiling(k));

    // ---- comparisons ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Two implementations of one quantity, each within its bound, differ by at most the sum of the bounds plus
    /// <see cref="UnderflowFloor"/>: |a − b| ≤ |a − exact| + |exact − b|.
    /// </summary>
    public static Bound BetweenImplementations(Bound first, Bound second) => Bound.Sum(first, second);

    /// <summary>
    /// A derivative within <paramref name="derivative"/> of the exact one, against a finite difference whose own error
    /// (truncation |D(h/2) − D(h)| plus rounding 3δ/h, as the gradient checker estimates them) is
    /// <paramref name="finiteDifferenceError"/>: the two may differ by the sum, plus <see cref="UnderflowFloor"/>.
    /// </summary>
    public static Bound AgainstFiniteDifference(Bound derivative, double finiteDifferenceError)
    {
        ArgumentNullException.ThrowIfNull(derivative);
        return new Bound(derivative.Value + finiteDifferenceError + UnderflowFloor, derivative.Scale,
            $"finite-difference error (truncation + rounding) + {derivative.Rule}");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    internal static double AbsDot(double[] x, double[] y)
    {
        var s = 0.0;
        for (var i = 0; i < x.Length; i++) s += Math.Abs(x[i] * y[i]);
        return s;
    }

    internal static double Norm2Of(double[] x)
    {
        var scale = x.Length == 0 ? 0.0 : x.Max(Math.Abs);
        if (scale == 0.0) return 0.0;
        var s = 0.0;
        foreach (var v in x) s += (v / scale) * (v / scale);
        return scale * Math.Sqrt(s);
    }

    internal static double NormPOf(double[] x, double p)
    {
        var scale = x.Max(Math.Abs);
        if (scale == 0.0) return 0.0;
        return scale * Math.Pow(x.Sum(v => Math.Pow(Math.Abs(v) / scale, p)), 1 / p);
    }

    internal static double[] UnitOf(double[] x)
    {
        var norm = Norm2Of(x);
        return [.. x.Select(v => v / norm)];
    }

    internal static double AngleOf(double[] x, double[] y)
    {
        double[] a = UnitOf(x), b = UnitOf(y);
        return 2 * Math.Atan2(Norm2Of(Difference(a, b)), Norm2Of([.. a.Select((v, i) => v + b[i])]));
    }

    internal static double[] Difference(double[] x, double[] y) => [.. x.Select((v, i) => v - y[i])];

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private static double DistanceScale(double[] w, double bias, double[] x) => (AbsDot(w, x) + Math.Abs(bias)) / Norm2Of(w);

    private static double PenaltyScale(double[] theta, Penalty penalty)
    {
        double squares = 0, absolutes = 0;
        for (var j = 0; j < theta.Length - 1; j++)
        {
            squares += theta[j] * theta[j];
            absolutes += Math.Abs(theta[j]);
        }
        return penalty.L2 * squares + penalty.L1 * absolutes;
    }

    // One row's terms of the model bounds, with its sample weight ωᵢ (1 for unweighted data).
    private readonly record struct RowTerm(double Score, double Z, double Y, double Residual, double Sigma, double Weight);

    // (1/Σωᵢ) Σᵢ ωᵢ·f(rowᵢ): the mean the bounds follow, weighted as the loss is.
    private static double WeightedMean(RowTerm[] rows, Func<RowTerm, double> f)
    {
        double sum = 0.0, total = 0.0;
        foreach (var r in rows)
        {
            sum += r.Weight * f(r);
            total += r.Weight;
        }
        return sum / total;
    }

    // Weighting adds a rounding to each of the n terms (ωᵢ·ℓᵢ) and the γₙ of the sum Σωᵢ the mean divides by.
    private static int WeightingRoundings(DataSet data) => data.IsWeighted ? data.RowCount + 1 : 0;

    private static RowTerm[] RowTerms(DataSet data, double[] theta)
    {
        int n = data.RowCount, d = data.FeatureCount;
        var y = data.Targets.Span;
        var rows = new RowTerm[n];
        for (var i = 0; i < n; i++)
        {
            double z = theta[d], big = Math.Abs(theta[d]);
            for (var j = 0; j < d; j++)
            {
                z += theta[j] * data[i, j];
                big += Math.Abs(theta[j] * data[i, j]);
            }
            rows[i] = new RowTerm(z, big, y[i], z - y[i], Sigmoid(z), data.SampleWeight(i));
        }
        return rows;
    }
}
