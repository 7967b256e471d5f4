using System.CommandLine;
using System.CommandLine.Parsing;
using TensorLinear.Cli.Data;

namespace TensorLinear.Cli.Commands;

/// <summary>How arguments are written on the command line: vectors as 1,2,3 and lists as a,b,c.</summary>
internal static class Arguments
{
    /// <summary>A vector written as comma-separated numbers, e.g. 1,2,3 or -0.5,2e-3.</summary>
    /// <exception cref="UsageException">An empty vector or a component that is not a finite number.</exception>
    public static double[] Vector(string text, string name)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0) throw new UsageException($"{name} '{text}' has an empty component {i + 1}; write vectors as 1,2,3");
            if (!Numbers.TryParse(parts[i], out values[i]))
                throw new UsageException($"{name} '{text}': component {i + 1}, '{parts[i]}', is not a finite number; write vectors as 1,2,3");
        }
        return values;
    }

    /// <summary><c>--missing error|drop</c>, one option for fit and predict: a missing cell an error, or its row dropped.</summary>
    public static Option<MissingValues> MissingOption()
    {
        var option = new Option<MissingValues>("--missing")
        {
            Description = "A cell that is empty or NA, N/A, NaN, null (any case) in a column used: error (the default; its line and column reported) or drop (its row left out, the rows counted and their lines listed).",
            DefaultValueFactory = _ => MissingValues.Error,
            HelpName = "error|drop",
            CustomParser = result => result.Tokens.Single().Value switch
            {
                "error" => MissingValues.Error,
                "drop" => MissingValues.Drop,
                var other => Refuse(result, $"--missing '{other}' is neither error nor drop"),
            },
        };
        return option;
    }

    private static MissingValues Refuse(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }

    /// <summary>A comma-separated list of names, e.g. a,b,c.</summary>
    /// <exception cref="UsageException">An empty name.</exception>
    public static IReadOnlyList<string> List(string text, string name)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Any(p => p.Length == 0)) throw new UsageException($"{name} '{text}' has an empty name; write lists as a,b,c");
        return parts;
    }

    /// <summary>
    /// A parser for an option holding a whole number ≥ <paramref name="least"/>, written plainly or as a number with
    /// no fractional part (1000, 1e3): a one-line error naming the option otherwise, never the parser's .NET type.
    /// </summary>
    /// <remarks>Without <paramref name="least"/> any whole number in int's range; range checks that need the value's
    /// meaning stay with the command.</remarks>
    public static Func<ArgumentResult, int> WholeNumber(string name, int? least = null) => result =>
    {
        var text = Token(result);
        if (Numbers.TryParse(text, out var value) && value == Math.Floor(value) && value >= (least ?? int.MinValue) && value <= int.MaxValue)
            return (int)value;
        result.AddError($"{name} is '{text}'; it must be a whole number{(least is int l ? $" ≥ {l}" : "")}, such as {Math.Max(least ?? 1, 1) * 1000}");
        return 0;
    };

    /// <summary>As <see cref="WholeNumber"/>, for an option that may be left out.</summary>
    public static Func<ArgumentResult, int?> OptionalWholeNumber(string name, int? least = null)
    {
        var parse = WholeNumber(name, least);
        return result => parse(result);
    }

    /// <summary>A parser for an option holding a finite number ≥ 0 ("inf" and "NaN" refused by name).</summary>
    public static Func<ArgumentResult, double> NonNegative(string name) => result =>
    {
        var text = Token(result);
        if (Numbers.TryParse(text, out var value) && value >= 0) return value;
        result.AddError($"{name} is '{text}'; it must be a finite number ≥ 0, such as 0.01 or 1e-4");
        return 0.0;
    };

    /// <summary>As <see cref="NonNegative"/>, for an option that may be left out.</summary>
    public static Func<ArgumentResult, double?> OptionalNonNegative(string name)
    {
        var parse = NonNegative(name);
        return result => parse(result);
    }

    /// <summary>
    /// The --delimiter parser: one character, or "tab" (or \t) for a tab; not one that can be part of a number or a
    /// quoted field (digits, letters, '.', '+', '-', '"', space).
    /// </summary>
    public static char Delimiter(ArgumentResult result)
    {
        var text = Token(result);
        var delimiter = text is "tab" or "\\t" or "\t" ? '\t' : text.Length == 1 ? text[0] : '\0';
        if (delimiter == '\t' || (delimiter != '\0' && !char.IsLetterOrDigit(delimiter) && !char.IsWhiteSpace(delimiter) && delimiter is not ('.' or '+' or '-' or '"')))
            return delimiter;
        result.AddError($"--delimiter is '{text}'; it must be one character that cannot be part of a number, such as ; or |, or tab");
        return ',';
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
}
