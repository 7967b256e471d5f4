namespace TensorLinear.Autograd;

/// <summary>
/// Owns every tensor created on this thread while it is the innermost open scope, and disposes them all when it is
/// disposed — except those moved out with <see cref="Tensor.MoveToOuterScope"/> or <see cref="Keep"/>. Scopes nest;
/// open one with <see cref="Torch.NewScope"/> and close it with <c>using</c> (C#) or <c>use</c> (F#).
/// </summary>
/// <remarks>
/// This is how long loops keep native memory flat: operators create intermediate tensors that no variable names, and
/// the scope releases them deterministically instead of leaving them to the garbage collector, which does not feel
/// native memory.
/// </remarks>
public sealed class TensorScope : IDisposable
{
    [ThreadStatic] private static TensorScope? _current;

    private readonly List<Tensor> _owned = [];
    private readonly int _threadId = Environment.CurrentManagedThreadId;
    private bool _disposed;

    internal TensorScope()
    {
        Outer = _current;
        _current = this;
    }

    /// <summary>The innermost open scope on this thread, if any.</summary>
    internal static TensorScope? Current => _current;

    /// <summary>The scope this one is nested in, or null for an outermost scope.</summary>
    internal TensorScope? Outer { get; }

    /// <summary>The number of live tensors this scope owns.</summary>
    public int Count => _owned.Count(t => t.Scope == this && !t.IsDisposed);

    internal void Adopt(Tensor tensor)
    {
        tensor.Scope = this;
        _owned.Add(tensor);
    }

    /// <summary>Moves <paramref name="tensor"/> to the outer scope (or out of every scope) so that it survives this one; returns it.</summary>
    public Tensor Keep(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return tensor.MoveToOuterScope();
    }

    /// <summary>Disposes every tensor still owned by this scope and closes it.</summary>
    /// <exception cref="InvalidOperationException">Scopes are closed out of order, or on another thread.</exception>
    public void Dispose()
    {
        if (_disposed) return;
        if (Environment.CurrentManagedThreadId != _threadId)
            throw new InvalidOperationException("A TensorScope must be disposed on the thread that opened it.");
        if (_current != this)
            throw new InvalidOperationException("TensorScopes must be disposed innermost first.");
        _disposed = true;
        _current = Outer;
        foreach (var t in _owned)
            if (t.Scope == this) t.Dispose();
        _owned.Clear();
    }
}
