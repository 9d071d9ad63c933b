using Spectre.Console;

namespace LogLens.Cli;

/// <summary>
/// Where the command reads and writes: reports to <see cref="Out"/>, messages and progress to
/// <see cref="Error"/>, a pasted log from <see cref="In"/>.
/// </summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="RawOut">Standard output as bytes, for machine-readable documents (JSON, CSV).</param>
/// <param name="ErrorIsTerminal">Whether standard error is a terminal (progress is shown only there).</param>
/// <param name="In">Standard input as bytes, or null when there is none.</param>
/// <param name="InputIsTerminal">Whether standard input is a terminal (someone would type or paste the log).</param>
/// <param name="OutputIsTerminal">
/// Whether standard output is a terminal: a report streamed there shares the screen with standard
/// error, so no progress display is drawn over it.
/// </param>
internal sealed record CliConsoles(IAnsiConsole Out, IAnsiConsole Error, Stream RawOut, bool ErrorIsTerminal = false, Stream? In = null, bool InputIsTerminal = false, bool OutputIsTerminal = false)
{
    private const int UnwrappedWidth = 32_767;

    /// <summary>The process's own standard output and error.</summary>
    public static CliConsoles ForProcess()
    {
        var output = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

        // Piped output is read by programs and pagers: never wrap it at an invented 80 columns.
        if (Console.IsOutputRedirected)
        {
            output.Profile.Width = UnwrappedWidth;
        }

        if (Console.IsErrorRedirected)
        {
            error.Profile.Width = UnwrappedWidth;
        }

        return new CliConsoles(output, error, Console.OpenStandardOutput(), !Console.IsErrorRedirected, Console.OpenStandardInput(), !Console.IsInputRedirected, !Console.IsOutputRedirected);
    }
}
