using System.Runtime.InteropServices;

namespace TensorLinear.Autograd;

/// <summary>
/// libtorch refused an operation: a C++ exception inside libtorch, caught by TorchSharp and carried over. The message
/// keeps libtorch's first line, without the 12–19 lines of C++ backtrace TorchSharp appends. The process is unharmed.
/// </summary>
public sealed class TorchException : TensorLinearException
{
    /// <summary>Creates the exception for a failed operation with libtorch's own message.</summary>
    public TorchException(string operation, string torchMessage, Exception? inner = null)
        : base($"{operation}: {FirstLine(torchMessage)}", inner)
    {
        Operation = operation;
        TorchMessage = FirstLine(torchMessage);
    }

    /// <summary>The TensorLinear operation that failed, with the shapes of its operands where they matter.</summary>
    public string Operation { get; }

    /// <summary>The first line of libtorch's message.</summary>
    public string TorchMessage { get; }

    /// <summary>Wraps TorchSharp's exception for a failed libtorch call.</summary>
    internal static TorchException From(string operation, ExternalException e) => new(operation, e.Message, e);

    // libtorch's what() is its message, then "Exception raised from … (most recent call first):" and the frames.
    private static string FirstLine(string message)
    {
        var text = message.Trim();
        var cut = text.IndexOf("Exception raised from", StringComparison.Ordinal);
        if (cut > 0) text = text[..cut];
        return text.Split('\n', 2)[0].Trim();
    }
}
