using TensorLinear.Autograd;
using System.CommandLine;
using TensorLinear.Cli.Commands;

namespace TensorLinear.Cli;

/// <summary>
/// The <c>tensorlinear</c> command line as a function: arguments in, text on two writers and an exit code out, so that
/// tests run it in-process exactly as the executable does.
/// </summary>
public static class CliApp
{
    /// <summary>
    /// Parses <paramref name="args"/>, runs the command and returns its exit code: 0 success, 1 a verification
    /// disagreement, 2 bad input (one line on <paramref name="error"/>), 3 a failure of libtorch itself.
    /// </summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="output">Where results go (tables, JSON).</param>
    /// <param name="error">Where errors and progress bars go; progress bars only when this is a terminal's stderr.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var terminal = new Terminal(output, error);
        var root = new RootCommand("TensorLinear: check the mathematics of linear models by machine, by hand-derived reference and libtorch autograd side by side.");
        root.Subcommands.Add(EngineCommand.Create(terminal));
        root.Subcommands.Add(VerifyCommand.Create(terminal));
        root.Subcommands.Add(CalcCommand.Create(terminal));
        root.Subcommands.Add(FitCommand.Create(terminal));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line, like every other bad input, rather than the parser's default of errors followed by the help.
            var command = string.Join(' ', parsed.CommandResult.Command is RootCommand ? ["tensorlinear"] : new[] { "tensorlinear", parsed.CommandResult.Command.Name });
            error.WriteLine($"tensorlinear: {string.Join(" ", parsed.Errors.Select(e => OneLine(e.Message)))} (see '{command} --help')");
            return ExitCodes.BadInput;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
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
            terminal.Error.WriteLine($"tensorlinear: {OneLine(e.Message)}");
            return ExitCodes.BadInput;
        }
        catch (NativeLibraryException e)
        {
            terminal.Error.WriteLine($"tensorlinear: {OneLine(e.Message)}");
            return ExitCodes.EnvironmentFailure;
        }
        catch (TensorLinearException e)
        {
            terminal.Error.WriteLine($"tensorlinear: libtorch failed: {OneLine(e.Message)}");
            return ExitCodes.EnvironmentFailure;
        }
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
