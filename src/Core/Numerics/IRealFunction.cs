namespace TensorLinear.Numerics;

/// <summary>
/// A function of θ ∈ ℝⁿ with m outputs, written once over generic real numbers: on <see cref="DoubleDouble"/> it gives
/// the truth to about 32 digits, on <see cref="Dual"/> its derivatives by forward mode, also to about 32 digits, with no step
/// to choose. The same definition serves both, so the oracle and the forward-mode witness cannot disagree about what
/// the function is.
/// </summary>
/// <remarks>C# lambdas cannot be generic, so a function is a small class (or an F# object expression) implementing this.</remarks>
public interface IRealFunction
{
    /// <summary>f(θ), its m outputs.</summary>
    /// <typeparam name="T">The number type: <see cref="DoubleDouble"/> for the truth, <see cref="Dual"/> for derivatives.</typeparam>
    T[] Evaluate<T>(T[] theta) where T : IRealNumber<T>;
}

/// <summary>What an <see cref="IRealFunction"/> gives: its exact values and its forward-mode Jacobian.</summary>
public static class RealFunction
{
    /// <summary>f(θ) in double-double: the truth the engines' values are measured against.</summary>
    public static DoubleDouble[] Truth(this IRealFunction f, double[] theta)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(theta);
        return f.Evaluate<DoubleDouble>([.. theta.Select(DoubleDouble.From)]);
    }

    /// <summary>
    /// The m×n Jacobian ∂fᵢ/∂θⱼ by forward mode: one evaluation per θⱼ, seeded with the tangent eⱼ.
    /// </summary>
    public static double[,] ForwardJacobian(this IRealFunction f, double[] theta)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(theta);
        double[,]? jacobian = null;
        for (var j = 0; j < theta.Length; j++)
        {
            var column = f.Evaluate<Dual>([.. theta.Select((v, i) => new Dual(v, i == j ? 1.0 : 0.0))]);
            jacobian ??= new double[column.Length, theta.Length];
            for (var i = 0; i < column.Length; i++) jacobian[i, j] = column[i].Tangent.Hi;
        }
        return jacobian ?? new double[f.Evaluate<Dual>([]).Length, 0];
    }
}
