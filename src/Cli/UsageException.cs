namespace TensorLinear.Cli;

/// <summary>
/// A command line that parses but asks for something the tool cannot do (a solver for the wrong model, a malformed
/// vector): reported as one line on stderr with exit code 2, like every other bad input.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
