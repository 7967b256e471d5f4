namespace TensorLinear.Autograd.Runtime;

/// <summary>Shapes as messages print them.</summary>
internal static class Shapes
{
    /// <summary>"[2, 3]" for a 2×3 tensor, "[]" for a scalar.</summary>
    internal static string Format(long[] shape) => "[" + string.Join(", ", shape) + "]";
}
