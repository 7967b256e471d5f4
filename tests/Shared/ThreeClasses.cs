using TensorLinear.Data;

namespace TensorLinear.Tests.Shared;

/// <summary>Data sets of three overlapping classes for the softmax tests, fixed by their seed.</summary>
internal static class ThreeClasses
{
    /// <summary>
    /// n rows of two features, labels cycling 0, 1, 2; feature 1 is uniform on [c − 2, c + 2) for class c and feature 2
    /// uniform on [−1, 1), so every pair of classes overlaps and the estimate exists.
    /// </summary>
    public static DataSet Noisy(int n, int seed)
    {
        var random = new Random(seed);
        var rows = new double[n][];
        var labels = new double[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = i % 3;
            rows[i] = [random.NextDouble() * 4 - 2 + labels[i], random.NextDouble() * 2 - 1];
        }
        return DataSet.FromRows(rows, labels);
    }
}
