using TensorLinear.Data;
using TensorLinear.Reference.Inference;
using TensorLinear.Reference.LeastSquares;
using TensorLinear.Tests.Shared;

namespace TensorLinear.Reference.Tests.Inference;

public class LinearInferenceTests
{
    // Longley's columns are nearly collinear (κ(A) ≈ 5e9 unscaled). Householder QR agrees with statsmodels' classical
    // statistics to 1e-10 and with the exact (mpmath) sandwiches to 1e-11; statsmodels' own HC2, HC3 and robust F keep
    // only 8-9 digits (measured: 1.9e-9, 3.8e-9, 7.4e-9 from the exact values), so it is held to 1e-8 there.
    private const double LongleyTolerance = 1e-10;
    private const double StatsmodelsSandwichTolerance = 1e-8;

    private static ModelInference Longley(InferenceOptions? options = null)
    {
        var data = DataFiles.Longley;
        return LinearInference.Of(data, OrdinaryLeastSquares.Fit(data).Model, options: options);
    }

    [Fact]
    public void OnLongleyTheTableIsStatsmodels()
    {
        var table = Longley().Coefficients;

        Assert.Equal(TestStatistic.T, table.Statistic);
        Assert.Equal(9, table.DegreesOfFreedom);
        var rows = table.Coefficients;
        Agreement.Relative(LongleyOls.Estimates, rows.Select(c => c.Estimate).ToArray(), LongleyTolerance, "estimate");
        Agreement.Relative(LongleyOls.StandardErrors, rows.Select(c => c.StandardError).ToArray(), LongleyTolerance, "SE");
        Agreement.Relative(LongleyOls.TStatistics, rows.Select(c => c.Statistic).ToArray(), LongleyTolerance, "t");
        Agreement.Relative(LongleyOls.PValues, rows.Select(c => c.PValue).ToArray(), LongleyTolerance, "p");
        Agreement.Relative(LongleyOls.Lower95, rows.Select(c => c.Lower).ToArray(), LongleyTolerance, "lower 95%");
        Agreement.Relative(LongleyOls.Upper95, rows.Select(c => c.Upper).ToArray(), LongleyTolerance, "upper 95%");
    }

    [Fact]
    public void TheLevelSetsTheIntervals()
    {
        var rows = Longley(new InferenceOptions { Level = 0.90 }).Coefficients.Coefficients;

        Agreement.Relative(LongleyOls.Lower90, rows.Select(c => c.Lower).ToArray(), LongleyTolerance, "lower 90%");
        Agreement.Relative(LongleyOls.Upper90, rows.Select(c => c.Upper).ToArray(), LongleyTolerance, "upper 90%");
    }

    public static TheoryData<RobustCovariance> Sandwiches() => [RobustCovariance.Hc0, RobustCovariance.Hc1, RobustCovariance.Hc2, RobustCovariance.Hc3];

    [Theory]
    [MemberData(nameof(Sandwiches))]
    public void OnLongleyTheRobustStandardErrorsAreTheExactOnesAndStatsmodels(RobustCovariance kind)
    {
        var table = Longley(new InferenceOptions { Robust = kind }).Coefficients;
        var (exact, statsmodels) = kind switch
        {
            RobustCovariance.Hc0 => (LongleyExact.Hc0StandardErrors, LongleyOls.Hc0StandardErrors),
            RobustCovariance.Hc1 => (LongleyExact.Hc1StandardErrors, LongleyOls.Hc1StandardErrors),
            RobustCovariance.Hc2 => (LongleyExact.Hc2StandardErrors, LongleyOls.Hc2StandardErrors),
            _ => (LongleyExact.Hc3StandardErrors, LongleyOls.Hc3StandardErrors),
        };
        var errors = table.Coefficients.Select(c => c.StandardError).ToArray();

        Assert.Equal(kind, table.Robust);
        Agreement.Relative(exact, errors, LongleyTolerance, $"{kind} SE against mpmath");
        Agreement.Relative(statsmodels, errors, StatsmodelsSandwichTolerance, $"{kind} SE against statsmodels");
    }

    [Fact]
    public void OnLongleyTheModelStatisticsAreStatsmodels()
    {
        var s = Longley().Statistics;

        Assert.Equal((16, 7, 6, 9), (s.RowCount, s.ParameterCount, s.ModelDegreesOfFreedom, s.ResidualDegreesOfFreedom));
        Agreement.Relative(LongleyOls.RSquared, s.RSquared!.Value, LongleyTolerance, "R²");
        Agreement.Relative(LongleyOls.AdjustedRSquared, s.AdjustedRSquared!.Value, LongleyTolerance, "adjusted R²");
        Agreement.Relative(LongleyOls.FStatistic, s.FStatistic!.Value, LongleyTolerance, "F");
        Agreement.Relative(LongleyOls.FPValue, s.FPValue!.Value, LongleyTolerance, "P(F)");
        Agreement.Relative(LongleyOls.LogLikelihood, s.LogLikelihood, LongleyTolerance, "log-likelihood");
        Agreement.Relative(LongleyOls.Aic, s.Aic, LongleyTolerance, "AIC");
        Agreement.Relative(LongleyOls.Bic, s.Bic, LongleyTolerance, "BIC");
    }

    [Theory]
    [InlineData(RobustCovariance.Hc0, LongleyExact.Hc0FStatistic, double.NaN)]
    [InlineData(RobustCovariance.Hc1, LongleyExact.Hc1FStatistic, LongleyOls.Hc1FStatistic)]
    [InlineData(RobustCovariance.Hc2, LongleyExact.Hc2FStatistic, double.NaN)]
    [InlineData(RobustCovariance.Hc3, LongleyExact.Hc3FStatistic, LongleyOls.Hc3FStatistic)]
    public void WithASandwichTheFTestIsTheRobustWaldTest(RobustCovariance kind, double exact, double statsmodels)
    {
        var f = Longley(new InferenceOptions { Robust = kind }).Statistics.FStatistic!.Value;

        Agreement.Relative(exact, f, LongleyTolerance, $"{kind} F against mpmath");
        if (!double.IsNaN(statsmodels)) Agreement.Relative(statsmodels, f, StatsmodelsSandwichTolerance, $"{kind} F against statsmodels");
    }

    // A simple regression y = a + bx has closed forms for everything: SE(b)² = σ̂²/Sxx, SE(a)² = σ̂²(1/n + x̄²/Sxx) with
    // σ̂² = RSS/(n − 2); HC0's Var(b) = Σ(xᵢ − x̄)²eᵢ²/Sxx²; F = t² of the slope; LR = n·ln(TSS/RSS). The exact fit of
    // SmallLine is mpmath's (scripts/exact/tinydata.py).
    private static readonly DataSet Line = DataSet.FromRows([.. SmallLine.X().Select(x => new[] { x })], SmallLine.Y());

    [Fact]
    public void OnASimpleRegressionTheClassicalStandardErrorsAreTheTextbookOnes()
    {
        var inference = LinearInference.Of(Line, OrdinaryLeastSquares.Fit(Line).Model);
        var rows = inference.Coefficients.Coefficients;

        Agreement.Relative(SmallLine.SlopeStandardError, rows[0].StandardError, 1e-13, "SE(b)");
        Agreement.Relative(SmallLine.InterceptStandardError, rows[1].StandardError, 1e-13, "SE(a)");
        // One slope: the F test is the square of its t test, and has its p-value.
        Agreement.Relative(rows[0].Statistic * rows[0].Statistic, inference.Statistics.FStatistic!.Value, 1e-12, "F = t²");
        Agreement.Relative(rows[0].PValue, inference.Statistics.FPValue!.Value, 1e-9, "P(F) = P(|T| ≥ |t|)");
        var n = Line.RowCount;
        var y = SmallLine.Y();
        var tss = y.Sum(v => (v - y.Average()) * (v - y.Average()));
        Agreement.Relative(n * Math.Log(tss / SmallLine.ResidualSumOfSquares), inference.Statistics.LikelihoodRatio, 1e-12, "LR = n ln(TSS/RSS)");
        Agreement.Relative(SmallLine.RSquared, inference.Statistics.RSquared!.Value, 1e-14, "R²");
        Agreement.Relative(1 - (1 - SmallLine.RSquared) * (n - 1) / (n - 2), inference.Statistics.AdjustedRSquared!.Value, 1e-13, "adjusted R²");
    }

    [Fact]
    public void OnASimpleRegressionHc0IsWhitesFormula()
    {
        var x = SmallLine.X();
        var y = SmallLine.Y();
        var mean = x.Average();
        var sxx = x.Sum(v => (v - mean) * (v - mean));
        var residuals = x.Select((v, i) => y[i] - SmallLine.Intercept - SmallLine.Slope * v).ToArray();
        var white = Math.Sqrt(x.Select((v, i) => (v - mean) * (v - mean) * residuals[i] * residuals[i]).Sum()) / sxx;

        var rows = LinearInference.Of(Line, OrdinaryLeastSquares.Fit(Line).Model, options: new InferenceOptions { Robust = RobustCovariance.Hc0 }).Coefficients.Coefficients;

        Agreement.Relative(white, rows[0].StandardError, 1e-11, "HC0 SE(b)");
        // HC1 is HC0 times √(n/(n − p)).
        var hc1 = LinearInference.Of(Line, OrdinaryLeastSquares.Fit(Line).Model, options: new InferenceOptions { Robust = RobustCovariance.Hc1 }).Coefficients.Coefficients;
        Agreement.Relative(white * Math.Sqrt(20.0 / 18.0), hc1[0].StandardError, 1e-11, "HC1 SE(b)");
    }

    [Fact]
    public void ALevelOutsideZeroToOneIsRefused() =>
        Assert.Throws<OutOfDomainException>(() => LinearInference.Of(Line, OrdinaryLeastSquares.Fit(Line).Model, options: new InferenceOptions { Level = 1.0 }));

    [Fact]
    public void AConstantTargetIsRefused() =>
        Assert.Throws<DegenerateInputException>(() => LinearInference.Of(Line.WithTargets([.. Enumerable.Repeat(3.0, 20)]), OrdinaryLeastSquares.Fit(Line).Model));
}
