using System.Collections.Immutable;
using System.Text;
using TensorLinear.Numerics;

namespace TensorLinear.Softmax;

/// <summary>
/// The parameters of a multinomial (softmax) logistic model over k classes 0 … k−1: one weight vector w_c and one bias
/// b_c for each class c = 1 … k−1, so that the logits of a row x are z = (0, w₁ᵀx + b₁, …, w_{k−1}ᵀx + b_{k−1}) and
/// P(class c | x) = e^{z_c} / Σ_m e^{z_m}. Immutable.
/// </summary>
/// <remarks>
/// Class 0 is the reference category: its parameters are fixed at zero. Adding the same vector to every class's
/// parameters leaves every probability unchanged, so without a fixed class the likelihood has a flat ridge of maxima
/// and no unique estimate (nor an invertible Hessian for standard errors); fixing one removes exactly that freedom.
/// With k = 2 the model is logistic regression: P(class 1 | x) = σ(w₁ᵀx + b₁).
/// </remarks>
public sealed record SoftmaxModel
{
    /// <summary>Creates a model from the non-reference classes' weights and biases, all finite.</summary>
    /// <param name="classCount">k ≥ 2, the number of classes, the reference class 0 included.</param>
    /// <param name="weights">(k−1)·d weights, row-major: entries [(c−1)·d, c·d) are the weights of class c.</param>
    /// <param name="biases">k−1 biases: entry c−1 is the bias of class c.</param>
    /// <exception cref="OutOfDomainException">k &lt; 2.</exception>
    /// <exception cref="DimensionMismatchException">Not k−1 biases, or the weights are not a positive multiple of k−1.</exception>
    /// <exception cref="NonFiniteInputException">A NaN or infinite parameter.</exception>
    public SoftmaxModel(int classCount, IEnumerable<double> weights, IEnumerable<double> biases)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(biases);
        if (classCount < 2)
            throw new OutOfDomainException(nameof(classCount), FormattableString.Invariant($"is {classCount}; a softmax model needs at least 2 classes"));
        Weights = weights.ToImmutableArray();
        Biases = biases.ToImmutableArray();
        if (Biases.Length != classCount - 1)
            throw new DimensionMismatchException(nameof(biases), FormattableString.Invariant($"has {Biases.Length} values but {classCount} classes have {classCount - 1} non-reference biases"));
        if (Weights.Length == 0 || Weights.Length % (classCount - 1) != 0)
            throw new DimensionMismatchException(nameof(weights), FormattableString.Invariant($"has {Weights.Length} values; {classCount} classes need (k−1)·d = {classCount - 1}·d of them, d ≥ 1"));
        Check.Finite(Weights.AsSpan(), nameof(weights));
        Check.Finite(Biases.AsSpan(), nameof(biases));
        ClassCount = classCount;
        FeatureCount = Weights.Length / (classCount - 1);
    }

    /// <summary>The all-zero model, every class equally likely: the usual start of a fit.</summary>
    public static SoftmaxModel Zero(int classCount, int featureCount) =>
        new(classCount, new double[Math.Max(classCount - 1, 0) * featureCount], new double[Math.Max(classCount - 1, 0)]);

    /// <summary>The number of classes k, the reference class 0 included.</summary>
    public int ClassCount { get; }

    /// <summary>The number of features d.</summary>
    public int FeatureCount { get; }

    /// <summary>The (k−1)·d weights of classes 1 … k−1, row-major by class.</summary>
    public ImmutableArray<double> Weights { get; }

    /// <summary>The k−1 biases of classes 1 … k−1.</summary>
    public ImmutableArray<double> Biases { get; }

    /// <summary>The number of free parameters, (k−1)(d+1).</summary>
    public int ParameterCount => (ClassCount - 1) * (FeatureCount + 1);

    /// <summary>Weight j of class c: 0 for the reference class c = 0.</summary>
    public double Weight(int classIndex, int feature) =>
        classIndex == 0 ? 0.0 : Weights[(classIndex - 1) * FeatureCount + feature];

    /// <summary>The bias of class c: 0 for the reference class c = 0.</summary>
    public double Bias(int classIndex) => classIndex == 0 ? 0.0 : Biases[classIndex - 1];

    /// <summary>
    /// The parameters as one vector θ = (w₁, b₁, w₂, b₂, …, w_{k−1}, b_{k−1}), a block of d + 1 per non-reference
    /// class: the order every gradient and Hessian uses. For k = 2 it is logistic regression's θ = (w, b).
    /// </summary>
    public double[] ToParameterVector()
    {
        int d = FeatureCount, block = d + 1;
        var theta = new double[ParameterCount];
        for (var c = 0; c < ClassCount - 1; c++)
        {
            Weights.AsSpan(c * d, d).CopyTo(theta.AsSpan(c * block, d));
            theta[c * block + d] = Biases[c];
        }
        return theta;
    }

    /// <summary>The model of k classes whose parameter vector is θ (in the order of <see cref="ToParameterVector"/>).</summary>
    /// <exception cref="OutOfDomainException">k &lt; 2.</exception>
    /// <exception cref="DimensionMismatchException">θ's length is not a multiple (k−1)(d+1) with d ≥ 1.</exception>
    public static SoftmaxModel FromParameterVector(int classCount, double[] theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        if (classCount < 2)
            throw new OutOfDomainException(nameof(classCount), FormattableString.Invariant($"is {classCount}; a softmax model needs at least 2 classes"));
        var classes = classCount - 1;
        if (theta.Length % classes != 0 || theta.Length / classes < 2)
            throw new DimensionMismatchException(nameof(theta), FormattableString.Invariant($"has {theta.Length} values; {classCount} classes need (k−1)(d+1) = {classes}·(d+1) of them, d ≥ 1"));
        var block = theta.Length / classes;
        var d = block - 1;
        var weights = new double[classes * d];
        var biases = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            theta.AsSpan(c * block, d).CopyTo(weights.AsSpan(c * d, d));
            biases[c] = theta[c * block + d];
        }
        return new SoftmaxModel(classCount, weights, biases);
    }

    /// <summary>Value equality over the parameters' elements, not the arrays' references.</summary>
    public bool Equals(SoftmaxModel? other) =>
        other is not null && ClassCount == other.ClassCount
        && Weights.AsSpan().SequenceEqual(other.Weights.AsSpan()) && Biases.AsSpan().SequenceEqual(other.Biases.AsSpan());

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(ClassCount);
        foreach (var w in Weights) h.Add(w);
        foreach (var b in Biases) h.Add(b);
        return h.ToHashCode();
    }

    // The parameters' values, not ImmutableArray's type name, in ToString (and so in F#'s printfn "%A").
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(FormattableString.Invariant($"ClassCount = {ClassCount}, Weights = [{string.Join(", ", Weights)}], Biases = [{string.Join(", ", Biases)}]"));
        return true;
    }
}
