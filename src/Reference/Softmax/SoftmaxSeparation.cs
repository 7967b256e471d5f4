using TensorLinear.Data;
using TensorLinear.Softmax;

namespace TensorLinear.Reference.Softmax;

/// <summary>
/// Separation of k classes, the reason a softmax likelihood has no maximum: a direction V of the parameters along which
/// every row moves toward its own class, (v_{yᵢ} − v_c)ᵀaᵢ ≥ 0 for every row i and class c ≠ yᵢ (v₀ = 0), strictly for
/// some, lowers the loss for ever. For k = 2 it is the binary logistic separation by a hyperplane.
/// </summary>
internal static class SoftmaxSeparation
{
    // A row counts as on a boundary of V when its margin is within this fraction of ‖aᵢ‖‖V‖ — the binary Newton
    // method's tolerance, for the same reason: along a divergent direction the last step converges to it while the
    // other components have converged quadratically, far below this.
    private const double OnBoundaryTolerance = 1e-6;

    /// <summary>
    /// Complete separation by the model itself: every row's own logit strictly exceeds every other class's. Then
    /// t·θ drives every row's loss to 0 as t → ∞, so no finite θ attains the infimum 0: an exact certificate.
    /// </summary>
    public static bool IsComplete(DataSet data, SoftmaxModel model)
    {
        var y = data.Targets.Span;
        Span<double> z = stackalloc double[model.ClassCount];
        for (var i = 0; i < data.RowCount; i++)
        {
            SoftmaxRows.Logits(data, model, i, z);
            var own = (int)y[i];
            for (var c = 0; c < z.Length; c++)
                if (c != own && !(z[own] > z[c])) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether the direction V (θ-shaped) separates the classes: no row moves away from its class by more than the
    /// tolerance, and some row strictly toward it past some other class. Returns (separated, every row strictly: complete).
    /// </summary>
    public static (bool Separated, bool Complete) AlongDirection(DataSet data, SoftmaxModel direction)
    {
        var y = data.Targets.Span;
        var length = Math.Sqrt(direction.ToParameterVector().Sum(v => v * v));
        if (length == 0.0) return (false, false);
        Span<double> z = stackalloc double[direction.ClassCount];
        int strictPairs = 0, boundaryPairs = 0;
        for (var i = 0; i < data.RowCount; i++)
        {
            SoftmaxRows.Logits(data, direction, i, z);
            var row = data.Row(i);
            var rowNorm = Math.Sqrt(row.Sum(v => v * v) + 1.0); // ‖aᵢ‖, aᵢ = (xᵢ, 1)
            var own = (int)y[i];
            for (var c = 0; c < z.Length; c++)
            {
                if (c == own) continue;
                var cosine = (z[own] - z[c]) / (rowNorm * length); // (v_{yᵢ} − v_c)ᵀaᵢ / (‖aᵢ‖‖V‖)
                if (cosine < -OnBoundaryTolerance) return (false, false);
                if (cosine <= OnBoundaryTolerance) boundaryPairs++;
                else strictPairs++;
            }
        }
        // One strict pair suffices: its term e^{z_c − z_{yᵢ}} of row i's loss falls to 0 along V, and no term rises.
        return (strictPairs > 0, strictPairs > 0 && boundaryPairs == 0);
    }
}
