using System.Globalization;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Softmax;

namespace TensorLinear.Verification.Cases;

/// <summary>
/// The softmax entry's input: a data set with labels 0 … k−1, the class count k, the parameters
/// θ = (w₁, b₁, …, w_{k−1}, b_{k−1}) the loss is differentiated in, and a penalty.
/// </summary>
/// <param name="Data">The data set; its targets are class labels.</param>
/// <param name="ClassCount">k ≥ 2.</param>
/// <param name="Parameters">θ in the order of <see cref="SoftmaxModel.ToParameterVector"/>.</param>
/// <param name="Penalty">The penalty on the weights.</param>
public sealed record SoftmaxCase(DataSet Data, int ClassCount, double[] Parameters, Penalty Penalty) : CaseInput
{
    /// <inheritdoc/>
    public override IEnumerable<double> Numbers => [ClassCount, .. Parameters, .. Data.Features.ToArray(), .. Data.Targets.ToArray()];

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, string Value)> Parts
    {
        get
        {
            var rows = string.Join("; ", Enumerable.Range(0, Data.RowCount).Select(i => Format(Data.Row(i))));
            yield return (FormattableString.Invariant($"data {Data.RowCount}×{Data.FeatureCount}: X"), "[" + rows + "]");
            yield return ("y", Format(Data.TargetArray()));
            yield return ("k", ClassCount.ToString(CultureInfo.InvariantCulture));
            yield return ("θ = (w₁, b₁, …)", Format(Parameters));
            if (!Penalty.IsNone) yield return ("(λ₂, λ₁)", Format([Penalty.L2, Penalty.L1]));
        }
    }

    /// <summary>The model θ stands for.</summary>
    public SoftmaxModel Model => SoftmaxModel.FromParameterVector(ClassCount, Parameters);

    /// <summary>θ has (k−1)(d+1) finite values and every label is one of 0 … k−1.</summary>
    public bool IsWellFormed =>
        ClassCount >= 2 && Parameters.Length == (ClassCount - 1) * (Data.FeatureCount + 1) && Parameters.All(double.IsFinite)
        && Data.Targets.ToArray().All(y => y >= 0 && y < ClassCount && y == Math.Floor(y));

    /// <inheritdoc/>
    public override IEnumerable<CaseInput> Shrinks()
    {
        foreach (var rows in Shrink.Rows(Data)) yield return this with { Data = rows };
        var block = Data.FeatureCount + 1;
        if (Data.FeatureCount > 1)
            for (var j = 0; j < Data.FeatureCount; j++)
                yield return this with
                {
                    Data = Shrink.WithoutFeature(Data, j),
                    Parameters = [.. Parameters.Where((_, t) => t % block != j)], // weight j of every class
                };
        if (!Penalty.IsNone) yield return this with { Penalty = Penalty.None };
        foreach (var data in Shrink.RoundedValues(Data)) yield return this with { Data = data };
        for (var j = 0; j < Parameters.Length; j++)
            foreach (var t in Shrink.Toward(Parameters[j]))
                yield return this with { Parameters = Shrink.Replace(Parameters, j, t) };
    }
}
