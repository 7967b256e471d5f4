using TensorLinear.Data;

namespace TensorLinear.Verification.Cases;

/// <summary>
/// The shrinking moves the cases share, so that a failure is reported on a small, readable counterexample: drop
/// vector components (from every vector of a case at once, which keeps the lengths equal), rows and features (with
/// the feature's weight), and move values toward small integers (0, then the nearest integer, then ±1), one change
/// per candidate, structural changes first. Each case type composes them over its own parts
/// (<see cref="CaseInput.Shrinks"/>).
/// </summary>
public static class Shrink
{
    /// <summary>The shrink candidates of an input, smallest changes last.</summary>
    public static IEnumerable<CaseInput> Case(CaseInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Shrinks();
    }

    /// <summary>Values toward which <paramref name="v"/> shrinks: 0, its nearest integer, and ±1 — each only when different and smaller in size.</summary>
    public static IEnumerable<double> Toward(double v)
    {
        if (v == 0 || !double.IsFinite(v)) yield break;
        yield return 0.0;
        var r = Math.Round(v);
        if (r != v && r != 0 && Math.Abs(r) <= Math.Abs(v) + 0.5) yield return r;
        var one = Math.Sign(v);
        if (Math.Abs(v) != 1 && r != one && Math.Abs(v) > 1) yield return one;
    }

    /// <summary>
    /// Vectors of one length and scalars, shrunk: components dropped from every vector at once (halves first, so a
    /// 64-component failure shrinks in a few steps), then each scalar and then each component moved toward a small integer.
    /// </summary>
    public static IEnumerable<(double[][] Vectors, double[] Scalars)> Parts(double[][] vectors, params double[] scalars)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(scalars);
        var n = vectors.Length == 0 ? 0 : vectors[0].Length;
        if (n > 1)
        {
            yield return ([.. vectors.Select(v => v[..(n / 2)])], scalars);
            yield return ([.. vectors.Select(v => v[(n / 2)..])], scalars);
            for (var i = 0; i < n; i++)
            {
                var k = i;
                yield return ([.. vectors.Select(v => Without(v, k))], scalars);
            }
        }
        for (var i = 0; i < scalars.Length; i++)
            foreach (var t in Toward(scalars[i]))
                yield return (vectors, Replace(scalars, i, t));
        for (var v = 0; v < vectors.Length; v++)
            for (var i = 0; i < vectors[v].Length; i++)
                foreach (var t in Toward(vectors[v][i]))
                {
                    var shrunk = (double[][])vectors.Clone();
                    shrunk[v] = Replace(vectors[v], i, t);
                    yield return (shrunk, scalars);
                }
    }

    /// <summary>Halves of the rows, then each row dropped.</summary>
    public static IEnumerable<DataSet> Rows(DataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return RowSubsets(data.RowCount).Select(keep => Rows(data, keep));
    }

    /// <summary>
    /// The indices of the rows kept by each of <see cref="Rows(DataSet)"/>'s candidates — for a case whose other parts
    /// have one entry per row (multipliers, a linear term) and must drop the same rows.
    /// </summary>
    public static IEnumerable<int[]> RowSubsets(int n)
    {
        if (n <= 1) yield break;
        yield return [.. Enumerable.Range(0, n / 2)];
        yield return [.. Enumerable.Range(n / 2, n - n / 2)];
        for (var i = 0; i < n; i++)
        {
            var k = i;
            yield return [.. Enumerable.Range(0, n).Where(r => r != k)];
        }
    }

    /// <summary>The data's rows <paramref name="keep"/>, in that order.</summary>
    public static DataSet Rows(DataSet data, int[] keep)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(keep);
        var y = data.TargetArray();
        var weights = data.SampleWeightArray();
        return DataSet.FromRows([.. keep.Select(data.Row)], [.. keep.Select(i => y[i])], data.FeatureNames, data.TargetName)
                      .WithSampleWeights(data.IsWeighted ? [.. keep.Select(i => weights[i])] : null);
    }

    /// <summary>The data with feature <paramref name="drop"/> removed.</summary>
    public static DataSet WithoutFeature(DataSet data, int drop)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rows = data.ToRows().Select(r => Without(r, drop)).ToArray();
        return DataSet.FromRows(rows, data.TargetArray(), data.FeatureNames.RemoveAt(drop), data.TargetName)
                      .WithSampleWeights(data.IsWeighted ? data.SampleWeightArray() : null);
    }

    /// <summary>The whole matrix, then each column, rounded to integers; then the targets.</summary>
    public static IEnumerable<DataSet> RoundedValues(DataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var x = data.Features.ToArray();
        var rounded = x.Select(v => Math.Round(v)).ToArray();
        if (!rounded.SequenceEqual(x)) yield return data.WithFeatures(rounded);
        for (var j = 0; j < data.FeatureCount; j++)
        {
            var column = (double[])x.Clone();
            for (var i = 0; i < data.RowCount; i++) column[i * data.FeatureCount + j] = Math.Round(column[i * data.FeatureCount + j]);
            if (!column.SequenceEqual(x)) yield return data.WithFeatures(column);
        }
        var y = data.TargetArray();
        var ry = y.Select(v => Math.Round(v)).ToArray();
        if (!ry.SequenceEqual(y)) yield return data.WithTargets(ry);
    }

    /// <summary><paramref name="v"/> without its component <paramref name="k"/>.</summary>
    public static double[] Without(double[] v, int k)
    {
        ArgumentNullException.ThrowIfNull(v);
        return [.. v[..k], .. v[(k + 1)..]];
    }

    /// <summary>A copy of <paramref name="v"/> with component <paramref name="k"/> set to <paramref name="value"/>.</summary>
    public static double[] Replace(double[] v, int k, double value)
    {
        ArgumentNullException.ThrowIfNull(v);
        var copy = (double[])v.Clone();
        copy[k] = value;
        return copy;
    }
}
