using System.Collections.Immutable;
using System.Text;
using TensorLinear.Numerics;

namespace TensorLinear.Models;

/// <summary>
/// The parameters of a linear model: weights w (one per feature) and a bias b, so that the score of a row x is
/// z = wᵀx + b. Immutable.
/// </summary>
public sealed record LinearModel
{
    /// <summary>Creates a model from its weights and bias; both must be finite.</summary>
    public LinearModel(IEnumerable<double> weights, double bias)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Weights = weights.ToImmutableArray();
        if (Weights.Length == 0) throw new EmptyInputException(nameof(weights), "a model needs at least one weight");
        Check.Finite(Weights.AsSpan(), nameof(weights));
        Check.Finite(bias, nameof(bias));
        Bias = bias;
    }

    /// <summary>The all-zero model on <paramref name="featureCount"/> features: the usual start of descent.</summary>
    public static LinearModel Zero(int featureCount) => new(new double[featureCount], 0.0);

    /// <summary>The weights w, one per feature.</summary>
    public ImmutableArray<double> Weights { get; }

    /// <summary>The bias (intercept) b.</summary>
    public double Bias { get; }

    /// <summary>The number of features the model expects.</summary>
    public int FeatureCount => Weights.Length;

    /// <summary>The parameters as one vector θ = (w₁, …, w_d, b): the order every gradient and Hessian uses.</summary>
    public double[] ToParameterVector()
    {
        var theta = new double[Weights.Length + 1];
        Weights.CopyTo(theta);
        theta[^1] = Bias;
        return theta;
    }

    /// <summary>The model whose parameter vector is θ = (w₁, …, w_d, b).</summary>
    public static LinearModel FromParameterVector(double[] theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        if (theta.Length < 2) throw new EmptyInputException(nameof(theta), "needs at least one weight and the bias");
        return new LinearModel(theta.AsSpan(0, theta.Length - 1).ToArray(), theta[^1]);
    }

    /// <summary>Value equality over the weights' elements, not the array reference.</summary>
    public bool Equals(LinearModel? other) =>
        other is not null && Bias.Equals(other.Bias) && Weights.AsSpan().SequenceEqual(other.Weights.AsSpan());

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var w in Weights) h.Add(w);
        h.Add(Bias);
        return h.ToHashCode();
    }

    // The weights' values, not ImmutableArray's type name, in ToString (and so in F#'s printfn "%A" and in fsi).
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(FormattableString.Invariant($"Weights = [{string.Join(", ", Weights)}], Bias = {Bias}"));
        return true;
    }
}
