using TensorLinear.Models;
using TensorLinear.Numerics;

namespace TensorLinear.Training;

/// <summary>
/// How full-batch gradient descent runs. Immutable. Vary it with <c>options with { MaxEpochs = 5000 }</c> in C#, and
/// with the copy constructor in F#, <c>TrainingOptions(options, MaxEpochs = 5000)</c>: F#'s <c>{ o with … }</c> is
/// for F# records only and does not compile for a C# record.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>The defaults: the safe step 1/L, 1000 epochs, relative tolerance 1e-8, no penalty, the intercept fitted.</summary>
    /// <remarks>F#: <c>TrainingOptions(MaxEpochs = 5000, LearningRate = 0.1)</c> sets properties as it creates.</remarks>
    public TrainingOptions() { }

    /// <summary>
    /// A copy of <paramref name="original"/>, to which F# can give new values as it creates it:
    /// <c>TrainingOptions(options, MaxEpochs = 5000)</c> is F# for C#'s <c>options with { MaxEpochs = 5000 }</c>
    /// (which calls this constructor too).
    /// </summary>
    public TrainingOptions(TrainingOptions original)
    {
        ArgumentNullException.ThrowIfNull(original);
        LearningRate = original.LearningRate;
        MaxEpochs = original.MaxEpochs;
        Tolerance = original.Tolerance;
        Penalty = original.Penalty;
        FitIntercept = original.FitIntercept;
        DivergencePatience = original.DivergencePatience;
    }

    /// <summary>The fixed step η; null chooses the safe step 1/L, L the largest eigenvalue of the loss's Hessian.</summary>
    public double? LearningRate { get; init; }

    /// <summary>The most epochs (full passes) to run.</summary>
    public int MaxEpochs { get; init; } = 1000;

    /// <summary>
    /// Stop when the gradient's Euclidean norm has fallen to this fraction of its value at the start or below,
    /// ‖∇f(θₖ)‖ ≤ τ·‖∇f(θ₀)‖ (for an L1 penalty, the norm of the proximal-gradient step divided by η): relative, so
    /// that the same τ means the same on data in any units. Zero runs every epoch.
    /// </summary>
    public double Tolerance { get; init; } = 1e-8;

    /// <summary>The ridge and lasso penalties.</summary>
    public Penalty Penalty { get; init; } = Penalty.None;

    /// <summary>Whether the bias is trained; when false it stays at its starting value (0 from the zero model).</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>How many epochs in a row the loss may grow, or stay above its starting value, before descent is declared divergent.</summary>
    public int DivergencePatience { get; init; } = 5;

    /// <summary>Throws a typed error when an option is out of range.</summary>
    public void Validate()
    {
        if (LearningRate is double eta) Check.Positive(eta, nameof(LearningRate));
        if (MaxEpochs < 0) throw new OutOfDomainException(nameof(MaxEpochs), $"is {MaxEpochs}; it must be ≥ 0");
        Check.NonNegative(Tolerance, nameof(Tolerance));
        if (DivergencePatience < 1) throw new OutOfDomainException(nameof(DivergencePatience), $"is {DivergencePatience}; it must be ≥ 1");
    }
}
