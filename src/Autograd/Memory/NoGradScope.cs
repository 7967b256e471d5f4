using TensorLinear.Autograd.Native;

namespace TensorLinear.Autograd;

/// <summary>
/// Turns autograd's recording off on this thread until disposed, then restores what was there before — for updates
/// of parameters and for evaluation. Open one with <see cref="Torch.NoGrad"/>.
/// </summary>
public sealed class NoGradScope : IDisposable
{
    private readonly bool _wasEnabled;
    private bool _disposed;

    internal NoGradScope()
    {
        NativeMethods.Check(NativeMethods.tl_get_grad_enabled(out var enabled), "NoGrad");
        _wasEnabled = enabled != 0;
        NativeMethods.Check(NativeMethods.tl_set_grad_enabled(0), "NoGrad");
    }

    /// <summary>Restores gradient recording to what it was when the scope opened.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        NativeMethods.Check(NativeMethods.tl_set_grad_enabled(_wasEnabled ? 1 : 0), "NoGrad");
    }
}
