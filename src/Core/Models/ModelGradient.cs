using System.Collections.Immutable;
using System.Text;

namespace TensorLinear.Models;

/// <summary>The gradient of a loss with respect to a model's parameters: ∂L/∂w and ∂L/∂b.</summary>
/// <param name="Weights">∂L/∂w, one component per weight.</param>
/// <param name="Bias">∂L/∂b.</param>
public sealed record ModelGradient(ImmutableArray<double> Weights, double Bias)
{
    /// <summary>The gradient as one vector in the order θ = (w₁, …, w_d, b).</summary>
    public double[] ToParameterVector()
    {
        var g = new double[Weights.Length + 1];
        Weights.CopyTo(g);
        g[^1] = Bias;
        return g;
    }

    /// <summary>The gradient whose parameter-vector form is <paramref name="g"/> = (∂L/∂w₁, …, ∂L/∂w_d, ∂L/∂b).</summary>
    public static ModelGradient FromParameterVector(double[] g)
    {
        ArgumentNullException.ThrowIfNull(g);
        return new ModelGradient(ImmutableArray.Create(g, 0, g.Length - 1), g[^1]);
    }

    /// <summary>Value equality over the components, not the array reference.</summary>
    public bool Equals(ModelGradient? other) =>
        other is not null && Bias.Equals(other.Bias) && Weights.AsSpan().SequenceEqual(other.Weights.AsSpan());

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Weights.Length, Bias);

    // The components, not ImmutableArray's type name, in ToString (and so in F#'s printfn "%A" and in fsi).
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(FormattableString.Invariant($"Weights = [{string.Join(", ", Weights)}], Bias = {Bias}"));
        return true;
    }
}
