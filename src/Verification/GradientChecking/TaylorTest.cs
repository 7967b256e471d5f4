using TensorLinear.Numerics;

namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// The Taylor-remainder test: r(h) = |f(x + h·v) − f(x) − h·∇f(x)ᵀv| is O(h²) when the gradient is right and O(h) when
/// it is wrong. Halving h, the observed order log₂(r(h)/r(h/2)) tends to 2 or to 1 — a verdict that needs no tolerance.
/// </summary>
/// <remarks>
/// <para>h starts at h₀ = 2⁻⁴·‖x‖∞/‖v‖∞ (1 in place of ‖x‖∞ when x = 0) and is halved until r(h) reaches the rounding floor
/// 2δ + γₙ Σ|gᵢ dᵢ| (d the realised displacement, δ the error of one value of f: ρ·max(|f|, Σ|xᵢgᵢ|) with
/// the default ρ, or three times the noise measured along v when larger — see docs/gradcheck.md). Only steps whose remainders stand at
/// least 12 floors above it are used — there rounding moves an order by less than 0.25 — and the verdict is the
/// median of the last <c>halvings</c> such orders, the most asymptotic ones. The test uses the displacement actually
/// realised, d = fl(x + h·v) − x, in place of h·v, so that the rounding of x + h·v does not pose as an O(h) error.</para>
/// <para>Agrees: observed order ≥ 1.5, or no remainder above the floor at all (f is affine along v, or the gradient
/// is right to rounding). Disagrees: an order below 1.5 persisting into the floor. Inconclusive otherwise
/// (<see cref="TaylorTestResult.From"/>).</para>
/// </remarks>
public static class TaylorTest
{
    /// <summary>
    /// The order that separates the two hypotheses, 2 (right gradient) and 1 (wrong gradient): halfway between them.
    /// </summary>
    public const double DecidingOrder = 1.5;

    /// <summary>
    /// How many rounding floors a remainder must exceed to be used: with both remainders of an order at least k floors
    /// above rounding, rounding moves the order by at most log₂((k + 1)/(k − 1)), which is below 0.25 — half the
    /// distance from either hypothesis to <see cref="DecidingOrder"/> — for k ≥ 12.
    /// </summary>
    public const double UsableAboveFloor = 12.0;

    /// <summary>The most halvings tried before giving up on reaching the rounding floor.</summary>
    private const int MaxSteps = 120;

    /// <summary>
    /// Runs the test for a scalar function f with claimed gradient <paramref name="gradient"/> at x along
    /// <paramref name="direction"/>.
    /// </summary>
    /// <param name="f">The function.</param>
    /// <param name="gradient">The gradient claimed at x.</param>
    /// <param name="x">The point.</param>
    /// <param name="direction">v, the direction (any nonzero scale; a zero direction gives a trivially passing result).</param>
    /// <param name="halvings">How many of the last usable observed orders the verdict takes the median of.</param>
    /// <exception cref="InvalidInputException">Empty, non-finite or mismatched vectors, or f not finite at x.</exception>
    public static TaylorTestResult Run(Func<double[], double> f, double[] gradient, double[] x, double[] direction, int halvings = 8)
    {
        ArgumentNullException.ThrowIfNull(f);
        Check.Vectors(x, nameof(x), gradient, nameof(gradient));
        Check.Vector(direction, nameof(direction));
        Check.SameLength(x.Length, nameof(x), direction.Length, nameof(direction));
        CheckHalvings(halvings);
        var sampled = SampledFunction.Scalar(f, x.Length);
        var f0 = sampled.ValueAt(x);
        var jacobian = new double[1, x.Length];
        for (var j = 0; j < x.Length; j++) jacobian[0, j] = gradient[j];
        return RunCore(sampled, f0, jacobian, x, direction, halvings, StandaloneNoise(sampled, f0, jacobian, x, direction));
    }

    /// <summary>
    /// The same test for f: ℝⁿ → ℝᵐ with a claimed m×n Jacobian J: r(h) = ‖f(x + h·v) − f(x) − h·J·v‖∞.
    /// </summary>
    /// <exception cref="InvalidInputException">Empty, non-finite or mismatched inputs, or f not finite at x.</exception>
    public static TaylorTestResult RunJacobian(Func<double[], double[]> f, double[,] jacobian, double[] x, double[] direction, int halvings = 8)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(jacobian);
        Check.Vectors(x, nameof(x), direction, nameof(direction));
        CheckHalvings(halvings);
        var sampled = SampledFunction.Vector(f, x, out var f0);
        CheckJacobianShape(jacobian, sampled.OutputLength, x.Length);
        return RunCore(sampled, f0, jacobian, x, direction, halvings, StandaloneNoise(sampled, f0, jacobian, x, direction));
    }

    /// <summary>
    /// The noise model when the test runs on its own: T̂ᵢ = Σⱼ |xⱼ|·|Jᵢⱼ| from the given derivative, and σ̂ from a probe
    /// of nine points along the direction, within the finite-difference steps (8 evaluations).
    /// </summary>
    private static NoiseModel[] StandaloneNoise(SampledFunction f, double[] f0, double[,] jacobian, double[] x, double[] direction)
    {
        var rho = GradientCheckOptions.Default.RelativeErrorFor(x.Length);
        var m = f0.Length;
        var sigma = new double[m];
        var norm = direction.Sum(Math.Abs);
        if (norm > 0.0)
            DerivativeSurvey.ProbeAlong(f, x, f0, direction.Select((v, j) => StepRule.SecondOrderStep(x, j) * v / (4.0 * norm)).ToArray(), sigma);
        return Enumerable.Range(0, m).Select(i =>
        {
            var scale = 0.0;
            for (var j = 0; j < x.Length; j++) scale += Math.Abs(x[j]) * Math.Abs(jacobian[i, j]);
            return new NoiseModel(rho, scale, sigma[i]);
        }).ToArray();
    }

    internal static void CheckJacobianShape(double[,] jacobian, int m, int n)
    {
        if (jacobian.GetLength(0) != m || jacobian.GetLength(1) != n)
            throw new DimensionMismatchException("claimedJacobian", FormattableString.Invariant(
                $"is {jacobian.GetLength(0)}×{jacobian.GetLength(1)} but f maps {n} inputs to {m} outputs, so it must be {m}×{n}"));
        foreach (var v in jacobian)
            if (!double.IsFinite(v))
                throw new NonFiniteInputException("claimedJacobian", "holds NaN or an infinity; every entry must be finite for the Taylor test");
    }

    private static void CheckHalvings(int halvings)
    {
        if (halvings < 1)
            throw new OutOfDomainException(nameof(halvings), FormattableString.Invariant($"is {halvings}; the verdict needs at least 1 observed order"));
    }

    /// <summary>The test proper, on a sampled f with f(x) known and the claimed derivative as an m×n matrix.</summary>
    internal static TaylorTestResult RunCore(SampledFunction f, double[] f0, double[,] jacobian, double[] x, double[] direction, int halvings, NoiseModel[] noise)
    {
        var n = x.Length;
        var m = f0.Length;
        var directionNorm = direction.Max(Math.Abs);
        if (directionNorm == 0.0) return TaylorTestResult.ZeroDirection;
        var largest = x.Max(Math.Abs);
        var scale = largest > 0.0 ? largest : 1.0;
        var h0 = Math.ScaleB(1.0, -4) * scale / directionNorm;
        var gammaN = FloatingPoint.Gamma(n);

        var steps = new List<double>();
        var remainders = new List<double>();
        var floors = new List<double>();
        var point = new double[n];
        var displacement = new double[n];
        var belowFloorInARow = 0;
        for (var k = 0; k < MaxSteps && belowFloorInARow < 2; k++)
        {
            var h = h0 * Math.ScaleB(1.0, -k);
            var moved = false;
            for (var j = 0; j < n; j++)
            {
                point[j] = x[j] + h * direction[j];
                displacement[j] = point[j] - x[j];
                moved |= displacement[j] != 0.0;
            }
            if (!moved) break; // h·v is below the resolution of x: nothing more to learn
            var y = f.Evaluate(point);
            if (!SampledFunction.AllFinite(y)) continue; // h too large for f's domain: keep halving

            double remainder = 0.0, floor = 0.0;
            for (var i = 0; i < m; i++)
            {
                double linear = 0.0, linearMagnitude = 0.0;
                for (var j = 0; j < n; j++)
                {
                    linear += jacobian[i, j] * displacement[j];
                    linearMagnitude += Math.Abs(jacobian[i, j] * displacement[j]);
                }
                var ri = Math.Abs(y[i] - f0[i] - linear);
                // Two values of f, each within δ, and the rounding of the dot product J·d.
                var floorI = 2.0 * noise[i].Delta(Math.Max(Math.Abs(f0[i]), Math.Abs(y[i]))) + gammaN * linearMagnitude;
                remainder = Math.Max(remainder, ri);
                floor = Math.Max(floor, floorI);
            }
            steps.Add(h);
            remainders.Add(remainder);
            floors.Add(floor);
            belowFloorInARow = TaylorTestResult.Above(remainder, floor) ? 0 : belowFloorInARow + 1;
        }
        return TaylorTestResult.From([.. steps], [.. remainders], [.. floors], halvings);
    }
}
