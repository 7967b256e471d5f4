using System.Collections.Immutable;
using TensorLinear.Numerics;

namespace TensorLinear.Data;

/// <summary>
/// An immutable data set: n rows of d numeric features and one target per row, with names for the columns.
/// Features are stored row-major, so row i occupies <c>Features[i*d .. i*d + d)</c>.
/// </summary>
/// <remarks>
/// Construction copies and validates: at least one row and one feature, every row the same length, every value
/// finite. Nothing downstream needs to check again.
/// </remarks>
public sealed class DataSet
{
    private readonly double[] _features;
    private readonly double[] _targets;

    private DataSet(double[] features, double[] targets, int rowCount, int featureCount,
                    ImmutableArray<string> featureNames, string targetName)
    {
        _features = features;
        _targets = targets;
        RowCount = rowCount;
        FeatureCount = featureCount;
        FeatureNames = featureNames;
        TargetName = targetName;
    }

    /// <summary>The number of rows n.</summary>
    public int RowCount { get; }

    /// <summary>The number of features d (columns of X, not counting an intercept).</summary>
    public int FeatureCount { get; }

    /// <summary>The features' names, x1 … xd unless given.</summary>
    public ImmutableArray<string> FeatureNames { get; }

    /// <summary>The target's name, y unless given.</summary>
    public string TargetName { get; }

    /// <summary>The n×d features, row-major; read-only, for loops that must not copy.</summary>
    public ReadOnlyMemory<double> Features => _features;

    /// <summary>The n targets; read-only.</summary>
    public ReadOnlyMemory<double> Targets => _targets;

    /// <summary>The feature in row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public double this[int row, int column] => _features[row * FeatureCount + column];

    /// <summary>A copy of row <paramref name="row"/>.</summary>
    public double[] Row(int row) => _features.AsSpan(row * FeatureCount, FeatureCount).ToArray();

    /// <summary>A copy of the features as an n×d matrix.</summary>
    public double[,] ToMatrix()
    {
        var m = new double[RowCount, FeatureCount];
        for (var i = 0; i < RowCount; i++)
            for (var j = 0; j < FeatureCount; j++)
                m[i, j] = _features[i * FeatureCount + j];
        return m;
    }

    /// <summary>A copy of the features as an array of rows.</summary>
    public double[][] ToRows()
    {
        var rows = new double[RowCount][];
        for (var i = 0; i < RowCount; i++) rows[i] = Row(i);
        return rows;
    }

    /// <summary>A copy of the targets.</summary>
    public double[] TargetArray() => (double[])_targets.Clone();

    /// <summary>Creates a data set from rows of features and their targets.</summary>
    /// <exception cref="EmptyInputException">No rows, or rows with no features.</exception>
    /// <exception cref="DimensionMismatchException">Rows of unequal length, or a target count that differs from the row count.</exception>
    /// <exception cref="NonFiniteInputException">A NaN or infinite feature or target.</exception>
    public static DataSet FromRows(double[][] rows, double[] targets, IEnumerable<string>? featureNames = null, string targetName = "y")
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length == 0) throw new EmptyInputException(nameof(rows), "the data set has no rows");
        var d = rows[0]?.Length ?? throw new ArgumentNullException(nameof(rows), "row 0 is null");
        var flat = new double[rows.Length * d];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i] ?? throw new ArgumentNullException(nameof(rows), $"row {i} is null");
            if (row.Length != d)
                throw new DimensionMismatchException(nameof(rows), $"row {i} has {row.Length} features but row 0 has {d}");
            row.CopyTo(flat, i * d);
        }
        return Create(flat, rows.Length, d, targets, featureNames, targetName);
    }

    /// <summary>Creates a data set from an n×d matrix of features and their targets.</summary>
    /// <inheritdoc cref="FromRows" path="/exception"/>
    public static DataSet FromMatrix(double[,] features, double[] targets, IEnumerable<string>? featureNames = null, string targetName = "y")
    {
        ArgumentNullException.ThrowIfNull(features);
        int n = features.GetLength(0), d = features.GetLength(1);
        var flat = new double[n * d];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < d; j++)
                flat[i * d + j] = features[i, j];
        return Create(flat, n, d, targets, featureNames, targetName);
    }

    /// <summary>Creates a data set from n·d features stored row-major (the array is copied).</summary>
    /// <inheritdoc cref="FromRows" path="/exception"/>
    public static DataSet FromRowMajor(double[] features, int featureCount, double[] targets, IEnumerable<string>? featureNames = null, string targetName = "y")
    {
        ArgumentNullException.ThrowIfNull(features);
        if (featureCount <= 0) throw new EmptyInputException(nameof(featureCount), "a data set needs at least one feature");
        if (features.Length % featureCount != 0)
            throw new DimensionMismatchException(nameof(features), $"has {features.Length} values, not a multiple of {featureCount} features");
        return Create((double[])features.Clone(), features.Length / featureCount, featureCount, targets, featureNames, targetName);
    }

    /// <summary>A data set with the same targets and names and new features of the same shape (the array is copied).</summary>
    public DataSet WithFeatures(double[] rowMajorFeatures, IEnumerable<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(rowMajorFeatures);
        if (rowMajorFeatures.Length % RowCount != 0)
            throw new DimensionMismatchException(nameof(rowMajorFeatures), $"has {rowMajorFeatures.Length} values, not a multiple of {RowCount} rows");
        return Create((double[])rowMajorFeatures.Clone(), RowCount, rowMajorFeatures.Length / RowCount, _targets, featureNames ?? FeatureNames, TargetName);
    }

    /// <summary>A data set with the same features and names and new targets (the array is copied).</summary>
    public DataSet WithTargets(double[] targets, string? targetName = null) =>
        Create(_features, RowCount, FeatureCount, targets, FeatureNames, targetName ?? TargetName);

    private static DataSet Create(double[] flat, int n, int d, double[] targets, IEnumerable<string>? featureNames, string targetName)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (n == 0) throw new EmptyInputException("features", "the data set has no rows");
        if (d == 0) throw new EmptyInputException("features", "the data set has no features");
        if (targets.Length != n)
            throw new DimensionMismatchException(nameof(targets), $"has {targets.Length} values but the data set has {n} rows");
        for (var k = 0; k < flat.Length; k++)
            if (!double.IsFinite(flat[k]))
                throw new NonFiniteInputException("features", FormattableString.Invariant($"row {k / d}, feature {k % d} is {flat[k]}; every value must be finite"));
        Check.Finite(targets, nameof(targets));
        var names = featureNames?.ToImmutableArray() ?? Enumerable.Range(1, d).Select(j => $"x{j}").ToImmutableArray();
        if (names.Length != d)
            throw new DimensionMismatchException(nameof(featureNames), $"has {names.Length} names but the data set has {d} features");
        return new DataSet(flat, (double[])targets.Clone(), n, d, names, targetName);
    }
}
