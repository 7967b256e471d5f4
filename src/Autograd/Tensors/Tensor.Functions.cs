using TensorLinear.Autograd.Native;

namespace TensorLinear.Autograd;

// Elementwise functions and comparisons.
public sealed partial class Tensor
{
    /// <summary>|x| elementwise; its gradient at 0 is 0 (libtorch's convention).</summary>
    public Tensor Abs() => FromNative(NativeMethods.tl_abs(Handle, out var r), r, "Abs", this);

    /// <summary>sign(x) elementwise: −1, 0 or 1; its gradient is 0.</summary>
    public Tensor Sign() => FromNative(NativeMethods.tl_sign(Handle, out var r), r, "Sign", this);

    /// <summary>√x elementwise.</summary>
    public Tensor Sqrt() => FromNative(NativeMethods.tl_sqrt(Handle, out var r), r, "Sqrt", this);

    /// <summary>eˣ elementwise.</summary>
    public Tensor Exp() => FromNative(NativeMethods.tl_exp(Handle, out var r), r, "Exp", this);

    /// <summary>ln x elementwise.</summary>
    public Tensor Log() => FromNative(NativeMethods.tl_log(Handle, out var r), r, "Log", this);

    /// <summary>ln(1 + x) elementwise, accurate for small x.</summary>
    public Tensor Log1p() => FromNative(NativeMethods.tl_log1p(Handle, out var r), r, "Log1p", this);

    /// <summary>σ(x) = 1/(1 + e⁻ˣ) elementwise.</summary>
    public Tensor Sigmoid() => FromNative(NativeMethods.tl_sigmoid(Handle, out var r), r, "Sigmoid", this);

    /// <summary>ln σ(x) elementwise, computed stably as −softplus(−x).</summary>
    public Tensor LogSigmoid() => FromNative(NativeMethods.tl_log_sigmoid(Handle, out var r), r, "LogSigmoid", this);

    /// <summary>softplus(x) = ln(1 + eˣ) elementwise (libtorch switches to x itself above x = 20).</summary>
    public Tensor Softplus() => FromNative(NativeMethods.tl_softplus(Handle, out var r), r, "Softplus", this);

    /// <summary>Each element clamped to [<paramref name="min"/>, <paramref name="max"/>]; a null bound leaves that side open.</summary>
    public Tensor Clamp(double? min = null, double? max = null) =>
        FromNative(NativeMethods.tl_clamp(Handle, min ?? double.NaN, max ?? double.NaN, out var r), r, "Clamp", this);

    /// <summary>
    /// atan2(this, <paramref name="other"/>) elementwise, broadcasting: the angle in (−π, π] of the point (other, this),
    /// i.e. atan(this/other) placed in the right quadrant. Its partial derivatives are other/(this² + other²) and
    /// −this/(this² + other²).
    /// </summary>
    public Tensor Atan2(Tensor other) => FromNative(NativeMethods.tl_atan2(Handle, other.Handle, out var r), r, "Atan2", this, other);

    /// <summary>The elementwise maximum, broadcasting.</summary>
    public Tensor Maximum(Tensor other) => FromNative(NativeMethods.tl_maximum(Handle, other.Handle, out var r), r, "Maximum", this, other);

    /// <summary>The elementwise minimum, broadcasting.</summary>
    public Tensor Minimum(Tensor other) => FromNative(NativeMethods.tl_minimum(Handle, other.Handle, out var r), r, "Minimum", this, other);

    /// <summary>Elements of <paramref name="whenTrue"/> where <paramref name="mask"/> holds, of <paramref name="whenFalse"/> elsewhere.</summary>
    public static Tensor Where(Tensor mask, Tensor whenTrue, Tensor whenFalse)
    {
        var status = NativeMethods.tl_where(mask.Handle, whenTrue.Handle, whenFalse.Handle, out var r);
        if (status != 0)
            throw new TorchException($"Where of mask {FormatShape(mask.ShapeCached)}, {FormatShape(whenTrue.ShapeCached)} and {FormatShape(whenFalse.ShapeCached)}", NativeMethods.TakeError());
        GC.KeepAlive(mask);
        GC.KeepAlive(whenTrue);
        GC.KeepAlive(whenFalse);
        return new Tensor(r);
    }

    // ---- static forms: Tensor.Exp(x) beside x.Exp(), so that F#'s abs, sqrt, exp and log apply to tensors ----

    /// <summary>|x| elementwise, as <see cref="Abs()"/>; F#'s <c>abs x</c> calls this.</summary>
    public static Tensor Abs(Tensor x) => Checked(x).Abs();

    /// <summary>√x elementwise, as <see cref="Sqrt()"/>; F#'s <c>sqrt x</c> calls this.</summary>
    public static Tensor Sqrt(Tensor x) => Checked(x).Sqrt();

    /// <summary>eˣ elementwise, as <see cref="Exp()"/>; F#'s <c>exp x</c> calls this.</summary>
    public static Tensor Exp(Tensor x) => Checked(x).Exp();

    /// <summary>ln x elementwise, as <see cref="Log()"/>; F#'s <c>log x</c> calls this.</summary>
    public static Tensor Log(Tensor x) => Checked(x).Log();

    private static Tensor Checked(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x;
    }

    // ---- comparisons: boolean masks, never differentiable ----

    private enum Comparison { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual }

    private Tensor Compare(Tensor other, Comparison op) =>
        FromNative(NativeMethods.tl_compare(Handle, other.Handle, (int)op, out var r), r, op.ToString(), this, other);

    private Tensor Compare(double value, Comparison op) =>
        FromNative(NativeMethods.tl_compare_scalar(Handle, value, (int)op, out var r), r, op.ToString(), this);

    /// <summary>The mask x = y elementwise.</summary>
    public Tensor ElementwiseEqual(Tensor other) => Compare(other, Comparison.Equal);

    /// <summary>The mask x = s elementwise.</summary>
    public Tensor ElementwiseEqual(double value) => Compare(value, Comparison.Equal);

    /// <summary>The mask x ≠ y elementwise.</summary>
    public Tensor ElementwiseNotEqual(Tensor other) => Compare(other, Comparison.NotEqual);

    /// <summary>The mask x ≠ s elementwise.</summary>
    public Tensor ElementwiseNotEqual(double value) => Compare(value, Comparison.NotEqual);

    /// <summary>The mask x &lt; y elementwise.</summary>
    public Tensor Less(Tensor other) => Compare(other, Comparison.Less);

    /// <summary>The mask x &lt; s elementwise.</summary>
    public Tensor Less(double value) => Compare(value, Comparison.Less);

    /// <summary>The mask x ≤ y elementwise.</summary>
    public Tensor LessOrEqual(Tensor other) => Compare(other, Comparison.LessOrEqual);

    /// <summary>The mask x ≤ s elementwise.</summary>
    public Tensor LessOrEqual(double value) => Compare(value, Comparison.LessOrEqual);

    /// <summary>The mask x &gt; y elementwise.</summary>
    public Tensor Greater(Tensor other) => Compare(other, Comparison.Greater);

    /// <summary>The mask x &gt; s elementwise.</summary>
    public Tensor Greater(double value) => Compare(value, Comparison.Greater);

    /// <summary>The mask x ≥ y elementwise.</summary>
    public Tensor GreaterOrEqual(Tensor other) => Compare(other, Comparison.GreaterOrEqual);

    /// <summary>The mask x ≥ s elementwise.</summary>
    public Tensor GreaterOrEqual(double value) => Compare(value, Comparison.GreaterOrEqual);
}
