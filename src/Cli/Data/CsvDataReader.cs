using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace TensorLinear.Cli.Data;

/// <summary>
/// Reads a CSV file with a header row into a <see cref="CsvTable"/> (CsvHelper, invariant culture): quoting as RFC 4180,
/// blank lines skipped, every other problem a <see cref="DataFormatException"/> naming the line and, where there is
/// one, the column.
/// </summary>
internal static class CsvDataReader
{
    /// <summary>The name that reads standard input instead of a file.</summary>
    public const string StandardInput = "-";

    /// <summary>
    /// Reads the file at <paramref name="path"/>, or <paramref name="input"/> when the path is "-", telling
    /// <paramref name="progress"/> the fraction of the file's bytes read every 16,384 rows and at the end.
    /// </summary>
    /// <exception cref="DataFormatException">The file is missing, unreadable, empty or malformed.</exception>
    /// <exception cref="UsageException">The path is empty.</exception>
    public static CsvTable Read(string path, char delimiter, TextReader input, IProgress<double>? progress = null)
    {
        if (path == StandardInput) return Read(input, "stdin", delimiter);
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException("--data is empty; give it a CSV file, or - for standard input");
        if (Directory.Exists(path)) throw new DataFormatException(path, null, null, "is a directory; --data needs a CSV file");
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DataFormatException(path, null, null, e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : $"cannot be read: {Output.OutputException.Reason(e)}");
        }
        using var reader = new StreamReader(stream);
        var length = stream.Length;
        var table = Read(reader, path, delimiter, progress is null || length == 0 ? null : () => progress.Report((double)stream.Position / length));
        progress?.Report(1.0);
        return table;
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>, naming it <paramref name="source"/> in messages.</summary>
    /// <exception cref="DataFormatException">The text is empty or malformed.</exception>
    public static CsvTable Read(TextReader reader, string source, char delimiter = ',', Action? rowRead = null)
    {
        string[] header = [];
        // The physical lines consumed by the records read so far: a record that fails starts on the next non-blank one.
        var consumed = 0;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            Delimiter = delimiter.ToString(),
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
            BadDataFound = args => throw BadQuote(source, args, header, delimiter, consumed),
        };
        using var csv = new CsvReader(reader, configuration);
        try
        {
            if (!csv.Read())
                throw new DataFormatException(source, null, null, "the file is empty; it needs a header row and at least one row of data");
            csv.ReadHeader();
            header = csv.HeaderRecord ?? [];
            consumed = csv.Parser.RawRow;
            var columns = Header(source, header);

            var rows = ImmutableArray.CreateBuilder<CsvRow>();
            while (csv.Read())
            {
                // RawRow counts physical lines read so far, so a row's first line is the previous count plus one; rows
                // with quoted line breaks span more than one.
                var cells = csv.Parser.Record ?? [];
                var line = FirstLine(csv.Parser.RawRow, csv.Parser.RawRecord);
                if (cells.Length != columns.Length)
                    throw new DataFormatException(source, line, null, $"has {cells.Length} field{(cells.Length == 1 ? "" : "s")} but the header has {columns.Length}");
                rows.Add(new CsvRow(line, cells));
                consumed = csv.Parser.RawRow;
                if ((rows.Count & 0x3FFF) == 0) rowRead?.Invoke();
            }
            if (rows.Count == 0)
                throw new DataFormatException(source, null, null, "has a header but no rows of data");
            return new CsvTable(source, columns, rows.ToImmutable(), delimiter);
        }
        catch (CsvHelperException e) when (e.InnerException is DataFormatException inner)
        {
            throw inner;
        }
        catch (CsvHelperException e)
        {
            var line = e.Context?.Parser is { } parser ? FirstLine(parser.RawRow, parser.RawRecord) : (int?)null;
            throw new DataFormatException(source, line, null, "is not readable as CSV");
        }
        catch (IOException e)
        {
            throw new DataFormatException(source, null, null, $"cannot be read: {Output.OutputException.Reason(e)}");
        }
    }

    // A quote CsvHelper cannot place: inside an unquoted field, or opened and never closed, which swallows the rest of
    // the file into one field. Either way the line named is where the record begins, and the column the field's.
    private static DataFormatException BadQuote(string source, BadDataFoundArgs args, string[] header, char delimiter, int consumed)
    {
        var raw = args.RawRecord ?? "";
        // The record starts after the lines consumed so far, or later when blank lines came first: those CsvHelper counts
        // in RawRow but leaves out of the raw record, which at the end of the file reaches one line past its last.
        var line = Math.Max(consumed + 1, (args.Context.Parser?.RawRow ?? 0) - raw.Count(c => c == '\n'));
        var start = Math.Max(0, raw.IndexOf(args.Field.TrimStart(), StringComparison.Ordinal));
        var index = raw[..start].Count(c => c == delimiter);
        string? column = index < header.Length ? header[index] : null;
        var unclosed = args.Field.TrimStart().StartsWith('"');
        var problem = unclosed
            ? "a quote opens a field here and is never closed (the field would run on to the end of the file)"
            : "a quote inside an unquoted field; quote the whole field and double the quote inside (\"\")";
        return new DataFormatException(source, line, column ?? $"field {index + 1}", problem);
    }

    private static int FirstLine(int rawRow, string? rawRecord) => rawRow - CountLineBreaks(rawRecord ?? "");

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
