using TensorLinear.Verification;

namespace TensorLinear.Benchmarks;

/// <summary>(d) The agreement suite's throughput: the whole catalog, every check, in cases per second.</summary>
internal static class AgreementThroughput
{
    /// <summary>Cases per derivation in one run: 20 × 22 derivations ≈ 440 cases, about a second.</summary>
    private const int CasesPerDerivation = 20;

    /// <summary>How many cases one run of <see cref="Measure"/> checks.</summary>
    public static int CasesPerRun { get; } = Verifier.Run(CasesPerDerivation, seed: 1).TotalCases;

    /// <summary>Times one run of the whole catalog with a fixed seed, so every run checks the same cases.</summary>
    public static Measurement Measure() =>
        Measurement.Of("agreement suite (whole catalog, every check)", () => Verifier.Run(CasesPerDerivation, seed: 1), runs: 5, warmup: 1);
}
