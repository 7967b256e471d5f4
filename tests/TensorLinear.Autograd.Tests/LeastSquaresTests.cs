using TensorLinear.Autograd.LeastSquares;
using TensorLinear.Autograd.Models;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Tests.Shared;
using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Tests;

// Closed-form least squares on the tensor side: Householder QR of [1 X y] by blocks (TSQR), never the normal equations.
public sealed class LeastSquaresTests
{
    public LeastSquaresTests() => Torch.Initialize();

    private static DataSet Noisy(int n, int d, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var x = new double[n * d];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = 3.0 + 0.5 * Normal();
            for (var j = 0; j < d; j++)
            {
                x[i * d + j] = Normal();
                y[i] += (j + 1) * x[i * d + j];
            }
        }
        return DataSet.FromRowMajor(x, d, y);
    }

    [Fact]
    public void WeightedLeastSquaresIsTheSameAtEveryScaleOfTheWeights()
    {
        // Whitened rows √(ωᵢ/2ᵏ)(1, xᵢ, yᵢ): a common factor of the weights changes nothing but RSS, even at 1e305,
        // where √ωᵢ·xᵢ squared and summed would leave double's range.
        var data = Noisy(500, 3, seed: 11);
        var weights = Enumerable.Range(0, data.RowCount).Select(i => 0.5 + i % 4).ToArray();
        var a = TensorLeastSquares.Fit(data.WithSampleWeights(weights));
        var b = TensorLeastSquares.Fit(data.WithSampleWeights([.. weights.Select(w => w * 1e305)]));
        var plain = TensorLeastSquares.Fit(data);

        double[] x = a.Model.ToParameterVector(), y = b.Model.ToParameterVector();
        for (var j = 0; j < x.Length; j++) Assert.Equal(x[j], y[j], 1e-12);
        Assert.Equal(1.0, b.ResidualSumOfSquares / (1e305 * a.ResidualSumOfSquares), 1e-13);
        Assert.NotEqual(plain.Model.ToParameterVector(), x); // the weights do change the fit
    }

    [Fact]
    public void AnExactLinearRelationIsRecovered()
    {
        // y = 2 + 3x₁ − x₂ exactly, in small integers: the residual is 0 and the fit is exact up to the backward
        // error of QR, O(mn·u)·κ(A) relative, with κ(A) ≈ 5 for these columns.
        var rows = new double[20][];
        var y = new double[20];
        for (var i = 0; i < 20; i++)
        {
            rows[i] = [i, (i * 7) % 5];
            y[i] = 2 + 3 * rows[i][0] - rows[i][1];
        }
        var fit = TensorLeastSquares.Fit(DataSet.FromRows(rows, y));
        Expect.Within(3.0, fit.Model.Weights[0], 1e-12);
        Expect.Within(-1.0, fit.Model.Weights[1], 1e-12);
        Expect.Within(2.0, fit.Model.Bias, 1e-12);
        Assert.True(fit.ResidualSumOfSquares < 1e-20);
        Assert.Equal(3, fit.ParameterCount);
    }

    [Fact]
    public void LauchlisMatrixDefeatsTheNormalEquationsButNotQR()
    {
        // Läuchli's matrix A = [[1, 1], [δ, 0], [0, δ]] with δ = 1e-9: AᵀA = [[1 + δ², 1], [1, 1 + δ²]] rounds to the
        // singular [[1, 1], [1, 1]] (δ² = 1e-18 < u), so the normal equations have no solution at all. With
        // y = A(1, 2) = (3, δ, 2δ), exact in binary, QR's backward stability gives a forward error of order
        // κ(A)·mn·u ≈ 1.4e9·6·1.1e-16 ≈ 1e-6 (Higham, Thm 20.3, zero residual); 1e-5 leaves a margin.
        const double delta = 1e-9;
        var data = DataSet.FromRows([[1, 1], [delta, 0], [0, delta]], [3, delta, 2 * delta]);
        var fit = TensorLeastSquares.Fit(data, fitIntercept: false);
        Expect.Within(1.0, fit.Model.Weights[0], 1e-5);
        Expect.Within(2.0, fit.Model.Weights[1], 1e-5);
        Assert.Equal(0.0, fit.Model.Bias);
    }

    [Fact]
    public void TheResidualIsOrthogonalToTheDesign()
    {
        // The optimality condition Aᵀ(y − Aθ̂) = 0, i.e. a zero gradient of the MSE at θ̂. For standard normal features
        // (κ(A) ≈ 1.2) the computed θ̂ is within c·n·u·(‖θ‖ + ‖r‖/σ_min) ≈ 2e-13 of the exact one, and the autograd
        // gradient (2/n)Aᵀ(Aθ̂ − y) ≈ 2(θ̂ − θ*) + its own rounding γₙΣ|2rᵢxᵢⱼ|/n ≈ 1e-13: 1e-10 is safe.
        var data = Noisy(2000, 5, seed: 3);
        var fit = TensorLeastSquares.Fit(data);
        var gradient = TorchEngine.Instance.Gradient(ModelKind.Linear, data, fit.Model, Penalty.None).ToParameterVector();
        Assert.All(gradient, g => Assert.True(Math.Abs(g) < 1e-10, $"gradient component {g:G3}"));
        // RSS from the factor (ρ²) against the residuals summed directly, which carry γₙ·Σrᵢ² of rounding plus
        // the effect of θ̂'s error (second order at the minimum).
        var direct = 2000 * TorchEngine.Instance.Loss(ModelKind.Linear, data, fit.Model, Penalty.None);
        Expect.Within(direct, fit.ResidualSumOfSquares, 1e-10 * direct);
        Assert.InRange(fit.Model.Bias, 2.9, 3.1); // the generating intercept, 3, within a few standard errors (0.5/√2000)
    }

    [Fact]
    public void TheBlocksDoNotChangeTheFitBeyondRounding()
    {
        // TSQR with blocks of 7 rows (286 block factors, stacked and factorised again) against one block of all 2000:
        // both are backward-stable QRs of the same matrix, so with κ ≈ 1.2 they agree to O(n·u)·‖θ‖ ≈ 1e-12.
        using var scope = NewDisposeScope();
        var data = Noisy(2000, 5, seed: 5);
        var x = DataTensors.Features(data);
        var y = DataTensors.Targets(data);
        var blocked = TensorLeastSquares.Fit(x, y, fitIntercept: true, blockRows: 7);
        var whole = TensorLeastSquares.Fit(x, y, fitIntercept: true, blockRows: 2000);
        for (var j = 0; j < 5; j++) Expect.Within(whole.Model.Weights[j], blocked.Model.Weights[j], 1e-11);
        Expect.Within(whole.Model.Bias, blocked.Model.Bias, 1e-11);
        Expect.Within(whole.ResidualSumOfSquares, blocked.ResidualSumOfSquares, 1e-10 * whole.ResidualSumOfSquares);
    }

    [Fact]
    public void ADuplicatedColumnIsRefusedByNameWithItsCombination()
    {
        var rows = Enumerable.Range(0, 10).Select(i => new double[] { i, i * i % 7, i }).ToArray();
        var y = Enumerable.Range(0, 10).Select(i => (double)i).ToArray();
        var e = Assert.Throws<RankDeficientException>(() => TensorLeastSquares.Fit(DataSet.FromRows(rows, y)));
        Assert.Equal(["x3"], e.DependentColumns.ToArray());
        Assert.Contains("x3 ≈ 1·x1", e.Message);
        Assert.Equal(3, e.Rank);
    }

    [Fact]
    public void AConstantFeatureIsACopyOfTheIntercept()
    {
        var rows = Enumerable.Range(0, 10).Select(i => new double[] { i, 4.0 }).ToArray();
        var y = Enumerable.Range(0, 10).Select(i => (double)i).ToArray();
        var e = Assert.Throws<RankDeficientException>(() => TensorLeastSquares.Fit(DataSet.FromRows(rows, y)));
        Assert.Contains("x2 ≈ 4·(intercept)", e.Message);
        // Without the intercept the same design has full rank.
        var fit = TensorLeastSquares.Fit(DataSet.FromRows(rows, y), fitIntercept: false);
        Expect.Within(1.0, fit.Model.Weights[0], 1e-13);
    }

    [Fact]
    public void AnExactCombinationOfNearlyParallelColumnsIsRefused()
    {
        // x₃ = x₁ − x₂ exactly, x₂ = x₁ + 10⁻⁶s: the sine test |R₃₃| ≤ τ‖a₃‖ passed it (sine ≈ 10⁶ε > τ = 6.7e-14) and the
        // fit returned coefficients of ∓1.5e14. The test on the unit-column factor sees the exact dependence.
        var e = Assert.Throws<RankDeficientException>(() => TensorLeastSquares.Fit(CancellingColumns.Data()));
        Assert.Equal(["x3"], e.DependentColumns.ToArray());
        Assert.Contains("x3 ≈ 1·x1 + -1·x2", e.Message);
    }

    [Theory]
    [InlineData(-500)]
    [InlineData(500)]
    public void DataScaledByAPowerOfTwoGiveTheSameFitScaledExactly(int k)
    {
        // The reference's scaling: the same scaled design for every k, so the fit is the unscaled one times 2ᵏ, exactly.
        var fit = TensorLeastSquares.Fit(Line(k));
        var unscaled = TensorLeastSquares.Fit(Line(0));
        Assert.Equal(unscaled.Model.Weights[0], fit.Model.Weights[0]);
        Assert.Equal(Math.ScaleB(unscaled.Model.Bias, k), fit.Model.Bias);
        Assert.Equal(Math.ScaleB(unscaled.ResidualSumOfSquares, 2 * k), fit.ResidualSumOfSquares);
        // κ(A) ≈ 20: within a few hundred u of the exact fit.
        Expect.Within(SmallLine.Slope, unscaled.Model.Weights[0], 1e-13 * SmallLine.Slope);
        Expect.Within(SmallLine.ResidualSumOfSquares, unscaled.ResidualSumOfSquares, 1e-12 * SmallLine.ResidualSumOfSquares);
    }

    [Theory]
    [InlineData(1e-170, "too small")] // libtorch's fit was right (slope 1.994), but its RSS underflowed to 0
    [InlineData(1e170, "too large")]
    public void DataWhoseSquaresLeaveDoubleRangeAreRefusedWithTheTrueReason(double scale, string reason)
    {
        var data = DataSet.FromRows([.. SmallLine.X().Select(x => new[] { x * scale })], [.. SmallLine.Y().Select(y => y * scale)]);
        var e = Assert.Throws<OutOfDomainException>(() => TensorLeastSquares.Fit(data));
        Assert.Contains("the residual sum of squares", e.Message);
        Assert.Contains(reason, e.Message);
    }

    private static DataSet Line(int k) =>
        DataSet.FromRows([.. SmallLine.X().Select(x => new[] { Math.ScaleB(x, k) })], [.. SmallLine.Y().Select(y => Math.ScaleB(y, k))]);

    [Fact]
    public void TooFewRowsAreRefused()
    {
        var data = DataSet.FromRows([[1.0, 2.0], [3.0, 5.0], [4.0, 4.0]], [1.0, 2.0, 3.0]);
        Assert.Throws<DegenerateInputException>(() => TensorLeastSquares.Fit(data)); // 3 rows, 3 parameters
    }

    [Fact]
    public void TensorsOfTheWrongShapeOrDtypeAreRefusedBeforeTheFactorisation()
    {
        using var scope = NewDisposeScope();
        var y = tensor(new double[] { 1, 2, 3 });
        Assert.Contains("has shape [3]; it must be a matrix",
            Assert.Throws<DimensionMismatchException>(() => TensorLeastSquares.Fit(tensor(new double[] { 1, 2, 3 }), y)).Message);
        Assert.Contains("it must be a vector of 3",
            Assert.Throws<DimensionMismatchException>(() => TensorLeastSquares.Fit(ones(3, 1, dtype: float64), ones(2, dtype: float64))).Message);
        Assert.Throws<InvalidInputException>(() => TensorLeastSquares.Fit(ones(3, 1), y)); // float32
        var nan = tensor(new double[,] { { 1 }, { double.NaN }, { 3 } });
        Assert.Throws<NonFiniteInputException>(() => TensorLeastSquares.Fit(nan, y));
        Expect.EngineStillWorks();
    }
}
