using System.Collections.Immutable;
using System.Globalization;

namespace TensorLinear.Features;

/// <summary>One factor of a <see cref="Term"/>: a column raised to a power (1 for the column itself).</summary>
/// <param name="Column">The column's name.</param>
/// <param name="Power">The power, ≥ 1 (a categorical column only to the first).</param>
public sealed record Factor(string Column, int Power = 1)
{
    /// <summary>"x" or "x^2".</summary>
    public override string ToString() => Power == 1 ? Column : FormattableString.Invariant($"{Column}^{Power}");
}

/// <summary>
/// One term of a model's right-hand side, the product of its factors: <c>x1</c>, <c>x1^2</c>, <c>x1:x2</c> (an
/// interaction), <c>firm</c> (a categorical column: one indicator per level but the reference) or <c>firm:x1</c> (one
/// slope in x1 per level but the reference).
/// </summary>
public sealed record Term
{
    /// <summary>A term of the given factors, each column at most once.</summary>
    /// <exception cref="OutOfDomainException">No factors, a power below 1, or a column twice.</exception>
    public Term(IEnumerable<Factor> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        Factors = [.. factors];
        if (Factors.IsEmpty) throw new OutOfDomainException("term", "has no factors");
        foreach (var f in Factors)
            if (f.Power < 1) throw new OutOfDomainException("term", FormattableString.Invariant($"raises '{f.Column}' to {f.Power}; a power is an integer ≥ 1"));
        var repeated = Factors.GroupBy(f => f.Column).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new OutOfDomainException("term", $"names '{repeated.Key}' twice; write a power instead ({repeated.Key}^2)");
    }

    /// <summary>A main effect: the column itself.</summary>
    public static Term Of(string column) => new([new Factor(column)]);

    /// <summary>The factors, in the order written.</summary>
    public ImmutableArray<Factor> Factors { get; }

    /// <summary>Whether two terms have the same factors in the same order.</summary>
    public bool Equals(Term? other) => other is not null && Factors.SequenceEqual(other.Factors);

    /// <inheritdoc/>
    public override int GetHashCode() => Factors.Aggregate(0, (h, f) => HashCode.Combine(h, f));

    /// <summary>"x1:x2^2", the factors joined by ':'.</summary>
    public override string ToString() => string.Join(":", Factors);

    /// <summary>
    /// The terms of a formula, "x1 + x2 + x1:x2 + x1^2": terms joined by '+', factors by ':', a power by '^'. A name
    /// that holds one of those characters or spaces is written in backquotes, `my column`.
    /// </summary>
    /// <exception cref="OutOfDomainException">The formula does not parse, or names a term twice; the message shows where.</exception>
    public static ImmutableArray<Term> Parse(string formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var terms = Split(formula, '+').Select(t => new Term(Split(t, ':').Select(ParseFactor))).ToList();
        var repeated = terms.GroupBy(t => t).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new OutOfDomainException("terms", $"'{formula}' lists the term {repeated.Key} twice");
        return [.. terms];
    }

    private static Factor ParseFactor(string text)
    {
        var parts = Split(text, '^');
        if (parts.Count > 2) throw new OutOfDomainException("terms", $"'{text}' has more than one '^'");
        var name = Unquote(parts[0]);
        if (parts.Count == 1) return new Factor(name);
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var power) || power < 1)
            throw new OutOfDomainException("terms", $"'{text}': the power '{parts[1]}' is not an integer ≥ 1");
        return new Factor(name, power);
    }

    // The pieces of text between the separators outside backquotes, trimmed; none may be empty.
    private static List<string> Split(string text, char separator)
    {
        var pieces = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] == '`') quoted = !quoted;
            if (i < text.Length && (quoted || text[i] != separator)) continue;
            var piece = text[start..i].Trim();
            if (piece.Length == 0)
                throw new OutOfDomainException("terms", FormattableString.Invariant($"'{text}': nothing before or after a '{separator}' at character {i + 1}"));
            pieces.Add(piece);
            start = i + 1;
        }
        if (quoted) throw new OutOfDomainException("terms", $"'{text}' opens a backquote it does not close");
        return pieces;
    }

    private static string Unquote(string name)
    {
        if (name.Length >= 2 && name[0] == '`' && name[^1] == '`') return name[1..^1];
        if (name.Contains('`') || name.Any(char.IsWhiteSpace))
            throw new OutOfDomainException("terms", $"'{name}' is not a column name; write a name with spaces in backquotes, `{name.Trim('`')}`");
        return name;
    }
}
