namespace TensorLinear.Cli.Output;

/// <summary>
/// An output the tool could not write — stdout, or a file it was asked for — because the system refused (a full disk,
/// a closed stream, no permission): one line on stderr with exit code 4 (<see cref="ExitCodes.OutputFailure"/>).
/// </summary>
internal sealed class OutputException(string message) : Exception(message)
{
    /// <summary>The system's reason for an I/O failure, without .NET's decoration (the quoted path it appends).</summary>
    public static string Reason(Exception e)
    {
        // A closed descriptor comes as "access denied" around the system's own "Bad file descriptor".
        if (e is UnauthorizedAccessException { InnerException: IOException inner }) e = inner;
        var message = e.Message;
        var path = message.IndexOf(" : '", StringComparison.Ordinal);
        if (path > 0) message = message[..path];
        return e switch
        {
            UnauthorizedAccessException => "permission denied",
            DirectoryNotFoundException => "no such directory",
            PathTooLongException => "the path is too long",
            _ => message.TrimEnd('.'),
        };
    }
}
