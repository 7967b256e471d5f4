namespace TensorLinear.Cli.Tests.Fuzz;

/// <summary>
/// Generated argument lists for the fuzz test: <c>fit</c> on a generated file with options drawn from sensible and
/// hostile values alike (short runs: at most 60 epochs), and the other commands with arguments that are partly junk.
/// </summary>
internal sealed class FuzzArguments(Random random)
{
    private static readonly string[] LearningRates = ["auto", "0.1", "1e-300", "1000", "0", "-1", "abc", "1e308", "NaN", "5e-324"];
    private static readonly string[] Numbers = ["0", "1", "0.5", "1e-3", "-1", "inf", "NaN", "1e308", "x", "", "1e3", "2.5"];
    private static readonly string[] Epochs = ["0", "1", "3", "20", "60", "-1", "1e1", "2.5", "abc", "99999999999"];
    private static readonly string[] Junk = ["--", "-", "--json", "--help", "--frobnicate", "ü", "\"", "", " ", "1,2", "--plot", "--data"];
    private static readonly string[] Vectors = ["1,2", "3,4", "0,0", "1e308,1e308", "1,", ",", "a,b", "1,2,3", "NaN,1", "5e-324,0", "-0,0"];

    /// <summary>
    /// A <c>fit</c> of <paramref name="file"/>, stored at <paramref name="data"/>, with --plot into
    /// <paramref name="plotDirectory"/> sometimes: when <paramref name="wellFormed"/>, options that fit together and
    /// the file's model (or now and then softmax or svm, with --missing, --weights, --terms, --categorical and --robust
    /// among the options); otherwise any of them, hostile values included.
    /// </summary>
    public string[] Fit(string data, FuzzCsv.File file, string plotDirectory, bool wellFormed)
    {
        var header = file.Header;
        var args = new List<string> { "fit", "--data", data };
        if (file.Delimiter != "," || random.Next(10) == 0)
            args.AddRange(["--delimiter", file.Delimiter == "\t" ? "tab" : !wellFormed && random.Next(10) == 0 ? "," : file.Delimiter]);
        args.AddRange(["--target", !wellFormed && random.Next(10) == 0 ? Pick(["nope", "Y", "", header[0]]) : header[^1]]);
        var logistic = wellFormed ? file.Classes : random.Next(3) == 0;
        // Now and then the class models, softmax and svm, on the same files: their refusals (too few rows, separated
        // classes, a number target of many labels, an option they do not take) must be one line too. A clean run takes
        // softmax only on a file of two classes, so that it fits.
        var other = random.Next(12) switch { 0 when !wellFormed || file.Classes => "softmax", 1 when !wellFormed => "svm", _ => null };
        args.AddRange(["--model", !wellFormed && random.Next(30) == 0 ? "cubic" : other ?? (logistic ? "logistic" : "linear")]);
        var solver = random.Next(4) switch { 0 or 1 => "gd", 2 => null, _ => wellFormed ? (logistic ? "newton" : "qr") : Pick(["gd", "qr", "newton"]) };
        if (solver is not null) args.AddRange(["--solver", solver]);
        // The reference most often: libtorch too, but its in-process runs are what the time limit is spent on.
        args.AddRange(["--engine", Pick(["reference", "reference", "both", "torch"])]);
        var iterative = solver == "gd" || (solver is null or "newton" && logistic);
        if (wellFormed ? iterative : solver == "gd" || random.Next(8) == 0) args.AddRange(["--epochs", wellFormed ? Pick(["0", "1", "5", "30", "60"]) : Pick(Epochs)]);
        if (solver == "gd" && random.Next(2) == 0) args.AddRange(["--lr", wellFormed ? Pick(["auto", "0.001", "1e-300", "1000"]) : Pick(LearningRates)]);
        if (random.Next(6) == 0 && (!wellFormed || iterative)) args.AddRange(["--tol", wellFormed ? Pick(["0", "1e-3", "1e6"]) : Pick(Numbers)]);
        if (random.Next(6) == 0 && (!wellFormed || solver == "gd")) args.AddRange([Pick(["--l2", "--l1"]), wellFormed ? Pick(["0", "0.01", "10"]) : Pick(Numbers)]);
        var standardize = random.Next(5) == 0;
        if (standardize) args.Add("--standardize");
        if (random.Next(8) == 0 && !(wellFormed && standardize)) args.Add("--no-intercept");
        if (random.Next(8) == 0 && (!wellFormed || header.Length == 2)) args.AddRange(["--degree", wellFormed ? Pick(["1", "2", "3"]) : Pick(["1", "2", "3", "0", "20", "x"])]);
        if (random.Next(6) == 0 && header.Length > 2)
            args.AddRange(["--features", wellFormed ? header[0] : string.Join(",", header.Take(random.Next(0, header.Length)).Append(Pick(["x1", "", "y", "zz"])))]);
        if (random.Next(6) == 0) args.AddRange(["--missing", wellFormed ? "drop" : Pick(["drop", "error", "ignore", ""])]);
        if (!wellFormed && random.Next(8) == 0) args.AddRange(["--weights", Pick([header[0], header[^1], "w", ""])]); // a column of any sign
        if (random.Next(10) == 0 && !args.Contains("--features"))
            args.AddRange(["--terms", wellFormed ? $"{header[0]} + {header[0]}^2" : Pick([$"{header[0]}:{header[0]}", $"{header[0]} +", "x^0", "^", $"`{header[0]}`^99"])]);
        if (random.Next(12) == 0) args.AddRange(["--categorical", Pick([header[0], header[^1], "nope"])]);
        if (random.Next(12) == 0) args.AddRange(wellFormed ? ["--robust", "hc3"] : [Pick(["--robust", "--level"]), Pick(["hc0", "hc9", "0.9", "1", "x"])]);
        if (random.Next(8) == 0) args.AddRange(["--plot", wellFormed ? Path.Combine(plotDirectory, random.Next(3) == 0 ? "plot.png" : "plot.svg") : Plot(plotDirectory, data)]);
        if (random.Next(3) == 0) args.Add("--json");
        if (!wellFormed && random.Next(25) == 0) args.Insert(random.Next(1, args.Count + 1), Pick(Junk));
        return [.. args];
    }

    /// <summary>Another command, or none, with arguments partly junk.</summary>
    public string[] Other() => random.Next(6) switch
    {
        0 => ["calc", Pick(["dot", "norm", "unit", "cosine", "angle", "project", "distance", "side", "cross"]), Pick(Vectors), Pick(Vectors), .. Maybe("--p", Pick(["1", "2", "inf", "0.5", "x"])), .. Maybe("--plane", Pick(Vectors)), .. Maybe("--json")],
        1 => ["calc", Pick(["dot", "norm", "angle"]), Pick(Vectors), .. Maybe("--json")],
        2 => ["engine", .. Maybe("--json"), .. Maybe(Pick(Junk))],
        3 => ["verify", "--cases", Pick(["0", "-1", "x", "1e9x", "2.5", ""]), .. Maybe("--json")],
        4 => [Pick(Junk), .. Maybe(Pick(Junk))],
        _ => [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => Pick(Junk))],
    };

    // A plot name: mostly a fresh .svg or .png in the directory, else an extension, name or place it must refuse.
    private string Plot(string directory, string data) => random.Next(10) switch
    {
        0 => "",
        1 => directory,
        2 => Path.Combine(directory, "plot.pdf"),
        3 => data,
        4 => Path.Combine(directory, "no-such-directory", "plot.svg"),
        5 or 6 => Path.Combine(directory, "plot.png"),
        _ => Path.Combine(directory, "plot.svg"),
    };

    private string[] Maybe(params string[] args) => random.Next(2) == 0 ? args : [];

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
