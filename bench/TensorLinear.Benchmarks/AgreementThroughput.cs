namespace TensorLinear.Benchmarks;

/// <summary>
/// (d) The agreement suite's throughput, in cases per second — not measured yet: the suite (src/Verification and its
/// tests) is being written. This is the hook.
/// </summary>
/// <remarks>
/// To fill it in: reference TensorLinear.Verification from the harness's project, generate a fixed number of cases
/// with the suite's own generators and a fixed seed, and return
/// <c>Measurement.Of("agreement suite", () =&gt; RunCases(count), runs: 5, warmup: 1)</c> divided into cases per second
/// (the report prints <see cref="Measure"/>'s result as count / median seconds). Keep the time per run near a second.
/// </remarks>
internal static class AgreementThroughput
{
    /// <summary>How many cases one run of <see cref="Measure"/> checks.</summary>
    public const int CasesPerRun = 0;

    /// <summary>Times one run of <see cref="CasesPerRun"/> agreement cases; null until the suite exists.</summary>
    public static Measurement? Measure() => null;
}
