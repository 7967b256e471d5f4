using System.Text;

namespace TensorLinear.Verification.Catalog;

/// <summary>
/// The catalog as a Markdown table — one row per entry: its name, the type of its input, formula, the reference functions and tensor twins it
/// binds, and the checks it runs — rendered from the entries themselves, so that docs/catalog.md, which a test keeps
/// equal to it, cannot drift from what <c>tensorlinear verify</c> checks.
/// </summary>
public static class CatalogTable
{
    /// <summary>The table of <paramref name="entries"/> (by default every entry of <see cref="DerivationCatalog.All"/>).</summary>
    public static string Markdown(IReadOnlyList<Derivation>? entries = null)
    {
        var text = new StringBuilder();
        text.AppendLine("| entry | input | formula | reference (by hand) | twin (TorchSharp) | checks |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var d in entries ?? DerivationCatalog.All)
            text.AppendLine($"| {d.Name} | `{d.InputType.Name}` | {Cell(d.Formula)} | {Code(d.ReferenceNames)} | {Code(d.TwinNames)} | {string.Join(", ", d.Checks.Select(Name))} |");
        return text.ToString();
    }

    private static string Code(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"`{n}`"));

    // A pipe inside a formula (|x|) would end the cell.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Name(Checks.CheckKind kind) => kind switch
    {
        Checks.CheckKind.FiniteDifferences => "finite differences",
        Checks.CheckKind.ReferenceTruth => "reference vs truth",
        Checks.CheckKind.TwinTruth => "twin vs truth",
        Checks.CheckKind.ForwardMode => "forward mode",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
