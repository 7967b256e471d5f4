using System.Collections.Concurrent;
using TensorLinear.Autograd.Native;

namespace TensorLinear.Autograd;

/// <summary>
/// The finalizer's backstop. A tensor that was never disposed is not freed on the finalizer thread (TorchSharp saw
/// access violations doing that); its handle is queued here and freed on an ordinary thread the next time a tensor is
/// created.
/// </summary>
internal static class DeferredRelease
{
    private static readonly ConcurrentQueue<IntPtr> Pending = new();

    internal static void Enqueue(IntPtr handle) => Pending.Enqueue(handle);

    internal static void Drain()
    {
        while (Pending.TryDequeue(out var handle)) NativeMethods.tl_dispose(handle);
    }

    internal static bool HasPending => !Pending.IsEmpty;
}
