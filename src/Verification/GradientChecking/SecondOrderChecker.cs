using TensorLinear.Autograd;
using static TorchSharp.torch;

namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// Second-order checks, like torch's gradgradcheck: a claimed Hessian, or a claimed Hessian–vector product, of a
/// function written with TorchSharp tensors, three ways — against autograd's double backward
/// (<see cref="Torch.Hessian"/>, <see cref="Torch.HessianVectorProduct"/>) and against finite differences of autograd's
/// gradient, with the Jacobian checker's bounds and verdicts (the gradient is the function whose Jacobian is checked).
/// </summary>
/// <example>
/// C#: <c>SecondOrderChecker.CheckHessianWithAutograd(t =&gt; t.pow(3).sum(), x =&gt; Diagonal(6 * x), [1.0, 2.0])</c><br/>
/// F#: <c>SecondOrderChecker.CheckHessianVectorProductWithAutograd((fun t -&gt; t.exp().sum()), (fun x v -&gt; Array.map2 (fun a b -&gt; exp a * b) x v), x, v)</c>
/// </example>
public static class SecondOrderChecker
{
    /// <summary>
    /// Checks a claimed n×n Hessian of a scalar tensor function f at x: entry (i, j) is ∂²f/∂xᵢ∂xⱼ, compared with
    /// autograd's double backward and with the finite differences of ∇f along xⱼ. Costs the Jacobian check of ∇f
    /// (each evaluation one backward pass) plus n backward passes for autograd's Hessian.
    /// </summary>
    /// <exception cref="InvalidInputException">As for <see cref="GradientChecker.CheckWithAutograd"/>, or a Hessian of the wrong shape.</exception>
    public static JacobianReport CheckHessianWithAutograd(Func<Tensor, Tensor> f, Func<double[], double[,]> claimedHessian, double[] x, GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(claimedHessian);
        Numerics.Check.Vector(x, nameof(x));
        options ??= GradientCheckOptions.Default;
        options.Validate();
        Torch.Initialize();
        var gradient = SampledFunction.Vector(u => Gradient(f, u), x, out var g0);
        var claimed = claimedHessian((double[])x.Clone()) ?? throw new OutOfDomainException(nameof(claimedHessian), "returned null; it must return an n×n matrix");
        TaylorTest.CheckJacobianShape(claimed, x.Length, x.Length);
        return GradientChecker.JacobianCore(gradient, g0, (double[,])claimed.Clone(), Torch.Hessian(f, x), x, options);
    }

    /// <summary>
    /// Checks a claimed Hessian–vector product ∇²f(x)·v without forming the Hessian: it is the derivative of
    /// t ↦ ∇f(x + t·v) at t = 0, an n×1 Jacobian, compared with autograd's double backward and with finite differences
    /// of ∇f along v.
    /// </summary>
    /// <exception cref="InvalidInputException">x or v empty, not finite or of different lengths; the claim of the wrong length.</exception>
    public static JacobianReport CheckHessianVectorProductWithAutograd(Func<Tensor, Tensor> f, Func<double[], double[], double[]> claimedProduct, double[] x, double[] v, GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(claimedProduct);
        Numerics.Check.Vectors(x, nameof(x), v, nameof(v));
        options ??= GradientCheckOptions.Default;
        options.Validate();
        Torch.Initialize();
        var along = SampledFunction.Vector(t => Gradient(f, Along(x, v, t[0])), [0.0], out var g0);
        var product = claimedProduct((double[])x.Clone(), (double[])v.Clone()) ?? throw new OutOfDomainException(nameof(claimedProduct), "returned null");
        Numerics.Check.SameLength(x.Length, nameof(x), product.Length, nameof(claimedProduct));
        return GradientChecker.JacobianCore(along, g0, Column(product), Column(Torch.HessianVectorProduct(f, x, v)), [0.0], options with { CoordinateScales = [1.0] });
    }

    /// <summary>∇f(x) by one backward pass.</summary>
    private static double[] Gradient(Func<Tensor, Tensor> f, double[] x)
    {
        var row = GradientChecker.AutogradJacobian(f, x, scalar: true);
        return [.. Enumerable.Range(0, x.Length).Select(k => row[0, k])];
    }

    private static double[] Along(double[] x, double[] v, double t) => [.. x.Select((xi, i) => xi + t * v[i])];

    private static double[,] Column(double[] values)
    {
        var m = new double[values.Length, 1];
        for (var i = 0; i < values.Length; i++) m[i, 0] = values[i];
        return m;
    }
}
