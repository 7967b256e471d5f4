using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using TensorLinear.Numerics;

namespace TensorLinear.Reference;

/// <summary>
/// The hyperplane w₁x₁ + … + wₙxₙ + w₀ = 0, that is wᵀx + w₀ = 0, in ℝⁿ for any n ≥ 1: a point in ℝ¹, a line in
/// ℝ², a plane in ℝ³. The weights w are its normal vector and must not all be zero; w₀ is the bias. Immutable.
/// </summary>
/// <remarks>
/// Derived in docs/derivations/lines-and-hyperplanes.md. The hyperplane is the decision boundary of the linear
/// score wᵀx + w₀: <see cref="Side"/> is the class a linear classifier assigns. Scaling (w, w₀) by c &gt; 0 gives
/// the same hyperplane, but <see cref="Evaluate"/> and the equality of records see the scale.
/// </remarks>
public sealed partial record Hyperplane
{
    private readonly double[] _w;

    /// <summary>Creates the hyperplane wᵀx + w₀ = 0 from a copy of <paramref name="weights"/>.</summary>
    /// <param name="weights">The normal vector w = (w₁, …, wₙ).</param>
    /// <param name="bias">The bias w₀.</param>
    /// <exception cref="EmptyInputException">The weights are empty.</exception>
    /// <exception cref="NonFiniteInputException">A weight or the bias is NaN or infinite.</exception>
    /// <exception cref="DegenerateInputException">Every weight is zero, so there is no normal: wᵀx + w₀ = 0 is then all of ℝⁿ or empty.</exception>
    public Hyperplane(double[] weights, double bias)
    {
        Check.Vector(weights, nameof(weights));
        Check.NonZero(weights, nameof(weights), "a hyperplane needs a non-zero normal vector w");
        Check.Finite(bias, nameof(bias));
        _w = (double[])weights.Clone();
        Weights = ImmutableCollectionsMarshal.AsImmutableArray(_w);
        Bias = bias;
    }

    /// <summary>The normal vector w = (w₁, …, wₙ).</summary>
    public ImmutableArray<double> Weights { get; }

    /// <summary>The normal w as the array this hyperplane owns, for this assembly's loops; never handed out.</summary>
    internal double[] Normal => _w;

    /// <summary>The bias w₀.</summary>
    public double Bias { get; }

    /// <summary>The dimension n of the space the hyperplane lies in.</summary>
    public int Dimension => _w.Length;

    /// <summary>The score wᵀx + w₀: zero on the hyperplane, positive on the side w points to.</summary>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x does not have <see cref="Dimension"/> components.</exception>
    /// <exception cref="OutOfDomainException">The score is beyond double's range.</exception>
    public double Evaluate(double[] x)
    {
        CheckPoint(x);
        // wᵀx + w₀ = 2ᵃ⁺ᶜ·[(2⁻ᵃw)ᵀ(2⁻ᶜx) + 2^−(a+c)·w₀]
        var (score, k) = ScaledScore(x);
        return Check.InRange(Math.ScaleB(score, k), nameof(x), "wᵀx + w₀");
    }

    /// <summary>
    /// The half-space x lies in: +1 where wᵀx + w₀ &gt; 0 (the side w points to), −1 where it is &lt; 0, and 0 on
    /// the hyperplane.
    /// </summary>
    /// <remarks>
    /// The sign of the computed score. For points within rounding error of the hyperplane (|wᵀx + w₀| below about
    /// γₙ·(Σ|wᵢxᵢ| + |w₀|)) that sign may differ from the exact one; deciding those exactly needs more precision.
    /// </remarks>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x does not have <see cref="Dimension"/> components.</exception>
    // The sign of the scaled score, which is the score's own: x near 1e308 overflows wᵀx but not its side.
    public int Side(double[] x)
    {
        CheckPoint(x);
        return Math.Sign(ScaledScore(x).Score);
    }

    /// <summary>
    /// The signed distance (wᵀx + w₀)/‖w‖₂ from the hyperplane to x: its magnitude is the Euclidean distance, its
    /// sign the <see cref="Side"/>.
    /// </summary>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x does not have <see cref="Dimension"/> components.</exception>
    /// <exception cref="OutOfDomainException">The distance is beyond double's range.</exception>
    public double SignedDistance(double[] x)
    {
        CheckPoint(x);
        // d = (wᵀx + w₀)/‖w‖ = 2ᶜ·[(2⁻ᵃw)ᵀ(2⁻ᶜx) + 2^−(a+c)·w₀]/‖2⁻ᵃw‖, every scaling exact, so that neither wᵀx nor
        // ‖w‖ overflows: x = (1e308, 1e308) and w = (1, 1) have d = 1.41e308, which the unscaled wᵀx = 2e308 lost.
        var (score, k) = ScaledScore(x);
        var a = ExactScaling.Exponent(_w);
        return Check.InRange(Math.ScaleB(score / Vector.Norm2(ExactScaling.ScaleB(_w, -a)), k - a), nameof(x), "the signed distance");
    }

    // (s, k) with wᵀx + w₀ = 2ᵏ·s: s = (2⁻ᵃw)ᵀ(2⁻ᶜx) + 2^−(a+c)·w₀ and k = a + c, a from w, c from x or from w₀/2ᵃ,
    // whichever is larger, so that no term of s exceeds a few units and none overflows.
    private (double Score, int Exponent) ScaledScore(double[] x)
    {
        var a = ExactScaling.Exponent(_w);
        var c = Math.Max(ExactScaling.Exponent(x), Bias == 0.0 ? int.MinValue : Math.ILogB(Bias) - a);
        return (Vector.Dot(ExactScaling.ScaleB(_w, -a), ExactScaling.ScaleB(x, -c)) + Math.ScaleB(Bias, -(a + c)), a + c);
    }

    /// <summary>The unit normal ŵ = w/‖w‖₂, pointing to the positive side.</summary>
    public double[] UnitNormal() => Vector.Unit(_w);

    /// <summary>
    /// The foot of the perpendicular from x: the point of the hyperplane nearest x, p = x − d·ŵ with d the signed
    /// distance.
    /// </summary>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x does not have <see cref="Dimension"/> components.</exception>
    /// <exception cref="OutOfDomainException">x is so far from the hyperplane that its distance, or its foot, is beyond
    /// double's range.</exception>
    public double[] Foot(double[] x)
    {
        var d = SignedDistance(x);
        // p = x − d·ŵ: step back along the unit normal by the signed distance
        return Check.InRange(VectorArithmetic.AddMultiple(x, -d, UnitNormal()), nameof(x), "the foot of the perpendicular");
    }

    /// <summary>∇ₓd = w/‖w‖₂ = ŵ: the signed distance grows fastest along the unit normal, at rate 1, everywhere.</summary>
    public double[] SignedDistanceGradientX()
    {
        // ∂[(Σⱼwⱼxⱼ + w₀)/‖w‖]/∂xᵢ = wᵢ/‖w‖
        return UnitNormal();
    }

    /// <summary>∂d/∂w₀ = 1/‖w‖₂, the same at every x.</summary>
    /// <exception cref="OutOfDomainException">‖w‖ is so small that 1/‖w‖ is beyond double's range.</exception>
    public double SignedDistanceGradientBias()
    {
        // ∂[(wᵀx + w₀)/‖w‖]/∂w₀ = 1/‖w‖
        return Check.InRange(ExactScaling.DivideByNorm(1.0, _w), "weights", "∂d/∂w₀ = 1/‖w‖");
    }

    /// <summary>
    /// ∇_w d at x = (x − d·ŵ)/‖w‖₂: the <see cref="Foot"/> of x divided by ‖w‖₂.
    /// </summary>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x does not have <see cref="Dimension"/> components.</exception>
    /// <exception cref="OutOfDomainException">x is so far from the hyperplane that its distance overflows double.</exception>
    public double[] SignedDistanceGradientWeights(double[] x)
    {
        // ∇_w[(wᵀx + w₀)/‖w‖] = x/‖w‖ − (wᵀx + w₀)·ŵ/‖w‖² = (x − d·ŵ)/‖w‖, using ∇_w‖w‖ = ŵ
        return Check.InRange(ExactScaling.DivideByNorm(Foot(x), _w), nameof(x), "∂d/∂w");
    }

    /// <summary>Value equality over the weights' elements and the bias, not the array reference.</summary>
    public bool Equals(Hyperplane? other) =>
        other is not null && Bias.Equals(other.Bias) && _w.AsSpan().SequenceEqual(other._w);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var wi in _w) h.Add(wi);
        h.Add(Bias);
        return h.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(FormattableString.Invariant($"Weights = [{string.Join(", ", _w)}], Bias = {Bias}"));
        return true;
    }

    private void CheckPoint(double[] x)
    {
        Check.Vector(x, nameof(x));
        Check.SameLength(_w.Length, "weights", x.Length, nameof(x));
    }
}
