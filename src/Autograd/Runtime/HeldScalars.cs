using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Runtime;

/// <summary>
/// Sums of tensors whose scale factor is a <see cref="Scalar"/> held for the life of the process, in place of
/// TorchSharp's <c>a + b</c>.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 writes <c>a + b</c> and <c>a.add(b)</c> as <c>a.add(b, 1)</c>, the 1 converted to a temporary
/// <see cref="Scalar"/> that the garbage collector may free while libtorch reads it (see
/// <see cref="LibTorchSharpExports"/>); seen once in CI as a failed test, "Expected false to be true" from libtorch's
/// <c>Scalar::toDouble</c> inside <c>THSTensor_add</c>. The test ScalarLifetimeTests reads the IL of every assembly of
/// ours and fails on any call that makes such a temporary.
/// </remarks>
internal static class HeldScalars
{
    private static readonly Scalar One = 1.0;

    /// <summary>a + b, element-wise with broadcasting.</summary>
    internal static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary>a + s for a number held by the caller.</summary>
    internal static Tensor Plus(this Tensor a, Scalar s) => a.add(s, One);
}
