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
    public double Evaluate(double[] x)
    {
        CheckPoint(x);
        // wᵀx + w₀
        return Vector.Dot(_w, x) + Bias;
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
    public int Side(double[] x) => Math.Sign(Evaluate(x));

    /// <summary>
    /// The signed distance (wᵀx + w₀)/‖w‖₂ from the hyperplane to x: its magnitude is the Euclidean distance, its
    /// sign the <see cref="Side"/>.
    /// </summary>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x does not have <see cref="Dimension"/> components.</exception>
    public double SignedDistance(double[] x)
    {
        CheckPoint(x);
        // A large w is first scaled by 2⁻ᵃ, which is exact and leaves both the hyperplane and d unchanged, so that
        // neither wᵀx nor ‖w‖ overflows for an ordinary x; a small w needs no scaling, since Norm2 is safe for it.
        var a = Math.Max(ExactScaling.Exponent(_w), 0);
        var w = ExactScaling.ScaleB(_w, -a);
        // d = (wᵀx + w₀)/‖w‖
        return (Vector.Dot(w, x) + Math.ScaleB(Bias, -a)) / Vector.Norm2(w);
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
    /// <exception cref="OutOfDomainException">x is so far from the hyperplane that its distance overflows double.</exception>
    public double[] Foot(double[] x)
    {
        var d = SignedDistance(x);
        if (!double.IsFinite(d))
            throw new OutOfDomainException(nameof(x), "is so far from the hyperplane that its distance overflows double, so its foot cannot be computed");
        // p = x − d·ŵ: step back along the unit normal by the signed distance
        return VectorArithmetic.AddMultiple(x, -d, UnitNormal());
    }

    /// <summary>∇ₓd = w/‖w‖₂ = ŵ: the signed distance grows fastest along the unit normal, at rate 1, everywhere.</summary>
    public double[] SignedDistanceGradientX()
    {
        // ∂[(Σⱼwⱼxⱼ + w₀)/‖w‖]/∂xᵢ = wᵢ/‖w‖
        return UnitNormal();
    }

    /// <summary>∂d/∂w₀ = 1/‖w‖₂, the same at every x.</summary>
    public double SignedDistanceGradientBias()
    {
        // ∂[(wᵀx + w₀)/‖w‖]/∂w₀ = 1/‖w‖
        return ExactScaling.DivideByNorm(1.0, _w);
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
        return ExactScaling.DivideByNorm(Foot(x), _w);
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
