namespace TensorLinear.Cli.Data;

/// <summary>How the two labels of a class column map onto the 0/1 a logistic model needs.</summary>
/// <param name="Zero">The label read as class 0.</param>
/// <param name="One">The label read as class 1 (the "positive" class of precision and recall).</param>
/// <remarks>
/// The rule, in order: two numbers map the larger to 1 (0/1, 1/2, −1/1); a yes/no pair of words (yes/no, y/n,
/// true/false, t/f, positive/negative, pos/neg, any case) maps the affirmative word to 1; any other two labels map the
/// later in ordinal (character code) order to 1.
/// </remarks>
internal sealed record LabelMapping(string Zero, string One)
{
    private static readonly string[] Affirmative = ["yes", "y", "true", "t", "positive", "pos"];
    private static readonly string[] Negative = ["no", "n", "false", "f", "negative", "neg"];

    /// <summary>The mapping of two distinct labels by the rule above.</summary>
    public static LabelMapping Of(string first, string second)
    {
        if (Numbers.TryParse(first, out var a) && Numbers.TryParse(second, out var b))
            return a < b ? new(first, second) : new(second, first);
        if (IsWord(first, Affirmative) && IsWord(second, Negative)) return new(second, first);
        if (IsWord(second, Affirmative) && IsWord(first, Negative)) return new(first, second);
        return string.CompareOrdinal(first, second) < 0 ? new(first, second) : new(second, first);
    }

    /// <summary>0 or 1 for a label of this mapping; numeric labels compare by value, so "1.0" is the class of "1".</summary>
    public double ClassOf(string label) =>
        Numbers.TryParse(One, out var one) && Numbers.TryParse(label, out var value) ? (value == one ? 1.0 : 0.0)
        : label == One ? 1.0 : 0.0;

    private static bool IsWord(string label, string[] words) => words.Contains(label, StringComparer.OrdinalIgnoreCase);
}
