using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Inference;
using TensorLinear.Reference.Training;
using TensorLinear.Tests.Shared;

namespace TensorLinear.Reference.Tests.Inference;

public class LogisticInferenceTests
{
    // The diabetes design is well conditioned (standardised columns): Newton's estimate and statsmodels' agree to
    // ~1e-14, and every statistic to ~1e-12; 1e-10 leaves a margin for the p-values' special functions.
    private const double Tolerance = 1e-10;

    private static ModelInference Diabetes(InferenceOptions? options = null)
    {
        var data = DataFiles.DiabetesBinary;
        return LogisticInference.Of(data, NewtonRaphson.Fit(data).Model, options: options);
    }

    [Fact]
    public void OnDiabetesTheTableIsStatsmodels()
    {
        var table = Diabetes().Coefficients;

        Assert.Equal(TestStatistic.Z, table.Statistic);
        Assert.Null(table.DegreesOfFreedom);
        var rows = table.Coefficients;
        Agreement.Relative(DiabetesLogit.Mle, rows.Select(c => c.Estimate).ToArray(), 1e-12, "estimate against mpmath");
        Agreement.Relative(DiabetesLogit.StandardErrors, rows.Select(c => c.StandardError).ToArray(), Tolerance, "SE");
        Agreement.Relative(DiabetesLogit.ZStatistics, rows.Select(c => c.Statistic).ToArray(), Tolerance, "z");
        Agreement.Relative(DiabetesLogit.PValues, rows.Select(c => c.PValue).ToArray(), Tolerance, "p");
        Agreement.Relative(DiabetesLogit.Lower95, rows.Select(c => c.Lower).ToArray(), Tolerance, "lower 95%");
        Agreement.Relative(DiabetesLogit.Upper95, rows.Select(c => c.Upper).ToArray(), Tolerance, "upper 95%");
    }

    public static TheoryData<RobustCovariance> Sandwiches() => [RobustCovariance.Hc0, RobustCovariance.Hc1, RobustCovariance.Hc2, RobustCovariance.Hc3];

    [Theory]
    [MemberData(nameof(Sandwiches))]
    public void OnDiabetesTheRobustStandardErrorsAreTheirDefinitions(RobustCovariance kind)
    {
        var errors = Diabetes(new InferenceOptions { Robust = kind }).Coefficients.Coefficients.Select(c => c.StandardError).ToArray();
        var expected = kind switch
        {
            // statsmodels' own HC0 for Logit; HC1–HC3 by numpy from the definitions (scripts/inference).
            RobustCovariance.Hc0 => DiabetesLogit.Hc0StatsmodelsStandardErrors,
            RobustCovariance.Hc1 => DiabetesLogit.Hc1StandardErrors,
            RobustCovariance.Hc2 => DiabetesLogit.Hc2StandardErrors,
            _ => DiabetesLogit.Hc3StandardErrors,
        };

        Agreement.Relative(expected, errors, Tolerance, $"{kind} SE");
    }

    [Fact]
    public void OnDiabetesTheModelStatisticsAreStatsmodels()
    {
        var s = Diabetes().Statistics;

        Assert.Equal((442, 11, 10, 431), (s.RowCount, s.ParameterCount, s.ModelDegreesOfFreedom, s.ResidualDegreesOfFreedom));
        Assert.Null(s.RSquared);
        Assert.Null(s.FStatistic);
        Agreement.Relative(DiabetesLogit.LogLikelihood, s.LogLikelihood, 1e-13, "log-likelihood");
        Agreement.Relative(DiabetesLogit.NullLogLikelihood, s.NullLogLikelihood, 1e-13, "null log-likelihood");
        Agreement.Relative(-2 * DiabetesLogit.LogLikelihood, s.Deviance, 1e-13, "deviance");
        Agreement.Relative(DiabetesLogit.Aic, s.Aic, 1e-13, "AIC");
        Agreement.Relative(DiabetesLogit.Bic, s.Bic, 1e-13, "BIC");
        Agreement.Relative(DiabetesLogit.PseudoRSquared, s.PseudoRSquared!.Value, 1e-12, "McFadden's R²");
        Agreement.Relative(DiabetesLogit.LikelihoodRatio, s.LikelihoodRatio, 1e-12, "LR");
        // 3.2e-36: an upper tail taken as 1 − CDF would be 0 here.
        Agreement.Relative(DiabetesLogit.LikelihoodRatioPValue, s.LikelihoodRatioPValue, 1e-9, "P(χ² ≥ LR)");
    }

    // One binary feature: the estimate is the two groups' log-odds, and everything has a closed form. Group x = 0 has 1
    // positive in 4, group x = 1 has 3 in 4: w = 2 ln 3, SE(w)² = 1 + 1/3 + 1/3 + 1 (the 2×2 table's cells), so
    // z = 2 ln 3/√(8/3) and p = erfc(|z|/√2); ℓ = 2(ln ¼ + 3 ln ¾), ℓ₀ = 8 ln ½ (4 positives in 8).
    private static readonly DataSet TwoGroups = DataSet.FromRows(
        [[0], [0], [0], [0], [1], [1], [1], [1]],
        [1, 0, 0, 0, 1, 1, 1, 0]);

    [Fact]
    public void OnTwoGroupsEverythingIsTheTwoByTwoTable()
    {
        var inference = LogisticInference.Of(TwoGroups, NewtonRaphson.Fit(TwoGroups).Model);
        var slope = inference.Coefficients.Coefficients[0];
        var s = inference.Statistics;

        var z = 2 * Math.Log(3) / Math.Sqrt(8.0 / 3);
        Agreement.Relative(Math.Sqrt(8.0 / 3), slope.StandardError, 1e-12, "SE(w)");
        Agreement.Relative(z, slope.Statistic, 1e-12, "z");
        Agreement.Relative(MathNet.Numerics.SpecialFunctions.Erfc(z / Math.Sqrt(2)), slope.PValue, 1e-12, "p");
        var logLikelihood = 2 * (Math.Log(0.25) + 3 * Math.Log(0.75));
        var nullLogLikelihood = 8 * Math.Log(0.5);
        Agreement.Relative(logLikelihood, s.LogLikelihood, 1e-13, "ℓ");
        Agreement.Relative(nullLogLikelihood, s.NullLogLikelihood, 1e-15, "ℓ₀");
        Agreement.Relative(1 - logLikelihood / nullLogLikelihood, s.PseudoRSquared!.Value, 1e-12, "McFadden's R²");
        Agreement.Relative(-2 * logLikelihood + 4, s.Aic, 1e-13, "AIC");
        Agreement.Relative(-2 * logLikelihood + 2 * Math.Log(8), s.Bic, 1e-13, "BIC");
        // One slope: the LR statistic on 1 df has P(χ²₁ ≥ x) = erfc(√(x/2)).
        Agreement.Relative(MathNet.Numerics.SpecialFunctions.Erfc(Math.Sqrt(s.LikelihoodRatio / 2)), s.LikelihoodRatioPValue, 1e-12, "P(χ²₁ ≥ LR)");
    }

    [Fact]
    public void OneClassOnlyIsRefused() =>
        Assert.Throws<DegenerateInputException>(() => LogisticInference.Of(TwoGroups.WithTargets([.. Enumerable.Repeat(1.0, 8)]), LinearModel.Zero(1)));
}
