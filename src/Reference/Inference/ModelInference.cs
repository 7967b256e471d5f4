namespace TensorLinear.Reference.Inference;

/// <summary>What <see cref="LinearInference"/> and <see cref="LogisticInference"/> report of a fit.</summary>
/// <param name="Coefficients">The coefficient table.</param>
/// <param name="Statistics">The model statistics.</param>
public sealed record ModelInference(CoefficientTable Coefficients, ModelStatistics Statistics);
