namespace TensorLinear.Reference.Losses;

/// <summary>The squared error ℓ(z, y) = (z − y)² of linear regression, whose prediction ŷ is the score z itself.</summary>
internal readonly struct SquaredErrorLoss : IPointwiseLoss
{
    public static double Value(double score, double target)
    {
        var residual = score - target;
        return residual * residual;
    }

    // d/dz (z − y)² = 2(z − y).
    public static double Slope(double score, double target) => 2.0 * (score - target);

    // d/dz 2(z − y) = 2, the same at every z: the MSE Hessian does not depend on the parameters.
    public static double Curvature(double score, double target) => 2.0;

    public static double MaxCurvature => 2.0;

    // Any finite target will do, and a DataSet holds only finite values.
    public static void CheckTargets(ReadOnlySpan<double> targets, string name) { }
}
