using Mono.Cecil;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Tests.ScalarLifetime;

// No code of ours, library or test, hands libtorch a TorchSharp Scalar that the garbage collector may free during the
// call. Measured before this test: one run of the suite in CI failed with "Expected false to be true ... toDouble"
// inside THSTensor_add, from `loss + penalty` (TorchSharp 0.107's a + b is a.add(b, 1), the 1 a temporary Scalar).
public sealed class ScalarLifetimeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Lazy<HashSet<string>> Hazards = new(() =>
        ScalarLifetimeScan.HazardousMembers(AssemblyDefinition.ReadAssembly(typeof(Tensor).Assembly.Location)));

    // Every assembly built from src/ and tests/, found beside this one's build (…/tests/X/bin/<configuration>/<tfm>/).
    private static readonly string[] Ours =
    [
        "TensorLinear.Core", "TensorLinear.Reference", "TensorLinear.Autograd", "TensorLinear.Verification", "tensorlinear",
        "TensorLinear.Reference.Tests", "TensorLinear.Autograd.Tests", "TensorLinear.Verification.Tests",
        "TensorLinear.Cli.Tests", "TensorLinear.FSharp.Tests", "TensorLinear.Packaging.Tests",
    ];

    [Fact]
    public void TheScanFindsTheTemporariesKnownToRaceAndPassesTheHeldForms()
    {
        var hazards = Hazards.Value;
        output.WriteLine($"TorchSharp members that hand libtorch a Scalar nobody holds, or call one that does: {hazards.Count}");
        Assert.Contains("TorchSharp.torch/Tensor TorchSharp.torch/Tensor::add(TorchSharp.torch/Tensor)", hazards);
        Assert.Contains("TorchSharp.torch/Tensor TorchSharp.torch/Tensor::op_Addition(TorchSharp.torch/Tensor,TorchSharp.torch/Tensor)", hazards);
        Assert.Contains("TorchSharp.torch/Tensor TorchSharp.torch/Tensor::op_Multiply(TorchSharp.torch/Tensor,System.Double)", hazards);
        Assert.DoesNotContain("TorchSharp.torch/Tensor TorchSharp.torch/Tensor::add(TorchSharp.torch/Tensor,TorchSharp.Scalar)", hazards);
        Assert.DoesNotContain("TorchSharp.torch/Tensor TorchSharp.torch/Tensor::mul(TorchSharp.torch/Tensor)", hazards);

        var planted = Findings(typeof(Planted).Assembly.Location).Where(f => f.Method.Contains("/Planted::")).ToArray();
        Assert.Contains(planted, f => f.Method.Contains("::Sum(") && f.What.Contains("op_Addition"));
        Assert.Contains(planted, f => f.Method.Contains("::Scaled(") && f.What.Contains("does not hold it"));
        Assert.DoesNotContain(planted, f => f.Method.Contains("::HeldSum(") || f.Method.Contains("::HeldScaled("));
    }

    [Fact]
    public void NoAssemblyOfOursHandsLibtorchAScalarNobodyHolds()
    {
        var findings = AssemblyPaths().SelectMany(Findings).Where(f => !f.Method.Contains("/Planted::")).ToArray();
        Assert.True(findings.Length == 0, string.Join("\n", findings.Select(f => $"{f.Method} {f.What}")));
    }

    private static IEnumerable<Finding> Findings(string path) =>
        ScalarLifetimeScan.Scan(AssemblyDefinition.ReadAssembly(path), Hazards.Value).ToArray();

    private static IEnumerable<string> AssemblyPaths()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (here.Name, here.Parent!.Name);
        var root = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var built = new[] { "src", "tests" }
            .SelectMany(area => Directory.GetDirectories(Path.Combine(root, area)))
            .Select(project => Path.Combine(project, "bin", configuration, framework))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.GetFiles(dir, "*.dll"))
            .GroupBy(Path.GetFileNameWithoutExtension)
            .ToDictionary(g => g.Key!, g => g.First());
        var missing = Ours.Where(name => !built.ContainsKey(name)).ToArray();
        Assert.True(missing.Length == 0, $"not built, so not scanned: {string.Join(", ", missing)} (under {root})");
        return Ours.Select(name => built[name]);
    }

    // The forms the scan must catch and the forms it must pass; compiled into this assembly, so the scan reads what
    // the compiler made of them.
    private static class Planted
    {
        private static readonly TorchSharp.Scalar One = 1.0;

        public static Tensor Sum(Tensor a, Tensor b) => a + b;

        public static Tensor Scaled(Tensor a) => a.mul(2.0);

        public static Tensor HeldSum(Tensor a, Tensor b) => a.add(b, One);

        public static Tensor HeldScaled(Tensor a)
        {
            using TorchSharp.Scalar two = 2.0;
            return a.mul(two);
        }
    }
}
