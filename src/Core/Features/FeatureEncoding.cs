using System.Collections.Immutable;
using TensorLinear.Data;

namespace TensorLinear.Features;

/// <summary>
/// How raw columns become a model's features: a list of <see cref="Term"/>s, each expanded into columns — a numeric
/// factor xᵖ as one, a categorical factor as one indicator per level but its reference (<see cref="CategoricalLevels"/>),
/// a product of factors as the products of their columns (<c>firm:x1</c>: one slope in x1 per level but the
/// reference). Fitted once on the training data, it encodes new data the same way, so that a saved model predicts on
/// the features it was fitted on.
/// </summary>
public sealed record FeatureEncoding
{
    private FeatureEncoding(ImmutableArray<Term> terms, ImmutableArray<CategoricalLevels> categorical)
    {
        Terms = terms;
        Categorical = categorical;
        FeatureNames = [.. terms.SelectMany(ColumnNames)];
    }

    /// <summary>The terms, in order.</summary>
    public ImmutableArray<Term> Terms { get; }

    /// <summary>The levels of every categorical column the terms use.</summary>
    public ImmutableArray<CategoricalLevels> Categorical { get; }

    /// <summary>The encoded features' names, term by term: "x1", "x1^2", "x1:x2", "firm[GM]", "firm[GM]:x1".</summary>
    public ImmutableArray<string> FeatureNames { get; }

    /// <summary>The raw columns the terms read, in order of first use.</summary>
    public ImmutableArray<string> Columns => [.. Terms.SelectMany(t => t.Factors).Select(f => f.Column).Distinct()];

    /// <summary>
    /// The encoding of <paramref name="terms"/> (every column as a main effect when null), with the levels of each
    /// categorical column as the training data <paramref name="columns"/> have them.
    /// </summary>
    /// <param name="columns">The training data's raw columns.</param>
    /// <param name="terms">The terms; null for each column once, as it is.</param>
    /// <param name="references">A reference level per categorical column, where it is not the first in order.</param>
    /// <exception cref="OutOfDomainException">A term names a column there is not, or raises a categorical column to a power.</exception>
    /// <exception cref="DegenerateInputException">A categorical column has one level.</exception>
    /// <exception cref="DimensionMismatchException">The columns differ in length.</exception>
    public static FeatureEncoding Fit(IReadOnlyList<ColumnValues> columns, IReadOnlyList<Term>? terms = null,
                                      IReadOnlyDictionary<string, string>? references = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        CheckLengths(columns);
        var chosen = terms is null ? [.. columns.Select(c => Term.Of(c.Name))] : terms.ToImmutableArray();
        if (chosen.IsEmpty) throw new OutOfDomainException("terms", "are empty; a model needs at least one feature");
        var byName = columns.ToDictionary(c => c.Name);
        var categorical = new List<CategoricalLevels>();
        foreach (var factor in chosen.SelectMany(t => t.Factors))
        {
            if (!byName.TryGetValue(factor.Column, out var column))
                throw new OutOfDomainException("terms", $"name '{factor.Column}', which is not a column; the columns are {string.Join(", ", columns.Select(c => c.Name))}");
            if (!column.IsCategorical) continue;
            if (factor.Power != 1)
                throw new OutOfDomainException("terms", $"raise the categorical column '{column.Name}' to {factor.Power}; its indicators are 0 or 1, so their powers are themselves");
            if (categorical.Any(c => c.Column == column.Name)) continue;
            string? reference = null;
            references?.TryGetValue(column.Name, out reference);
            categorical.Add(CategoricalLevels.Of(column.Name, column.Labels!, reference));
        }
        return new FeatureEncoding(chosen, [.. categorical]);
    }

    /// <summary>An encoding as saved: its terms and levels, the names recomputed from them.</summary>
    public static FeatureEncoding FromParts(IEnumerable<Term> terms, IEnumerable<CategoricalLevels> categorical)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(categorical);
        return new FeatureEncoding([.. terms], [.. categorical]);
    }

    /// <summary>The features of <paramref name="columns"/>, one row per row, in the order of <see cref="FeatureNames"/>.</summary>
    /// <exception cref="OutOfDomainException">A column the terms read is missing, or numeric where it was categorical or the other way.</exception>
    /// <exception cref="UnseenLevelException">A categorical column holds a level the encoding was not fitted with.</exception>
    /// <exception cref="DimensionMismatchException">The columns differ in length.</exception>
    public double[][] EncodeRows(IReadOnlyList<ColumnValues> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var n = CheckLengths(columns);
        var byName = columns.ToDictionary(c => c.Name);
        var blocks = Terms.Select(t => TermColumns(t, byName, n)).ToList();
        var rows = new double[n][];
        for (var i = 0; i < n; i++) rows[i] = [.. blocks.SelectMany(b => b.Select(column => column[i]))];
        return rows;
    }

    /// <summary>The data set of <paramref name="columns"/> encoded, with the targets given (zeros where only predictions are wanted).</summary>
    /// <inheritdoc cref="EncodeRows" path="/exception"/>
    public DataSet Encode(IReadOnlyList<ColumnValues> columns, double[] targets, string targetName = "y") =>
        DataSet.FromRows(EncodeRows(columns), targets, FeatureNames, targetName);

    // The columns of one term: the products, over its factors, of each factor's columns (one for a numeric factor,
    // one indicator per non-reference level for a categorical one), in row-major order of the factors.
    private List<double[]> TermColumns(Term term, Dictionary<string, ColumnValues> byName, int n)
    {
        var products = new List<double[]> { Enumerable.Repeat(1.0, n).ToArray() };
        foreach (var factor in term.Factors)
        {
            var columns = FactorColumns(factor, byName);
            products = [.. products.SelectMany(p => columns.Select(c => p.Select((v, i) => v * c[i]).ToArray()))];
        }
        return products;
    }

    private List<double[]> FactorColumns(Factor factor, Dictionary<string, ColumnValues> byName)
    {
        if (!byName.TryGetValue(factor.Column, out var column))
            throw new OutOfDomainException(factor.Column, "is not among the columns given; the encoding reads " + string.Join(", ", Columns));
        var levels = Categorical.FirstOrDefault(c => c.Column == factor.Column);
        if ((levels is not null) != column.IsCategorical)
            throw new OutOfDomainException(factor.Column, levels is null
                ? "holds labels, but the encoding was fitted with it as numbers"
                : "holds numbers, but the encoding was fitted with it as labels");
        if (levels is null) return [[.. column.Numbers!.Select(x => Power(x, factor.Power))]];
        var labels = column.Labels!;
        for (var i = 0; i < labels.Length; i++)
            if (!levels.Levels.Contains(labels[i])) throw new UnseenLevelException(column.Name, i, labels[i], levels.Levels);
        return [.. levels.Levels.Skip(1).Select(level => labels.Select(l => l == level ? 1.0 : 0.0).ToArray())];
    }

    // xᵖ by repeated multiplication: exact for small integers, and the same bits on every platform (Math.Pow need not be).
    private static double Power(double x, int p)
    {
        var result = x;
        for (var k = 1; k < p; k++) result *= x;
        return result;
    }

    private IEnumerable<string> ColumnNames(Term term)
    {
        IEnumerable<string> names = [""];
        foreach (var factor in term.Factors)
        {
            var levels = Categorical.FirstOrDefault(c => c.Column == factor.Column);
            var own = levels is null ? [factor.ToString()] : levels.Levels.Skip(1).Select(levels.IndicatorName).ToArray();
            names = names.SelectMany(prefix => own.Select(name => prefix.Length == 0 ? name : prefix + ":" + name)).ToArray();
        }
        return names;
    }

    private static int CheckLengths(IReadOnlyList<ColumnValues> columns)
    {
        if (columns.Count == 0) throw new EmptyInputException("columns", "are empty; give at least one column");
        var n = columns[0].Length;
        foreach (var c in columns)
            if (c.Length != n)
                throw new DimensionMismatchException(c.Name, FormattableString.Invariant($"has {c.Length} rows but '{columns[0].Name}' has {n}; every column has one value per row"));
        return n;
    }
}
