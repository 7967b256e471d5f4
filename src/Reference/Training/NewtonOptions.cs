using TensorLinear.Models;
using TensorLinear.Numerics;

namespace TensorLinear.Reference.Training;

/// <summary>
/// How Newton–Raphson (IRLS) runs on logistic regression. Immutable; vary it with <c>with</c> in C# and with the copy
/// constructor in F#, <c>NewtonOptions(options, MaxIterations = 50)</c> (F#'s <c>{ o with … }</c> is for F# records).
/// </summary>
public sealed record NewtonOptions
{
    /// <summary>The defaults: 100 iterations, tolerance 1e-10, no penalty, the intercept fitted.</summary>
    public NewtonOptions() { }

    /// <summary>
    /// A copy of <paramref name="original"/>, to which F# can give new values as it creates it:
    /// <c>NewtonOptions(options, Tolerance = 1e-12)</c> is F# for C#'s <c>options with { Tolerance = 1e-12 }</c>.
    /// </summary>
    public NewtonOptions(NewtonOptions original)
    {
        ArgumentNullException.ThrowIfNull(original);
        MaxIterations = original.MaxIterations;
        Tolerance = original.Tolerance;
        Penalty = original.Penalty;
        FitIntercept = original.FitIntercept;
    }

    /// <summary>The most Newton steps to take.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>
    /// Converged once the half squared Newton decrement λ²/2 = ½gᵀH⁻¹g at the start of a step is at or below this (or
    /// below the rounding of the loss, so that 0 is a valid tolerance). λ²/2 estimates L(θ) − L(θ*), and Newton
    /// converges quadratically near θ*: the step taken then and one more full step leave an error of the order of the
    /// rounding of the gradient.
    /// </summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>The ridge penalty λ₂‖w‖₂²; an L1 penalty is refused, since its loss has no Hessian at 0.</summary>
    public Penalty Penalty { get; init; } = Penalty.None;

    /// <summary>Whether the bias is fitted; when false it stays 0 and the hyperplane passes through the origin.</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>Throws a typed error when an option is out of range.</summary>
    /// <exception cref="OutOfDomainException">A negative iteration limit or tolerance, or an L1 penalty.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Penalty, nameof(Penalty));
        if (MaxIterations < 0) throw new OutOfDomainException(nameof(MaxIterations), $"is {MaxIterations}; it must be ≥ 0");
        Check.NonNegative(Tolerance, nameof(Tolerance));
        if (Penalty.L1 != 0.0)
            throw new OutOfDomainException(nameof(Penalty), "has an L1 strength; Newton–Raphson needs the loss's Hessian, which λ₁‖w‖₁ lacks where a weight is 0: use (proximal) gradient descent for a lasso penalty");
    }
}
