using System.Globalization;
using TensorLinear.Data;
using TensorLinear.Models;

namespace TensorLinear.Verification.Cases;

/// <summary>
/// A model entry's input: a data set, the parameters θ = (w₁, …, w_d, b) the loss is differentiated in, a penalty, and
/// the descent check's settings (whether the bias is trained, the step η = c/L as its fraction c of 1/L, the epochs).
/// </summary>
/// <param name="Data">The data set.</param>
/// <param name="Parameters">θ = (w, b).</param>
/// <param name="Penalty">The penalty.</param>
/// <param name="FitIntercept">Whether descent trains the bias.</param>
/// <param name="StepFraction">The step's fraction c of 1/L.</param>
/// <param name="Epochs">The epochs descent runs.</param>
public sealed record ModelCase(DataSet Data, double[] Parameters, Penalty Penalty, bool FitIntercept, double StepFraction, int Epochs) : CaseInput
{
    /// <inheritdoc/>
    public override IEnumerable<double> Numbers =>
        [StepFraction, Epochs, .. Parameters, .. Data.Features.ToArray(), .. Data.Targets.ToArray()];

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, string Value)> Parts
    {
        get
        {
            foreach (var part in DataParts(Data)) yield return part;
            yield return ("θ = (w, b)", Format(Parameters));
            if (!Penalty.IsNone) yield return ("(λ₂, λ₁)", Format([Penalty.L2, Penalty.L1]));
            if (!FitIntercept) yield return ("bias", "fixed");
            yield return ("step fraction", Format(StepFraction));
            yield return ("epochs", Epochs.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>θ has one weight per feature and a bias, all finite.</summary>
    public bool IsWellFormed => Parameters.Length == Data.FeatureCount + 1 && Parameters.All(double.IsFinite);

    /// <inheritdoc/>
    public override IEnumerable<CaseInput> Shrinks()
    {
        foreach (var rows in Shrink.Rows(Data)) yield return this with { Data = rows };
        if (Data.FeatureCount > 1)
            for (var j = 0; j < Data.FeatureCount; j++)
                yield return this with { Data = Shrink.WithoutFeature(Data, j), Parameters = Shrink.Without(Parameters, j) };
        foreach (var t in Shrink.Toward(StepFraction)) yield return this with { StepFraction = t };
        if (Epochs > 1) yield return this with { Epochs = 1 };
        if (!Penalty.IsNone) yield return this with { Penalty = Penalty.None };
        if (!FitIntercept) yield return this with { FitIntercept = true };
        foreach (var data in Shrink.RoundedValues(Data)) yield return this with { Data = data };
        for (var j = 0; j < Parameters.Length; j++)
            foreach (var t in Shrink.Toward(Parameters[j]))
                yield return this with { Parameters = Shrink.Replace(Parameters, j, t) };
    }
}
