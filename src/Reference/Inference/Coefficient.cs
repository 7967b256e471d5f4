namespace TensorLinear.Reference.Inference;

/// <summary>One row of a coefficient table.</summary>
/// <param name="Name">The feature's name, or <c>intercept</c>.</param>
/// <param name="Estimate">θ̂ⱼ.</param>
/// <param name="StandardError">√Vⱼⱼ, V the covariance the table was made with.</param>
/// <param name="Statistic">θ̂ⱼ / SEⱼ, the Wald statistic of the hypothesis θⱼ = 0 (t or z, see <see cref="CoefficientTable.Statistic"/>).</param>
/// <param name="PValue">The two-sided p-value of that statistic.</param>
/// <param name="Lower">The interval's lower end θ̂ⱼ − q·SEⱼ, q the level's critical value.</param>
/// <param name="Upper">The interval's upper end θ̂ⱼ + q·SEⱼ.</param>
public sealed record Coefficient(string Name, double Estimate, double StandardError, double Statistic, double PValue, double Lower, double Upper);
