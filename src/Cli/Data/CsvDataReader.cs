using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace TensorLinear.Cli.Data;

/// <summary>
/// Reads a CSV file with a header row into a <see cref="CsvTable"/> (CsvHelper, invariant culture): quoting as RFC 4180,
/// blank lines skipped, every other problem a <see cref="DataFormatException"/> naming the line.
/// </summary>
internal static class CsvDataReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="DataFormatException">The file is missing, unreadable, empty or malformed.</exception>
    public static CsvTable Read(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException("--data is empty; give it a CSV file, or - for standard input");
        if (Directory.Exists(path)) throw new DataFormatException(path, null, null, "is a directory; --data needs a CSV file");
        TextReader reader;
        try
        {
            reader = new StreamReader(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DataFormatException(path, null, null, e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : $"cannot be read: {Output.OutputException.Reason(e)}");
        }
        using (reader) return Read(reader, path);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>, naming it <paramref name="source"/> in messages.</summary>
    /// <exception cref="DataFormatException">The text is empty or malformed.</exception>
    public static CsvTable Read(TextReader reader, string source)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
            BadDataFound = args => throw new DataFormatException(source, args.Context.Parser?.RawRow, null, $"malformed field {args.Field}: a quote inside an unquoted field, or an unclosed quote"),
        };
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read())
            throw new DataFormatException(source, null, null, "the file is empty; it needs a header row and at least one row of data");
        csv.ReadHeader();
        var columns = Header(source, csv.HeaderRecord ?? []);

        var rows = ImmutableArray.CreateBuilder<CsvRow>();
        while (csv.Read())
        {
            // RawRow counts physical lines read so far, so a row's first line is the previous count plus one; rows with
            // quoted line breaks span more than one.
            var cells = csv.Parser.Record ?? [];
            var line = csv.Parser.RawRow - CountLineBreaks(csv.Parser.RawRecord);
            if (cells.Length != columns.Length)
                throw new DataFormatException(source, line, null, $"has {cells.Length} field{(cells.Length == 1 ? "" : "s")} but the header has {columns.Length}");
            rows.Add(new CsvRow(line, cells));
        }
        if (rows.Count == 0)
            throw new DataFormatException(source, null, null, "has a header but no rows of data");
        return new CsvTable(source, columns, rows.ToImmutable());
    }

    private static ImmutableArray<string> Header(string source, string[] header)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < header.Length; j++)
        {
            if (header[j].Length == 0)
                throw new DataFormatException(source, 1, null, $"the header's field {j + 1} is empty; every column needs a name");
            if (!seen.Add(header[j]))
                throw new DataFormatException(source, 1, header[j], "appears twice in the header");
        }
        return [.. header];
    }

    // The raw record ends with its own line break, which is not a line inside it.
    private static int CountLineBreaks(string rawRecord) =>
        rawRecord.TrimEnd('\r', '\n').Count(c => c == '\n');
}
