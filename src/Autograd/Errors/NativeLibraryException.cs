namespace TensorLinear.Autograd;

/// <summary>
/// TorchSharp's native libraries (libtorch and libLibTorchSharp) could not be loaded. The message gives the loader's
/// reason, what the libstdc++ fix found, and what to do.
/// </summary>
public sealed class NativeLibraryException(string message, Exception? inner = null) : TensorLinearException(message, inner);
