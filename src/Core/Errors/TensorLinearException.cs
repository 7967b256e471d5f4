namespace TensorLinear;

/// <summary>The base of every error TensorLinear raises on purpose; catch it to catch them all.</summary>
public abstract class TensorLinearException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    protected TensorLinearException(string message) : base(message) { }

    /// <summary>Creates the exception with its message and the error that caused it.</summary>
    protected TensorLinearException(string message, Exception? inner) : base(message, inner) { }
}
