using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Features;
using TensorLinear.Reference.Inference;

namespace TensorLinear.Cli.Fitting;

/// <summary>
/// The coefficient table and model statistics of one engine's fit, by the library's <see cref="LinearInference"/> or
/// <see cref="LogisticInference"/> at that engine's estimate.
/// </summary>
internal static class FitInference
{
    /// <summary>
    /// Inference at <paramref name="trainedModel"/> on the data it was trained on, its table carried to original units
    /// (θ = Tθ′, V = TV′Tᵀ; the statistics, and every t, z and p, are the same in either). Null for a penalised fit,
    /// whose estimate is biased by design, and where the data leave no inference (no more rows than parameters,
    /// a constant target, an information matrix singular to rounding).
    /// </summary>
    public static ModelInference? Of(FitSettings settings, DataSet training, LinearModel trainedModel, LinearModel model, Standardizer? standardizer)
    {
        if (!settings.Penalty.IsNone) return null;
        ModelInference inference;
        try
        {
            inference = settings.Model == ModelKind.Linear
                ? LinearInference.Of(training, trainedModel, settings.FitIntercept, settings.Inference)
                : LogisticInference.Of(training, trainedModel, settings.FitIntercept, settings.Inference);
        }
        catch (InvalidInputException)
        {
            return null;
        }
        if (standardizer is null) return inference;
        var table = inference.Coefficients.Reparameterised(model.ToParameterVector(), standardizer.ToOriginalUnits(inference.Coefficients.Covariance()));
        return inference with { Coefficients = table };
    }
}
