using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Features;
using TensorLinear.Reference.LeastSquares;
using TensorLinear.Reference.Models;
using TensorLinear.Reference.Training;
using TensorLinear.Training;

namespace TensorLinear.Reference.Tests.Features;

public class StandardizerTests
{
    // Column 1 = (1, 2, 3, 4): mean 2.5, population sd √((2.25 + 0.25 + 0.25 + 2.25)/4) = √1.25.
    // Column 2 = (1000, 1010, 990, 1040): mean 1010, sd √((100 + 0 + 400 + 900)/4) = √350. Very different scales.
    private static readonly DataSet Data = DataSet.FromRows(
        [[1, 1000], [2, 1010], [3, 990], [4, 1040]], [3.0, 4.5, 4.0, 8.0]);

    [Fact]
    public void MeansAndStandardDeviationsAreMeasuredPerColumn()
    {
        var s = Standardizer.Fit(Data);
        Assert.Equal([2.5, 1010.0], s.Means.ToArray());
        Assert.Equal(1.118033988749895, s.StandardDeviations[0], 1e-15); // √1.25
        Assert.Equal(Math.Sqrt(350), s.StandardDeviations[1], 1e-13);
    }

    [Fact]
    public void StandardisedColumnsHaveMeanZeroAndUnitSpread()
    {
        var z = Standardizer.Fit(Data).Transform(Data);
        for (var j = 0; j < 2; j++)
        {
            var column = Enumerable.Range(0, 4).Select(i => z[i, j]).ToArray();
            Assert.Equal(0.0, column.Average(), 1e-15);
            Assert.Equal(1.0, column.Sum(x => x * x) / 4, 1e-15);
        }
        Assert.Equal(Data.TargetArray(), z.TargetArray());
    }

    [Fact]
    public void AModelMappedBackPredictsWhatItPredictedOnStandardisedFeatures()
    {
        // wⱼ = w′ⱼ/sⱼ and b = b′ − Σ w′ⱼmⱼ/sⱼ make w·x + b = w′·(x − m)/s + b′ for every x.
        var s = Standardizer.Fit(Data);
        var standardizedModel = new LinearModel([0.7, -1.3], 2.0);
        var original = s.ToOriginalUnits(standardizedModel);
        var expected = LinearRegression.Predict(s.Transform(Data), standardizedModel);
        var actual = LinearRegression.Predict(Data, original);
        for (var i = 0; i < 4; i++) Assert.Equal(expected[i], actual[i], 1e-12);
    }

    [Fact]
    public void AFitMappedBackEqualsTheFitInOriginalUnitsStandardErrorsIncluded()
    {
        // Least squares is equivariant under the affine change of features, so both routes give one fit; the standard
        // errors follow from Cov(θ) = T·Cov(θ′)·Tᵀ. Agreement to 1e-9 relative: the original design's condition number
        // (≈ 1e4 from the column of thousands) amplifies rounding in the direct route.
        var s = Standardizer.Fit(Data);
        var mapped = s.ToOriginalUnits(OrdinaryLeastSquares.Fit(s.Transform(Data)));
        var direct = OrdinaryLeastSquares.Fit(Data);
        for (var j = 0; j < 2; j++)
        {
            Assert.Equal(direct.Coefficients[j], mapped.Coefficients[j], Math.Abs(direct.Coefficients[j]) * 1e-9);
            Assert.Equal(direct.StandardErrors[j], mapped.StandardErrors[j], direct.StandardErrors[j] * 1e-9);
        }
        Assert.Equal(direct.Intercept, mapped.Intercept, Math.Abs(direct.Intercept) * 1e-9);
        Assert.Equal(direct.InterceptStandardError!.Value, mapped.InterceptStandardError!.Value, direct.InterceptStandardError.Value * 1e-9);
        Assert.Equal(direct.ResidualSumOfSquares, mapped.ResidualSumOfSquares, direct.ResidualSumOfSquares * 1e-9);
        Assert.Equal(direct.RSquared!.Value, mapped.RSquared!.Value, 1e-12);
    }

    [Fact]
    public void DescentOnStandardisedFeaturesMappedBackReachesTheQrSolution()
    {
        // The workflow standardisation exists for. On the raw features the MSE Hessian's eigenvalues are about 4.6e-4
        // and 2.0e6 (column 2 is ≈ 1000 with spread ≈ 19), so (1 − μ/L)ᵏ would need billions of epochs. Standardised,
        // the Hessian is 2·[[1, ρ, 0], [ρ, 1, 0], [0, 0, 1]] with ρ ≈ 0.598 the columns' correlation, so μ = 2(1 − ρ) ≈ 0.80
        // and L ≈ 3.2. Stopping at ‖∇f‖ ≤ 1e-11 puts θ′ within 1e-11/μ ≈ 1.3e-11 of θ′*; mapping back multiplies errors
        // by at most about Σ mⱼ/sⱼ ≈ 56 (the intercept row of T), so 1e-8 is generous.
        var s = Standardizer.Fit(Data);
        var result = GradientDescent.Train(ModelKind.Linear, s.Transform(Data), new TrainingOptions { Tolerance = 1e-11, MaxEpochs = 100_000 });
        Assert.True(result.Converged);
        var model = s.ToOriginalUnits(result.Model);
        var exact = OrdinaryLeastSquares.Fit(Data);
        Assert.Equal(exact.Coefficients[0], model.Weights[0], 1e-8);
        Assert.Equal(exact.Coefficients[1], model.Weights[1], 1e-8);
        Assert.Equal(exact.Intercept, model.Bias, 1e-8);
    }

    [Fact]
    public void AConstantColumnIsRejectedNamingIt()
    {
        // Ten 0.1s: their computed mean is not 0.1, so only an equality test sees that the column is constant.
        var data = DataSet.FromRows(Enumerable.Range(0, 10).Select(i => new[] { (double)i, 0.1 }).ToArray(), new double[10]);
        var e = Assert.Throws<DegenerateInputException>(() => Standardizer.Fit(data));
        Assert.Contains("feature 'x2' is constant", e.Message);
    }

    [Fact]
    public void AFitWithoutAnInterceptCannotBeMappedBack()
    {
        var s = Standardizer.Fit(Data);
        var throughOrigin = OrdinaryLeastSquares.Fit(s.Transform(Data), fitIntercept: false);
        Assert.Equal("standardizedFit", Assert.Throws<OutOfDomainException>(() => s.ToOriginalUnits(throughOrigin)).ArgumentName);
    }

    [Fact]
    public void ShapesThatDoNotMatchTheFittedFeaturesAreRejected()
    {
        var s = Standardizer.Fit(Data);
        Assert.Equal("data", Assert.Throws<DimensionMismatchException>(() => s.Transform(DataSet.FromRows([[1.0]], [1.0]))).ArgumentName);
        Assert.Equal("standardizedModel", Assert.Throws<DimensionMismatchException>(() => s.ToOriginalUnits(LinearModel.Zero(3))).ArgumentName);
    }
}
