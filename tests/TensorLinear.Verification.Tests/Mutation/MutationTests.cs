using System.Diagnostics;
using System.Reflection;
using TensorLinear.Verification.Catalog;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.Mutation;

// Planted wrong derivations: each one replaces a single shipped derivative function through the catalog's seam
// (ReferenceFunctions with { … }), and verify's checks must reject it and name the entry bound to it. The score is
// printed; 100 % is the bar.
public sealed class MutationTests(ITestOutputHelper output)
{
    // One wrong case suffices to kill a mutant; a few guard against a case where the mistake happens not to show
    // (a zero first coordinate, a single row).
    private const int Cases = 5;
    private const int Seed = 1;

    [Fact]
    public void VerifyRejectsEveryPlantedWrongDerivationAndNamesItsEntry()
    {
        var clock = Stopwatch.StartNew();
        var survivors = new List<string>();
        foreach (var planted in PlantedDerivations.All)
        {
            var catalog = DerivationCatalog.Build(planted.Functions);
            var replaced = (Delegate)typeof(ReferenceFunctions).GetProperty(planted.Function)!.GetValue(planted.Functions)!;
            var bound = catalog.Where(d => d.References.Contains(replaced)).ToArray();
            if (bound.Length == 0)
            {
                survivors.Add($"{planted}: bound to no entry");
                continue;
            }
            var report = Verifier.Run(bound, Cases, Seed);
            var rejected = report.Derivations.Where(d => !d.Passed).Select(d => d.Name).ToArray();
            if (rejected.Length == 0) survivors.Add($"{planted}: survived {string.Join(", ", bound.Select(d => d.Name))}");
            else output.WriteLine($"killed  {planted,-70} by {string.Join(", ", rejected.Select(n => $"'{n}' ({string.Join(", ", report.Derivations.First(d => d.Name == n).Checks.Where(c => !c.Passed).Select(c => c.Kind))})"))}");
        }
        var total = PlantedDerivations.All.Count;
        output.WriteLine($"mutation score: {total - survivors.Count}/{total} killed ({clock.Elapsed.TotalSeconds:F1} s, {Cases} cases per entry)");
        foreach (var survivor in survivors) output.WriteLine("SURVIVED " + survivor);
        Assert.Empty(survivors);
    }

    [Fact]
    public void ReversingTheSignOfAngleGradientXFailsVerifyOnTheAngleEntry()
    {
        var shipped = ReferenceFunctions.Shipped;
        var wrong = shipped with { AngleGradientX = (x, y) => Mutants.Negate(shipped.AngleGradientX(x, y)) };
        var report = Verifier.Run(DerivationCatalog.Build(wrong), cases: 20, seed: 1);
        Assert.False(report.Passed);
        Assert.Equal([EntryNames.Angle], report.Derivations.Where(d => !d.Passed).Select(d => d.Name));
        Assert.Contains("a replacement", report.Derivations.First(d => d.Name == EntryNames.Angle).References[1]);
        Assert.Contains(EntryNames.Angle, report.ToString());
    }

    /// <summary>Public functions of src/Reference that are derivatives but are not bound to an entry, each with the reason.</summary>
    private static readonly Dictionary<string, string> Excluded = new()
    {
        ["ReferenceEngine.Gradient"] = "dispatches on ModelKind to LinearRegression.Gradient and LogisticRegression.Gradient, which the model entries bind",
        ["ReferenceEngine.Hessian"] = "dispatches on ModelKind to LinearRegression.Hessian and LogisticRegression.Hessian, which the model entries bind",
        ["ReferenceSoftmaxEngine.Gradient"] = "delegates to SoftmaxRegression.Gradient, which the softmax entry binds",
        ["ReferenceSoftmaxEngine.Hessian"] = "delegates to SoftmaxRegression.Hessian, which the softmax entry binds",
    };

    private static IEnumerable<MethodInfo> PublicDerivativeFunctions() =>
        typeof(Reference.Vector).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName)
            .Where(m => new[] { "Gradient", "Jacobian", "Hessian", "Subgradient" }.Any(w => m.Name.Contains(w, StringComparison.Ordinal))
                        || m.ReturnType == typeof(Models.ModelGradient));

    private static string Name(MethodInfo m) => $"{m.DeclaringType!.Name}.{m.Name}";

    [Fact]
    public void EveryPublicDerivativeFunctionOfReferenceIsBoundToAnEntryOrExcludedWithAReason()
    {
        var bound = DerivationCatalog.All.SelectMany(d => d.References).Select(r => r.Method).ToHashSet();
        var unbound = PublicDerivativeFunctions().Where(m => !bound.Contains(m) && !Excluded.ContainsKey(Name(m))).Select(Name).ToArray();
        Assert.Empty(unbound);
        Assert.All(Excluded.Keys, name => Assert.Contains(name, PublicDerivativeFunctions().Select(Name)));
    }

    [Fact]
    public void EveryBoundDerivativeFunctionHasPlantedWrongDerivations()
    {
        var planted = PlantedDerivations.All
            .Select(p => ((Delegate)typeof(ReferenceFunctions).GetProperty(p.Function)!.GetValue(ReferenceFunctions.Shipped)!).Method)
            .ToHashSet();
        var missing = PublicDerivativeFunctions().Where(m => !Excluded.ContainsKey(Name(m)) && !planted.Contains(m)).Select(Name).ToArray();
        Assert.Empty(missing);
    }
}
