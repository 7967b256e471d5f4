namespace TensorLinear.Benchmarks;

/// <summary>Every measurement of one run, by key ("epoch/canonical/linear/1000000x64", "py/tiny", …), and its context.</summary>
internal sealed class Results
{
    private readonly Dictionary<string, Measurement> _measurements = [];

    public string LoadBefore { get; set; } = "?";
    public string LoadAfter { get; set; } = "?";
    public string? PythonNote { get; set; }
    public string PythonInfo { get; set; } = "";
    public (int Rows, int Features)[] Sizes { get; set; } = [];
    public int[] Sweep { get; set; } = [];
    public TimeSpan Elapsed { get; set; }

    public static string Key(Workload w) => $"{(w.Kind == Models.ModelKind.Linear ? "linear" : "logistic")}/{w.Rows}x{w.Features}";

    public void Add(string key, Measurement m, double scale = 1e3, string unit = "ms", bool echo = true)
    {
        _measurements[key] = m;
        if (echo)
            Console.WriteLine($"{m.Name}: median {m.Median * scale:F2} {unit}, min {m.Min * scale:F2}, max {m.Max * scale:F2} ({m.Seconds.Length} runs)");
    }

    public bool Has(string key) => _measurements.ContainsKey(key);

    public Measurement? this[string key] => _measurements.GetValueOrDefault(key);
}
