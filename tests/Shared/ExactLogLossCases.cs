using Xunit;

namespace TensorLinear.Tests.Shared;

/// <summary>The exact log-loss points (<see cref="ExactLogLoss"/>) as xunit theory data, for the reference's and the twins' tests.</summary>
internal static class ExactLogLossCases
{
    /// <summary>Every point: (z, y, l(z, y), σ(z) − y).</summary>
    public static TheoryData<double, double, double, double> All() => Where(_ => true);

    /// <summary>The points whose label a logistic model takes: 0 or 1.</summary>
    public static TheoryData<double, double, double, double> HardLabels() => Where(y => y is 0.0 or 1.0);

    private static TheoryData<double, double, double, double> Where(Func<double, bool> label)
    {
        var data = new TheoryData<double, double, double, double>();
        foreach (var (z, y, loss, slope) in ExactLogLoss.Points)
            if (label(y)) data.Add(z, y, loss, slope);
        return data;
    }
}
