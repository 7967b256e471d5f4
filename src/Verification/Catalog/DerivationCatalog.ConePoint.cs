using TensorLinear.Autograd;
using TensorLinear.Verification.Cases;
using TensorLinear.Verification.Checks;
using TensorLinear.Verification.Exact;
using TensorLinear.Verification.Generators;
using TensorLinear.Verification.Tolerances;
using static TensorLinear.Verification.Catalog.CatalogParts;

namespace TensorLinear.Verification.Catalog;

// The angle at and near its cone points θ = 0 and π, where it has no gradient, with the convention both sides follow.
public static partial class DerivationCatalog
{
    /// <summary>
    /// The convention at a cone point (x ∥ y): the reference's <c>AngleGradientX/Y</c> refuse with a
    /// <see cref="DegenerateInputException"/>, and the twin's autograd returns a finite vector (libtorch's norm
    /// backward takes 0 at ‖x̂ − ŷ‖ = 0), never NaN. Near one, both sides' gradients keep their length
    /// ‖∇ₓθ‖₂ = 1/‖x‖₂ — the angle changes at unit rate along the sphere — within the bound of
    /// <see cref="TolerancePolicy.AngleGradientLength"/>.
    /// </summary>
    private static Derivation AngleAtConePoint(ReferenceFunctions f) => new Derivation<PairCase>
    {
        Name = EntryNames.AngleConePoint,
        Formula = "θ(x, c·x) = 0 for c > 0 and π for c < 0; no gradient there; ‖∇ₓθ‖₂·‖x‖₂ = 1 off it",
        References = [f.Angle, f.AngleGradientX, f.AngleGradientY],
        Twins = [TensorVector.Angle],
        Exact = c => ExactVectors.Angle,
        Notes = "Convention at θ = 0 or π: the reference refuses the gradient (DegenerateInputException), the twin's autograd returns a finite vector. The finite differences and the Taylor test do not apply (the cone is within their step); values, the convention and the gradient's length are checked.",
        Generator = Inputs.ConePair(),
        IsValid = c => c.IsWellFormed && NonZero(c.X) && NonZero(c.Y)
                       && (c.Tag is "parallel" or "antiparallel" ? Parallel(c.X, c.Y)
                           : c.Tag == "nearly parallel" && Math.Sin(TolerancePolicy.AngleOf(c.X, c.Y)) > 1e-12),
        Differentiable = false,
        HasHandDerivative = false,
        Bind = c => Pair(c, f.Angle, Gradient(f.AngleGradientX, f.AngleGradientY), TensorVector.Angle, TolerancePolicy.Angle, TolerancePolicy.AngleGradient),
        Identities = [ConeConvention(f)],
    };

    private static Identity ConeConvention(ReferenceFunctions f) => Identity.Of<PairCase>("cone-point convention",
        "x ∥ y: the reference refuses ∇θ and autograd's is finite; otherwise ‖∇ₓθ‖·‖x‖ = ‖∇_yθ‖·‖y‖ = 1", c =>
        {
            var (x, y) = (c.X, c.Y);
            var n = x.Length;
            var (_, twin) = TwinValueAndGradient(t => TensorVector.Angle(Part(t, 0, n), Part(t, n, n)), [.. x, .. y]);
            if (c.Tag != "nearly parallel")
            {
                var refuses = Refuses(() => f.AngleGradientX(x, y)) && Refuses(() => f.AngleGradientY(x, y));
                var exact = Bound.Exact(1.0, "exact: the convention holds or it does not");
                return [Residual(0, "reference refuses ∇θ at the cone point", ReferenceSide, refuses ? 0.0 : 1.0, exact),
                        Residual(1, "autograd's ∇θ is finite at the cone point", TensorSide, twin.All(double.IsFinite) ? 0.0 : 1.0, exact)];
            }
            var bound = TolerancePolicy.AngleGradientLength(x, y);
            double[] gx = f.AngleGradientX(x, y), gy = f.AngleGradientY(x, y);
            double Length(double[] g, double[] v) => TolerancePolicy.Norm2Of(g) * TolerancePolicy.Norm2Of(v) - 1.0;
            return [Residual(0, "‖∇ₓθ‖‖x‖ − 1", ReferenceSide, Length(gx, x), bound),
                    Residual(1, "‖∇_yθ‖‖y‖ − 1", ReferenceSide, Length(gy, y), bound),
                    Residual(2, "‖∇ₓθ‖‖x‖ − 1", TensorSide, Length(twin[..n], x), bound),
                    Residual(3, "‖∇_yθ‖‖y‖ − 1", TensorSide, Length(twin[n..], y), bound)];
        });

    // y = c·x exactly: every 2×2 minor xᵢyⱼ − xⱼyᵢ is zero (and in one dimension every pair is parallel).
    private static bool Parallel(double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++)
            for (var j = i + 1; j < x.Length; j++)
                if (x[i] * y[j] != x[j] * y[i]) return false;
        return true;
    }

    private static bool Refuses(Func<double[]> gradient)
    {
        try
        {
            gradient();
            return false;
        }
        catch (DegenerateInputException)
        {
            return true;
        }
    }
}
