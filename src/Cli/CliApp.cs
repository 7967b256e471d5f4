using TensorLinear.Autograd;
using System.CommandLine;
using TensorLinear.Cli.Commands;
using TensorLinear.Cli.Output;

namespace TensorLinear.Cli;

/// <summary>
/// The <c>tensorlinear</c> command line as a function: arguments in, text on two writers and an exit code out, so that
/// tests run it in-process exactly as the executable does.
/// </summary>
public static class CliApp
{
    /// <summary>
    /// Parses <paramref name="args"/>, runs the command and returns its exit code: 0 success, 1 a verification
    /// disagreement, 2 bad input (one line on <paramref name="error"/>), 3 a failure of libtorch itself, 4 an output that
    /// could not be written (<see cref="ExitCodes"/>).
    /// </summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="output">Where results go (tables, JSON).</param>
    /// <param name="error">Where errors and progress bars go; progress bars only when this is a terminal's stderr.</param>
    /// <remarks>Standard input is empty: <c>--data -</c> reads nothing.</remarks>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, TextReader.Null, output, error);

    /// <summary>
    /// As <see cref="Run(string[], TextWriter, TextWriter)"/>, with <paramref name="input"/> as standard input, which
    /// <c>fit --data -</c> reads.
    /// </summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="input">Standard input.</param>
    /// <param name="output">Where results go (tables, JSON).</param>
    /// <param name="error">Where errors and progress bars go.</param>
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var checkedOutput = new CheckedWriter(output, "stdout");
        var terminal = new Terminal(input, checkedOutput, error, ReferenceEquals(output, Console.Out));
        var root = new RootCommand("TensorLinear: check the mathematics of linear models by machine, by hand-derived reference and libtorch autograd side by side.");
        root.Subcommands.Add(EngineCommand.Create(terminal));
        root.Subcommands.Add(VerifyCommand.Create(terminal));
        root.Subcommands.Add(CalcCommand.Create(terminal));
        root.Subcommands.Add(FitCommand.Create(terminal));
        root.Subcommands.Add(PredictCommand.Create(terminal));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line, like every other bad input, rather than the parser's default of errors followed by the help.
            var command = string.Join(' ', parsed.CommandResult.Command is RootCommand ? ["tensorlinear"] : new[] { "tensorlinear", parsed.CommandResult.Command.Name });
            return Fail(error, $"{string.Join(" ", parsed.Errors.Select(e => OneLine(e.Message)))} (see '{command} --help')", ExitCodes.BadInput);
        }
        try
        {
            var code = parsed.Invoke(new InvocationConfiguration { Output = checkedOutput, Error = error, EnableDefaultExceptionHandler = false });
            checkedOutput.Flush();
            return code;
        }
        catch (OutputException e)
        {
            // --help, or a command's last words, written to a stdout that refuses them.
            return Fail(error, e.Message, ExitCodes.OutputFailure);
        }
    }

    /// <summary>
    /// Runs a command's body and turns the errors TensorLinear raises on purpose into one line on stderr and an exit
    /// code; anything else is a bug and propagates.
    /// </summary>
    internal static int Guard(Terminal terminal, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is UsageException or InvalidInputException or DataFormatException or DivergenceException)
        {
            return Fail(terminal.Error, e.Message, ExitCodes.BadInput);
        }
        catch (OutputException e)
        {
            return Fail(terminal.Error, e.Message, ExitCodes.OutputFailure);
        }
        catch (NativeLibraryException e)
        {
            return Fail(terminal.Error, e.Message, ExitCodes.EnvironmentFailure);
        }
        catch (TensorLinearException e)
        {
            return Fail(terminal.Error, $"libtorch failed: {e.Message}", ExitCodes.EnvironmentFailure);
        }
    }

    // One line on stderr, and the exit code; a stderr that cannot be written to leaves the exit code to say it.
    private static int Fail(TextWriter error, string message, int code)
    {
        try
        {
            error.WriteLine($"tensorlinear: {OneLine(message)}");
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            // Nowhere left to say it.
        }
        return code;
    }

    // One line, and no control characters: a name read from a file in the wrong encoding must not drive the terminal.
    private static string OneLine(string message) =>
        new(string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(c => char.IsControl(c) ? '\uFFFD' : c).ToArray());
}
