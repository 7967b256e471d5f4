using TensorLinear.Autograd.Native;

namespace TensorLinear.Autograd;

// Sums, means, extremes and norms, over the whole tensor or along one dimension.
public sealed partial class Tensor
{
    /// <summary>The sum of all elements (a scalar tensor).</summary>
    public Tensor Sum() => FromNative(NativeMethods.tl_sum(Handle, out var r), r, "Sum", this);

    /// <summary>The sums along <paramref name="dimension"/>.</summary>
    public Tensor Sum(int dimension, bool keepDimension = false) =>
        FromNative(NativeMethods.tl_sum_dim(Handle, dimension, keepDimension ? 1 : 0, out var r), r, $"Sum along {dimension}", this);

    /// <summary>The mean of all elements (a scalar tensor).</summary>
    public Tensor Mean() => FromNative(NativeMethods.tl_mean(Handle, out var r), r, "Mean", this);

    /// <summary>The means along <paramref name="dimension"/>.</summary>
    public Tensor Mean(int dimension, bool keepDimension = false) =>
        FromNative(NativeMethods.tl_mean_dim(Handle, dimension, keepDimension ? 1 : 0, out var r), r, $"Mean along {dimension}", this);

    /// <summary>The largest element (a scalar tensor); its gradient is split evenly among ties.</summary>
    public Tensor Max() => FromNative(NativeMethods.tl_max_all(Handle, out var r), r, "Max", this);

    /// <summary>The smallest element (a scalar tensor); its gradient is split evenly among ties.</summary>
    public Tensor Min() => FromNative(NativeMethods.tl_min_all(Handle, out var r), r, "Min", this);

    /// <summary>
    /// The vector p-norm of all elements, ‖x‖ₚ = (Σ|xᵢ|ᵖ)^(1/p), for any p ≥ 1; <c>double.PositiveInfinity</c> gives max |xᵢ|.
    /// Computed as s·‖x/s‖ₚ with s a power of two near max |xᵢ|, so that it neither overflows nor underflows (components
    /// near 1e±200 are fine).
    /// </summary>
    public Tensor Norm(double p = 2.0) =>
        FromNative(NativeMethods.tl_vector_norm(Handle, p, 0, 0, 0, out var r), r, $"Norm(p = {p})", this);

    /// <summary>The vector p-norms along <paramref name="dimension"/> (negative counts from the end, as in <see cref="Sum(int, bool)"/>).</summary>
    public Tensor Norm(double p, int dimension, bool keepDimension = false) =>
        FromNative(NativeMethods.tl_vector_norm(Handle, p, 1, dimension, keepDimension ? 1 : 0, out var r), r, $"Norm(p = {p}) along {dimension}", this);
}
