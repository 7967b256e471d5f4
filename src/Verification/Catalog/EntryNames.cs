namespace TensorLinear.Verification.Catalog;

/// <summary>
/// The name of every catalog entry, in one place: the catalog, <c>tensorlinear calc</c>, <c>tensorlinear verify</c>,
/// the docs' derivation table and the tests all take the names from here, so one name means one thing everywhere.
/// </summary>
public static class EntryNames
{
    /// <summary>xᵀy.</summary>
    public const string Dot = "dot";
    /// <summary>‖x‖₁.</summary>
    public const string Norm1 = "norm1";
    /// <summary>‖x‖₂.</summary>
    public const string Norm2 = "norm2";
    /// <summary>‖x‖∞.</summary>
    public const string NormInf = "normInf";
    /// <summary>‖x‖ₚ for 1 &lt; p &lt; ∞.</summary>
    public const string NormP = "normP";
    /// <summary>x/‖x‖₂.</summary>
    public const string Unit = "unit";
    /// <summary>cos θ = x̂ᵀŷ.</summary>
    public const string Cosine = "cosine";
    /// <summary>The angle θ between x and y, away from its cone points.</summary>
    public const string Angle = "angle";
    /// <summary>The angle at and near its cone points θ = 0 and π (parallel vectors).</summary>
    public const string AngleConePoint = "angle at a cone point";
    /// <summary>xᵀŷ.</summary>
    public const string ScalarProjection = "scalar projection";
    /// <summary>(xᵀŷ)ŷ.</summary>
    public const string Project = "project";
    /// <summary>x − proj_y(x).</summary>
    public const string Reject = "reject";
    /// <summary>‖x − y‖ₚ, the distance between two points.</summary>
    public const string Distance = "distance";
    /// <summary>wᵀx + w₀, the score of a point against a hyperplane.</summary>
    public const string HyperplaneScore = "hyperplane score";
    /// <summary>(wᵀx + w₀)/‖w‖, the signed distance from a hyperplane to a point.</summary>
    public const string SignedDistance = "signed distance";
    /// <summary>x − d·ŵ, the foot of the perpendicular from x to a hyperplane.</summary>
    public const string Foot = "foot";
    /// <summary>The slope and intercept of the line through two points.</summary>
    public const string LineThrough = "line through two points";
    /// <summary>The line perpendicular to y = m·x + b through a point.</summary>
    public const string PerpendicularThrough = "perpendicular through";
    /// <summary>Whether two lines are parallel: |m₁ − m₂| ≤ τ·max(|m₁|, |m₂|).</summary>
    public const string Parallel = "parallel";
    /// <summary>Whether two lines are perpendicular: |m₁m₂ + 1| ≤ τ.</summary>
    public const string Perpendicular = "perpendicular";
    /// <summary>s = wᵀx, the score of the decision rule.</summary>
    public const string DecisionScore = "decision score";
    /// <summary>wᵀx ≥ t, the decision rule's verdict.</summary>
    public const string DecisionRule = "decision rule";
    /// <summary>(1/n)Σ(ŷᵢ − yᵢ)².</summary>
    public const string MeanSquaredError = "mse";
    /// <summary>(1/n)Σ|ŷᵢ − yᵢ|.</summary>
    public const string MeanAbsoluteError = "mae";
    /// <summary>Binary cross-entropy of probabilities.</summary>
    public const string BinaryCrossEntropyFromProbabilities = "bce (probabilities)";
    /// <summary>Binary cross-entropy of logits.</summary>
    public const string BinaryCrossEntropyFromLogits = "bce (logits)";
    /// <summary>σ(z) elementwise.</summary>
    public const string Sigmoid = "sigmoid";
    /// <summary>The hinge loss max(0, 1 − yᵢsᵢ) of each score against a ±1 label.</summary>
    public const string Hinge = "hinge";
    /// <summary>The mean hinge loss of scores against ±1 labels.</summary>
    public const string MeanHinge = "mean hinge";
    /// <summary>The soft-margin objective ½‖w‖² + C Σ hingeᵢ of a linear classifier.</summary>
    public const string SoftMarginObjective = "soft-margin objective";
    /// <summary>The maximum-margin dual objective ½‖Σ αᵢyᵢxᵢ‖² − Σ cᵢαᵢ of the multipliers.</summary>
    public const string MarginDual = "margin dual";
    /// <summary>The penalised MSE of a linear model.</summary>
    public const string LinearRegression = "linear regression";
    /// <summary>The penalised log-loss of a logistic model.</summary>
    public const string LogisticRegression = "logistic regression";
    /// <summary>The penalised cross-entropy of a softmax model of k classes.</summary>
    public const string SoftmaxRegression = "softmax regression";
}
