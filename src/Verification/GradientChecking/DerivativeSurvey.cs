namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// The samples every entry's analysis shares: the noise level of each output of f, measured from fourth differences
/// along random directions (0 along coordinates with a kink at x) at a spacing of about u^(1/3)·σⱼ, then a difference stencil per coordinate at the step
/// <see cref="StepSearch"/> chooses with that noise, and the size of f's terms.
/// </summary>
/// <remarks>
/// <para>Why probe at u^(1/3)·σⱼ and not along the stencils: at the Richardson step h ≈ u^(1/5)·σⱼ a fourth difference
/// is (h/2)⁴f⁗ ≈ 1e-14·f — truncation, not noise. At the probe's spacing t the smooth part t⁴f⁗ ≈ 1e-22·f is far below
/// rounding. One fourth difference Δ⁴f is a single draw of the noise: for independent noise of standard deviation σ,
/// Δ⁴f/√70 has standard deviation σ, but a single draw falls below σ/3 about a quarter of the time; the survey takes
/// the largest of ten or more (two probes of nine points x + k·t, k = −4 … 4, along random directions, and 26
/// one-sided windows along each axis suspected of a kink), which falls below σ/2 with probability at most
/// 0.383¹⁰ ≈ 7e-5 for independent noise.</para>
/// <para>The survey also measures T̂ᵢ = Σⱼ |xⱼ|·|∂fᵢ/∂xⱼ| from the Richardson estimates, the size of fᵢ's terms that the
/// rounding model needs (<see cref="NoiseModel"/>).</para>
/// </remarks>
internal sealed class DerivativeSurvey
{
    private static readonly double Sqrt70 = Math.Sqrt(70.0);

    /// <summary>
    /// How many random-direction probes: each has its own spacing, so each is an independent chance to see a rounding
    /// sawtooth that is linear — invisible — at some spacings (more probes find a larger maximum of the same noise, and so a larger step: two).
    /// </summary>
    private const int Probes = 2;

    private DerivativeSurvey(DifferenceStencil[] first, bool[,] kinks, DifferenceStencil[] stencils, double[] scale, double[] sigma, int samples, double rho)
    {
        First = first;
        Kinks = kinks;
        Stencils = stencils;
        Scale = scale;
        Sigma = sigma;
        NoiseSamples = samples;
        Rho = rho;
    }

    /// <summary>
    /// One stencil per coordinate at the first step u^(1/5)·σⱼ, before the search moved it: the kink test works on its
    /// fine levels (≈ u^(1/3)·σⱼ), which stay on the scale of the coordinate when the Richardson step grows towards the
    /// scale of f (where the curvature terms of the one-sided slopes would pose as jumps).
    /// </summary>
    public DifferenceStencil[] First { get; }

    /// <summary>
    /// [i, j]: the one-sided slopes of output i along coordinate j jump at the kink test's steps (a kink at x or near
    /// it), judged with the noise measured on one side of x.
    /// </summary>
    public bool[,] Kinks { get; }

    /// <summary>One stencil per coordinate at the chosen step, levels −1, 0 and 1 evaluated.</summary>
    public DifferenceStencil[] Stencils { get; }

    /// <summary>[i]: T̂ᵢ = Σⱼ |xⱼ|·|∂fᵢ/∂xⱼ| from the Richardson estimates, the size of fᵢ's terms (<see cref="NoiseModel"/>).</summary>
    public double[] Scale { get; }

    /// <summary>The noise model of output i.</summary>
    public NoiseModel Noise(int i) => new(Rho, Scale[i], Sigma[i]);

    /// <summary>[i]: σ̂, the estimated noise level (standard deviation) of output i's values near x.</summary>
    public double[] Sigma { get; }

    /// <summary>How many fourth differences the noise estimate took the largest of.</summary>
    public int NoiseSamples { get; }

    /// <summary>ρ, the model relative accuracy of f.</summary>
    public double Rho { get; }

    /// <summary>Samples f around x (16 evaluations for the noise probes, then about 14–50 per coordinate) and estimates its noise.</summary>
    public static DerivativeSurvey Take(SampledFunction f, double[] x, double[] f0, double rho, int seed, double? userStep = null, double[]? typical = null)
    {
        var n = x.Length;
        var m = f0.Length;
        // Kinks first (at x or near it: the one-sided slopes jump), so that the noise probe along random directions can
        // leave them out: across a kink a fourth difference is the jump of the derivative times the spacing, not noise.
        // A coordinate the rounding model alone flags may instead be noisier than the model: its noise is measured on
        // one side of x only (x, x ± t, …, x ± 4t: no such window straddles a kink at x), and the flag is judged again.
        var first = new DifferenceStencil[n];
        var sigma = new double[m];
        var samples = 0;
        var kink = new bool[n];
        var flags = new bool[m, n];
        var model = new NoiseModel[m];
        for (var i = 0; i < m; i++) model[i] = new NoiseModel(rho, 0.0, 0.0);
        for (var j = 0; j < n; j++)
        {
            first[j] = DifferenceStencil.Create(f, x, f0, j, StepRule.RichardsonStart(x, j, userStep, typical));
            for (var i = 0; i < m; i++) kink[j] |= flags[i, j] = EntryAnalysis.NearKink(first[j], i, model[i]);
            if (kink[j]) samples += AxisProbe(f, x, f0, first[j], seed, sigma);
        }
        for (var j = 0; j < n; j++)
        {
            if (!kink[j]) continue;
            kink[j] = false;
            for (var i = 0; i < m; i++) kink[j] |= flags[i, j] = flags[i, j] && EntryAnalysis.NearKink(first[j], i, new NoiseModel(rho, 0.0, sigma[i]));
        }
        for (var probe = 0; probe < Probes; probe++)
            samples += Probe(f, x, f0, first, unchecked(seed * 31 + 17 + probe), kink, sigma);
        var searchNoise = Enumerable.Range(0, m).Select(i => new NoiseModel(rho, 0.0, sigma[i])).ToArray();
        var stencils = new DifferenceStencil[n];
        var scale = new double[m];
        for (var j = 0; j < n; j++)
        {
            stencils[j] = kink[j] || userStep is not null ? first[j] : StepSearch.Find(f, x, f0, first[j], searchNoise, mayGrow: typical is null);
            for (var i = 0; i < m; i++)
                scale[i] += Math.Abs(x[j]) * Math.Abs(EntryAnalysis.Richardson(stencils[j], i, searchNoise[i]).Value);
        }
        return new DerivativeSurvey(first, flags, stencils, scale, sigma, samples, rho);
    }

    /// <summary>
    /// Nine points x + k·t (k = −4 … 4) along a random direction z with tⱼ = φ·t₀ⱼ·zⱼ/(4‖z‖₁), t₀ⱼ ≈ u^(1/3)·σⱼ (<see cref="ProbeSpacing"/>) and φ
    /// random in [1/2, 1), give
    /// five fourth differences; each raises σ̂ᵢ to |Δ⁴fᵢ|/√70 when larger. Returns how many were usable.
    /// </summary>
    private static int Probe(SampledFunction f, double[] x, double[] f0, DifferenceStencil[] first, int seed, bool[] kink, double[] sigma)
    {
        var z = GradientChecker.RandomDirection(x, seed, kink, typical: null, scaled: false);
        var norm = z.Sum(Math.Abs);
        if (norm == 0.0) return 0;
        // A spacing that is no power of two: x + k·t for t = 2⁻ᵏ moves the inputs of f's internal sums by exact
        // multiples, and their rounding errors form a sawtooth linear in k that no fourth difference sees (found on
        // log(1 + x²), whose rounding u·1 dwarfs u·|f| near 0). A random factor in [1/2, 1) breaks the lattice.
        var jitter = 0.5 + 0.5 * new Random(seed).NextDouble();
        return ProbeAlong(f, x, f0, z.Select((zj, j) => jitter * ProbeSpacing(first[j]) * zj / (4.0 * norm)).ToArray(), sigma);
    }

    /// <summary>
    /// The one-sided fourth differences along axis j: f at x ± k·t·eⱼ (k = 1 … 16, 32 evaluations), thirteen windows on
    /// each side, none straddling x, with t ≈ 2⁻²⁰·h (each side its own random factor in [1/2, 1)). So fine a spacing keeps
    /// a kink at distance a from x out of every window unless a &lt; 16t = h/2¹⁶, and such a kink inflates σ̂ to at most
    /// about J·t/√70 (J its jump): 2⁹ times below what would hide it from the kink test at its finest step h/2¹¹.
    /// Two spacings are two independent chances to see a rounding sawtooth (see <see cref="Probe"/>). Returns how many
    /// windows were usable.
    /// </summary>
    private static int AxisProbe(SampledFunction f, double[] x, double[] f0, DifferenceStencil first, int seed, double[] sigma)
    {
        var random = new Random(unchecked(seed * 131 + first.Coordinate));
        var usable = 0;
        foreach (var side in new[] { 1.0, -1.0 })
        {
            var t = (0.5 + 0.5 * random.NextDouble()) * Math.ScaleB(first.Step, -AxisProbeLevel);
            var values = new double[AxisProbePoints + 1][];
            values[0] = f0;
            var point = (double[])x.Clone();
            for (var k = 1; k <= AxisProbePoints; k++)
            {
                point[first.Coordinate] = x[first.Coordinate] + side * k * t;
                var y = f.Evaluate(point);
                values[k] = SampledFunction.AllFinite(y) ? y : [];
            }
            usable += FourthDifferences(values, sigma);
        }
        return usable;
    }

    /// <summary>The axis probe's spacing is about h/2²⁰.</summary>
    private const int AxisProbeLevel = 20;

    /// <summary>
    /// Points on each side: a rounding sawtooth k·φ (mod 1) shows only where it wraps, which over K points it fails to
    /// do with probability about 1/K (found on log(1 + x²) near 0 with K = 8 on both sides); 16 make that 1/256 for both.
    /// </summary>
    private const int AxisProbePoints = 16;

    /// <summary>
    /// t₀ⱼ = u^(2/15)·hⱼ ≈ u^(1/3)·σⱼ for the first step hⱼ ≈ u^(1/5)·σⱼ: a second-order step, and one that shrinks with
    /// hⱼ when hⱼ had to be reduced at the edge of f's domain.
    /// </summary>
    private static double ProbeSpacing(DifferenceStencil first) => first.Step * (StepRule.SecondOrderScale / StepRule.RichardsonScale);

    /// <summary>
    /// The noise probe proper: f at x + k·t for k = −4 … 4 (8 evaluations besides f(x)); each of the five fourth
    /// differences raises σ̂ᵢ to |Δ⁴fᵢ|/√70 when larger. Points where f is not finite spoil only their windows.
    /// Returns how many windows were usable.
    /// </summary>
    internal static int ProbeAlong(SampledFunction f, double[] x, double[] f0, double[] t, double[] sigma)
    {
        var values = new double[9][];
        var point = new double[x.Length];
        for (var k = -4; k <= 4; k++)
        {
            if (k == 0)
            {
                values[4] = f0;
                continue;
            }
            for (var j = 0; j < x.Length; j++) point[j] = x[j] + k * t[j];
            var y = f.Evaluate(point);
            values[k + 4] = SampledFunction.AllFinite(y) ? y : [];
        }
        return FourthDifferences(values, sigma);
    }

    /// <summary>
    /// Each window of five consecutive samples raises σ̂ᵢ to |Δ⁴fᵢ|/√70 when larger; a window with a point where f is
    /// not finite (an empty sample) is skipped. Returns how many windows were usable.
    /// </summary>
    private static int FourthDifferences(double[][] values, double[] sigma)
    {
        var usable = 0;
        for (var w = 0; w + 4 < values.Length; w++)
        {
            if (Enumerable.Range(w, 5).Any(k => values[k].Length == 0)) continue;
            usable++;
            for (var i = 0; i < sigma.Length; i++)
            {
                var fourth = values[w][i] - 4.0 * values[w + 1][i] + 6.0 * values[w + 2][i] - 4.0 * values[w + 3][i] + values[w + 4][i];
                sigma[i] = Math.Max(sigma[i], Math.Abs(fourth) / Sqrt70);
            }
        }
        return usable;
    }
}
