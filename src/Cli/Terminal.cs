using Spectre.Console;

namespace TensorLinear.Cli;

/// <summary>
/// The two writers a command writes to, and the Spectre consoles over them. Colour, and progress bars, only when the
/// writer is the process's own console stream and that is a terminal: captured output and pipes get plain text.
/// </summary>
internal sealed class Terminal
{
    // Wide enough that a table of full-precision numbers does not wrap when the output is a file or a test's buffer.
    private const int RedirectedWidth = 160;

    /// <param name="input">Standard input, for data read from it.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where errors and progress bars go.</param>
    /// <param name="outputIsConsole">True when <paramref name="output"/> writes to the process's own stdout.</param>
    public Terminal(TextReader input, TextWriter output, TextWriter error, bool outputIsConsole)
    {
        Input = input;
        Output = output;
        Error = error;
        ErrorIsTerminal = ReferenceEquals(error, System.Console.Error) && !System.Console.IsErrorRedirected;
        Display = CreateConsole(output, outputIsConsole && !System.Console.IsOutputRedirected);
        ErrorDisplay = CreateConsole(error, ErrorIsTerminal);
    }

    /// <summary>Standard input.</summary>
    public TextReader Input { get; }

    /// <summary>Where results go.</summary>
    public TextWriter Output { get; }

    /// <summary>Where errors and progress bars go.</summary>
    public TextWriter Error { get; }

    /// <summary>The Spectre console over <see cref="Output"/>, for tables.</summary>
    public IAnsiConsole Display { get; }

    /// <summary>The Spectre console over <see cref="Error"/>, for a summary that must stay out of the results on stdout.</summary>
    public IAnsiConsole ErrorDisplay { get; }

    private bool ErrorIsTerminal { get; }

    /// <summary>
    /// Runs <paramref name="work"/> with a progress bar on stderr when stderr is a terminal and the output is not
    /// JSON; otherwise runs it with a reporter that does nothing, so that captured output never holds a bar.
    /// </summary>
    public T WithProgress<T>(string description, bool json, Func<ProgressBar, T> work)
    {
        if (json || !ErrorIsTerminal) return work(ProgressBar.Silent);
        var console = CreateConsole(Error, isTerminal: true);
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context => work(new ProgressBar(context, description)));
    }

    private static IAnsiConsole CreateConsole(TextWriter writer, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!isTerminal) console.Profile.Width = RedirectedWidth;
        return console;
    }
}

/// <summary>A progress bar's handle: tasks to advance, or nothing at all when no bar is shown.</summary>
internal sealed class ProgressBar
{
    private readonly ProgressContext? _context;
    private readonly string _description;

    public ProgressBar(ProgressContext context, string description)
    {
        _context = context;
        _description = description;
    }

    private ProgressBar()
    {
        _description = "";
    }

    /// <summary>The handle that shows nothing.</summary>
    public static ProgressBar Silent { get; } = new();

    /// <summary>
    /// A reporter for one run of <paramref name="total"/> steps, labelled with the bar's description and
    /// <paramref name="label"/>; its Report sets the bar to the step given (called on the computing thread).
    /// </summary>
    public IProgress<int> Task(string label, double total)
    {
        if (_context is null) return new Reporter(_ => { });
        var task = _context.AddTask(Markup.Escape($"{_description} {label}".Trim()), maxValue: Math.Max(total, 1));
        return new Reporter(step =>
        {
            task.Value = step;
            if (step >= total) task.StopTask();
        });
    }

    /// <summary>
    /// A reporter for a run whose length is not known ahead (Newton–Raphson stops when converged, typically after a
    /// handful of its iteration limit): an indeterminate bar whose label counts the <paramref name="unit"/>s done, so
    /// that it neither crawls nor jumps to the end.
    /// </summary>
    public IProgress<int> Counter(string label, string unit)
    {
        if (_context is null) return new Reporter(_ => { });
        var description = Markup.Escape($"{_description} {label}".Trim());
        var task = _context.AddTask(description, maxValue: 1);
        task.IsIndeterminate = true;
        return new Reporter(count =>
        {
            if (count == int.MaxValue)
            {
                task.Value = 1;
                task.StopTask();
                return;
            }
            task.Description = Markup.Escape($"{_description} {label}: {unit} {count}".Trim());
        });
    }

    // Progress<T> would post each report to the thread pool; the bar's value is a plain property, set here directly.
    private sealed class Reporter(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
