using TensorLinear.Autograd;
using static TorchSharp.torch;

namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// The fast mode of torch's gradcheck: for a large Jacobian, check one random projection vᵀJu instead of every entry.
/// φ(t) = vᵀf(x + t·u) is a scalar function of one variable whose derivative at 0 is vᵀJu, so the gradient checker's
/// steps, bounds and verdicts apply to it unchanged; u and v are seeded standard normal directions (u scaled by σⱼ).
/// </summary>
/// <remarks>
/// One random projection catches a wrong Jacobian with probability 1 (the set of (u, v) with vᵀ(J − Ĵ)u = 0 has measure
/// zero when Ĵ ≠ J); the margin it is caught by is |vᵀ(J − Ĵ)u|. Cost: one gradient check of a 1-variable function
/// (about 60 evaluations of f) and one backward pass, whatever n and m.
/// </remarks>
public static class ProjectionCheck
{
    /// <summary>
    /// Checks the claimed Jacobian–vector product J·u (<paramref name="claimedJacobianTimes"/>(x, u)) of a tensor
    /// function f: ℝⁿ → ℝᵐ through vᵀJu, three ways: against autograd (vᵀf backward, dotted with u) and finite
    /// differences of φ(t) = vᵀf(x + t·u).
    /// </summary>
    /// <exception cref="InvalidInputException">x empty or not finite; f not finite at x; the product of the wrong length.</exception>
    public static GradientReport CheckWithAutograd(Func<Tensor, Tensor> f, Func<double[], double[], double[]> claimedJacobianTimes, double[] x, GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(claimedJacobianTimes);
        Numerics.Check.Vector(x, nameof(x));
        options ??= GradientCheckOptions.Default;
        options.Validate();
        Torch.Initialize();
        var m = (int)GradientChecker.AutogradJacobian(f, x, scalar: false).GetLength(0);
        var u = GradientChecker.RandomDirection(x, unchecked(options.Seed * 2 + 1), new bool[x.Length], options.CoordinateScales, scaled: true);
        var v = GradientChecker.RandomDirection(new double[m], unchecked(options.Seed * 2 + 2), new bool[m], typical: null, scaled: false);
        var vTensor = new Func<Tensor, Tensor>(t => f(t).reshape(-1).dot(tensor(v)));
        var phi = SampledFunction.Scalar(t => GradientChecker.TensorValue(vTensor, [.. x.Select((xi, i) => xi + t[0] * u[i])]), 1);
        var phi0 = phi.ValueAt([0.0]);
        var product = claimedJacobianTimes((double[])x.Clone(), (double[])u.Clone()) ?? throw new OutOfDomainException(nameof(claimedJacobianTimes), "returned null");
        Numerics.Check.SameLength(m, "f(x)", product.Length, nameof(claimedJacobianTimes));
        var claimed = v.Select((vi, i) => vi * product[i]).Sum();
        var row = GradientChecker.AutogradJacobian(vTensor, x, scalar: true);
        var autograd = Enumerable.Range(0, x.Length).Sum(j => row[0, j] * u[j]);
        return GradientChecker.GradientCore(phi, phi0, [claimed], [autograd], [0.0], options with { CoordinateScales = [1.0] });
    }
}
