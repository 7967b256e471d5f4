namespace TensorLinear.Cli;

/// <summary>The exit codes of <c>tensorlinear</c>, documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    /// <summary>Success: the command did what was asked (for verify, everything agreed).</summary>
    public const int Success = 0;

    /// <summary>verify found a derivation whose two implementations disagree beyond its bound.</summary>
    public const int Disagreement = 1;

    /// <summary>Bad input: arguments, data file or data the command cannot work with; one line on stderr says why.</summary>
    public const int BadInput = 2;

    /// <summary>The environment failed: libtorch could not be loaded or refused an operation.</summary>
    public const int EnvironmentFailure = 3;

    /// <summary>An output could not be written: stdout (a full disk, a closed pipe) or a file asked for, such as the plot.</summary>
    public const int OutputFailure = 4;
}
