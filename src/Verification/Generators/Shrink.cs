using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Verification.Catalog;

namespace TensorLinear.Verification.Generators;

/// <summary>
/// Shrinkers for <see cref="CaseInput"/>s, so that a failure is reported on a small, readable counterexample: they
/// drop vector components (from every vector at once, which keeps the lengths equal), rows and features (with the
/// feature's weight), and move values toward small integers (0, then the nearest integer, then ±1), one change per
/// candidate. Candidates come structural changes first; the catalog keeps those inside the entry's domain.
/// </summary>
public static class Shrink
{
    /// <summary>The shrink candidates of an input, smallest changes last.</summary>
    public static IEnumerable<CaseInput> Case(CaseInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var c in DropComponents(input)) yield return c;
        foreach (var c in DropRowsAndFeatures(input)) yield return c;
        foreach (var c in SimplerScalars(input)) yield return c;
        foreach (var c in SimplerVectors(input)) yield return c;
        foreach (var c in SimplerModel(input)) yield return c;
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

    private static IEnumerable<CaseInput> DropComponents(CaseInput input)
    {
        var n = input.Length;
        if (n <= 1) yield break;
        // halves first: a 64-component failure shrinks in a few steps
        yield return input with { Vectors = [.. input.Vectors.Select(v => v[..(n / 2)])] };
        yield return input with { Vectors = [.. input.Vectors.Select(v => v[(n / 2)..])] };
        for (var i = 0; i < n; i++)
        {
            var k = i;
            yield return input with { Vectors = [.. input.Vectors.Select(v => Without(v, k))] };
        }
    }

    private static IEnumerable<CaseInput> DropRowsAndFeatures(CaseInput input)
    {
        if (input.Data is not DataSet data) yield break;
        int n = data.RowCount, d = data.FeatureCount;
        if (n > 1)
        {
            yield return input with { Data = Rows(data, Enumerable.Range(0, n / 2)) };
            yield return input with { Data = Rows(data, Enumerable.Range(n / 2, n - n / 2)) };
            for (var i = 0; i < n; i++)
            {
                var k = i;
                yield return input with { Data = Rows(data, Enumerable.Range(0, n).Where(r => r != k)) };
            }
        }
        if (d > 1 && input.Parameters is double[] theta)
            for (var j = 0; j < d; j++)
            {
                var k = j;
                yield return input with { Data = Columns(data, k), Parameters = Without(theta, k) };
            }
    }

    private static IEnumerable<CaseInput> SimplerScalars(CaseInput input)
    {
        for (var i = 0; i < input.Scalars.Length; i++)
            foreach (var t in Toward(input.Scalars[i]))
                yield return input with { Scalars = Replace(input.Scalars, i, t) };
    }

    private static IEnumerable<CaseInput> SimplerVectors(CaseInput input)
    {
        for (var v = 0; v < input.Vectors.Length; v++)
            for (var i = 0; i < input.Vectors[v].Length; i++)
                foreach (var t in Toward(input.Vectors[v][i]))
                {
                    var vectors = (double[][])input.Vectors.Clone();
                    vectors[v] = Replace(input.Vectors[v], i, t);
                    yield return input with { Vectors = vectors };
                }
    }

    private static IEnumerable<CaseInput> SimplerModel(CaseInput input)
    {
        if (!input.Penalty.IsNone) yield return input with { Penalty = Penalty.None };
        if (!input.FitIntercept) yield return input with { FitIntercept = true };
        if (input.Data is DataSet data)
        {
            // the whole matrix, then each column, rounded to integers; then the targets
            var x = data.Features.ToArray();
            var rounded = x.Select(v => Math.Round(v)).ToArray();
            if (!rounded.SequenceEqual(x)) yield return input with { Data = data.WithFeatures(rounded) };
            for (var j = 0; j < data.FeatureCount; j++)
            {
                var column = (double[])x.Clone();
                for (var i = 0; i < data.RowCount; i++) column[i * data.FeatureCount + j] = Math.Round(column[i * data.FeatureCount + j]);
                if (!column.SequenceEqual(x)) yield return input with { Data = data.WithFeatures(column) };
            }
            var y = data.TargetArray();
            var ry = y.Select(v => Math.Round(v)).ToArray();
            if (!ry.SequenceEqual(y)) yield return input with { Data = data.WithTargets(ry) };
        }
        if (input.Parameters is double[] theta)
            for (var j = 0; j < theta.Length; j++)
                foreach (var t in Toward(theta[j]))
                    yield return input with { Parameters = Replace(theta, j, t) };
    }

    private static double[] Without(double[] v, int k) => [.. v[..k], .. v[(k + 1)..]];

    private static double[] Replace(double[] v, int k, double value)
    {
        var copy = (double[])v.Clone();
        copy[k] = value;
        return copy;
    }

    private static DataSet Rows(DataSet data, IEnumerable<int> rows)
    {
        var keep = rows.ToArray();
        var y = data.TargetArray();
        return DataSet.FromRows([.. keep.Select(data.Row)], [.. keep.Select(i => y[i])], data.FeatureNames, data.TargetName);
    }

    private static DataSet Columns(DataSet data, int drop)
    {
        var rows = data.ToRows().Select(r => Without(r, drop)).ToArray();
        return DataSet.FromRows(rows, data.TargetArray(), data.FeatureNames.RemoveAt(drop), data.TargetName);
    }
}
