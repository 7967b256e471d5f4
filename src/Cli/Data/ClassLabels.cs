using System.Collections.Immutable;
using TensorLinear.Features;

namespace TensorLinear.Cli.Data;

/// <summary>
/// The k ≥ 2 labels of a class column in the order that numbers them 0 … k−1 for a softmax model: by value when every
/// label is a number ("1" and "1.0" one class), otherwise in ordinal (character code) order. Class 0, the first, is the
/// model's reference category; for two labels the order is not <see cref="LabelMapping"/>'s yes/no rule but the sorted
/// one, so "no"/"yes" number as 0/1 and "neg"/"pos" as 0/1 alike.
/// </summary>
/// <param name="Labels">The labels, class c at index c.</param>
internal sealed record ClassLabels(ImmutableArray<string> Labels)
{
    /// <summary>The number of classes k.</summary>
    public int Count => Labels.Length;

    private bool Numeric => Labels.All(l => Numbers.TryParse(l, out _));

    /// <summary>The labels of <paramref name="column"/> of the table.</summary>
    /// <exception cref="DataFormatException">An empty label, or a single class.</exception>
    public static ClassLabels Of(CsvTable table, int column)
    {
        var name = table.Columns[column];
        foreach (var row in table.Rows)
            if (MissingRows.IsMissing(row.Cells[column]))
                throw new DataFormatException(table.Source, row.Line, name, CompleteRows.Problem(row.Cells[column], "every row needs its class label"));
        var distinct = table.Rows.Select(r => r.Cells[column]).Distinct().ToList();
        ImmutableArray<string> labels = distinct.All(l => Numbers.TryParse(l, out _))
            ? [.. distinct.GroupBy(Value).OrderBy(g => g.Key).Select(g => g.First())]
            : [.. distinct.Order(StringComparer.Ordinal)];
        if (labels.Length < 2)
            throw new DataFormatException(table.Source, null, name, $"the target is constant (every row is '{labels[0]}'); a softmax model needs at least two classes");
        return new ClassLabels(labels);
    }

    /// <summary>The class index of a label of this column.</summary>
    public int IndexOf(string label) =>
        Numeric ? Labels.Select(Value).ToList().IndexOf(Value(label)) : Labels.IndexOf(label);

    private static double Value(string label)
    {
        Numbers.TryParse(label, out var v);
        return v;
    }
}
