namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// The samples every entry's analysis shares: a difference stencil per coordinate, which coordinates show a jump in
/// the derivative at the coarse steps (suspected kinks), and the noise level of each output of f, estimated from
/// fourth differences pooled over the smooth coordinates and a short probe along a random direction.
/// </summary>
/// <remarks>
/// <para>Why pool: one fourth difference Δ⁴f is a single draw of the noise. For independent noise of standard
/// deviation σ, Δ⁴f/√70 has standard deviation σ, but a single draw is below σ/3 about a quarter of the time — too
/// often to build a bound on. The noise of f is a property of f near x, not of the axis along which x moves, so the
/// survey takes the largest of many draws: one per smooth coordinate, plus five from nine points x + k·t
/// (k = −4 … 4, t along a random direction, within the steps already screened for kinks). The largest of N ≥ 5 draws falls
/// below σ/2 with probability at most 0.383⁵ ≈ 0.008 when N = 5, and 0.383ᴺ beyond.</para>
/// <para>Why screen for kinks: at a kink Δ⁴f ≈ J·h is the jump of the derivative, not noise, and would inflate every
/// bound. Coordinates whose one-sided slopes jump at the coarse steps (judged against the rounding model alone) are
/// suspects; stage 2 of the kink test (the jump must stay as the step shrinks, where noise grows like 1/s) confirms
/// kinks, which do not move in the probe. No suspect feeds the pool with its own fourth difference: a suspect that is
/// no kink at x is noise beyond the model or a kink within h but not at x, and the two cannot be told apart there. In
/// the probe a suspect moves by at most h/64, closer than any kink stage 2 leaves unconfirmed, so that noise too
/// large for the model (which makes every coordinate a suspect) is still measured.</para>
/// <para>The survey also measures T̂ᵢ = Σⱼ |xⱼ|·|∂fᵢ/∂xⱼ| from the coarse differences, the size of fᵢ's terms that the
/// rounding model needs (<see cref="NoiseModel"/>).</para>
/// </remarks>
internal sealed class DerivativeSurvey
{
    private static readonly double Sqrt70 = Math.Sqrt(70.0);

    private DerivativeSurvey(DifferenceStencil[] stencils, bool[,] jumps, bool[] flagged, double[] scale, double[] sigma, int samples, double rho)
    {
        Stencils = stencils;
        Scale = scale;
        Jumps = jumps;
        Flagged = flagged;
        Sigma = sigma;
        NoiseSamples = samples;
        Rho = rho;
    }

    /// <summary>One stencil per coordinate, levels 0 and 1 evaluated.</summary>
    public DifferenceStencil[] Stencils { get; }

    /// <summary>[i, j]: output i's one-sided slopes jump along coordinate j at the coarse steps (a suspected kink).</summary>
    public bool[,] Jumps { get; }

    /// <summary>[j]: some output jumps along coordinate j.</summary>
    public bool[] Flagged { get; }

    /// <summary>[i]: T̂ᵢ = Σⱼ |xⱼ|·|∂fᵢ/∂xⱼ| from the coarse finite differences, the size of fᵢ's terms (<see cref="NoiseModel"/>).</summary>
    public double[] Scale { get; }

    /// <summary>The noise model of output i.</summary>
    public NoiseModel Noise(int i) => new(Rho, Scale[i], Sigma[i]);

    /// <summary>[i]: σ̂, the estimated noise level (standard deviation) of output i's values near x.</summary>
    public double[] Sigma { get; }

    /// <summary>How many fourth differences the noise estimate took the largest of.</summary>
    public int NoiseSamples { get; }

    /// <summary>ρ, the model relative accuracy of f.</summary>
    public double Rho { get; }

    /// <summary>Samples f around x (about 4n + 9 evaluations) and estimates its noise.</summary>
    public static DerivativeSurvey Take(SampledFunction f, double[] x, double[] f0, double rho, int seed)
    {
        var n = x.Length;
        var m = f0.Length;
        var stencils = new DifferenceStencil[n];
        var jumps = new bool[m, n];
        var flagged = new bool[n];
        var sigma = new double[m];
        var samples = 0;
        var scale = new double[m];
        for (var j = 0; j < n; j++)
        {
            stencils[j] = DifferenceStencil.Create(f, x, f0, j);
            for (var i = 0; i < m; i++)
                scale[i] += Math.Abs(x[j]) * Math.Abs(EntryAnalysis.Richardson(stencils[j], i, new NoiseModel(rho, 0, 0), includeOwnNoise: false).Value);
        }
        for (var j = 0; j < n; j++)
            for (var i = 0; i < m; i++)
            {
                jumps[i, j] = EntryAnalysis.JumpAtCoarseLevels(stencils[j], i, new NoiseModel(rho, scale[i], 0));
                flagged[j] |= jumps[i, j];
            }

        // A suspect is either a kink (the jump stays as the step shrinks) or noise beyond the rounding model (it grows
        // like 1/s): stage 2 tells them apart, with the rounding model alone since the noise is not measured yet.
        var kink = new bool[n];
        for (var j = 0; j < n; j++)
            for (var i = 0; i < m && flagged[j] && !kink[j]; i++)
                kink[j] = jumps[i, j] && EntryAnalysis.Kink(stencils[j], i, new NoiseModel(rho, scale[i], 0), tolerance: null) is not null;

        // Noise samples: the coarse fourth difference of each coordinate that is no suspect. Suspects contribute none —
        // a kink within the coarse steps but not at x would read as noise at any level that reaches it.
        for (var j = 0; j < n; j++)
        {
            if (flagged[j]) continue;
            samples++;
            for (var i = 0; i < m; i++) sigma[i] = Math.Max(sigma[i], Math.Abs(EntryAnalysis.FourthDifference(stencils[j], i, 0)) / Sqrt70);
        }
        samples += Probe(f, x, f0, stencils, kink, flagged, seed, sigma);
        return new DerivativeSurvey(stencils, jumps, flagged, scale, sigma, samples, rho);
    }

    /// <summary>
    /// Nine points x + k·t (k = −4 … 4) along a random direction z (0 on kink coordinates) with
    /// tⱼ = hⱼ·zⱼ/(4‖z‖₁) (64 times less on suspects that are no kink), give five fourth differences; each raises σ̂ᵢ to |Δ⁴fᵢ|/√70 when larger. Returns how many
    /// were usable.
    /// </summary>
    /// <remarks>
    /// The probe stays inside what the axis stencils have already screened for kinks: its largest displacement 4t
    /// satisfies Σⱼ 4|tⱼ|/hⱼ = 1, so for any hyperplane aᵀx = c it moves aᵀx by at most maxⱼ |aⱼ|·hⱼ — no more than the
    /// axis step along that j, which would have flagged a kink so close. A kink inside the probe would read as noise
    /// and loosen every bound.
    /// </remarks>
    private static int Probe(SampledFunction f, double[] x, double[] f0, DifferenceStencil[] stencils, bool[] kink, bool[] flagged, int seed, double[] sigma)
    {
        var z = GradientChecker.RandomDirection(x, unchecked(seed * 31 + 17), kink, scaleByMagnitude: false);
        var norm = z.Sum(Math.Abs);
        if (norm == 0.0) return 0;
        // Suspects that are no kink move by at most h/64: stage 2 confirms every kink closer to x than about h/48 (its
        // jump estimates at h/8 and h/16 stay within a factor 2 of each other only then), so none lies so near.
        return ProbeAlong(f, x, f0, z.Select((zj, j) => stencils[j].Step * zj / (4.0 * norm) / (flagged[j] ? 64.0 : 1.0)).ToArray(), sigma);
    }

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
        var usable = 0;
        for (var w = 0; w + 4 < 9; w++)
        {
            if (Enumerable.Range(w, 5).Any(k => values[k].Length == 0)) continue;
            usable++;
            for (var i = 0; i < f0.Length; i++)
            {
                var fourth = values[w][i] - 4.0 * values[w + 1][i] + 6.0 * values[w + 2][i] - 4.0 * values[w + 3][i] + values[w + 4][i];
                sigma[i] = Math.Max(sigma[i], Math.Abs(fourth) / Sqrt70);
            }
        }
        return usable;
    }
}
