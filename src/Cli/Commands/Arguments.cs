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

    /// <summary>A comma-separated list of names, e.g. a,b,c.</summary>
    /// <exception cref="UsageException">An empty name.</exception>
    public static IReadOnlyList<string> List(string text, string name)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Any(p => p.Length == 0)) throw new UsageException($"{name} '{text}' has an empty name; write lists as a,b,c");
        return parts;
    }
}
