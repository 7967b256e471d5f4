using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TensorLinear.Packaging.Tests;

/// <summary>The packaging tests share one packing and one isolated package cache: packing the tool takes half a minute.</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackagesFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "packages";
}

/// <summary>
/// Packs every package with scripts/pack.sh (from this configuration's build, --no-build) into a feed in a fresh
/// temporary folder, and prepares what a new user's machine would have there: an empty package cache
/// (NUGET_PACKAGES) and a nuget.config that clears every inherited source. TensorLinear's packages can come only from
/// that feed (package source mapping); every other package from the machine's global packages folder, a valid folder
/// feed that already holds TorchSharp-cpu's 280 MB, or the machine's own upstream sources.
/// </summary>
public sealed partial class PackagesFixture : IDisposable
{
    /// <summary>The repository's root, the folder of TensorLinear.sln.</summary>
    public string Repository { get; }

    /// <summary>The fresh temporary folder everything is installed into; deleted at the end.</summary>
    public string Work { get; }

    /// <summary>The local feed scripts/pack.sh filled.</summary>
    public string Feed { get; }

    /// <summary>The version every TensorLinear package carries (src/Directory.Build.props).</summary>
    public string Version { get; }

    /// <summary>What scripts/pack.sh printed and how long it took.</summary>
    public CommandResult Pack { get; }

    /// <summary>The environment of every consumer command: the isolated cache, no first-run noise.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Packs, and writes the consumer folder's nuget.config.</summary>
    public PackagesFixture()
    {
        Repository = FindRepository();
        Work = Directory.CreateTempSubdirectory("tensorlinear-packaging-").FullName;
        Feed = Path.Combine(Work, "feed");
        Version = XDocument.Load(Path.Combine(Repository, "src", "Directory.Build.props")).Descendants("Version").Single().Value;
        var quiet = new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1", ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1" };

        // Read before this folder has a nuget.config of its own, so they are the machine's.
        var upstream = MachineSources(quiet);
        var globalPackages = GlobalPackagesFolder(quiet);
        File.WriteAllText(Path.Combine(Work, "nuget.config"), NuGetConfig(Feed, globalPackages, upstream));
        Environment = new Dictionary<string, string>(quiet) { ["NUGET_PACKAGES"] = Path.Combine(Work, "packages") };

        var configuration = typeof(PackagesFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
        Pack = Commands.Run(Path.Combine(Repository, "scripts", "pack.sh"), ["--no-build", "-c", configuration, Feed], Repository, quiet, TimeSpan.FromMinutes(5))
            .AssertSucceeded();
    }

    /// <summary>Runs a command in <paramref name="directory"/> (the work folder by default) with the consumer environment.</summary>
    public CommandResult Run(string file, IEnumerable<string> arguments, string? directory = null, int minutes = 3) =>
        Commands.Run(file, arguments, directory ?? Work, Environment, TimeSpan.FromMinutes(minutes));

    /// <summary>The path of a package in the feed, e.g. <c>Package("TensorLinear.Core", "nupkg")</c>.</summary>
    public string Package(string id, string extension) => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    /// <summary>Deletes the work folder: the cache, the console project and the installed tool take about 4 GB.</summary>
    public void Dispose() => Directory.Delete(Work, recursive: true);

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TensorLinear.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException($"no TensorLinear.sln above {AppContext.BaseDirectory}");
    }

    // "dotnet nuget list source --format short" prints one source a line, "E <url>" when enabled.
    private List<string> MachineSources(IReadOnlyDictionary<string, string> environment) =>
        [.. Commands.Run("dotnet", ["nuget", "list", "source", "--format", "short"], Work, environment, TimeSpan.FromMinutes(1))
            .AssertSucceeded().Output.Split('\n')
            .Select(line => EnabledSource().Match(line.Trim()))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)];

    // "global-packages: /root/.nuget/packages/"; it holds each package's .nupkg, so it serves as a folder feed.
    private string? GlobalPackagesFolder(IReadOnlyDictionary<string, string> environment)
    {
        var line = Commands.Run("dotnet", ["nuget", "locals", "global-packages", "--list"], Work, environment, TimeSpan.FromMinutes(1))
            .AssertSucceeded().Output.Trim();
        var folder = line[(line.IndexOf(':') + 1)..].Trim();
        return Directory.Exists(folder) ? folder : null;
    }

    private static string NuGetConfig(string feed, string? globalPackages, IReadOnlyList<string> upstream)
    {
        var others = (globalPackages is null ? upstream : upstream.Prepend(globalPackages)).Select((source, i) => (Key: $"upstream{i}", Source: source)).ToList();
        var config = new XElement("configuration",
            new XElement("packageSources",
                new XElement("clear"),
                new XElement("add", new XAttribute("key", "tensorlinear"), new XAttribute("value", feed)),
                others.Select(o => new XElement("add", new XAttribute("key", o.Key), new XAttribute("value", o.Source)))),
            // The more specific pattern wins: TensorLinear.* only from the fresh feed, whatever the other sources hold.
            new XElement("packageSourceMapping",
                new XElement("packageSource", new XAttribute("key", "tensorlinear"), new XElement("package", new XAttribute("pattern", "TensorLinear.*"))),
                others.Select(o => new XElement("packageSource", new XAttribute("key", o.Key), new XElement("package", new XAttribute("pattern", "*"))))));
        return new XDocument(config).ToString();
    }

    [GeneratedRegex(@"^E\s+(\S+)$")]
    private static partial Regex EnabledSource();
}
