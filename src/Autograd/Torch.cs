using System.Runtime.InteropServices;
using TensorLinear.Autograd.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Autograd;

/// <summary>
/// The engine as a whole: TorchSharp and libtorch versions, threads, seeding, and derivatives of tensor functions
/// (gradients, Hessians, Hessian–vector products) from libtorch's autograd, with every precondition checked in C#
/// so that a mistake is a typed <see cref="TensorLinearException"/>, never a process abort.
/// </summary>
/// <remarks>
/// <para>Tensors are TorchSharp's <see cref="torch.Tensor"/>; own their memory with <c>torch.NewDisposeScope()</c>
/// and switch recording off with <c>torch.no_grad()</c>. TensorLinear computes in float64 throughout and refuses other
/// dtypes; TorchSharp's default dtype is float32, so create tensors from <c>double[]</c> or pass <c>float64</c>.</para>
/// <para>On Linux, call <see cref="Initialize"/> (or any member of this assembly) before the first TorchSharp call of a
/// process: it applies the libstdc++ load-time fix (<see cref="Loading.LibStdCxxCompatibility"/>) where the machine
/// needs it.</para>
/// </remarks>
public static class Torch
{
    /// <summary>
    /// Loads TorchSharp and libtorch (applying the libstdc++ fix where needed) and the default
    /// <see cref="Autograd.ThreadPolicy"/>. Idempotent; every other member calls it.
    /// </summary>
    /// <exception cref="NativeLibraryException">TorchSharp's native libraries cannot be loaded; the message says why and what to do.</exception>
    public static void Initialize() => EngineLoader.Ensure();

    /// <summary>libtorch's version, e.g. "2.10.0" (TorchSharp gives its libtorch package's version, "2.10.0.0").</summary>
    public static string Version =>
        System.Version.TryParse(torch.__version__, out var v) ? $"{v.Major}.{v.Minor}.{Math.Max(0, v.Build)}" : torch.__version__;

    /// <summary>The version of the TorchSharp assembly, e.g. "0.107.0".</summary>
    public static string TorchSharpVersion
    {
        get
        {
            var v = typeof(torch).Assembly.GetName().Version;
            return v is null ? "unknown" : $"{v.Major}.{v.Minor}.{v.Build}";
        }
    }

    /// <summary>What the libstdc++ load-time fix found and did in this process.</summary>
    public static Loading.LibStdCxxFix LibStdCxxFix
    {
        get
        {
            Initialize();
            return Loading.LibStdCxxCompatibility.Outcome;
        }
    }

    /// <summary>The number of threads libtorch's pool uses (OpenMP and MKL share it in libtorch 2.10).</summary>
    public static int Threads
    {
        get
        {
            Initialize();
            return torch.get_num_threads();
        }
    }

    /// <summary>
    /// How the engine divides the cores between libtorch's pool and TensorLinear's own parallel loops;
    /// <see cref="Autograd.ThreadPolicy.OnePoolAtATime"/> unless set. Setting it applies it at once, for the whole process.
    /// </summary>
    public static ThreadPolicy ThreadPolicy
    {
        get
        {
            Initialize();
            return ThreadSettings.Policy;
        }
        set
        {
            Initialize();
            ThreadSettings.Apply(value);
        }
    }

    /// <summary>
    /// The number of threads TensorLinear's own parallel loops use — the one-pass training kernel and the blocked QR of
    /// <see cref="LeastSquares.TensorLeastSquares"/> — set by <see cref="ThreadPolicy"/>.
    /// </summary>
    public static int KernelThreads
    {
        get
        {
            Initialize();
            return ThreadSettings.KernelThreads;
        }
    }

    /// <summary>Seeds libtorch's random generator, so that random tensors repeat.</summary>
    public static void ManualSeed(ulong seed)
    {
        Initialize();
        torch.manual_seed(unchecked((long)seed));
    }

    /// <summary>
    /// The gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/> (PyTorch's
    /// <c>torch.autograd.grad</c>), leaving every <c>.grad</c> as it was. An input the outputs do not depend on, and every
    /// input of an output that records no graph (a constant, or the gradient of an affine function), gets zeros.
    /// </summary>
    /// <remarks>
    /// <para>TorchSharp's <c>autograd.grad</c> has no C++ catch: an unused input, a non-scalar output without an upstream
    /// gradient, a graph already freed, or an output without a graph ends the process. Its <c>autograd.backward</c> has
    /// one, so the gradients are computed by a backward pass restricted to <paramref name="inputs"/> (PyTorch's
    /// <c>backward(inputs=…)</c>), each input's <c>.grad</c> set aside before and put back after; a freed graph is then
    /// a <see cref="TorchException"/>. The graph is always retained: it is freed with its tensors (dispose scopes).</para>
    /// <para>With <paramref name="createGraph"/>, <c>autograd.grad</c> is used instead (a backward pass that records
    /// itself into <c>.grad</c> would tie each input to its gradient in a reference cycle); a retained plain backward
    /// pass with zero upstream gradients runs first, so that a freed graph is met where libtorch can still report it.</para>
    /// <para>Not thread-safe for one input used on two threads at once (its <c>.grad</c> is set aside meanwhile).</para>
    /// </remarks>
    /// <param name="outputs">Tensors to differentiate; each a single element unless <paramref name="upstream"/> is given.</param>
    /// <param name="inputs">float64 tensors that require gradients (leaves or not).</param>
    /// <param name="upstream">One upstream gradient per output, of its shape (vector–Jacobian products), or null.</param>
    /// <param name="createGraph">Record the gradient computation so that it can be differentiated again (second derivatives).</param>
    /// <exception cref="InvalidInputException">A precondition above does not hold; the message names it.</exception>
    /// <exception cref="TorchException">libtorch refused the computation (for instance, the graph was freed by a backward pass without retain_graph).</exception>
    public static Tensor[] Gradients(IReadOnlyList<Tensor> outputs, IReadOnlyList<Tensor> inputs,
                                     IReadOnlyList<Tensor>? upstream = null, bool createGraph = false)
    {
        Initialize();
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(inputs);
        if (outputs.Count == 0) throw new EmptyInputException(nameof(outputs), "there is nothing to differentiate");
        if (inputs.Count == 0) throw new EmptyInputException(nameof(inputs), "there is nothing to differentiate with respect to");
        if (upstream is not null && upstream.Count != outputs.Count)
            throw new DimensionMismatchException(nameof(upstream), $"has {upstream.Count} tensors but there are {outputs.Count} outputs");
        for (var i = 0; i < inputs.Count; i++)
        {
            Live(inputs[i], $"inputs[{i}]");
            if (!inputs[i].requires_grad)
                throw new InvalidInputException($"inputs[{i}]", "does not require gradients: create it with requires_grad: true (or call requires_grad_())");
        }
        var recorded = new List<Tensor>();
        var seeds = new List<Tensor>();
        for (var i = 0; i < outputs.Count; i++)
        {
            var output = Live(outputs[i], $"outputs[{i}]");
            if (upstream is null && output.numel() != 1)
                throw new DimensionMismatchException($"outputs[{i}]",
                    $"has shape {Shapes.Format(output.shape)}; a gradient needs a single-element output, or an upstream gradient of that shape");
            var seed = upstream is null ? torch.ones_like(output) : Live(upstream[i], $"upstream[{i}]");
            if (!seed.shape.SequenceEqual(output.shape))
                throw new DimensionMismatchException($"upstream[{i}]", $"has shape {Shapes.Format(seed.shape)} but outputs[{i}] has {Shapes.Format(output.shape)}");
            if (seed.dtype != output.dtype)
                throw new InvalidInputException($"upstream[{i}]", $"is {seed.dtype} but outputs[{i}] is {output.dtype}");
            // An output that records no graph does not depend on any input: its contribution is zero.
            if (!output.requires_grad) continue;
            recorded.Add(output);
            seeds.Add(seed);
        }
        if (recorded.Count == 0) return inputs.Select(x => torch.zeros_like(x)).ToArray();
        var operation = $"Gradients of {recorded.Count} output(s) with respect to {inputs.Count} input(s)";
        if (!createGraph) return RestrictedBackward(recorded, seeds, inputs, operation);
        RestrictedBackward(recorded, seeds.Select(s => torch.zeros_like(s)).ToList(), inputs, operation);
        var grads = torch.autograd.grad(recorded, inputs.ToList(), seeds, retain_graph: true, create_graph: true, allow_unused: true);
        return grads.Select((g, i) => g is null || g.IsInvalid ? torch.zeros_like(inputs[i]) : g).ToArray();
    }

    // backward(inputs=…) with every input's .grad set aside first and put back after: the gradients come back as new
    // tensors and the caller's .grad fields are untouched.
    private static Tensor[] RestrictedBackward(IList<Tensor> outputs, IList<Tensor> seeds, IReadOnlyList<Tensor> inputs, string operation)
    {
        // A non-leaf input's .grad is read only where it retains one (else libtorch warns on stderr): retain_grad()
        // makes it keep the gradient this pass computes, and it had none of its own to set aside.
        foreach (var x in inputs)
            if (!x.is_leaf) x.retain_grad();
        var saved = inputs.Select(x => x.is_leaf ? x.grad : null).ToArray();
        try
        {
            foreach (var x in inputs) x.grad = null;
            torch.autograd.backward(outputs, seeds, retain_graph: true, create_graph: false, inputs: inputs.ToList());
            // One tensor given twice as an input accumulates both contributions in its one .grad: each entry reads it.
            return inputs.Select(x => x.grad ?? torch.zeros_like(x)).ToArray();
        }
        catch (ExternalException e)
        {
            throw TorchException.From(operation, e);
        }
        finally
        {
            for (var i = 0; i < inputs.Count; i++) inputs[i].grad = saved[i];
        }
    }

    /// <summary>The gradient of a single-element <paramref name="output"/> with respect to <paramref name="input"/>.</summary>
    /// <exception cref="InvalidInputException">See <see cref="Gradients"/>.</exception>
    public static Tensor Gradient(Tensor output, Tensor input, bool createGraph = false) =>
        Gradients([output], [input], null, createGraph)[0];

    /// <summary>
    /// The Hessian of a scalar function f at x (a vector), by double backward: the gradient with its graph kept, then
    /// each of its components differentiated again. Returns an n×n matrix.
    /// </summary>
    /// <exception cref="InvalidInputException">x is empty or not finite, or f does not return a single element.</exception>
    public static double[,] Hessian(Func<Tensor, Tensor> f, double[] x)
    {
        ArgumentNullException.ThrowIfNull(f);
        Numerics.Check.Vector(x, nameof(x));
        Initialize();
        using var scope = torch.NewDisposeScope();
        using var recording = torch.enable_grad(); // a caller inside no_grad() still gets the Hessian
        var input = torch.tensor(x, requires_grad: true);
        var gradient = Gradient(f(input), input, createGraph: true);
        var n = x.Length;
        var hessian = new double[n, n];
        // A gradient with no graph does not depend on x (f is affine; pytorch issue 32304): the Hessian is zero.
        if (!gradient.requires_grad) return hessian;
        for (var i = 0; i < n; i++)
        {
            var row = Gradients([gradient[i]], [input])[0].ToDoubles();
            for (var j = 0; j < n; j++) hessian[i, j] = row[j];
        }
        return hessian;
    }

    /// <summary>
    /// The Hessian–vector product ∇²f(x)·v by double backward — the gradient of ∇f(x)ᵀv — without forming the Hessian.
    /// </summary>
    /// <exception cref="InvalidInputException">x or v is empty or not finite, their lengths differ, or f does not return a single element.</exception>
    public static double[] HessianVectorProduct(Func<Tensor, Tensor> f, double[] x, double[] v)
    {
        ArgumentNullException.ThrowIfNull(f);
        Numerics.Check.Vector(x, nameof(x));
        Numerics.Check.Vector(v, nameof(v));
        Numerics.Check.SameLength(x.Length, nameof(x), v.Length, nameof(v));
        Initialize();
        using var scope = torch.NewDisposeScope();
        using var recording = torch.enable_grad(); // a caller inside no_grad() still gets the product
        var input = torch.tensor(x, requires_grad: true);
        var gradient = Gradient(f(input), input, createGraph: true);
        if (!gradient.requires_grad) return new double[x.Length]; // f is affine: its Hessian, and so ∇²f·v, is zero
        var directional = gradient.dot(torch.tensor(v));
        return Gradient(directional, input).ToDoubles();
    }

    private static Tensor Live(Tensor? t, string name)
    {
        if (t is null) throw new ArgumentNullException(name);
        if (t.IsInvalid) throw new InvalidInputException(name, "has been disposed");
        return t;
    }
}
