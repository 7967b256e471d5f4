namespace TensorLinear.Verification.Cases;

/// <summary>
/// A pointwise loss's input: the predictions it is differentiated in (values ŷ, probabilities p or logits z) and the
/// fixed targets (values or labels in [0, 1]).
/// </summary>
/// <param name="Predictions">The predictions ŷ, p or z.</param>
/// <param name="Targets">The targets y.</param>
public sealed record LossCase(double[] Predictions, double[] Targets) : CaseInput
{
    /// <inheritdoc/>
    public override IEnumerable<double> Numbers => [.. Predictions, .. Targets];

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, string Value)> Parts => [("predictions", Format(Predictions)), ("targets", Format(Targets))];

    /// <summary>Predictions and targets are non-empty, of one length and finite.</summary>
    public bool IsWellFormed => Predictions.Length > 0 && Targets.Length == Predictions.Length && IsFinite;

    /// <inheritdoc/>
    public override IEnumerable<CaseInput> Shrinks() =>
        Shrink.Parts([Predictions, Targets]).Select(s => this with { Predictions = s.Vectors[0], Targets = s.Vectors[1] });
}
