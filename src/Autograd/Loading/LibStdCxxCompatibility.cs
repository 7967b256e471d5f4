using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace TensorLinear.Autograd.Loading;

/// <summary>
/// Lets TorchSharp's native library load on a libstdc++ older than the one it was built with (Debian 12, Ubuntu
/// 22.04), by loading a patched copy of <c>libLibTorchSharp.so</c> before TorchSharp probes for it.
/// </summary>
/// <remarks>
/// <para><c>libLibTorchSharp.so</c> 0.107 asks for the symbol version <c>GLIBCXX_3.4.32</c> (GCC 13) for exactly one
/// symbol, <c>_ZSt21ios_base_library_initv</c>. GCC 13's <c>&lt;iostream&gt;</c> references it only to force a link
/// against a libstdc++ that initialises its streams that way; nothing calls it (no relocation names it), and an
/// older libstdc++ initialises its streams itself. The dynamic loader nevertheless refuses the library when the version
/// is missing, and TorchSharp then reports a misleading "doesn't contain a reference to libtorch-cpu-linux-x64".</para>
/// <para>The fix marks that version-needed entry weak (<c>VER_FLG_WEAK</c> in <c>.gnu.version_r</c>), which makes the
/// loader accept its absence. It is decided on the running machine: the versions the loaded libstdc++ defines are
/// read, and the patch is made only when every missing version is needed by that one symbol alone; otherwise nothing
/// is patched and TorchSharp's own error stands. The copy goes into a per-user cache keyed by the original's SHA-256,
/// written atomically (several processes may start at once), and is loaded by full path after its libtorch
/// dependencies, so TorchSharp's own probe for <c>libLibTorchSharp.so</c> finds it already loaded (by its soname).
/// Nothing in the application's folder or the NuGet cache is modified. Where libstdc++ is new enough this does
/// nothing.</para>
/// </remarks>
public static class LibStdCxxCompatibility
{
    private const string LibraryFile = "libLibTorchSharp.so";
    private const string StdCxxSoname = "libstdc++.so.6";
    private const string HarmlessSymbol = "_ZSt21ios_base_library_initv";

    // The libtorch libraries libLibTorchSharp.so names in DT_NEEDED (found by $ORIGIN beside the original, not beside
    // the copy): loaded first, by full path, so the copy's needs are met by soname.
    private static readonly string[] Dependencies = ["libc10.so", "libtorch_cpu.so", "libtorch.so"];

    private static readonly Lock Gate = new();
    private static LibStdCxxFix? _outcome;

    /// <summary>What <see cref="Apply"/> did in this process (it runs once; later calls return the first outcome).</summary>
    public static LibStdCxxFix Outcome
    {
        get { lock (Gate) return _outcome ??= Decide(); }
    }

    /// <summary>
    /// Applies the fix if this machine needs it and it is safe; call before the first TorchSharp call. Idempotent,
    /// thread-safe, and a no-op off Linux x64.
    /// </summary>
    public static LibStdCxxFix Apply() => Outcome;

    private static LibStdCxxFix Decide()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return new LibStdCxxFix(LibStdCxxFixKind.NotNeeded, "not Linux x64", null);
        if (FindOriginal() is not var (original, dependencies))
            return new LibStdCxxFix(LibStdCxxFixKind.NotNeeded, $"{LibraryFile} not found beside the application, beside TorchSharp or in the NuGet cache", null);
        try
        {
            var stdcxx = LoadedStdCxxPath();
            if (stdcxx is null)
                return new LibStdCxxFix(LibStdCxxFixKind.NotNeeded, $"{StdCxxSoname} could not be located", null);
            var image = File.ReadAllBytes(original);
            var plan = Plan(image, ElfVersions.Defined(File.ReadAllBytes(stdcxx)), stdcxx);
            if (plan.Kind != LibStdCxxFixKind.Applied) return plan;
            var copy = WriteCached(image);
            foreach (var dependency in Dependencies) NativeLibrary.Load(Path.Combine(dependencies, dependency));
            NativeLibrary.Load(copy);
            return plan with { PatchedCopy = copy };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or BadImageFormatException or InvalidDataException)
        {
            return new LibStdCxxFix(LibStdCxxFixKind.Refused, $"the fix could not be applied: {e.Message}", null);
        }
    }

    /// <summary>
    /// The decision on one image of libLibTorchSharp.so, given the versions the loaded libstdc++ defines: NotNeeded when
    /// none is missing; Refused when a missing version is needed by any symbol but the harmless one; otherwise Applied,
    /// with <paramref name="image"/> edited in place (those version needs marked weak). The copy is not written here.
    /// </summary>
    internal static LibStdCxxFix Plan(byte[] image, IReadOnlySet<string> defined, string stdcxx)
    {
        var missing = ElfVersions.Needed(image, StdCxxSoname).Where(v => !defined.Contains(v.Name)).ToList();
        if (missing.Count == 0)
            return new LibStdCxxFix(LibStdCxxFixKind.NotNeeded, $"{stdcxx} defines every version {LibraryFile} needs", null);
        var names = string.Join(", ", missing.Select(m => m.Name));
        foreach (var version in missing)
        {
            var users = ElfVersions.SymbolsUsing(image, version.Index);
            if (users.Any(s => s != HarmlessSymbol))
                return new LibStdCxxFix(LibStdCxxFixKind.Refused,
                    $"{stdcxx} lacks {names}, needed by {string.Join(", ", users.Take(5))}; only {HarmlessSymbol} is safe to do without", null);
        }
        foreach (var version in missing) ElfVersions.MarkWeak(image, version.FlagsOffset);
        return new LibStdCxxFix(LibStdCxxFixKind.Applied, $"{stdcxx} lacks {names} (needed only by {HarmlessSymbol}); loaded a patched copy", null);
    }

    /// <summary>
    /// The library TorchSharp would load and the folder of the libtorch libraries it needs: both in the application's
    /// folder (or its runtimes/linux-x64/native) after a build, or, for a script that references the packages directly
    /// (<c>#r "nuget: TorchSharp-cpu"</c>), in the NuGet cache — libLibTorchSharp.so in the torchsharp package, libtorch in
    /// the libtorch-cpu-linux-x64 package of the version this TorchSharp was built against.
    /// </summary>
    private static (string Library, string Dependencies)? FindOriginal()
    {
        foreach (var root in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location) }.Distinct())
        {
            if (string.IsNullOrEmpty(root)) continue;
            foreach (var folder in new[] { Path.Combine(root, "runtimes", "linux-x64", "native"), root })
                if (File.Exists(Path.Combine(folder, LibraryFile)) && HasDependencies(folder))
                    return (Path.GetFullPath(Path.Combine(folder, LibraryFile)), Path.GetFullPath(folder));
        }
        return FindInPackageCache();
    }

    // <packages>/torchsharp/<version>/lib/<tfm>/TorchSharp.dll beside <packages>/libtorch-cpu-linux-x64/<libtorch>/.
    private static (string Library, string Dependencies)? FindInPackageCache()
    {
        var lib = Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location);
        if (string.IsNullOrEmpty(lib)) return null;
        var package = Path.GetFullPath(Path.Combine(lib, "..", ".."));
        var library = Path.Combine(package, "runtimes", "linux-x64", "native", LibraryFile);
        // A constant read by reflection does not run torch's static constructor, which would load the native library.
        var libtorch = typeof(TorchSharp.torch).GetField("libtorchPackageVersion", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            ?.GetRawConstantValue() as string;
        if (!File.Exists(library) || libtorch is null || !Version.TryParse(libtorch, out var wanted)) return null;
        var packages = Path.GetFullPath(Path.Combine(package, "..", ".."));
        var versions = Path.Combine(packages, "libtorch-cpu-linux-x64");
        if (!Directory.Exists(versions)) return null;
        foreach (var candidate in Directory.EnumerateDirectories(versions))
        {
            var folder = Path.Combine(candidate, "runtimes", "linux-x64", "native");
            if (Version.TryParse(Path.GetFileName(candidate), out var found) && SameRelease(found, wanted) && HasDependencies(folder))
                return (library, folder);
        }
        return null;
    }

    // "2.10.0" (the package folder) and "2.10.0.0" (TorchSharp's constant) name one release.
    private static bool SameRelease(Version a, Version b) =>
        a.Major == b.Major && a.Minor == b.Minor && Math.Max(0, a.Build) == Math.Max(0, b.Build);

    private static bool HasDependencies(string folder) => Dependencies.All(d => File.Exists(Path.Combine(folder, d)));

    /// <summary>The libstdc++ this process uses: the one already mapped, or the one the loader finds for its soname.</summary>
    private static string? LoadedStdCxxPath()
    {
        string? Mapped() => File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 6 && Path.GetFileName(f[5]).StartsWith("libstdc++.so", StringComparison.Ordinal))
            .Select(f => f[5])
            .FirstOrDefault();
        if (Mapped() is { } path) return path;
        return NativeLibrary.TryLoad(StdCxxSoname, out _) ? Mapped() : null;
    }

    /// <summary>Writes the patched image into the cache under its own hash, atomically; an existing copy is reused.</summary>
    private static string WriteCached(byte[] image)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(image))[..16];
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        var directory = Path.Combine(root, "tensorlinear", "libstdcxx-compat", hash);
        var target = Path.Combine(directory, LibraryFile);
        if (File.Exists(target) && new FileInfo(target).Length == image.Length) return target;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{LibraryFile}.{Environment.ProcessId}.{Guid.NewGuid():N}");
        File.WriteAllBytes(temporary, image);
        File.Move(temporary, target, overwrite: true); // rename(2): readers see the old file or the whole new one
        return target;
    }
}

/// <summary>What the libstdc++ load-time fix found and did.</summary>
public enum LibStdCxxFixKind
{
    /// <summary>The machine's libstdc++ is new enough, or the platform is not Linux x64: nothing was done.</summary>
    NotNeeded,

    /// <summary>A patched copy of libLibTorchSharp.so was loaded.</summary>
    Applied,

    /// <summary>The fix was needed but not safe or not possible; TorchSharp's own loading error will follow.</summary>
    Refused,
}

/// <summary>The outcome of the libstdc++ load-time fix: what was done, why, and where the patched copy lives.</summary>
/// <param name="Kind">What was done.</param>
/// <param name="Reason">One line saying why.</param>
/// <param name="PatchedCopy">The full path of the patched library when <paramref name="Kind"/> is Applied, else null.</param>
public sealed record LibStdCxxFix(LibStdCxxFixKind Kind, string Reason, string? PatchedCopy);

/// <summary>Reads and edits the GNU symbol-versioning sections of an ELF64 little-endian shared object.</summary>
internal static class ElfVersions
{
    private const uint ShtDynsym = 11, ShtVerdef = 0x6ffffffd, ShtVerneed = 0x6ffffffe, ShtVersym = 0x6fffffff;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>A version a library needs from another: its name, its index in <c>.gnu.version</c>, and where its flags sit in the file.</summary>
    internal readonly record struct NeededVersion(string Name, ushort Index, int FlagsOffset);

    private readonly record struct Section(uint Type, int Offset, int Size, int Link, int Info, int EntrySize);

    private static Section[] Sections(byte[] elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F' || elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not a 64-bit little-endian ELF file");
        var offset = checked((int)U64(elf, 0x28));   // e_shoff
        var size = U16(elf, 0x3A);   // e_shentsize
        var count = U16(elf, 0x3C);   // e_shnum
        return Enumerable.Range(0, count).Select(i =>
        {
            var h = elf.AsSpan(offset + i * size, size);
            return new Section(BinaryPrimitives.ReadUInt32LittleEndian(h[4..]),
                checked((int)BinaryPrimitives.ReadUInt64LittleEndian(h[0x18..])),
                checked((int)BinaryPrimitives.ReadUInt64LittleEndian(h[0x20..])),
                (int)BinaryPrimitives.ReadUInt32LittleEndian(h[0x28..]),
                (int)BinaryPrimitives.ReadUInt32LittleEndian(h[0x2C..]),
                checked((int)BinaryPrimitives.ReadUInt64LittleEndian(h[0x38..])));
        }).ToArray();
    }

    private static string CString(byte[] elf, int offset) =>
        Encoding.ASCII.GetString(elf, offset, Array.IndexOf(elf, (byte)0, offset) - offset);

    private static ulong U64(byte[] elf, int at) => BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(at));
    private static uint U32(byte[] elf, int at) => BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(at));
    private static ushort U16(byte[] elf, int at) => BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(at));

    /// <summary>The version names a library defines (<c>.gnu.version_d</c>).</summary>
    internal static HashSet<string> Defined(byte[] elf)
    {
        var sections = Sections(elf);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var verdef in sections.Where(x => x.Type == ShtVerdef))
        {
            var strings = sections[verdef.Link].Offset;
            for (int entry = verdef.Offset, i = 0; i < verdef.Info; i++)
            {
                var aux = entry + (int)U32(elf, entry + 12);   // vd_aux
                names.Add(CString(elf, strings + (int)U32(elf, aux)));   // vda_name
                var next = (int)U32(elf, entry + 16);   // vd_next
                if (next == 0) break;
                entry += next;
            }
        }
        return names;
    }

    /// <summary>The versions a library needs from the library named <paramref name="soname"/> (<c>.gnu.version_r</c>).</summary>
    internal static List<NeededVersion> Needed(byte[] elf, string soname)
    {
        var sections = Sections(elf);
        var result = new List<NeededVersion>();
        foreach (var verneed in sections.Where(x => x.Type == ShtVerneed))
        {
            var strings = sections[verneed.Link].Offset;
            for (int entry = verneed.Offset, i = 0; i < verneed.Info; i++)
            {
                var file = CString(elf, strings + (int)U32(elf, entry + 4));   // vn_file
                var aux = entry + (int)U32(elf, entry + 8);   // vn_aux
                for (var j = 0; j < U16(elf, entry + 2); j++)   // vn_cnt
                {
                    if (file == soname)
                        result.Add(new NeededVersion(CString(elf, strings + (int)U32(elf, aux + 8)), U16(elf, aux + 6), aux + 4));
                    var nextAux = (int)U32(elf, aux + 12);   // vna_next
                    if (nextAux == 0) break;
                    aux += nextAux;
                }
                var next = (int)U32(elf, entry + 12);   // vn_next
                if (next == 0) break;
                entry += next;
            }
        }
        return result;
    }

    /// <summary>The names of the dynamic symbols whose version index (<c>.gnu.version</c>) is <paramref name="index"/>.</summary>
    internal static List<string> SymbolsUsing(byte[] elf, ushort index)
    {
        var sections = Sections(elf);
        var dynsym = sections.Single(x => x.Type == ShtDynsym);
        var versym = sections.Single(x => x.Type == ShtVersym);
        var strings = sections[dynsym.Link].Offset;
        var names = new List<string>();
        for (var i = 0; i < dynsym.Size / dynsym.EntrySize; i++)
            if ((U16(elf, versym.Offset + 2 * i) & 0x7fff) == index)
                names.Add(CString(elf, strings + (int)U32(elf, dynsym.Offset + i * dynsym.EntrySize)));   // st_name
        return names;
    }

    /// <summary>Sets <c>VER_FLG_WEAK</c> in the vna_flags at <paramref name="flagsOffset"/>.</summary>
    internal static void MarkWeak(byte[] elf, int flagsOffset) =>
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(flagsOffset), (ushort)(U16(elf, flagsOffset) | VerFlgWeak));
}
