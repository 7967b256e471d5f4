namespace TensorLinear.Autograd;

/// <summary>
/// libtorch refused an operation: a C++ exception inside libtorch, caught by the bridge and carried over with its
/// message. The process is unharmed; the tensors involved are unchanged.
/// </summary>
public sealed class TorchException : TensorLinearException
{
    /// <summary>Creates the exception for a failed operation with libtorch's own message.</summary>
    public TorchException(string operation, string torchMessage)
        : base($"{operation}: {torchMessage.Trim()}")
    {
        Operation = operation;
        TorchMessage = torchMessage;
    }

    /// <summary>The TensorLinear operation that failed, with the shapes of its operands where they matter.</summary>
    public string Operation { get; }

    /// <summary>libtorch's message, as libtorch wrote it.</summary>
    public string TorchMessage { get; }
}
