using System.Text.Json;

namespace TensorLinear.Cli.Tests;

/// <summary>Reading a fit's JSON against values computed elsewhere (statsmodels, mpmath), for the inference tests.</summary>
internal static class InferenceJson
{
    /// <summary>One member of every row of an <c>inference.table</c>.</summary>
    public static double[] Column(JsonElement inference, string member) =>
        [.. inference.GetProperty("table").EnumerateArray().Select(row => row.GetProperty(member).GetDouble())];

    /// <summary>A fit's coefficients, in order.</summary>
    public static double[] Coefficients(JsonElement fit) => [.. fit.GetProperty("coefficients").EnumerateObject().Select(p => p.Value.GetDouble())];

    /// <summary>Each actual value within <paramref name="tolerance"/> relative of its expected one, naming the first that is not.</summary>
    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var j = 0; j < expected.Count; j++)
            Assert.True(Math.Abs(actual[j] - expected[j]) <= tolerance * Math.Abs(expected[j]), $"{what}[{j}]: {actual[j]:R} against {expected[j]:R}");
    }
}
