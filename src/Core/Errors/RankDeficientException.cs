using System.Collections.Immutable;

namespace TensorLinear;

/// <summary>
/// A design matrix whose columns are linearly dependent (to rounding), so the least-squares coefficients are not
/// unique and their standard errors are infinite. Names each column that is a combination of earlier ones. Both
/// least-squares engines raise it, from the one test in <see cref="Numerics.ColumnRank"/>.
/// </summary>
public sealed class RankDeficientException : InvalidInputException
{
    /// <summary>Creates the exception for the named argument.</summary>
    /// <param name="argumentName">The argument holding the design (the data set).</param>
    /// <param name="dependentColumns">The columns that are combinations of earlier columns.</param>
    /// <param name="rank">The numerical rank: the number of independent columns.</param>
    /// <param name="columnCount">The number of columns, the intercept included.</param>
    /// <param name="explanation">How each dependent column combines earlier ones, and the test used.</param>
    public RankDeficientException(string argumentName, IEnumerable<string> dependentColumns, int rank, int columnCount, string explanation)
        : base(argumentName, $"the design matrix has rank {rank} < {columnCount} columns, so its coefficients are not unique: {explanation}")
    {
        DependentColumns = dependentColumns.ToImmutableArray();
        Rank = rank;
        ColumnCount = columnCount;
    }

    /// <summary>The columns that are (to rounding) linear combinations of the columns before them.</summary>
    public ImmutableArray<string> DependentColumns { get; }

    /// <summary>The numerical rank of the design matrix.</summary>
    public int Rank { get; }

    /// <summary>The number of columns of the design matrix, the intercept's column of ones included.</summary>
    public int ColumnCount { get; }
}
