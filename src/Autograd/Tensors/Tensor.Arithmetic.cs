using TensorLinear.Autograd.Native;

namespace TensorLinear.Autograd;

// Arithmetic with libtorch's broadcasting. Tensor–double forms are explicit overloads, never implicit conversions,
// so that 2.0 * x and x * 2.0 resolve to one operator from C# and from F#; Pow has static forms too, which F#'s **
// operator needs.
public sealed partial class Tensor
{
    /// <summary>Elementwise sum, broadcasting.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => FromNative(NativeMethods.tl_add(a.Handle, b.Handle, out var r), r, "Add", a, b);

    /// <summary>Adds a number to every element.</summary>
    public static Tensor operator +(Tensor a, double s) => FromNative(NativeMethods.tl_add_scalar(a.Handle, s, out var r), r, "Add", a);

    /// <summary>Adds a number to every element.</summary>
    public static Tensor operator +(double s, Tensor a) => a + s;

    /// <summary>Elementwise difference, broadcasting.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => FromNative(NativeMethods.tl_sub(a.Handle, b.Handle, out var r), r, "Subtract", a, b);

    /// <summary>Subtracts a number from every element.</summary>
    public static Tensor operator -(Tensor a, double s) => FromNative(NativeMethods.tl_sub_scalar(a.Handle, s, out var r), r, "Subtract", a);

    /// <summary>A number minus every element.</summary>
    public static Tensor operator -(double s, Tensor a) => FromNative(NativeMethods.tl_rsub_scalar(a.Handle, s, out var r), r, "Subtract", a);

    /// <summary>Elementwise product, broadcasting.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => FromNative(NativeMethods.tl_mul(a.Handle, b.Handle, out var r), r, "Multiply", a, b);

    /// <summary>Multiplies every element by a number.</summary>
    public static Tensor operator *(Tensor a, double s) => FromNative(NativeMethods.tl_mul_scalar(a.Handle, s, out var r), r, "Multiply", a);

    /// <summary>Multiplies every element by a number.</summary>
    public static Tensor operator *(double s, Tensor a) => a * s;

    /// <summary>Elementwise quotient, broadcasting.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => FromNative(NativeMethods.tl_div(a.Handle, b.Handle, out var r), r, "Divide", a, b);

    /// <summary>Divides every element by a number.</summary>
    public static Tensor operator /(Tensor a, double s) => FromNative(NativeMethods.tl_div_scalar(a.Handle, s, out var r), r, "Divide", a);

    /// <summary>A number divided by every element.</summary>
    public static Tensor operator /(double s, Tensor a) => FromNative(NativeMethods.tl_rdiv_scalar(a.Handle, s, out var r), r, "Divide", a);

    /// <summary>Elementwise negation.</summary>
    public static Tensor operator -(Tensor a) => FromNative(NativeMethods.tl_neg(a.Handle, out var r), r, "Negate", a);

    /// <summary>Elementwise sum (the named form of <c>+</c>).</summary>
    public Tensor Add(Tensor other) => this + other;

    /// <summary>Elementwise difference (the named form of <c>-</c>).</summary>
    public Tensor Subtract(Tensor other) => this - other;

    /// <summary>Elementwise product (the named form of <c>*</c>).</summary>
    public Tensor Multiply(Tensor other) => this * other;

    /// <summary>Elementwise quotient (the named form of <c>/</c>).</summary>
    public Tensor Divide(Tensor other) => this / other;

    /// <summary>Elementwise negation (the named form of unary <c>-</c>).</summary>
    public Tensor Negate() => -this;

    /// <summary>Each element raised to the power <paramref name="exponent"/>.</summary>
    public Tensor Pow(double exponent) => FromNative(NativeMethods.tl_pow_scalar(Handle, exponent, out var r), r, "Pow", this);

    /// <summary>Each element raised to the matching element of <paramref name="exponent"/>, broadcasting.</summary>
    public Tensor Pow(Tensor exponent) => FromNative(NativeMethods.tl_pow(Handle, exponent.Handle, out var r), r, "Pow", this, exponent);

    /// <summary>Each element of <paramref name="x"/> raised to <paramref name="exponent"/>; F#'s <c>x ** 2.0</c> calls this.</summary>
    public static Tensor Pow(Tensor x, double exponent)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Pow(exponent);
    }

    /// <summary>Each element of <paramref name="x"/> raised to the matching element of <paramref name="exponent"/>; F#'s <c>x ** y</c>.</summary>
    public static Tensor Pow(Tensor x, Tensor exponent)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Pow(exponent);
    }

    // ---- products ----

    /// <summary>The matrix product with libtorch's rules (vector·vector, matrix·vector, matrix·matrix, batched).</summary>
    public Tensor MatMul(Tensor other) => FromNative(NativeMethods.tl_matmul(Handle, other.Handle, out var r), r, "MatMul", this, other);

    /// <summary>The product of this matrix with a vector.</summary>
    public Tensor MatVec(Tensor vector) => FromNative(NativeMethods.tl_mv(Handle, vector.Handle, out var r), r, "MatVec", this, vector);

    /// <summary>The dot product of two vectors of one length.</summary>
    public Tensor Dot(Tensor other) => FromNative(NativeMethods.tl_dot(Handle, other.Handle, out var r), r, "Dot", this, other);

    // ---- in-place updates, for optimisers under NoGrad ----

    /// <summary>this ← this − <paramref name="alpha"/>·<paramref name="other"/>, in place (a gradient step). Use under <see cref="Torch.NoGrad"/> on a leaf.</summary>
    public void SubtractInPlace(Tensor other, double alpha = 1.0)
    {
        var status = NativeMethods.tl_sub_scaled_(Handle, other.Handle, alpha);
        if (status != 0) throw new TorchException($"SubtractInPlace of shape {FormatShape(ShapeCached)} and {FormatShape(other.ShapeCached)}", NativeMethods.TakeError());
        GC.KeepAlive(this);
        GC.KeepAlive(other);
    }

    /// <summary>Copies the elements of <paramref name="source"/> into this tensor, in place.</summary>
    public void CopyFrom(Tensor source)
    {
        var status = NativeMethods.tl_copy_(Handle, source.Handle);
        if (status != 0) throw new TorchException($"CopyFrom of shape {FormatShape(source.ShapeCached)} into {FormatShape(ShapeCached)}", NativeMethods.TakeError());
        GC.KeepAlive(this);
        GC.KeepAlive(source);
    }
}
