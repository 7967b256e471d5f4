using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace TensorLinear.Packaging.Tests;

/// <summary>Each package carries what a NuGet user expects: assembly, XML docs, README, licence, metadata with
/// dependency ranges, and symbols with their sources embedded.</summary>
[Collection(PackagesCollection.Name)]
public sealed partial class PackageContentsTests(PackagesFixture packages, ITestOutputHelper output)
{
    // The id of the GUID in a portable pdb's CustomDebugInformation that marks a document's embedded source.
    private static readonly Guid EmbeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    [Theory]
    [InlineData("TensorLinear.Core", "Core")]
    [InlineData("TensorLinear.Reference", "Reference")]
    [InlineData("TensorLinear.Autograd", "Autograd")]
    [InlineData("TensorLinear.Verification", "Verification")]
    public void A_library_package_holds_its_assembly_docs_readme_licence_and_metadata(string id, string folder)
    {
        var entries = Entries(id);
        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains($"lib/net10.0/{id}.xml", entries);
        AssertCommonParts(id, entries);
        AssertSymbolsWithSources(id, $"lib/net10.0/{id}.pdb", folder);
    }

    [Fact]
    public void The_library_packages_depend_on_each_other_at_this_version_and_on_TorchSharp_within_one_minor_version()
    {
        var verification = Dependencies("TensorLinear.Verification");
        foreach (var library in new[] { "TensorLinear.Core", "TensorLinear.Reference", "TensorLinear.Autograd" })
            Assert.Equal(packages.Version, verification[library]);
        // The libstdc++ fix reads libLibTorchSharp.so 0.107's ELF: a TorchSharp 0.108 must be a new TensorLinear release.
        Assert.Equal("[0.107.0, 0.108.0)", Dependencies("TensorLinear.Autograd")["TorchSharp-cpu"]);
        Assert.Empty(Dependencies("TensorLinear.Core"));
    }

    [Fact]
    public void The_tool_package_is_the_tensorlinear_command()
    {
        const string id = "TensorLinear.Cli";
        var entries = Entries(id);
        Assert.Contains("tools/net10.0/any/tensorlinear.dll", entries);
        Assert.Contains("tools/net10.0/any/runtimes/linux-x64/native/libLibTorchSharp.so", entries);
        using (var archive = ZipFile.OpenRead(packages.Package(id, "nupkg")))
        using (var settings = archive.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open())
            Assert.Equal("tensorlinear", XDocument.Load(settings).Descendants("Command").Single().Attribute("Name")!.Value);
        Assert.Equal("DotnetTool", Nuspec(id).Descendants("packageType").Single().Attribute("name")!.Value);
        AssertCommonParts(id, entries);
        AssertSymbolsWithSources(id, "tools/net10.0/any/tensorlinear.pdb", "Cli");
        output.WriteLine($"TensorLinear.Cli: {new FileInfo(packages.Package(id, "nupkg")).Length / 1e6:F1} MB, {entries.Count} files");
    }

    [Fact]
    public void Packing_reports_its_time_and_sizes()
    {
        output.WriteLine($"scripts/pack.sh --no-build: {packages.Pack.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(packages.Pack.Output);
        Assert.Equal(10, Directory.GetFiles(packages.Feed).Length);
    }

    // README, LICENSE, id, version, description, licence expression and every dependency a version range.
    private void AssertCommonParts(string id, IReadOnlyCollection<string> entries)
    {
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
        var metadata = Nuspec(id).Root!.Element("metadata")!;
        Assert.Equal(id, metadata.Element("id")!.Value);
        Assert.Equal(packages.Version, metadata.Element("version")!.Value);
        Assert.Equal("README.md", metadata.Element("readme")!.Value);
        Assert.Equal("MIT", metadata.Element("license")!.Value);
        Assert.True(metadata.Element("description")!.Value.Length > 40, $"{id} has a description");
        foreach (var (dependency, range) in Dependencies(id))
            Assert.True(VersionRange().IsMatch(range), $"{id} depends on {dependency} at '{range}', not a version range");
    }

    // The .snupkg's pdb names every source file of the project, and each one's text is embedded in it.
    private void AssertSymbolsWithSources(string id, string pdbEntry, string folder)
    {
        using var archive = ZipFile.OpenRead(packages.Package(id, "snupkg"));
        using var pdb = new MemoryStream();
        using (var stream = archive.GetEntry(pdbEntry)?.Open() ?? throw new Xunit.Sdk.XunitException($"{id}.snupkg has no {pdbEntry}"))
            stream.CopyTo(pdb);
        pdb.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var reader = provider.GetMetadataReader();
        var embedded = reader.Documents
            .Where(d => reader.GetCustomDebugInformation(d).Any(c => reader.GetGuid(reader.GetCustomDebugInformation(c).Kind) == EmbeddedSource))
            .Select(d => RepositoryRelative(reader.GetString(reader.GetDocument(d).Name)))
            .ToHashSet();
        var root = Path.Combine(packages.Repository, "src", folder);
        var sources = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).StartsWith("bin/") && !Path.GetRelativePath(root, f).StartsWith("obj/"))
            .ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.Contains(RepositoryRelative(source), embedded));
    }

    // A deterministic build (CI=true sets ContinuousIntegrationBuild) maps the repository's root to "/_/" in the pdb;
    // a local build keeps the absolute path. Either way the file is named by its path inside the repository.
    private string RepositoryRelative(string path) =>
        path.StartsWith("/_/", StringComparison.Ordinal)
            ? path["/_/".Length..]
            : Path.GetRelativePath(packages.Repository, Path.GetFullPath(path));

    private List<string> Entries(string id)
    {
        using var archive = ZipFile.OpenRead(packages.Package(id, "nupkg"));
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    private XDocument Nuspec(string id)
    {
        using var archive = ZipFile.OpenRead(packages.Package(id, "nupkg"));
        using var stream = archive.GetEntry($"{id}.nuspec")!.Open();
        var nuspec = XDocument.Load(stream);
        // The schema's namespace differs with the features a package uses (a tool's packageTypes); the names do not.
        foreach (var element in nuspec.Descendants()) element.Name = element.Name.LocalName;
        return nuspec;
    }

    private Dictionary<string, string> Dependencies(string id) =>
        Nuspec(id).Descendants("dependency").ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value);

    // NuGet's range syntax: a bare version means "this or newer"; brackets and parentheses give the bounds.
    [GeneratedRegex(@"^(\d+(\.\d+){1,3}(-[0-9A-Za-z.-]+)?|[\[(]\s*[0-9A-Za-z.-]*\s*,\s*[0-9A-Za-z.-]*\s*[\])]|\[\d+(\.\d+){1,3}\])$")]
    private static partial Regex VersionRange();
}
