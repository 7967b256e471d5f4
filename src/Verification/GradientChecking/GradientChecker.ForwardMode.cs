using TensorLinear.Numerics;

namespace TensorLinear.Verification.GradientChecking;

public static partial class GradientChecker
{
    /// <summary>
    /// Checks a claimed gradient of a function written over generic math (<see cref="IRealFunction"/>) against
    /// forward-mode derivatives (<see cref="Dual"/>, exact up to the rounding of its operations, like autograd) and
    /// against central finite differences, with the Taylor test as in <see cref="Check"/>.
    /// </summary>
    /// <param name="f">f: ℝⁿ → ℝ over generic math; it must return exactly one value.</param>
    /// <param name="claimedGradient">The gradient to check, as a function of x (called once, at x).</param>
    /// <param name="x">The point, non-empty and finite.</param>
    /// <param name="options">Settings; <see cref="GradientCheckOptions.Default"/> when null.</param>
    /// <exception cref="InvalidInputException">
    /// As for <see cref="Check"/>; also when f returns other than one value (<see cref="DimensionMismatchException"/>).
    /// </exception>
    public static GradientReport CheckWithForwardMode(IRealFunction f, Func<double[], double[]> claimedGradient, double[] x, GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(claimedGradient);
        Numerics.Check.Vector(x, nameof(x));
        options ??= GradientCheckOptions.Default;
        options.Validate();
        var sampled = SampledFunction.Scalar(t => ScalarValue(f, t), x.Length);
        var f0 = sampled.ValueAt(x);
        var forward = f.ForwardJacobian(x);
        var claimed = ClaimedGradient(claimedGradient, x);
        return GradientCore(sampled, f0, claimed, Row(forward), x, options, Witness.ForwardMode);
    }

    /// <summary>
    /// Checks a claimed m×n Jacobian of a function over generic math against forward-mode derivatives (one
    /// <see cref="Dual"/> evaluation per input) and against central finite differences.
    /// </summary>
    /// <param name="f">f: ℝⁿ → ℝᵐ over generic math; it must always return m values.</param>
    /// <param name="claimedJacobian">The Jacobian to check (m rows, n columns).</param>
    /// <param name="x">The point, non-empty and finite.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <exception cref="InvalidInputException">As for <see cref="CheckJacobian"/>.</exception>
    public static JacobianReport CheckJacobianWithForwardMode(IRealFunction f, Func<double[], double[,]> claimedJacobian, double[] x, GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(claimedJacobian);
        Numerics.Check.Vector(x, nameof(x));
        options ??= GradientCheckOptions.Default;
        options.Validate();
        var sampled = SampledFunction.Vector(t => Values(f, t), x, out var f0);
        var forward = f.ForwardJacobian(x);
        var claimed = ClaimedJacobian(claimedJacobian, x, sampled.OutputLength);
        return JacobianCore(sampled, f0, claimed, forward, x, options, Witness.ForwardMode);
    }

    // f's double value is Evaluate<Dual> with zero tangents, the same evaluation the forward-mode derivative rides on;
    // Dual's parts are double-doubles, so each value is f correctly rounded or nearly, and the finite differences
    // sample a function whose own noise is about u/2.
    private static double[] Values(IRealFunction f, double[] x) =>
        [.. (f.Evaluate<Dual>([.. x.Select(v => new Dual(v, 0.0))]) ?? throw new OutOfDomainException("f", "returned null; it must return an array")).Select(d => d.Value.Hi)];

    private static double ScalarValue(IRealFunction f, double[] x)
    {
        var y = Values(f, x);
        return y.Length == 1 ? y[0]
            : throw new DimensionMismatchException("f", $"returned {y.Length} values; a gradient check needs one (use CheckJacobianWithForwardMode for a vector)");
    }
}
