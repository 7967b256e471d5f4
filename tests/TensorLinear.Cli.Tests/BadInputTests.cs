namespace TensorLinear.Cli.Tests;

/// <summary>
/// Every kind of bad input gets one line on stderr and exit code 2, never a stack trace: in-process, and the errors the
/// issue names also as a process.
/// </summary>
public class BadInputTests
{
    // The errors named in the issue, each with a fragment its message must hold.
    public static TheoryData<string[], string> NamedErrors() => new()
    {
        { Fit("non-numeric.csv", "price", "linear"), "line 3, column 'price': 'abc' is not a finite number" },
        { Fit("empty.csv", "price", "linear"), "the file is empty" },
        { Fit("non-numeric.csv", "cost", "linear"), "there is no column 'cost'; the columns are area, price" },
        { Fit("constant-target.csv", "price", "linear"), "column 'price': the target is constant" },
        { Fit("wide.csv", "price", "linear"), "has 3 rows for 5 parameters" },
        { Fit("collinear.csv", "price", "linear"), "total ≈ 1·area + 1·rooms" },
    };

    public static TheoryData<string[], string> OtherErrors() => new()
    {
        { Fit("header-only.csv", "price", "linear"), "has a header but no rows of data" },
        { Fit("constant-feature.csv", "y", "linear"), "b ≈ 5·(intercept)" },
        { Fit("constant-feature.csv", "y", "linear", "--solver", "gd", "--standardize"), "feature 'b' is constant (5)" },
        { Fit("ragged.csv", "y", "linear"), "line 3: has 1 field but the header has 2" },
        { Fit("three-labels.csv", "grade", "logistic"), "holds 3 distinct labels ('a', 'b', 'c')" },
        { Fit("constant-target.csv", "price", "logistic"), "a logistic model needs two classes" },
        { Fit("no-such-file.csv", "price", "linear"), "no-such-file.csv: no such file" },
        { Fit("collinear.csv", "price", "linear", "--solver", "newton"), "--solver newton is Newton–Raphson (IRLS) for --model logistic" },
        { Fit("overlap.csv", "class", "logistic", "--solver", "qr"), "--solver qr is closed-form least squares, for --model linear" },
        { Fit("collinear.csv", "price", "linear", "--l2", "1"), "without penalties; use --solver gd" },
        { Fit("overlap.csv", "class", "logistic", "--l1", "0.1"), "use --solver gd for --l1" },
        { Fit("collinear.csv", "price", "linear", "--degree", "2"), "--degree fits a polynomial in one feature, but there are 3" },
        { Fit("collinear.csv", "price", "linear", "--standardize", "--no-intercept"), "cannot be combined with --no-intercept" },
        { Fit("collinear.csv", "price", "linear", "--solver", "gd", "--lr", "fast"), "--lr is 'fast'" },
        { Fit("collinear.csv", "price", "linear", "--lr", "0.1"), "--lr is the step of gradient descent" },
        { Fit("collinear.csv", "price", "linear", "--features", "area,price"), "--features lists the target 'price'" },
        { Fit("collinear.csv", "price", "linear", "--features", "area,,rooms"), "has an empty name" },
        { Fit("collinear.csv", "price", "cubic"), "'cubic' not recognized" },
        { ["fit", "--target", "price", "--model", "linear"], "Option '--data' is required" },
        { Fit("collinear.csv", "price", "linear", "--features", "area", "--solver", "gd", "--lr", "1"), "gradient descent diverged" },
        { Fit("overlap.csv", "class", "logistic", "--engine", "gpu"), "'gpu' not recognized" },
        { ["calc", "dot", "1,2"], "calc dot takes 2 vectors, not 1" },
        { ["calc", "dot", "1,2", "3,x"], "component 2, 'x', is not a finite number" },
        { ["calc", "dot", "1,2", "3,4,5"], "has length 3 but x has length 2" },
        { ["calc", "signed distance", "1,2"], "needs the hyperplane: --plane" },
        { ["calc", "signed distance", "1,2", "--plane", "1,0,0"], "a hyperplane needs a non-zero normal vector" },
        { ["calc", "distance", "1,2", "3,4", "--plane", "1,1,1"], "--plane is for calc 'signed distance'" },
        { ["calc", "distance", "1,2", "3,4", "--p", "0.5"], "a norm needs p ≥ 1" },
        // Finite inputs whose result is beyond double's range: said to be, not printed as Infinity (issue 12).
        { ["calc", "norm", "1e308,1e308", "--p", "1"], "‖x‖₁ is out of range" },
        { ["calc", "dot", "1e200,1", "1e200,1"], "xᵀy is out of range" },
        { ["calc", "unit", "1e-320,0"], "∂x̂/∂x, which grows as 1/‖x‖, is out of range" },
        { ["calc", "cross", "1,2", "3,4"], "'cross' not recognized" },
        { ["verify", "--cases", "0"], "--cases is 0" },
        { ["frobnicate"], "Unrecognized command or argument 'frobnicate'" },
    };

    // Every calc operation — the catalog's entries by name — given no vectors, and given vectors of different lengths
    // (or, with one vector, an input outside its domain).
    public static TheoryData<string[], string> CalcErrors()
    {
        var data = new TheoryData<string[], string>();
        foreach (var operation in Calc.Calculations.Operations)
        {
            var plane = operation is Verification.Catalog.EntryNames.SignedDistance or Verification.Catalog.EntryNames.HyperplaneScore or Verification.Catalog.EntryNames.Foot;
            string[] withPlane = plane ? ["--plane", "1,2,3"] : [];
            data.Add(["calc", operation, .. withPlane], $"calc {operation} takes");
            if (operation == Calc.Calculations.Norm) data.Add(["calc", operation, "1,2", "--p", "0.5"], "a norm needs p ≥ 1");
            else if (operation == Verification.Catalog.EntryNames.Unit) data.Add(["calc", operation, "0,0"], "is the zero vector");
            else data.Add(plane ? ["calc", operation, "1,2,3", .. withPlane] : ["calc", operation, "1,2", "3,4,5"], "has length");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(NamedErrors))]
    [MemberData(nameof(OtherErrors))]
    [MemberData(nameof(CalcErrors))]
    public void InProcessBadInputIsOneLineAndExitCodeTwo(string[] args, string message) =>
        Assert.Contains(message, Tool.Run(args).AssertBadInput());

    [Theory]
    [MemberData(nameof(NamedErrors))]
    public void AsAProcessBadInputIsOneLineAndExitCodeTwo(string[] args, string message) =>
        Assert.Contains(message, Tool.RunProcess(args).AssertBadInput());

    private static string[] Fit(string file, string target, string model, params string[] more) =>
        ["fit", "--data", Tool.Data(file), "--target", target, "--model", model, .. more];
}
