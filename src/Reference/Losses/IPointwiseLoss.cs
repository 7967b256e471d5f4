namespace TensorLinear.Reference.Losses;

/// <summary>
/// The loss ℓ(z, y) of one row as a function of the row's score z = wᵀx + b, with its first two derivatives in z.
/// Everything about a linear model's mean loss — value, gradient, Hessian, a bound on the Hessian — follows from these
/// by the chain rule through z (see <c>Models/EmpiricalRisk.cs</c>), so each loss states only what is its own.
/// </summary>
/// <remarks>
/// Static abstract members on a struct let the generic row loop be compiled once per loss with the calls inlined:
/// the abstraction costs nothing in the training epoch.
/// </remarks>
internal interface IPointwiseLoss
{
    /// <summary>ℓ(z, y).</summary>
    static abstract double Value(double score, double target);

    /// <summary>∂ℓ/∂z.</summary>
    static abstract double Slope(double score, double target);

    /// <summary>∂²ℓ/∂z².</summary>
    static abstract double Curvature(double score, double target);

    /// <summary>sup over z and y of ∂²ℓ/∂z²: turns the Hessian into a bound valid at every θ.</summary>
    static abstract double MaxCurvature { get; }

    /// <summary>Throws a typed error naming <paramref name="name"/> unless the targets are in the loss's domain.</summary>
    static abstract void CheckTargets(ReadOnlySpan<double> targets, string name);
}
