using TensorLinear.Numerics;
using TorchSharp;
using static TorchSharp.torch;
using TensorLinear.Autograd.Runtime;

namespace TensorLinear.Autograd;

/// <summary>
/// The tensor twins of <c>TensorLinear.Reference.Vector</c>: the dot product, norms, unit vectors, angles, projections
/// and distances written with TorchSharp's libtorch operations, so that their gradients come from autograd
/// (<c>backward()</c>) rather than from a hand derivation. Each function takes and returns tensors (float64 vectors in,
/// a scalar or a vector out) and records its graph when an input requires gradients.
/// </summary>
/// <remarks>
/// <para>Inputs are checked as the reference checks them, with the same typed errors: empty, non-finite or mismatched
/// vectors, p &lt; 1, and zero vectors where a direction is needed (<see cref="DegenerateInputException"/>); and,
/// before that, a tensor that is not a float64 vector. The check reads the values once (a copy from a CPU tensor)
/// without recording a graph. Intermediate tensors are freed on return (a dispose scope); the result joins the
/// caller's scope, if any.</para>
/// <para>The formulas are the reference's, in the same order of operations where libtorch allows it; libtorch's own
/// kernels differ in how they sum (vectorised, pairwise), so values agree to within the rounding bounds of
/// docs/tolerances.md, not bit for bit. Norms are <see cref="VectorNorm.Of"/>, safe from overflow and underflow as the
/// reference's are. Where the reference's gradient convention matters — sign(0) = 0 for ‖x‖₁, an even split
/// sign(xᵢ)/k among k tied components for ‖x‖∞ — libtorch's norm backward has the same convention; at x = 0, where the
/// reference refuses ∇‖x‖₂ and ∇‖x‖ₚ, libtorch returns 0.</para>
/// </remarks>
public static class TensorVector
{
    /// <summary>The dot product xᵀy = Σᵢ xᵢyᵢ (libtorch's dot).</summary>
    /// <exception cref="InvalidInputException">Empty, non-finite or mismatched vectors.</exception>
    public static Tensor Dot(Tensor x, Tensor y)
    {
        TensorChecks.Vectors(x, nameof(x), y, nameof(y));
        return WrappedTensorDisposeScope(() =>
        {
            // xᵀy = Σᵢ xᵢyᵢ; where that overflows (∞, or ∞ − ∞ = NaN for (1e200, 1e200)ᵀ(1e200, −1e200) = 0) it is redone
            // as 2ᵃ⁺ᵇ·(2⁻ᵃx)ᵀ(2⁻ᵇy), the reference's rescaling, and is out of range only if xᵀy is.
            var plain = x.dot(y);
            if (IsFinite(plain)) return plain;
            var (xs, a) = PowerOfTwoScaled(x);
            var (ys, b) = PowerOfTwoScaled(y);
            return InRange(ScaleB(xs.dot(ys), a + b), nameof(x), "xᵀy");
        });
    }

    /// <summary>The L1 norm ‖x‖₁ = Σᵢ |xᵢ|; its gradient is sign(x), 0 at a zero component.</summary>
    /// <exception cref="InvalidInputException">An empty or non-finite vector.</exception>
    public static Tensor Norm1(Tensor x)
    {
        TensorChecks.Vector(x, nameof(x));
        // ‖x‖₁ = Σᵢ |xᵢ|
        return InRange(VectorNorm.Of(x, 1.0), nameof(x), "‖x‖₁");
    }

    /// <summary>The Euclidean norm ‖x‖₂ = √(Σᵢ xᵢ²); its gradient is x/‖x‖₂ (libtorch returns 0 at x = 0).</summary>
    /// <exception cref="InvalidInputException">An empty or non-finite vector.</exception>
    public static Tensor Norm2(Tensor x)
    {
        TensorChecks.Vector(x, nameof(x));
        // ‖x‖₂ = √(Σᵢ xᵢ²)
        return InRange(VectorNorm.Of(x, 2.0), nameof(x), "‖x‖₂");
    }

    /// <summary>The max norm ‖x‖∞ = maxᵢ |xᵢ|; its gradient is sign(xᵢ)/k on the k components that attain it.</summary>
    /// <exception cref="InvalidInputException">An empty or non-finite vector.</exception>
    public static Tensor NormInf(Tensor x)
    {
        TensorChecks.Vector(x, nameof(x));
        // ‖x‖∞ = maxᵢ |xᵢ|
        return VectorNorm.Of(x, double.PositiveInfinity);
    }

    /// <summary>The p-norm ‖x‖ₚ = (Σᵢ |xᵢ|ᵖ)^(1/p) for p ≥ 1 (p = ∞ gives ‖x‖∞).</summary>
    /// <exception cref="InvalidInputException">An empty or non-finite vector, or p below 1 or NaN.</exception>
    public static Tensor NormP(Tensor x, double p)
    {
        TensorChecks.Vector(x, nameof(x));
        Check.NormOrder(p, nameof(p));
        // ‖x‖ₚ = (Σᵢ |xᵢ|ᵖ)^(1/p)
        return InRange(VectorNorm.Of(x, p), nameof(x), "‖x‖ₚ");
    }

    /// <summary>The p-norm for any p ≥ 1: the same operation as <see cref="NormP"/>, named as the reference names its dispatcher.</summary>
    /// <exception cref="InvalidInputException">An empty or non-finite vector, or p below 1 or NaN.</exception>
    public static Tensor Norm(Tensor x, double p) => NormP(x, p);

    /// <summary>The unit vector x̂ = x/‖x‖₂.</summary>
    /// <exception cref="InvalidInputException">An empty or non-finite vector.</exception>
    /// <exception cref="DegenerateInputException">x is the zero vector, which has no direction.</exception>
    public static Tensor Unit(Tensor x)
    {
        var values = TensorChecks.Vector(x, nameof(x));
        Check.NonZero(values, nameof(x), "a unit vector needs a direction");
        return WrappedTensorDisposeScope(() => UnitUnchecked(x));
    }

    /// <summary>
    /// The cosine of the angle between x and y, cos θ = x̂ᵀŷ, in [−1, 1].
    /// </summary>
    /// <remarks>
    /// Rounding can carry x̂ᵀŷ a few ulps past ±1, so the value is clamped to [−1, 1] as the reference clamps it. The
    /// clamp corrects rounding, not the function, so it must not change the gradient: libtorch's clamp would return a
    /// zero gradient at a clamped value, so the correction c − (c − clamp(c)) is applied with (c − clamp(c)) detached —
    /// the value is clamp(c) (exactly: the subtraction of a difference of two doubles this close is exact) and the
    /// gradient that of x̂ᵀŷ.
    /// </remarks>
    /// <exception cref="InvalidInputException">Empty, non-finite or mismatched vectors.</exception>
    /// <exception cref="DegenerateInputException">x or y is the zero vector, which makes no angle.</exception>
    public static Tensor Cosine(Tensor x, Tensor y)
    {
        CheckAngle(x, y);
        return WrappedTensorDisposeScope(() =>
        {
            // cos θ = x̂ᵀŷ
            var cosine = UnitUnchecked(x).dot(UnitUnchecked(y));
            using Scalar lo = -1.0, hi = 1.0; // held for the call: see Runtime/LibTorchSharpExports
            return cosine - (cosine - cosine.clamp(lo, hi)).detach();
        });
    }

    /// <summary>The angle θ ∈ [0, π] between x and y by Kahan's formula θ = 2·atan2(‖x̂ − ŷ‖₂, ‖x̂ + ŷ‖₂).</summary>
    /// <remarks>
    /// Accurate over the whole range, where acos(cos θ) loses half the digits near 0 and π. At exactly parallel
    /// vectors (x̂ = ŷ) the angle has a cone point and no gradient; autograd returns 0 there, the subgradient of the
    /// norm of the zero vector x̂ − ŷ.
    /// </remarks>
    /// <exception cref="InvalidInputException">Empty, non-finite or mismatched vectors.</exception>
    /// <exception cref="DegenerateInputException">x or y is the zero vector, which makes no angle.</exception>
    public static Tensor Angle(Tensor x, Tensor y)
    {
        CheckAngle(x, y);
        return WrappedTensorDisposeScope(() =>
        {
            Tensor xHat = UnitUnchecked(x), yHat = UnitUnchecked(y);
            // θ = 2·atan2(‖x̂ − ŷ‖, ‖x̂ + ŷ‖)
            using Scalar two = 2.0;
            return two * VectorNorm.Of(xHat - yHat, 2.0).atan2(VectorNorm.Of(xHat.Plus(yHat), 2.0));
        });
    }

    /// <summary>The scalar projection of x on y, xᵀŷ = xᵀy/‖y‖₂.</summary>
    /// <exception cref="InvalidInputException">Empty, non-finite or mismatched vectors.</exception>
    /// <exception cref="DegenerateInputException">y is the zero vector, which gives no direction to project on.</exception>
    public static Tensor ScalarProjection(Tensor x, Tensor y)
    {
        CheckProjection(x, y);
        // xᵀŷ
        return WrappedTensorDisposeScope(() => LinearInX(x, xs => xs.dot(UnitUnchecked(y)), "xᵀŷ"));
    }

    /// <summary>The vector projection of x on y, (xᵀŷ)·ŷ.</summary>
    /// <exception cref="InvalidInputException">Empty, non-finite or mismatched vectors.</exception>
    /// <exception cref="DegenerateInputException">y is the zero vector, which gives no direction to project on.</exception>
    public static Tensor Project(Tensor x, Tensor y)
    {
        CheckProjection(x, y);
        return WrappedTensorDisposeScope(() => LinearInX(x, xs => ProjectUnchecked(xs, y), "proj_y(x)"));
    }

    /// <summary>The rejection of x from y, x − proj_y(x): the component of x orthogonal to y.</summary>
    /// <exception cref="InvalidInputException">Empty, non-finite or mismatched vectors.</exception>
    /// <exception cref="DegenerateInputException">y is the zero vector, which gives no direction to project on.</exception>
    public static Tensor Reject(Tensor x, Tensor y)
    {
        CheckProjection(x, y);
        // rej = x − proj_y(x)
        return WrappedTensorDisposeScope(() => LinearInX(x, xs => xs - ProjectUnchecked(xs, y), "x − proj_y(x)"));
    }

    /// <summary>The distance ‖x − y‖ₚ between the points x and y (p = 1, 2, any p ≥ 1, or ∞).</summary>
    /// <exception cref="InvalidInputException">Empty, non-finite or mismatched vectors, or p below 1 or NaN.</exception>
    public static Tensor Distance(Tensor x, Tensor y, double p)
    {
        TensorChecks.Vectors(x, nameof(x), y, nameof(y));
        Check.NormOrder(p, nameof(p));
        // d(x, y) = ‖x − y‖ₚ
        return WrappedTensorDisposeScope(() => InRange(VectorNorm.Of(x - y, p), nameof(y), "‖x − y‖ₚ"));
    }

    // x̂ = x/‖x‖₂, for an x already checked to be non-zero, formed from 2⁻ᵃx: the same quotient, exactly, while the
    // backward pass, which divides by ‖x‖ and ‖x‖³, stays near 1 (at ‖x‖ = 1e-300, ‖x‖³ underflowed and ∂x̂/∂x was
    // NaN). Its intermediates belong to the caller's scope.
    internal static Tensor UnitUnchecked(Tensor x)
    {
        var (scaled, _) = PowerOfTwoScaled(x);
        return scaled / VectorNorm.Of(scaled, 2.0);
    }

    // f(x) for f linear in x: as it stands where finite (the graph whose derivative autograd takes as usual), else as
    // 2ᵃ·f(2⁻ᵃx), out of range only if f(x) is. The rescaled graph's backward pass multiplies by 2ᵃ first and may
    // overflow where the derivative itself would not; the caller of autograd sees that as a non-finite derivative.
    private static Tensor LinearInX(Tensor x, Func<Tensor, Tensor> f, string quantity)
    {
        var plain = f(x);
        if (IsFinite(plain)) return plain;
        var (xs, a) = PowerOfTwoScaled(x);
        return InRange(ScaleB(f(xs), a), nameof(x), quantity);
    }

    private static bool IsFinite(Tensor t)
    {
        using var finite = t.detach().isfinite().all();
        return finite.item<bool>();
    }

    // (2⁻ᵃx, a) with 2ᵃ ≤ maxᵢ|xᵢ| < 2ᵃ⁺¹, a read from the values (a constant to autograd, so the derivative carries the
    // exact factor 2⁻ᵃ). Exact: scaling by a power of two only changes exponents.
    internal static (Tensor Scaled, int Exponent) PowerOfTwoScaled(Tensor x)
    {
        using var largest = x.detach().abs().max();
        var a = PowerOfTwoScaling.Exponent(largest.item<double>());
        return (ScaleB(x, -a), a);
    }

    // 2ᵏ·t, in steps of at most 2¹⁰⁰⁰ (2ᵏ itself is not a double for |k| > 1023; the steps all go one way, so an
    // intermediate leaves double's range only if the result does). The factors are held Scalars.
    internal static Tensor ScaleB(Tensor t, int k)
    {
        while (k != 0)
        {
            var step = Math.Clamp(k, -1000, 1000);
            using Scalar factor = Math.ScaleB(1.0, step); // held for the call: see Runtime/LibTorchSharpExports
            t = t * factor;
            k -= step;
        }
        return t;
    }

    // The result when every element is finite; otherwise it is out of double's range (the inputs are finite), and said
    // to be, as the reference says it.
    internal static Tensor InRange(Tensor result, string name, string quantity)
    {
        Check.InRange(result.detach().ToDoubles(), name, quantity);
        return result;
    }

    // proj = (xᵀŷ)·ŷ
    private static Tensor ProjectUnchecked(Tensor x, Tensor y)
    {
        var yHat = UnitUnchecked(y);
        return x.dot(yHat) * yHat;
    }

    private static void CheckAngle(Tensor x, Tensor y)
    {
        var (xs, ys) = TensorChecks.Vectors(x, nameof(x), y, nameof(y));
        Check.NonZero(xs, nameof(x), "the zero vector has no direction, so it makes no angle");
        Check.NonZero(ys, nameof(y), "the zero vector has no direction, so it makes no angle");
    }

    private static void CheckProjection(Tensor x, Tensor y)
    {
        var (_, ys) = TensorChecks.Vectors(x, nameof(x), y, nameof(y));
        Check.NonZero(ys, nameof(y), "projecting needs a direction to project on");
    }
}
