namespace TensorLinear.Autograd;

/// <summary>
/// The native bridge or libtorch could not be loaded. The message lists every path tried, the loader's own reason
/// for each, and the command that fixes it.
/// </summary>
public sealed class NativeLibraryException(string message, Exception? inner = null) : TensorLinearException(message, inner);
