using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Metrics;
using TensorLinear.Reference.Models;

namespace TensorLinear.Cli.Fitting;

/// <summary>A fitted model measured on labelled data: its training data (fit) or new data (predict).</summary>
internal static class FitMetrics
{
    /// <summary>R², RMSE, MAE and σ̂ of a linear model on the data its targets are in.</summary>
    public static RegressionSummary Regression(DataSet features, LinearModel model, bool fitIntercept)
    {
        var targets = features.TargetArray();
        var predictions = LinearRegression.Predict(features, model);
        double? rSquared = null;
        try
        {
            // Not given for a target constant but for rounding (FitWarnings says why): its R² measures noise.
            if (!FitWarnings.NearlyConstant(targets))
                rSquared = fitIntercept ? RegressionMetrics.RSquared(targets, predictions) : RegressionMetrics.UncentredRSquared(targets, predictions);
        }
        catch (DegenerateInputException)
        {
            rSquared = null;
        }
        var parameters = features.FeatureCount + (fitIntercept ? 1 : 0);
        var rss = RegressionMetrics.MeanSquaredError(targets, predictions) * targets.Length;
        return new RegressionSummary(rSquared,
            RegressionMetrics.RootMeanSquaredError(targets, predictions),
            RegressionMetrics.MeanAbsoluteError(targets, predictions),
            targets.Length > parameters ? Math.Sqrt(rss / (targets.Length - parameters)) : null);
    }

    /// <summary>The confusion matrix, its rates, the ROC-AUC (null with one class) and the log-likelihood of a logistic model on labelled data.</summary>
    public static ClassificationSummary Classification(DataSet features, LinearModel model)
    {
        var labels = features.TargetArray();
        var scores = LinearRegression.Predict(features, model); // z = wᵀx + b; class 1 where z ≥ 0
        var confusion = ConfusionMatrix.Of(labels, LogisticRegression.Classify(features, model));
        // −n·L, and +0 rather than −0 when every row is certain.
        var logLikelihood = 0.0 - features.RowCount * LogisticRegression.Loss(features, model);
        return new ClassificationSummary(confusion, confusion.Accuracy(), Defined(confusion.Precision), Defined(confusion.Recall),
            Defined(confusion.F1Score), Defined(() => RocAuc.Of(labels, scores)), logLikelihood);
    }

    private static double? Defined(Func<double> rate)
    {
        try
        {
            return rate();
        }
        catch (DegenerateInputException)
        {
            return null;
        }
    }
}
