namespace TensorLinear.Autograd;

/// <summary>The element types a <see cref="Tensor"/> can hold. The codes are shared with the native bridge.</summary>
public enum ScalarType
{
    /// <summary>64-bit floating point, the default: the precision the reference is compared in.</summary>
    Float64 = 0,

    /// <summary>32-bit floating point.</summary>
    Float32 = 1,

    /// <summary>Booleans, as comparisons produce.</summary>
    Bool = 2,

    /// <summary>64-bit integers.</summary>
    Int64 = 3,
}
