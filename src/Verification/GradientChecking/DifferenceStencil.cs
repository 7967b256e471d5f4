namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// Samples of f along one coordinate axis: f(x ± s·eⱼ) for s = 4h, 2h, h, h/2, … (level k has s = h/2ᵏ, k = −2 … 11),
/// evaluated lazily. Levels 0 and 1 give the Richardson estimate, levels −2 and −1 the estimate of its truncation;
/// levels 2–4 refine a disagreeing estimate, levels 8–11 serve the kink test.
/// </summary>
/// <remarks>
/// h is a power of two chosen by <see cref="StepSearch"/> (or given by the user), so every h/2ᵏ is exact, and
/// x ± h is exact whenever |xⱼ| ≥ h. The divided differences divide by the spacing actually realised, fl(x + s) − x
/// and fl(x + s) − fl(x − s), which is the note's "h = (x + h) − x" applied to every sample: when x + s is not
/// representable the difference quotient is still taken over the true distance between the two points.
/// </remarks>
internal sealed class DifferenceStencil
{
    /// <summary>The level below which the kink test works: s = h/2⁷ ≈ u^(1/3)·scale (see <see cref="EntryAnalysis.Kink"/>).</summary>
    public const int KinkLevel = 7;

    /// <summary>The finest level: s = h/2¹¹, the kink test's finest.</summary>
    public const int FinestLevel = KinkLevel + 4;

    /// <summary>The coarsest level: s = 4h; levels −2 and −1 only serve to estimate the truncation of the estimate at h.</summary>
    public const int CoarsestLevel = -2;

    private const int Levels = FinestLevel - CoarsestLevel + 1;

    private readonly SampledFunction _f;
    private readonly double[] _x;
    private readonly Level?[] _levels = new Level?[Levels];
    private readonly bool[] _tried = new bool[Levels];

    private DifferenceStencil(SampledFunction f, double[] x, double[] valueAtX, int coordinate, double step, int reductions)
    {
        _f = f;
        _x = x;
        ValueAtX = valueAtX;
        Coordinate = coordinate;
        Step = step;
        StepReductions = reductions;
    }

    /// <summary>j, the axis sampled.</summary>
    public int Coordinate { get; }

    /// <summary>h, the coarsest step.</summary>
    public double Step { get; }

    /// <summary>How many times h was divided by 16 because f was not finite at x ± h (x near the edge of f's domain).</summary>
    public int StepReductions { get; }

    /// <summary>f(x).</summary>
    public double[] ValueAtX { get; }

    /// <summary>
    /// Builds the stencil for coordinate j at step <paramref name="step"/> with levels −1, 0 and 1 evaluated. When f
    /// is not finite there, h is divided by 16 (up to five times: x is near the edge of f's domain); after that a
    /// typed error is thrown.
    /// </summary>
    public static DifferenceStencil Create(SampledFunction f, double[] x, double[] valueAtX, int coordinate, double step)
    {
        var h = step;
        const int maxReductions = 5;
        for (var reductions = 0; reductions <= maxReductions; reductions++, h /= 16.0)
        {
            var stencil = TryCreate(f, x, valueAtX, coordinate, h, reductions);
            if (stencil is not null) return stencil;
        }
        throw new OutOfDomainException("x", FormattableString.Invariant(
            $"f is not finite at x ± h·e{coordinate} even for h = {h * 16.0:G3}: coordinate {coordinate} = {x[coordinate]:R} is on the edge of f's domain, where no two-sided difference exists"));
    }

    /// <summary>The stencil at step h with levels −2 … 1 evaluated, or null when f is not finite at one of their points.</summary>
    public static DifferenceStencil? TryCreate(SampledFunction f, double[] x, double[] valueAtX, int coordinate, double step, int reductions = 0)
    {
        var stencil = new DifferenceStencil(f, x, valueAtX, coordinate, step, reductions);
        return stencil.Get(CoarsestLevel) is not null && stencil.Get(-1) is not null && stencil.Get(0) is not null && stencil.Get(1) is not null ? stencil : null;
    }

    /// <summary>Level k (s = h/2ᵏ, k = −2 … 11), or null when f is not finite at one of its two points.</summary>
    public Level? Get(int k)
    {
        var index = k - CoarsestLevel;
        if (_tried[index]) return _levels[index];
        _tried[index] = true;
        var s = Math.ScaleB(Step, -k);
        var j = Coordinate;
        var point = (double[])_x.Clone();
        point[j] = _x[j] + s;
        var upper = point[j];
        var plus = _f.Evaluate(point);
        point[j] = _x[j] - s;
        var lower = point[j];
        var minus = _f.Evaluate(point);
        if (!SampledFunction.AllFinite(plus) || !SampledFunction.AllFinite(minus)) return null;
        return _levels[index] = new Level(s, plus, minus, upper - _x[j], _x[j] - lower, upper - lower);
    }

    /// <summary>The samples of one level.</summary>
    /// <param name="Step">s, the nominal step.</param>
    /// <param name="Plus">f(x + s·eⱼ).</param>
    /// <param name="Minus">f(x − s·eⱼ).</param>
    /// <param name="Forward">The realised forward displacement fl(x + s) − x.</param>
    /// <param name="Backward">The realised backward displacement x − fl(x − s).</param>
    /// <param name="Spacing">fl(x + s) − fl(x − s).</param>
    internal sealed record Level(double Step, double[] Plus, double[] Minus, double Forward, double Backward, double Spacing)
    {
        /// <summary>The central difference of output i.</summary>
        public double Central(int i) => (Plus[i] - Minus[i]) / Spacing;

        /// <summary>The forward (right-hand) difference of output i.</summary>
        public double Right(int i, double[] f0) => (Plus[i] - f0[i]) / Forward;

        /// <summary>The backward (left-hand) difference of output i.</summary>
        public double Left(int i, double[] f0) => (f0[i] - Minus[i]) / Backward;

        /// <summary>Right minus left slope, (f(x+s) − 2f(x) + f(x−s))/s: ≈ s·f″ where f is smooth, ≈ the jump of f′ at a kink.</summary>
        public double Gap(int i, double[] f0) => Right(i, f0) - Left(i, f0);
    }
}
