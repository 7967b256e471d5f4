using TensorLinear.Autograd.Native;

namespace TensorLinear.Autograd;

// Transposes, reshapes, slices and concatenation: views and copies, all differentiable.
public sealed partial class Tensor
{
    /// <summary>Swaps dimensions <paramref name="first"/> and <paramref name="second"/>.</summary>
    public Tensor Transpose(int first, int second) =>
        FromNative(NativeMethods.tl_transpose(Handle, first, second, out var r), r, $"Transpose({first}, {second})", this);

    /// <summary>The transpose of a matrix (dimensions 0 and 1 swapped).</summary>
    public Tensor T => Transpose(0, 1);

    /// <summary>The same elements in a new shape; one size may be −1 to be inferred.</summary>
    public unsafe Tensor Reshape(params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* s = shape)
            return FromNative(NativeMethods.tl_reshape(Handle, s, shape.Length, out var r), r, $"Reshape to {FormatShape(shape)}", this);
    }

    /// <summary>Rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> − 1 (along dimension 0).</summary>
    public Tensor Rows(long start, long count) => Slice(0, start, count);

    /// <summary><paramref name="count"/> entries along <paramref name="dimension"/> from <paramref name="start"/>.</summary>
    public Tensor Slice(int dimension, long start, long count) =>
        FromNative(NativeMethods.tl_narrow(Handle, dimension, start, count, out var r), r, $"Slice({dimension}, {start}, {count})", this);

    /// <summary>Entry <paramref name="index"/> along <paramref name="dimension"/>, dropping that dimension.</summary>
    public Tensor Select(int dimension, long index) =>
        FromNative(NativeMethods.tl_select(Handle, dimension, index, out var r), r, $"Select({dimension}, {index})", this);

    /// <summary>Joins tensors along an existing dimension.</summary>
    public static unsafe Tensor Concatenate(IReadOnlyList<Tensor> tensors, int dimension = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var handles = new IntPtr[tensors.Count];
        for (var i = 0; i < handles.Length; i++) handles[i] = tensors[i].Handle;
        int status;
        IntPtr r;
        fixed (IntPtr* h = handles) status = NativeMethods.tl_cat(h, handles.Length, dimension, out r);
        if (status != 0)
            throw new TorchException($"Concatenate along {dimension} of {string.Join(", ", tensors.Select(t => FormatShape(t.ShapeCached)))}", NativeMethods.TakeError());
        GC.KeepAlive(tensors);
        return new Tensor(r);
    }
}
