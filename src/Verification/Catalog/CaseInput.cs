using System.Globalization;
using System.Text;
using TensorLinear.Data;
using TensorLinear.Models;

namespace TensorLinear.Verification.Catalog;

/// <summary>
/// One generated input of a derivation: the vectors, scalars and (for the models) the data set, parameters and
/// penalty that a catalog entry binds into a <see cref="Problem"/>. Which parts are used, and what they mean, is the
/// entry's business (e.g. <c>Vectors = [x, y]</c> for the dot product, <c>[predictions, targets]</c> for MSE).
/// </summary>
/// <remarks>Immutable by convention: the generators and shrinkers always build new arrays.</remarks>
public sealed record CaseInput
{
    /// <summary>Vectors of one common length (x and y, w and x, predictions and targets…).</summary>
    public double[][] Vectors { get; init; } = [];

    /// <summary>Scalars: a norm order p, a bias w₀, a scale c, a step fraction and an epoch count…</summary>
    public double[] Scalars { get; init; } = [];

    /// <summary>The data set of a model entry.</summary>
    public DataSet? Data { get; init; }

    /// <summary>The parameters θ = (w₁, …, w_d, b) of a model entry.</summary>
    public double[]? Parameters { get; init; }

    /// <summary>The penalty of a model entry.</summary>
    public Penalty Penalty { get; init; } = Penalty.None;

    /// <summary>Whether a descent entry trains the bias.</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>Which branch of the generator made this input (e.g. "nearly parallel", "tie"), for reports.</summary>
    public string Tag { get; init; } = "";

    /// <summary>The common length of <see cref="Vectors"/> (0 when there are none).</summary>
    public int Length => Vectors.Length == 0 ? 0 : Vectors[0].Length;

    /// <summary>
    /// A seed derived from the input's contents, for anything random a check needs (the Taylor test's direction):
    /// the same input always gives the same seed, in every process, so a shrunk counterexample replays on its own.
    /// </summary>
    /// <remarks>FNV-1a over the bits of every number: <see cref="HashCode"/> would not do, since .NET seeds it afresh
    /// in every process, and the same case would then be checked along other directions on every run.</remarks>
    public int ContentSeed
    {
        get
        {
            var h = 14695981039346656037UL;
            void Add(double x)
            {
                var bits = (ulong)BitConverter.DoubleToInt64Bits(x);
                for (var k = 0; k < 64; k += 8) h = (h ^ ((bits >> k) & 0xFF)) * 1099511628211UL;
            }
            foreach (var v in Vectors) foreach (var x in v) Add(x);
            foreach (var s in Scalars) Add(s);
            if (Parameters is not null) foreach (var t in Parameters) Add(t);
            if (Data is not null)
            {
                foreach (var x in Data.Features.Span) Add(x);
                foreach (var y in Data.Targets.Span) Add(y);
            }
            return (int)((h ^ (h >> 32)) & int.MaxValue);
        }
    }

    /// <summary>The input in a compact, readable form (full precision, so it can be pasted back).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Tag.Length > 0) text.Append('[').Append(Tag).Append("] ");
        for (var i = 0; i < Vectors.Length; i++)
            text.Append(i == 0 ? "" : ", ").Append("v").Append(i).Append(" = ").Append(Format(Vectors[i]));
        if (Scalars.Length > 0) text.Append(Vectors.Length > 0 ? ", " : "").Append("scalars = ").Append(Format(Scalars));
        if (Data is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"; data {Data.RowCount}×{Data.FeatureCount}: X = [");
            for (var i = 0; i < Data.RowCount; i++) text.Append(i == 0 ? "" : "; ").Append(Format(Data.Row(i)));
            text.Append("], y = ").Append(Format(Data.TargetArray()));
        }
        if (Parameters is not null) text.Append("; θ = (w, b) = ").Append(Format(Parameters));
        if (!Penalty.IsNone) text.Append(CultureInfo.InvariantCulture, $"; λ₂ = {Penalty.L2:R}, λ₁ = {Penalty.L1:R}");
        if (!FitIntercept) text.Append("; bias fixed");
        return text.ToString();
    }

    /// <summary>A vector as [a, b, c] with every component in round-trip precision.</summary>
    public static string Format(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";
    }
}
