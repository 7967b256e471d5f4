using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Models;

namespace TensorLinear.Reference.Training;

/// <summary>How the two classes of a logistic model's data lie with respect to hyperplanes.</summary>
public enum SeparationKind
{
    /// <summary>No separation was found: the maximum-likelihood estimate exists (or the fit was penalised).</summary>
    None,

    /// <summary>
    /// A hyperplane puts every class-1 row strictly on its positive side and every class-0 row strictly on its
    /// negative side. Scaling its weights up drives the log-loss to 0, so the log-likelihood has no maximum.
    /// </summary>
    Complete,

    /// <summary>
    /// A hyperplane has every row on its class's side or on the hyperplane itself, with at least one strictly off it:
    /// the loss still decreases without end along its normal, so the log-likelihood has no maximum either.
    /// </summary>
    QuasiComplete,
}

/// <summary>
/// What a separation check found: its kind and, when the classes are separated, the separating hyperplane scaled so
/// that ‖w‖₂ = 1, which makes each score wᵀx + b the signed distance of a row from it.
/// </summary>
public sealed record SeparationReport
{
    /// <summary>Creates a report; <paramref name="hyperplane"/> is required unless the kind is <see cref="SeparationKind.None"/>.</summary>
    public SeparationReport(SeparationKind kind, LinearModel? hyperplane, double margin, int rowsOnHyperplane)
    {
        if (kind != SeparationKind.None && hyperplane is null)
            throw new ArgumentNullException(nameof(hyperplane), "a separation needs its hyperplane");
        Kind = kind;
        Hyperplane = hyperplane;
        Margin = margin;
        RowsOnHyperplane = rowsOnHyperplane;
    }

    /// <summary>No separation.</summary>
    public static SeparationReport None { get; } = new(SeparationKind.None, null, 0.0, 0);

    /// <summary>The kind of separation.</summary>
    public SeparationKind Kind { get; }

    /// <summary>The separating hyperplane wᵀx + b = 0 with ‖w‖₂ = 1, class 1 on its positive side; null when none.</summary>
    public LinearModel? Hyperplane { get; }

    /// <summary>
    /// The smallest distance from a row to the hyperplane, signed positive on the row's own side: &gt; 0 for complete
    /// separation, 0 for quasi-complete; 0 when there is no separation.
    /// </summary>
    public double Margin { get; }

    /// <summary>The rows on the hyperplane itself (the overlap of a quasi-complete separation); 0 for complete separation.</summary>
    public int RowsOnHyperplane { get; }

    /// <summary>True when the classes are separated and the maximum-likelihood estimate does not exist.</summary>
    public bool IsSeparated => Kind != SeparationKind.None;
}

/// <summary>
/// Checks whether a linear model separates the two classes of a logistic data set: a certificate, needing no linear
/// program, that the maximum-likelihood weights do not exist (docs/derivations/logistic-regression.md).
/// </summary>
public static class Separation
{
    /// <summary>
    /// <see cref="SeparationKind.Complete"/> with the normalised hyperplane when every row's score z = wᵀx + b is on its
    /// class's side strictly (z &gt; 0 for label 1, z &lt; 0 for label 0); otherwise <see cref="SeparationReport.None"/>.
    /// </summary>
    /// <remarks>
    /// Exact as a proof: if the scores of some (w, b) are all strictly on the right side, then along t·(w, b) every
    /// row's log-loss softplus(−|z|t) falls to 0 as t → ∞, so the infimum 0 of the loss is not attained and no maximum
    /// of the likelihood exists. (Conversely, any iterate whose mean loss is below log(2)/n separates: a row on the
    /// wrong side or on the hyperplane alone costs at least log 2.) The scores are computed as the model's own, so a row
    /// within rounding of the hyperplane may be judged either way; such a row has |z| near zero and is not strictly
    /// separated in any useful sense.
    /// </remarks>
    /// <exception cref="DimensionMismatchException">The model does not have one weight per feature.</exception>
    /// <exception cref="OutOfDomainException">A label is not 0 or 1, or a score overflows.</exception>
    public static SeparationReport Check(DataSet data, LinearModel model)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        Numerics.Check.BinaryLabels(data.Targets.Span, nameof(data));
        var scores = LinearRegression.Predict(data, model); // z = Xw + b, checked finite
        var labels = data.Targets.Span;
        for (var i = 0; i < scores.Length; i++)
            if (SignedScore(labels[i], scores[i]) <= 0.0) return SeparationReport.None;
        var hyperplane = Normalised(model);
        return new SeparationReport(SeparationKind.Complete, hyperplane, Margin(data, hyperplane), 0);
    }

    /// <summary>The hyperplane with weights and bias divided by ‖w‖₂ (the same hyperplane, unit normal).</summary>
    internal static LinearModel Normalised(LinearModel model)
    {
        var norm = Vector.Norm2([.. model.Weights]);
        return new LinearModel(model.Weights.Select(w => w / norm), model.Bias / norm);
    }

    /// <summary>minᵢ sᵢ·zᵢ for the unit-normal hyperplane, sᵢ = +1 for label 1 and −1 for label 0.</summary>
    internal static double Margin(DataSet data, LinearModel unitHyperplane)
    {
        var scores = LinearRegression.Predict(data, unitHyperplane);
        var labels = data.Targets.Span;
        var margin = double.PositiveInfinity;
        for (var i = 0; i < scores.Length; i++) margin = Math.Min(margin, SignedScore(labels[i], scores[i]));
        return margin;
    }

    // sᵢzᵢ with sᵢ = 2yᵢ − 1: positive exactly when row i is on its own class's side.
    internal static double SignedScore(double label, double score) => label == 1.0 ? score : -score;
}
