using System.Collections.Immutable;
using TensorLinear.Numerics;

namespace TensorLinear.Data;

/// <summary>
/// An immutable data set: n rows of d numeric features and one target per row, with names for the columns, and
/// optionally a positive sample weight ωᵢ per row. Features are stored row-major, so row i occupies <c>Features[i*d .. i*d + d)</c>.
/// </summary>
/// <remarks>
/// Construction copies and validates: at least one row and one feature, every row the same length, every value
/// finite, every weight finite and positive. Nothing downstream needs to check again.
/// <para>A weighted data set's mean loss is the weighted mean Σwᵢℓᵢ/Σwᵢ, so equal weights change nothing and an integer
/// weight k fits as k copies of its row (docs/derivations/weights.md).</para>
/// </remarks>
public sealed class DataSet
{
    private readonly double[] _features;
    private readonly double[] _targets;
    private readonly double[]? _weights;

    private DataSet(double[] features, double[] targets, double[]? weights, int rowCount, int featureCount,
                    ImmutableArray<string> featureNames, string targetName)
    {
        _features = features;
        _targets = targets;
        _weights = weights;
        RowCount = rowCount;
        FeatureCount = featureCount;
        FeatureNames = featureNames;
        TargetName = targetName;
        SampleWeightSum = weights?.Sum() ?? rowCount;
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

    /// <summary>True when the rows carry weights; false when every row counts once.</summary>
    public bool IsWeighted => _weights is not null;

    /// <summary>The n row weights, all positive; empty when <see cref="IsWeighted"/> is false.</summary>
    public ReadOnlyMemory<double> SampleWeights => _weights;

    /// <summary>Σwᵢ, the denominator of every mean over the rows; exactly n when the data are unweighted.</summary>
    public double SampleWeightSum { get; }

    /// <summary>Row <paramref name="row"/>'s weight; 1 when the data are unweighted.</summary>
    public double SampleWeight(int row) => _weights?[row] ?? 1.0;

    /// <summary>A copy of the row weights, every one 1 when the data are unweighted.</summary>
    public double[] SampleWeightArray() => _weights is null ? Enumerable.Repeat(1.0, RowCount).ToArray() : (double[])_weights.Clone();

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
        return Create((double[])rowMajorFeatures.Clone(), RowCount, rowMajorFeatures.Length / RowCount, _targets, featureNames ?? FeatureNames, TargetName, _weights);
    }

    /// <summary>A data set with the same features and names and new targets (the array is copied).</summary>
    public DataSet WithTargets(double[] targets, string? targetName = null) =>
        Create(_features, RowCount, FeatureCount, targets, FeatureNames, targetName ?? TargetName, _weights);

    /// <summary>
    /// A data set with the same features, targets and names and the given row weights (copied), or unweighted when
    /// <paramref name="weights"/> is null.
    /// </summary>
    /// <remarks>
    /// A weight must be positive: a zero weight is a row that counts for nothing in the loss but would still count as an
    /// observation in degrees of freedom, leverages and separation checks, so such a row is to be left out instead.
    /// </remarks>
    /// <exception cref="DimensionMismatchException">A weight count that differs from the row count.</exception>
    /// <exception cref="NonFiniteInputException">A NaN or infinite weight.</exception>
    /// <exception cref="OutOfDomainException">A weight that is zero or negative.</exception>
    public DataSet WithSampleWeights(double[]? weights) => Create(_features, RowCount, FeatureCount, _targets, FeatureNames, TargetName, weights);

    private static DataSet Create(double[] flat, int n, int d, double[] targets, IEnumerable<string>? featureNames, string targetName, double[]? weights = null)
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
        return new DataSet(flat, (double[])targets.Clone(), CheckedWeights(weights, n), n, d, names, targetName);
    }

    private static double[]? CheckedWeights(double[]? weights, int n)
    {
        if (weights is null) return null;
        if (weights.Length != n)
            throw new DimensionMismatchException(nameof(weights), $"has {weights.Length} values but the data set has {n} rows");
        Check.Finite(weights, nameof(weights));
        for (var i = 0; i < n; i++)
            if (!(weights[i] > 0.0))
                throw new OutOfDomainException(nameof(weights), FormattableString.Invariant($"row {i} has weight {weights[i]}; every weight must be positive (leave out a row that should not count)"));
        // Σwᵢ must itself be finite for the weighted mean to be.
        if (!double.IsFinite(weights.Sum()))
            throw new OutOfDomainException(nameof(weights), "sum beyond the range of double; scale them down");
        return (double[])weights.Clone();
    }
}
