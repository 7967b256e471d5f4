using TensorLinear.Autograd.Native;

namespace TensorLinear.Autograd;

/// <summary>
/// A libtorch tensor: an n-dimensional array of <see cref="ScalarType.Float64"/> (default) or
/// <see cref="ScalarType.Float32"/> that records the operations applied to it, so that autograd can differentiate.
/// </summary>
/// <remarks>
/// <para>A tensor owns a native handle. Release it deterministically: <c>Dispose</c> it, or create it inside a
/// <see cref="TensorScope"/>, which releases everything created within it. The finalizer is only a backstop, and it
/// frees nothing on the finalizer thread.</para>
/// <para>This file holds creation, lifetime and copying out; the operations live beside it, one file per area.</para>
/// </remarks>
public sealed partial class Tensor : IDisposable
{
    private IntPtr _handle;
    private long[]? _shape;

    private Tensor(IntPtr handle)
    {
        if (DeferredRelease.HasPending) DeferredRelease.Drain();
        _handle = handle;
        TensorScope.Current?.Adopt(this);
    }

    /// <summary>Queues the handle for release on an ordinary thread (see <see cref="DeferredRelease"/>).</summary>
    ~Tensor()
    {
        if (_handle != IntPtr.Zero) DeferredRelease.Enqueue(_handle);
    }

    /// <summary>The scope that owns this tensor, if any.</summary>
    internal TensorScope? Scope { get; set; }

    /// <summary>True once the tensor has been disposed; any further use throws <see cref="ObjectDisposedException"/>.</summary>
    public bool IsDisposed => _handle == IntPtr.Zero;

    /// <summary>The native handle, checked for use after disposal.</summary>
    internal IntPtr Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
            return _handle;
        }
    }

    /// <summary>Releases the native tensor. Idempotent.</summary>
    public void Dispose()
    {
        var h = Interlocked.Exchange(ref _handle, IntPtr.Zero);
        if (h == IntPtr.Zero) return;
        NativeMethods.tl_dispose(h);
        GC.SuppressFinalize(this);
    }

    /// <summary>Moves this tensor from its scope to the enclosing one (or out of every scope), so it outlives its scope; returns it.</summary>
    public Tensor MoveToOuterScope()
    {
        var outer = Scope?.Outer;
        Scope = null;
        outer?.Adopt(this);
        return this;
    }

    /// <summary>Takes this tensor out of every scope: the caller now disposes it. Returns it.</summary>
    public Tensor DetachFromScope()
    {
        Scope = null;
        return this;
    }

    // ---- creation ----------------------------------------------------------------------------------------------

    /// <summary>Wraps the result of a native call, throwing when it failed.</summary>
    internal static Tensor FromNative(int status, IntPtr result, string operation)
    {
        NativeMethods.Check(status, operation);
        return new Tensor(result);
    }

    /// <summary>Wraps the result of an operation on one or two tensors; a failure names the operation and the operands' shapes.</summary>
    internal static Tensor FromNative(int status, IntPtr result, string operation, Tensor a, Tensor? b = null)
    {
        if (status != 0)
        {
            var operands = b is null ? Describe(a) : $"{Describe(a)} and {Describe(b)}";
            throw new TorchException($"{operation} of {operands}", NativeMethods.TakeError());
        }
        GC.KeepAlive(a);
        GC.KeepAlive(b);
        return new Tensor(result);
    }

    private static string Describe(Tensor t) => t.IsDisposed ? "a disposed tensor" : $"shape {FormatShape(t.Shape)}";

    internal static string FormatShape(long[] shape) => "[" + string.Join(", ", shape) + "]";

    internal static unsafe Tensor FromDoubles(ReadOnlySpan<double> data, ReadOnlySpan<long> shape, ScalarType dtype, string operation)
    {
        fixed (double* d = data)
        fixed (long* s = shape)
            return FromNative(NativeMethods.tl_from_doubles(d, s, shape.Length, (int)dtype, out var r), r, operation);
    }

    /// <summary>A vector (1-dimensional tensor) holding a copy of <paramref name="values"/>.</summary>
    public static Tensor FromArray(double[] values, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(values);
        return FromDoubles(values, [values.Length], dtype, "FromArray");
    }

    /// <summary>A tensor of the given shape holding a copy of <paramref name="values"/> in row-major order.</summary>
    public static Tensor FromArray(double[] values, long[] shape, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(shape);
        var count = shape.Aggregate(1L, (p, s) => p * s);
        if (shape.Any(s => s < 0) || count != values.Length)
            throw new DimensionMismatchException(nameof(shape), $"{FormatShape(shape)} holds {count} elements but {values.Length} values were given");
        return FromDoubles(values, shape, dtype, "FromArray");
    }

    /// <summary>A matrix (2-dimensional tensor) holding a copy of <paramref name="values"/>.</summary>
    public static unsafe Tensor FromMatrix(double[,] values, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(values);
        fixed (double* d = values)
            return FromDoubles(new ReadOnlySpan<double>(d, values.Length), [values.GetLength(0), values.GetLength(1)], dtype, "FromMatrix");
    }

    /// <summary>A matrix whose rows are copies of <paramref name="rows"/>, which must all have one length.</summary>
    public static Tensor FromRows(double[][] rows, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var d = rows.Length == 0 ? 0 : rows[0].Length;
        var flat = new double[rows.Length * d];
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].Length != d)
                throw new DimensionMismatchException(nameof(rows), $"row {i} has {rows[i].Length} elements but row 0 has {d}");
            rows[i].CopyTo(flat, i * d);
        }
        return FromDoubles(flat, [rows.Length, d], dtype, "FromRows");
    }

    /// <summary>A 0-dimensional tensor holding <paramref name="value"/>.</summary>
    public static Tensor Scalar(double value, ScalarType dtype = ScalarType.Float64) =>
        FromNative(NativeMethods.tl_scalar(value, (int)dtype, out var r), r, "Scalar");

    /// <summary>A tensor of the given shape with every element <paramref name="value"/>.</summary>
    public static unsafe Tensor Full(long[] shape, double value, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* s = shape)
            return FromNative(NativeMethods.tl_full(s, shape.Length, value, (int)dtype, out var r), r, $"Full {FormatShape(shape)}");
    }

    /// <summary>A tensor of zeros.</summary>
    public static Tensor Zeros(long[] shape, ScalarType dtype = ScalarType.Float64) => Full(shape, 0.0, dtype);

    /// <summary>A tensor of ones.</summary>
    public static Tensor Ones(long[] shape, ScalarType dtype = ScalarType.Float64) => Full(shape, 1.0, dtype);

    /// <summary>Independent standard normal samples from libtorch's generator (seed it with <see cref="Torch.ManualSeed"/>).</summary>
    public static unsafe Tensor RandomNormal(long[] shape, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* s = shape)
            return FromNative(NativeMethods.tl_randn(s, shape.Length, (int)dtype, out var r), r, $"RandomNormal {FormatShape(shape)}");
    }

    /// <summary>Independent samples uniform on [0, 1) from libtorch's generator.</summary>
    public static unsafe Tensor RandomUniform(long[] shape, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* s = shape)
            return FromNative(NativeMethods.tl_rand(s, shape.Length, (int)dtype, out var r), r, $"RandomUniform {FormatShape(shape)}");
    }

    // ---- metadata and copying out ------------------------------------------------------------------------------

    /// <summary>The sizes of the dimensions (a copy); empty for a scalar.</summary>
    public long[] Shape => (long[])ShapeCached.Clone();

    private unsafe long[] ShapeCached
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this); // the cached shape must not outlive the tensor
            if (_shape is not null) return _shape;
            NativeMethods.Check(NativeMethods.tl_ndim(Handle, out var ndim), "Shape");
            var shape = new long[ndim];
            fixed (long* s = shape) NativeMethods.Check(NativeMethods.tl_shape(Handle, s), "Shape");
            GC.KeepAlive(this);
            return _shape = shape;
        }
    }

    /// <summary>The number of dimensions.</summary>
    public int Dimensions => ShapeCached.Length;

    /// <summary>The number of elements.</summary>
    public long Count => ShapeCached.Aggregate(1L, (p, s) => p * s);

    /// <summary>The element type.</summary>
    public ScalarType Dtype
    {
        get
        {
            NativeMethods.Check(NativeMethods.tl_dtype(Handle, out var code), "Dtype");
            GC.KeepAlive(this);
            return (ScalarType)code;
        }
    }

    /// <summary>A copy converted to another element type (differentiable between floating types).</summary>
    public Tensor To(ScalarType dtype) => FromNative(NativeMethods.tl_to_dtype(Handle, (int)dtype, out var r), r, $"To({dtype})", this);

    /// <summary>A copy with its own storage, still connected to the graph.</summary>
    public Tensor Clone() => FromNative(NativeMethods.tl_clone(Handle, out var r), r, "Clone", this);

    /// <summary>The elements as doubles, in row-major order.</summary>
    public unsafe double[] ToArray()
    {
        var values = new double[Count];
        fixed (double* d = values)
            NativeMethods.Check(NativeMethods.tl_to_doubles(Handle, d, values.Length), "ToArray");
        GC.KeepAlive(this);
        return values;
    }

    /// <summary>The elements of a 2-dimensional tensor as a matrix.</summary>
    public unsafe double[,] ToMatrix()
    {
        var shape = ShapeCached;
        if (shape.Length != 2)
            throw new DimensionMismatchException("tensor", $"has shape {FormatShape(shape)}; ToMatrix needs 2 dimensions");
        var values = new double[shape[0], shape[1]];
        fixed (double* d = values)
            NativeMethods.Check(NativeMethods.tl_to_doubles(Handle, d, values.Length), "ToMatrix");
        GC.KeepAlive(this);
        return values;
    }

    /// <summary>The value of a tensor with one element.</summary>
    public double ToScalar()
    {
        var status = NativeMethods.tl_item(Handle, out var value);
        if (status != 0) throw new TorchException($"ToScalar of shape {FormatShape(ShapeCached)}", NativeMethods.TakeError());
        GC.KeepAlive(this);
        return value;
    }

    /// <summary>libtorch's own printout of the tensor.</summary>
    public override string ToString()
    {
        if (IsDisposed) return "Tensor(disposed)";
        NativeMethods.Check(NativeMethods.tl_to_string(Handle, out var s), "ToString");
        GC.KeepAlive(this);
        return NativeMethods.TakeString(s);
    }
}
