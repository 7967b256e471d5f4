namespace TensorLinear.Cli.Tests;

/// <summary>
/// A copy of the tool's build output without libtorch's main library (libtorch_cpu, about 460 MB, the one file not
/// copied), so that loading libtorch fails as on a machine where it was never deployed.
/// </summary>
public sealed class ToolWithoutLibtorch : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tensorlinear-no-libtorch").FullName;

    public ToolWithoutLibtorch()
    {
        var omitted = 0;
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(AppContext.BaseDirectory, file);
            if (Path.GetFileName(file).Split('.')[0] is "libtorch_cpu" or "torch_cpu")
            {
                omitted++;
                continue;
            }
            var target = Path.Combine(_directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Assert.True(omitted > 0, $"no libtorch_cpu library under {AppContext.BaseDirectory}: the copy would still load libtorch");
    }

    /// <summary>Runs the copy, <c>dotnet tensorlinear.dll args</c>, in the tests' build output (so Data/ and Examples/ resolve).</summary>
    public ToolResult Run(params string[] args) =>
        // TorchSharp, failing to load, falls back to copying libtorch out of the NuGet package folder into the
        // application's folder: a folder that does not exist keeps the failure a failure.
        Tool.RunProcessAt(Path.Combine(_directory, "tensorlinear.dll"), args,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_directory, "no-nuget-packages") });

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
