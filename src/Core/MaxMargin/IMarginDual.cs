using TensorLinear.Models;

namespace TensorLinear.MaxMargin;

/// <summary>
/// The mathematics of the maximum-margin dual on one data set (rows xᵢ, labels yᵢ = ±1), as one engine computes it:
/// the hand-derived reference with loops over double, or libtorch with autograd. The method that drives them —
/// which pair of multipliers to move, how far, when to stop, the active-set polish and the certificate — is written
/// once, against this interface, so the two engines differ only in what they compute.
/// </summary>
/// <remarks>
/// The dual objective is f(α) = ½‖Σᵢ αᵢyᵢxᵢ‖² − Σᵢ cᵢαᵢ: c = 1 gives the SVM dual (to be minimised), c = 0 the
/// nearest-points problem of the two classes' convex hulls. Its Hessian is Q = (yyᵀ) ∘ (XXᵀ), never formed whole.
/// </remarks>
public interface IMarginDual : IDisposable
{
    /// <summary>"reference" or "torch".</summary>
    string Name { get; }

    /// <summary>f(α) = ½‖Σᵢ αᵢyᵢxᵢ‖² − Σᵢ cᵢαᵢ, the dual objective itself (for reports and for the checks of its gradient).</summary>
    double DualObjective(double[] alpha, double[] linear);

    /// <summary>∇f(α) = Qα − c, that is ∇fᵢ = yᵢxᵢᵀ(Σⱼ αⱼyⱼxⱼ) − cᵢ.</summary>
    double[] DualGradient(double[] alpha, double[] linear);

    /// <summary>w(α) = Σᵢ αᵢyᵢxᵢ, the weights stationarity gives for the multipliers α.</summary>
    double[] Weights(double[] alpha);

    /// <summary>The block Qᵢⱼ = yᵢyⱼxᵢᵀxⱼ of the dual's Hessian, i in <paramref name="rows"/>, j in <paramref name="columns"/>.</summary>
    double[,] LabelledGram(int[] rows, int[] columns);

    /// <summary>
    /// A solution of the small square system M v = r — a basic one when M is singular (the free unknowns 0), for the
    /// caller to check — or null when the system is inconsistent to working precision.
    /// </summary>
    double[]? Solve(double[,] m, double[] r);

    /// <summary>Every row's signed distance (wᵀxᵢ + b)/‖w‖ to the hyperplane of <paramref name="model"/>.</summary>
    double[] SignedDistances(LinearModel model);
}
