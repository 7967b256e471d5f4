namespace TensorLinear.Cli.Output;

/// <summary>
/// A file the tool writes (the plot): checked before any work is done, and written atomically — into a temporary
/// file in the same directory, flushed to disk, then renamed over the name — so that a failed write leaves whatever
/// was there before, never a partial file.
/// </summary>
internal static class OutputFile
{
    /// <summary>
    /// Refuses a path that cannot be an output file: empty, a directory, or the same file as one of
    /// <paramref name="inputs"/> (full paths compared with every symbolic link followed).
    /// </summary>
    /// <exception cref="UsageException">One of those, naming <paramref name="option"/>.</exception>
    public static void Check(string option, string path, IEnumerable<string> inputs)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException($"{option} is empty; give it a file name");
        if (Directory.Exists(path)) throw new UsageException($"{option} {path}: is a directory; give it a file name");
        var target = RealPath(path);
        foreach (var input in inputs)
            if (string.Equals(target, RealPath(input), StringComparison.Ordinal))
                throw new UsageException($"{option} {path}: is the input file {input}; it would be overwritten, so give another name");
    }

    /// <summary>Writes the file atomically by <paramref name="write"/>, which gets the temporary file's stream.</summary>
    /// <exception cref="OutputException">The file cannot be written (no such directory, no permission, a full disk).</exception>
    public static void Write(string option, string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new OutputException($"{option} {path}: cannot be written: {OutputException.Reason(e)}");
        }
        finally
        {
            if (File.Exists(temporary)) TryDelete(temporary);
        }
    }

    // The absolute path with every symbolic link on it followed, as far as the path exists.
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var resolved = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(resolved, part);
            FileSystemInfo? link = null;
            try
            {
                link = new FileInfo(next).LinkTarget is null ? null : new FileInfo(next).ResolveLinkTarget(returnFinalTarget: true);
            }
            catch (IOException)
            {
                // A link loop or an unreadable link: compare by the name as written.
            }
            resolved = link is null ? next : Path.GetFullPath(link.FullName);
        }
        return resolved;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The rename failed and so may this: the temporary file's dot-name keeps it out of the way.
        }
    }
}
