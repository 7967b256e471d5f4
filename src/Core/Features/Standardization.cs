using System.Collections.Immutable;

namespace TensorLinear.Features;

/// <summary>
/// The centring and scaling a model was trained in, feature by feature: it was fitted to (xⱼ − meanⱼ)/scaleⱼ. A saved
/// model keeps it beside the coefficients in original units, so that the trained units can be recovered and reported.
/// </summary>
/// <param name="Means">Each feature's mean on the training data.</param>
/// <param name="Scales">Each feature's scale (its standard deviation, 1 for a constant column).</param>
public sealed record Standardization(ImmutableArray<double> Means, ImmutableArray<double> Scales);
