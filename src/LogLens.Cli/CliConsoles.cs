using Spectre.Console;

namespace LogLens.Cli;

/// <summary>Where the command writes: reports to <see cref="Out"/>, messages and progress to <see cref="Error"/>.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="RawOut">Standard output as bytes, for machine-readable documents (JSON).</param>
internal sealed record CliConsoles(IAnsiConsole Out, IAnsiConsole Error, Stream RawOut)
{
    /// <summary>The process's own standard output and error.</summary>
    public static CliConsoles ForProcess()
    {
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return new CliConsoles(AnsiConsole.Console, error, Console.OpenStandardOutput());
    }
}
