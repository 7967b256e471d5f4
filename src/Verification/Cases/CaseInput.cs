using System.Globalization;
using System.Text;

namespace TensorLinear.Verification.Cases;

/// <summary>
/// One generated input of a catalog entry. Each entry is typed by its input: a <see cref="VectorCase"/> for a norm,
/// a <see cref="PairCase"/> for the dot product, a <see cref="HyperplaneCase"/> for a signed distance, a
/// <see cref="ModelCase"/> for a model's loss… — every part named by what it means, so that no entry reads a
/// positional slot that means p for one entry and a bias for the next.
/// </summary>
/// <remarks>Immutable by convention: the generators and shrinkers always build new arrays.</remarks>
public abstract record CaseInput
{
    /// <summary>Which branch of the generator made this input (e.g. "nearly parallel", "tie"), for reports.</summary>
    public string Tag { get; init; } = "";

    /// <summary>Every number of the input, in a fixed order (for <see cref="ContentSeed"/> and the finiteness test).</summary>
    public abstract IEnumerable<double> Numbers { get; }

    /// <summary>The named parts of the input, for <see cref="ToString"/>.</summary>
    protected abstract IEnumerable<(string Name, string Value)> Parts { get; }

    /// <summary>
    /// Smaller inputs of the same type, for shrinking a counterexample: components, rows and features dropped first,
    /// then values moved toward small integers (see <see cref="Shrink"/>). The catalog keeps those inside the entry's domain.
    /// </summary>
    public abstract IEnumerable<CaseInput> Shrinks();

    /// <summary>Whether no number of the input is NaN or infinite.</summary>
    public bool IsFinite => Numbers.All(double.IsFinite);

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
            foreach (var x in Numbers)
            {
                var bits = (ulong)BitConverter.DoubleToInt64Bits(x);
                for (var k = 0; k < 64; k += 8) h = (h ^ ((bits >> k) & 0xFF)) * 1099511628211UL;
            }
            return (int)((h ^ (h >> 32)) & int.MaxValue);
        }
    }

    /// <summary>The input in a compact, readable form (full precision, so it can be pasted back).</summary>
    public sealed override string ToString()
    {
        var text = new StringBuilder();
        if (Tag.Length > 0) text.Append('[').Append(Tag).Append("] ");
        text.AppendJoin(", ", Parts.Select(p => p.Name + " = " + p.Value));
        return text.ToString();
    }

    /// <summary>A vector as [a, b, c] with every component in round-trip precision.</summary>
    public static string Format(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return "[" + string.Join(", ", values.Select(Format)) + "]";
    }

    /// <summary>A data set's two parts, "data n×d: X" (its rows) and "y", for <see cref="Parts"/>.</summary>
    protected static IEnumerable<(string Name, string Value)> DataParts(Data.DataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rows = string.Join("; ", Enumerable.Range(0, data.RowCount).Select(i => Format(data.Row(i))));
        yield return (FormattableString.Invariant($"data {data.RowCount}×{data.FeatureCount}: X"), "[" + rows + "]");
        yield return ("y", Format(data.TargetArray()));
    }

    /// <summary>A number in round-trip precision.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
