using System.Buffers.Binary;
using System.Security.Cryptography;
using TensorLinear.Autograd.Loading;

namespace TensorLinear.Autograd.Tests;

// The libstdc++ load-time fix on the real libLibTorchSharp.so of TorchSharp 0.107.0, from this test's bin/. Whether
// the fix is needed is read from the libstdc++ this process loaded, so the tests hold on an old libstdc++ (Debian 12's
// 6.0.30, no GLIBCXX_3.4.32: Applied) and on a new one (NotNeeded) alike.
public sealed class LibStdCxxTests
{
    private const string MissingVersion = "GLIBCXX_3.4.32";
    private const string HarmlessSymbol = "_ZSt21ios_base_library_initv";

    public LibStdCxxTests() => Torch.Initialize();

    private static string Original =>
        Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    private static IEnumerable<string> MappedFiles() =>
        File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 6)
            .Select(f => f[5])
            .Distinct();

    /// <summary>Whether the libstdc++ this process has mapped (libtorch needs it) defines GLIBCXX_3.4.32.</summary>
    private static bool LoadedStdCxxIsNewEnough()
    {
        var stdcxx = MappedFiles().Single(f => Path.GetFileName(f).StartsWith("libstdc++.so", StringComparison.Ordinal));
        return ElfVersions.Defined(File.ReadAllBytes(stdcxx)).Contains(MissingVersion);
    }

    private static ElfVersions.NeededVersion Needed(byte[] image) =>
        ElfVersions.Needed(image, "libstdc++.so.6").Single(v => v.Name == MissingVersion);

    private static byte[] Patched(byte[] image)
    {
        var copy = (byte[])image.Clone();
        ElfVersions.MarkWeak(copy, Needed(image).FlagsOffset);
        return copy;
    }

    private static int[] DifferingBytes(byte[] a, byte[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToArray();
    }

    private static string NewCacheDirectory() =>
        Directory.CreateTempSubdirectory("tensorlinear-cache-").FullName;

    [Fact]
    public void TheFixIsAppliedExactlyWhenTheLoadedLibStdCxxLacksTheVersionAndLoadsAPatchedCopyFromTheCache()
    {
        var fix = Torch.LibStdCxxFix;
        if (LoadedStdCxxIsNewEnough())
        {
            Assert.Equal(LibStdCxxFixKind.NotNeeded, fix.Kind);
            Assert.Null(fix.PatchedCopy);
            return;
        }
        Assert.True(fix.Kind == LibStdCxxFixKind.Applied, $"{fix.Kind}: {fix.Reason}");
        Assert.Contains(MissingVersion, fix.Reason);
        var copy = fix.PatchedCopy!;
        Assert.True(File.Exists(copy), copy);
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        Assert.StartsWith(Path.Combine(cache, "tensorlinear", "libstdcxx-compat") + Path.DirectorySeparatorChar, copy);
        // The copy is the original with the one flag set, nothing else, and it is the one this process runs.
        var original = File.ReadAllBytes(Original);
        Assert.Equal([Needed(original).FlagsOffset], DifferingBytes(original, File.ReadAllBytes(copy)));
        Assert.Contains(copy, MappedFiles());
        Assert.DoesNotContain(Original, MappedFiles());
    }

    [Fact]
    public void LibLibTorchSharpNeedsGlibcxx3432FromLibStdCxxAsReadelfShowsIt()
    {
        // readelf -V: 20 versions from libstdc++.so.6, GLIBCXX_3.4.32 among them with .gnu.version index 18, not weak.
        var image = File.ReadAllBytes(Original);
        var needed = ElfVersions.Needed(image, "libstdc++.so.6");
        Assert.Equal(20, needed.Count);
        var version = Needed(image);
        Assert.Equal(18, version.Index);
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(version.FlagsOffset)) & 0x2);
        Assert.Contains(needed, v => v.Name == "GLIBCXX_3.4.30"); // and older ones, which Debian 12 has
        Assert.Empty(ElfVersions.Needed(image, "libnothing.so.1"));
    }

    [Fact]
    public void OnlyTheIostreamInitialiserUsesTheMissingVersion()
    {
        var image = File.ReadAllBytes(Original);
        Assert.Equal([HarmlessSymbol], ElfVersions.SymbolsUsing(image, Needed(image).Index));
    }

    [Fact]
    public void MarkWeakSetsTheWeakBitAndChangesNoOtherByte()
    {
        var image = File.ReadAllBytes(Original);
        var offset = Needed(image).FlagsOffset;
        var patched = Patched(image);
        Assert.Equal(0x2, BinaryPrimitives.ReadUInt16LittleEndian(patched.AsSpan(offset)) & 0x2);
        Assert.Equal([offset], DifferingBytes(image, patched)); // the flags' low byte; all else, the high byte too, as it was
        var again = (byte[])patched.Clone();
        ElfVersions.MarkWeak(again, offset);
        Assert.Equal(patched, again); // idempotent
    }

    [Fact]
    public void TheLibStdCxxOfThisMachineDefinesTheVersionsItShouldAndNoneOfTheMissingOnesWhenOld()
    {
        var stdcxx = MappedFiles().Single(f => Path.GetFileName(f).StartsWith("libstdc++.so", StringComparison.Ordinal));
        var defined = ElfVersions.Defined(File.ReadAllBytes(stdcxx));
        Assert.Contains("GLIBCXX_3.4", defined); // every libstdc++ since GCC 3.4
        Assert.Contains("GLIBCXX_3.4.30", defined); // GCC 12, which TorchSharp also needs and Debian 12 ships
        Assert.Contains("CXXABI_1.3.13", defined);
        Assert.DoesNotContain("GLIBCXX_9.9.99", defined);
    }

    [Fact]
    public void AChildProcessAppliesTheFixWithoutTouchingTheOriginal()
    {
        var before = SHA256.HashData(File.ReadAllBytes(Original));
        var cache = NewCacheDirectory();
        try
        {
            var run = ProbeProcess.Run("fix", new Dictionary<string, string> { ["XDG_CACHE_HOME"] = cache });
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.EndsWith("; value [2, 3]", run.Outcome);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(Original)));
    }

    [Fact]
    public void FourProcessesStartingAtOnceAllLoadAndLeaveExactlyOnePatchedCopy()
    {
        var cache = NewCacheDirectory();
        try
        {
            var environment = new Dictionary<string, string> { ["XDG_CACHE_HOME"] = cache };
            var started = Enumerable.Range(0, 4).Select(_ => ProbeProcess.Start("fix", environment)).ToList();
            var runs = started.Select(ProbeProcess.Finish).ToList();
            Assert.All(runs, run => Assert.True(run.ExitCode == 0 && run.Outcome.EndsWith("; value [2, 3]", StringComparison.Ordinal), run.ToString()));
            var files = Directory.GetFiles(cache, "*", SearchOption.AllDirectories);
            if (LoadedStdCxxIsNewEnough())
            {
                Assert.All(runs, run => Assert.StartsWith("outcome: NotNeeded", run.Outcome));
                Assert.Empty(files);
                return;
            }
            var copy = Assert.Single(files); // no temporary file left behind either
            Assert.Equal("libLibTorchSharp.so", Path.GetFileName(copy));
            Assert.All(runs, run => Assert.Equal($"outcome: Applied {copy}; value [2, 3]", run.Outcome));
            Assert.Equal(Patched(File.ReadAllBytes(Original)), File.ReadAllBytes(copy));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void AnImageWhereAnotherSymbolNeedsTheMissingVersionIsOneTheRuleRefuses()
    {
        // The fix may only do without GLIBCXX_3.4.32 if nothing but the iostream initialiser asks for it. Point one
        // more dynamic symbol's .gnu.version entry at that version's index, in memory, and ElfVersions must see it:
        // the fix's rule ("every user is the harmless symbol") then refuses. LibStdCxxCompatibility decides only on
        // files it reads itself, so this exercises the rule's input, not its decision.
        var image = File.ReadAllBytes(Original);
        var index = Needed(image).Index;
        var (versym, count) = Elf.VersionSymbols(image);
        var other = Enumerable.Range(1, count - 1)
            .First(i => BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(versym + 2 * i)) is > 1 and var v && v != index);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(versym + 2 * other), index);
        var users = ElfVersions.SymbolsUsing(image, index);
        Assert.Equal(2, users.Count);
        Assert.Contains(HarmlessSymbol, users);
        Assert.Contains(users, s => s != HarmlessSymbol);
    }

    [Fact]
    public void AFileThatIsNotA64BitLittleEndianElfIsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => ElfVersions.Defined([0x7f, (byte)'E', (byte)'L', (byte)'F', 1, 1]));
        Assert.Throws<InvalidDataException>(() => ElfVersions.Needed(new byte[100], "libstdc++.so.6"));
    }

    /// <summary>An ELF64 reader of its own, independent of ElfVersions, to find .gnu.version.</summary>
    private static class Elf
    {
        private const uint ShtVersym = 0x6fffffff;

        /// <summary>The file offset of .gnu.version and its number of entries (one per dynamic symbol).</summary>
        public static (int Offset, int Count) VersionSymbols(byte[] elf)
        {
            var table = (int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28)); // e_shoff
            var size = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3A)); // e_shentsize
            var count = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3C)); // e_shnum
            for (var i = 0; i < count; i++)
            {
                var header = elf.AsSpan(table + i * size, size);
                if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != ShtVersym) continue; // sh_type
                return ((int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]), // sh_offset
                        (int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x20..]) / 2); // sh_size, 2 bytes an entry
            }
            throw new InvalidDataException("no .gnu.version section");
        }
    }
}
