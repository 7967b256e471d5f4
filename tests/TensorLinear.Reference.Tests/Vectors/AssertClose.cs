using System.Globalization;
using TensorLinear.Numerics;

namespace TensorLinear.Reference.Tests;

/// <summary>
/// Assertions whose tolerance is counted in roundings: k·u·scale with u = 2⁻⁵³. Each test derives k from the number
/// of correctly rounded operations between the exact value and both sides of the comparison, and says so.
/// </summary>
internal static class AssertClose
{
    private const double U = FloatingPoint.UnitRoundoff;

    /// <summary>|actual − expected| ≤ roundings·u·|expected|.</summary>
    public static void Relative(double expected, double actual, double roundings) =>
        Within(expected, actual, roundings * U * Math.Abs(expected));

    /// <summary>
    /// Componentwise |actualᵢ − expectedᵢ| ≤ roundings·u·‖expected‖∞: normwise, so that components that are 0, or
    /// small after cancellation, are held to the error of the vector as a whole.
    /// </summary>
    public static void Relative(double[] expected, double[] actual, double roundings) =>
        Within(expected, actual, roundings * U * expected.Max(Math.Abs));

    /// <summary>|actual − expected| ≤ bound.</summary>
    public static void Within(double expected, double actual, double bound)
    {
        var error = Math.Abs(actual - expected);
        Assert.True(error <= bound, Describe(expected, actual, error, bound));
    }

    /// <summary>Componentwise |actualᵢ − expectedᵢ| ≤ bound, and equal lengths.</summary>
    public static void Within(double[] expected, double[] actual, double bound)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var error = Math.Abs(actual[i] - expected[i]);
            Assert.True(error <= bound, $"component {i}: " + Describe(expected[i], actual[i], error, bound));
        }
    }

    private static string Describe(double expected, double actual, double error, double bound) =>
        string.Create(CultureInfo.InvariantCulture,
            $"expected {expected:R}, actual {actual:R}: error {error:R} = {error / U:G3}u exceeds the bound {bound:R} = {bound / U:G3}u");
}
