using TensorLinear.Autograd.Native;

namespace TensorLinear.Autograd;

// Autograd on a tensor: leaves, backward, and accumulated gradients.
public sealed partial class Tensor
{
    /// <summary>Whether autograd records operations on this tensor. Set it on a leaf to make it a parameter.</summary>
    public bool RequiresGrad
    {
        get
        {
            NativeMethods.Check(NativeMethods.tl_requires_grad(Handle, out var requires), "RequiresGrad");
            GC.KeepAlive(this);
            return requires != 0;
        }
        set
        {
            NativeMethods.Check(NativeMethods.tl_set_requires_grad(Handle, value ? 1 : 0), "RequiresGrad");
            GC.KeepAlive(this);
        }
    }

    /// <summary>Marks this leaf as requiring gradients and returns it, for chaining at creation.</summary>
    public Tensor RequireGrad()
    {
        RequiresGrad = true;
        return this;
    }

    /// <summary>
    /// Accumulates d(this)/d(leaf) into the <see cref="Grad"/> of every leaf this tensor depends on. This tensor must
    /// be a scalar unless <paramref name="upstream"/> (a tensor of this one's shape, the vector in a vector–Jacobian
    /// product) is given.
    /// </summary>
    /// <param name="upstream">The upstream gradient; null for a scalar.</param>
    /// <param name="retainGraph">Keep the graph for another backward pass.</param>
    /// <param name="createGraph">Record the backward pass itself, so that gradients can be differentiated again.</param>
    public void Backward(Tensor? upstream = null, bool retainGraph = false, bool createGraph = false)
    {
        var status = NativeMethods.tl_backward(Handle, upstream?.Handle ?? IntPtr.Zero, retainGraph || createGraph ? 1 : 0, createGraph ? 1 : 0);
        if (status != 0)
        {
            var what = upstream is null ? $"Backward of shape {FormatShape(ShapeCached)}" : $"Backward of shape {FormatShape(ShapeCached)} with upstream {FormatShape(upstream.ShapeCached)}";
            throw new TorchException(what, NativeMethods.TakeError());
        }
        GC.KeepAlive(this);
        GC.KeepAlive(upstream);
    }

    /// <summary>The gradient accumulated in this leaf by <see cref="Backward"/>, or null before any. Each call returns a new handle.</summary>
    public Tensor? Grad
    {
        get
        {
            NativeMethods.Check(NativeMethods.tl_grad(Handle, out var r), "Grad");
            GC.KeepAlive(this);
            return r == IntPtr.Zero ? null : new Tensor(r);
        }
    }

    /// <summary>Sets the accumulated gradient to zero (it accumulates across backward passes otherwise).</summary>
    public void ZeroGrad()
    {
        NativeMethods.Check(NativeMethods.tl_zero_grad(Handle), "ZeroGrad");
        GC.KeepAlive(this);
    }

    /// <summary>The same values cut off from the graph: no gradient flows through the result.</summary>
    public Tensor Detach() => FromNative(NativeMethods.tl_detach(Handle, out var r), r, "Detach", this);
}
