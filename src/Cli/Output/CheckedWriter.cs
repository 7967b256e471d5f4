using System.Text;

namespace TensorLinear.Cli.Output;

/// <summary>
/// A writer over stdout that turns the system's refusal to take more text (a full disk, a closed pipe or descriptor)
/// into an <see cref="OutputException"/>, so that it is reported in one line like every other failure instead of
/// escaping as an unhandled <see cref="IOException"/>.
/// </summary>
internal sealed class CheckedWriter(TextWriter inner, string name) : TextWriter
{
    /// <summary>The writer written to.</summary>
    public TextWriter Inner { get; } = inner;

    public override Encoding Encoding => Inner.Encoding;

    public override IFormatProvider FormatProvider => Inner.FormatProvider;

    public override string NewLine
    {
        get => Inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter takes null as the default line break.
        set => Inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value) => Checked(() => Inner.Write(value));

    public override void Write(string? value) => Checked(() => Inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Checked(() => Inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        var text = buffer.ToString();
        Checked(() => Inner.Write(text));
    }

    public override void WriteLine(string? value) => Checked(() => Inner.WriteLine(value));

    public override void WriteLine() => Checked(() => Inner.WriteLine());

    public override void Flush() => Checked(Inner.Flush);

    private void Checked(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException or NotSupportedException)
        {
            throw new OutputException($"cannot write to {name}: {OutputException.Reason(e)}");
        }
    }
}
