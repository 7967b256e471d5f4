using System.Globalization;
using TensorLinear.Data;

namespace TensorLinear.Tests.Shared;

/// <summary>The data sets shipped in tests/Shared/Data (scripts/inference/reference_values.py and weighted_values.py wrote them).</summary>
internal static class DataFiles
{
    /// <summary>scikit-learn's diabetes data, target 1 where the progression is above its median: 442 rows, 10 features.</summary>
    public static DataSet DiabetesBinary => Read("diabetes-binary.csv");

    /// <summary>Longley's macroeconomic data as statsmodels ships it: 16 rows, 6 features, TOTEMP the target.</summary>
    public static DataSet Longley => Read("longley.csv");

    /// <summary>Longley's data with the sample weights ωᵢ = 1 + ½(i mod 4) (scripts/inference/weighted_values.py).</summary>
    public static DataSet LongleyWeighted => ReadWeighted("longley-weighted.csv");

    /// <summary>The diabetes data made binary, with the sample weights ωᵢ = ½ + ¼(i mod 5).</summary>
    public static DataSet DiabetesBinaryWeighted => ReadWeighted("diabetes-binary-weighted.csv");

    /// <summary>The path of a shipped file in the test output.</summary>
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    // A header, then rows of numbers, the target last.
    private static DataSet Read(string name)
    {
        var lines = File.ReadAllLines(PathOf(name)).Where(line => line.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var rows = lines[1..].Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return DataSet.FromRows([.. rows.Select(r => r[..^1])], [.. rows.Select(r => r[^1])], header[..^1], header[^1]);
    }

    // The same, with one more column after the target: the sample weights.
    private static DataSet ReadWeighted(string name)
    {
        var lines = File.ReadAllLines(PathOf(name)).Where(line => line.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var rows = lines[1..].Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return DataSet.FromRows([.. rows.Select(r => r[..^2])], [.. rows.Select(r => r[^2])], header[..^2], header[^2])
                      .WithSampleWeights([.. rows.Select(r => r[^1])]);
    }
}
