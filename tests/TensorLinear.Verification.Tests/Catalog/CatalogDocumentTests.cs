using TensorLinear.Verification.Catalog;

namespace TensorLinear.Verification.Tests.Catalog;

// docs/catalog.md lists the entries verify checks; its table is the catalog rendered (CatalogTable), so it cannot drift.
public sealed class CatalogDocumentTests
{
    private static string Document()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TensorLinear.sln"))) directory = directory.Parent;
        Assert.NotNull(directory);
        return File.ReadAllText(Path.Combine(directory.FullName, "docs", "catalog.md"));
    }

    [Fact]
    public void TheDocumentsTableIsTheCatalogRendered()
    {
        var table = CatalogTable.Markdown();
        Assert.True(Document().Replace("\r\n", "\n", StringComparison.Ordinal).Contains(table, StringComparison.Ordinal),
            "docs/catalog.md's table differs from the catalog; replace it with:\n" + table);
    }

    [Fact]
    public void TheCatalogHasAnEntryForEveryDerivationTheReadmePromisesAndAtLeastTwentyFive()
    {
        Assert.True(DerivationCatalog.All.Count >= 25);
        string[] promised =
        [
            EntryNames.Dot, EntryNames.Norm1, EntryNames.Norm2, EntryNames.NormInf, EntryNames.NormP, EntryNames.Unit, EntryNames.Angle,
            EntryNames.AngleConePoint, EntryNames.Project, EntryNames.Reject, EntryNames.LineThrough, EntryNames.PerpendicularThrough,
            EntryNames.Parallel, EntryNames.Perpendicular, EntryNames.SignedDistance, EntryNames.DecisionRule, EntryNames.MeanSquaredError,
            EntryNames.BinaryCrossEntropyFromLogits, EntryNames.LinearRegression, EntryNames.LogisticRegression,
        ];
        Assert.All(promised, name => DerivationCatalog.Get(name));
        Assert.Contains(DerivationCatalog.Get(EntryNames.LinearRegression).Checks, c => c == Checks.CheckKind.Descent);
    }
}
