namespace TensorLinear.Reference.Tests.Inference;

/// <summary>Relative agreement with a value computed elsewhere, naming what disagrees and by how much.</summary>
internal static class Agreement
{
    public static void Relative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected),
            $"{what}: {actual:R} against {expected:R}, relative difference {Math.Abs(actual - expected) / Math.Abs(expected):E2} above {tolerance:E0}");

    public static void Relative(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var j = 0; j < expected.Count; j++) Relative(expected[j], actual[j], tolerance, $"{what}[{j}]");
    }
}
