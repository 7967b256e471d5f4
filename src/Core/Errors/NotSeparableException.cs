namespace TensorLinear;

/// <summary>
/// The hard-margin problem — minimise ½‖w‖² subject to yᵢ(wᵀxᵢ + b) ≥ 1 — has no feasible point: no hyperplane puts
/// the two classes strictly on its two sides, because their convex hulls meet (to the data's rounding). The soft
/// margin (hinge loss, a finite C) fits such data.
/// </summary>
public sealed class NotSeparableException : InvalidInputException
{
    /// <summary>Creates the exception for the named argument.</summary>
    /// <param name="argumentName">The argument holding the data.</param>
    /// <param name="hullDistanceBound">An upper bound on the distance between the two classes' convex hulls.</param>
    /// <param name="scale">The data's scale, max ‖xᵢ‖, against which the bound was judged.</param>
    /// <param name="why">How the conclusion was reached.</param>
    public NotSeparableException(string argumentName, double hullDistanceBound, double scale, string why)
        : base(argumentName, $"the classes are not linearly separable, so the hard-margin problem (minimise ½‖w‖² subject to yᵢ(wᵀxᵢ + b) ≥ 1) has no feasible point: {why}; fit the soft margin instead (a finite C: `--margin soft --C 1`)")
    {
        HullDistanceBound = hullDistanceBound;
        Scale = scale;
    }

    /// <summary>An upper bound on the distance between the convex hulls of the two classes (0 when they overlap).</summary>
    public double HullDistanceBound { get; }

    /// <summary>The data's scale max ‖xᵢ‖₂.</summary>
    public double Scale { get; }
}
