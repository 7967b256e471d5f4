using System.Collections.Immutable;
using System.Globalization;

namespace TensorLinear.Features;

/// <summary>
/// The levels of a categorical column, the first the reference level: a model with an intercept gets one indicator
/// per other level (treatment coding), so the intercept is the reference level's and each indicator's coefficient is
/// that level's difference from it — with all levels, the indicators would sum to the intercept's column and the
/// coefficients would not be identifiable.
/// </summary>
/// <param name="Column">The column's name.</param>
/// <param name="Levels">The levels, reference first, the others in order.</param>
public sealed record CategoricalLevels(string Column, ImmutableArray<string> Levels)
{
    /// <summary>The reference level, which has no indicator.</summary>
    public string Reference => Levels[0];

    /// <summary>
    /// The levels of the labels, in order — by value when every label is a number ("2" before "10"), else by
    /// ordinal (character code) order — the first the reference unless <paramref name="reference"/> names another.
    /// </summary>
    /// <exception cref="OutOfDomainException"><paramref name="reference"/> is not one of the labels.</exception>
    /// <exception cref="DegenerateInputException">Only one level occurs: the column is constant, and has no indicator.</exception>
    public static CategoricalLevels Of(string column, IEnumerable<string> labels, string? reference = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(labels);
        var distinct = labels.Distinct(StringComparer.Ordinal).ToList();
        var numeric = distinct.All(l => double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        var ordered = numeric
            ? distinct.OrderBy(l => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture)).ThenBy(l => l, StringComparer.Ordinal).ToList()
            : distinct.OrderBy(l => l, StringComparer.Ordinal).ToList();
        if (ordered.Count < 2)
            throw new DegenerateInputException(column, $"holds one level only ('{ordered.FirstOrDefault()}'); a constant column has no indicator to fit");
        if (reference is not null)
        {
            if (!ordered.Remove(reference))
                throw new OutOfDomainException(column, $"has no level '{reference}' to be the reference; its levels are {string.Join(", ", ordered)}");
            ordered.Insert(0, reference);
        }
        return new CategoricalLevels(column, [.. ordered]);
    }

    /// <summary>The name of the indicator of level <paramref name="level"/>: "column[level]".</summary>
    public string IndicatorName(string level) => $"{Column}[{level}]";
}
