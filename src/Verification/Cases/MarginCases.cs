using TensorLinear.Data;

namespace TensorLinear.Verification.Cases;

/// <summary>
/// The soft-margin objective's input: a data set whose targets are ±1 labels, the parameters θ = (w₁, …, w_d, b) it
/// is differentiated in, and the price C of a unit of hinge loss.
/// </summary>
/// <param name="Data">The data set, labels ±1.</param>
/// <param name="Parameters">θ = (w, b).</param>
/// <param name="C">The price C &gt; 0 in ½‖w‖² + C Σᵢ hingeᵢ.</param>
public sealed record SoftMarginCase(DataSet Data, double[] Parameters, double C) : CaseInput
{
    /// <inheritdoc/>
    public override IEnumerable<double> Numbers => [C, .. Parameters, .. Data.Features.ToArray(), .. Data.Targets.ToArray()];

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, string Value)> Parts =>
        [.. DataParts(Data), ("θ = (w, b)", Format(Parameters)), ("C", Format(C))];

    /// <summary>θ has one weight per feature and a bias, C is positive, and both classes occur.</summary>
    public bool IsWellFormed => Parameters.Length == Data.FeatureCount + 1 && C > 0 && IsFinite && HasBothLabels(Data);

    /// <inheritdoc/>
    public override IEnumerable<CaseInput> Shrinks()
    {
        foreach (var rows in Shrink.Rows(Data)) yield return this with { Data = rows };
        if (Data.FeatureCount > 1)
            for (var j = 0; j < Data.FeatureCount; j++)
                yield return this with { Data = Shrink.WithoutFeature(Data, j), Parameters = Shrink.Without(Parameters, j) };
        foreach (var c in Shrink.Toward(C).Where(c => c > 0)) yield return this with { C = c };
        foreach (var data in Shrink.RoundedValues(Data)) yield return this with { Data = data };
        for (var j = 0; j < Parameters.Length; j++)
            foreach (var t in Shrink.Toward(Parameters[j]))
                yield return this with { Parameters = Shrink.Replace(Parameters, j, t) };
    }

    /// <summary>Every label is ±1 and both occur.</summary>
    internal static bool HasBothLabels(DataSet data)
    {
        var y = data.TargetArray();
        return y.All(v => v is 1.0 or -1.0) && y.Contains(1.0) && y.Contains(-1.0);
    }
}

/// <summary>
/// The maximum-margin dual's input: a data set whose targets are ±1 labels, the multipliers α ≥ 0 it is differentiated
/// in (one per row), and the coefficients c of its linear term (1 for the SVM dual, 0 for the nearest-points problem).
/// </summary>
/// <param name="Data">The data set, labels ±1.</param>
/// <param name="Multipliers">α, one per row.</param>
/// <param name="Linear">c, one per row.</param>
public sealed record MarginDualCase(DataSet Data, double[] Multipliers, double[] Linear) : CaseInput
{
    /// <inheritdoc/>
    public override IEnumerable<double> Numbers => [.. Multipliers, .. Linear, .. Data.Features.ToArray(), .. Data.Targets.ToArray()];

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, string Value)> Parts =>
        [.. DataParts(Data), ("α", Format(Multipliers)), ("c", Format(Linear))];

    /// <summary>One multiplier and one linear coefficient per row, all finite, and both classes occur.</summary>
    public bool IsWellFormed =>
        Multipliers.Length == Data.RowCount && Linear.Length == Data.RowCount && IsFinite && SoftMarginCase.HasBothLabels(Data);

    /// <inheritdoc/>
    public override IEnumerable<CaseInput> Shrinks()
    {
        foreach (var keep in Shrink.RowSubsets(Data.RowCount))
            yield return this with { Data = Shrink.Rows(Data, keep), Multipliers = [.. keep.Select(i => Multipliers[i])], Linear = [.. keep.Select(i => Linear[i])] };
        if (Data.FeatureCount > 1)
            for (var j = 0; j < Data.FeatureCount; j++) yield return this with { Data = Shrink.WithoutFeature(Data, j) };
        foreach (var data in Shrink.RoundedValues(Data)) yield return this with { Data = data };
        for (var i = 0; i < Multipliers.Length; i++)
            foreach (var a in Shrink.Toward(Multipliers[i]))
                yield return this with { Multipliers = Shrink.Replace(Multipliers, i, a) };
    }
}
