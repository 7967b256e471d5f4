using System.Runtime.InteropServices;
using TensorLinear.Autograd;

namespace TensorLinear.Benchmarks;

/// <summary>What the numbers were measured on.</summary>
internal static class Machine
{
    public static string Cpu => ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();

    public static string Memory
    {
        get
        {
            var kb = ReadField("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            return kb is null ? "?" : $"{double.Parse(kb) / (1 << 20):F0} GB";
        }
    }

    public static string System =>
        (ReadField("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription) +
        $", kernel {Environment.OSVersion.Version}";

    public static string LoadAverage => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public static IEnumerable<string> Describe()
    {
        yield return $"CPU: {Cpu}, {Environment.ProcessorCount} logical cores; memory {Memory}";
        yield return $"System: {System}; .NET {Environment.Version}";
        yield return $"libtorch {Torch.Version} from TorchSharp-cpu {Torch.TorchSharpVersion} (MKL and OpenMP in one thread pool); libstdc++ fix: {Torch.LibStdCxxFix.Kind}";
        yield return $"Thread policy {Torch.ThreadPolicy}: libtorch {Torch.Threads} thread(s), TensorLinear kernels {Torch.KernelThreads}";
    }

    private static string? ReadField(string path, string name, char separator = ':')
    {
        if (!File.Exists(path)) return null;
        foreach (var line in File.ReadLines(path))
        {
            var i = line.IndexOf(separator);
            if (i > 0 && line[..i].Trim() == name) return line[(i + 1)..].Trim();
        }
        return null;
    }
}
