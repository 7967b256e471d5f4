using MathNet.Numerics.LinearAlgebra;
using TensorLinear.Numerics;

namespace TensorLinear.Reference.Tests.Training;

public class PowerIterationTests
{
    [Fact]
    public void TheLargestEigenvalueOfADiagonalMatrixIsItsLargestEntry() =>
        Assert.Equal(3.0, PowerIteration.LargestEigenvalue(new double[,] { { 1, 0 }, { 0, 3 } }), 1e-11);

    [Fact]
    public void ATopEigenvectorOrthogonalToTheAllOnesVectorIsStillFound() =>
        // [[2, −1], [−1, 2]] has eigenvalue 3 on (1, −1) and 1 on (1, 1): a start of all ones would return 1.
        Assert.Equal(3.0, PowerIteration.LargestEigenvalue(new double[,] { { 2, -1 }, { -1, 2 } }), 1e-11);

    [Fact]
    public void ItAgreesWithASymmetricEigendecomposition()
    {
        // BᵀB + I for a random B: symmetric positive definite; MathNet's symmetric EVD (Householder tridiagonalisation
        // and QL) is the reference. Power iteration's relative tolerance is 1e-12, and the quotient approaches from below.
        var random = new Random(11);
        var b = Matrix<double>.Build.Dense(10, 10, (_, _) => random.NextDouble() - 0.5);
        var spd = b.TransposeThisAndMultiply(b) + Matrix<double>.Build.DenseIdentity(10);
        var expected = spd.Evd(Symmetricity.Symmetric).EigenValues.Real().Maximum();
        Assert.Equal(expected, PowerIteration.LargestEigenvalue(spd.ToArray()), expected * 1e-9);
    }

    [Fact]
    public void TheZeroMatrixHasLargestEigenvalueZero() =>
        Assert.Equal(0.0, PowerIteration.LargestEigenvalue(new double[3, 3]));

    [Fact]
    public void NonSquareEmptyOrNonFiniteMatricesAreRejected()
    {
        Assert.Equal("matrix", Assert.Throws<DimensionMismatchException>(() => PowerIteration.LargestEigenvalue(new double[2, 3])).ArgumentName);
        Assert.Throws<EmptyInputException>(() => PowerIteration.LargestEigenvalue(new double[0, 0]));
        Assert.Throws<NonFiniteInputException>(() => PowerIteration.LargestEigenvalue(new double[,] { { double.NaN } }));
    }
}
