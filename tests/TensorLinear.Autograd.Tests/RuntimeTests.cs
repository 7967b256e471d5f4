using TensorLinear.Autograd;

namespace TensorLinear.Autograd.Tests;

// Loading the bridge and libtorch, and the engine-wide facts. Every other test also loads the bridge without any
// environment variable; these say where it came from.
public sealed class RuntimeTests
{
    private static string[] MappedFiles() =>
        File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 6)
            .Select(f => f[5])
            .Distinct()
            .ToArray();

    [Fact]
    public void TheVersionIsLibtorch113()
    {
        Assert.StartsWith("1.13", Torch.Version); // Debian's libtorch-dev headers report 1.13.0
    }

    [Fact]
    public void TheBridgeLoadsFromBesideTheAssemblyWithoutAnyEnvironmentVariable()
    {
        _ = Torch.Version; // loads the bridge, if no other test has yet
        var bridge = Path.Combine(AppContext.BaseDirectory, "libtensorlinear_native.so");
        // The resolver's first candidate, copied there by the build: no TENSORLINEAR_NATIVE, no LD_LIBRARY_PATH needed.
        Assert.Contains(Path.GetFullPath(bridge), MappedFiles());
        // libtorch itself was found through the bridge's RUNPATH ($ORIGIN and libtorch's folder).
        Assert.Contains(MappedFiles(), f => Path.GetFileName(f).StartsWith("libtorch_cpu.so", StringComparison.Ordinal));
    }

    [Fact]
    public void TheEngineReportsItsThreadsAndBackends()
    {
        Assert.True(Torch.Threads >= 1);
        Assert.Contains("ATen", Torch.ParallelInfo); // libtorch's own description, e.g. "ATen/Parallel: at::get_num_threads() : 2 …"
        using var scope = Torch.NewScope();
        _ = Tensor.Ones([2, 2]).MatMul(Tensor.Ones([2, 2]));
        Assert.Contains("blas", Torch.BlasLibrary!, StringComparison.OrdinalIgnoreCase); // e.g. OpenBLAS on Debian
    }
}
