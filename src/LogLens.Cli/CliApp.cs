using LogLens.Cli.Commands;
using LogLens.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LogLens.Cli;

/// <summary>The <c>loglens</c> command line: a thin shell over the LogLens library.</summary>
internal static class CliApp
{
    /// <summary>Exit status when everything was read.</summary>
    public const int Ok = 0;

    /// <summary>Exit status when some input could not be read (the rest was still analysed).</summary>
    public const int InputError = 1;

    /// <summary>Exit status for a usage error: unknown option, format, encoding or language.</summary>
    public const int UsageError = 2;

    /// <summary>Exit status when interrupted (Ctrl+C), as shells report a process ended by SIGINT.</summary>
    public const int Interrupted = 130;

    /// <summary>The version <c>loglens --version</c> prints: the package version, without the build's commit.</summary>
    internal static string Version { get; } =
        typeof(CliApp).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            is [System.Reflection.AssemblyInformationalVersionAttribute { InformationalVersion: var informational }]
            ? informational.Split('+')[0]
            : "unknown";

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="consoles">Where to read and write.</param>
    /// <param name="interrupted">Cancelled when the user interrupts (Ctrl+C).</param>
    public static int Run(string[] args, CliConsoles consoles, CancellationToken interrupted = default)
    {
        var arguments = StandardStreamArguments(args);
        if (OptionWithoutValue(arguments) is { } option)
        {
            // The parser would give it the value "__default_command": --output alone wrote a file of that name.
            consoles.Error.MarkupLine($"[red]loglens:[/] {Markup.Escape(option)} needs a value");
            consoles.Error.MarkupLine("Run [bold]loglens --help[/] for usage.");
            return UsageError;
        }

        var app = new CommandApp();
        app.Configure(config => Configure(config, consoles));
        return app.Run(arguments, interrupted);
    }

    /// <summary>The options that take a value, as they are written on the command line.</summary>
    internal static readonly string[] ValueOptions =
        ["-o", "--output", "--include", "--exclude", "-j", "--jobs", "-f", "--format", "-e", "--encoding", "-l", "--lang"];

    /// <summary>
    /// An option that takes a value but is given none: the last argument, or followed by another option
    /// (a lone <c>-</c> and a negative number are values).
    /// </summary>
    internal static string? OptionWithoutValue(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count && args[i] != "--"; i++)
        {
            if (ValueOptions.Contains(args[i], StringComparer.Ordinal)
                && (i + 1 == args.Count || (args[i + 1].Length > 1 && args[i + 1][0] == '-' && !char.IsAsciiDigit(args[i + 1][1]))))
            {
                return args[i];
            }
        }

        return null;
    }

    /// <summary>
    /// What a lone <c>-</c> among the files becomes, so that the command-line parser (which takes a
    /// lone <c>-</c> for an option without a name) passes it on: no path can hold a NUL character.
    /// </summary>
    internal const string StandardInput = "\0-";

    /// <summary>The name standard input is reported under.</summary>
    internal const string StandardInputName = "(standard input)";

    /// <summary>
    /// Lets <c>-o -</c> mean standard output and a lone <c>-</c> standard input: the command-line
    /// parser takes a lone <c>-</c> for an option without a name, so <c>-o -</c> is passed on as
    /// <c>--output=-</c>, and any other <c>-</c> as <see cref="StandardInput"/>.
    /// </summary>
    internal static string[] StandardStreamArguments(string[] args)
    {
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "-o" or "--output" && i + 1 < args.Length && args[i + 1] == "-")
            {
                result.Add("--output=-");
                i++;
                continue;
            }

            result.Add(args[i] == "-" ? StandardInput : args[i]);
        }

        return [.. result];
    }

    /// <summary>Registers the commands, their help and examples, and the error handling.</summary>
    public static void Configure(IConfigurator config, CliConsoles consoles)
    {
        config.SetApplicationName("loglens");
        config.SetApplicationVersion(Version);
        config.Settings.StrictParsing = true;
        config.Settings.CancellationExitCode = Interrupted;
        config.ConfigureConsole(consoles.Out);
        config.Settings.Registrar.RegisterInstance<CliConsoles>(consoles);
        config.SetExceptionHandler((exception, _) => HandleException(exception, consoles.Error));

        config.AddCommand<AnalyzeCommand>("analyze")
            .WithDescription("Explain FTP logs session by session: what happened, the evidence lines, why, and what to do.")
            .WithExample("analyze", "samples/cuteftp-zh-retry.log")
            .WithExample("analyze", "ftp.log", "--lang", "zh-CN")
            .WithExample("analyze", "vsftpd.log.gz", "--json")
            .WithExample("analyze", "transcript.txt", "--format", "cuteftp-en", "--encoding", "gbk")
            .WithExample("analyze", "-", "--lang", "zh-CN");
        config.AddCommand<ScanCommand>("scan")
            .WithDescription("Scan files and folders of logs (rotated, gzipped, mixed formats) into one CSV, a row per session, with a summary.")
            .WithExample("scan", "/var/log/ftp")
            .WithExample("scan", "logs/", "-o", "report.csv", "--include", "*.log*", "--exclude", "*.old")
            .WithExample("scan", "vsftpd.log", "xferlog.2.gz", "-o", "-", "--quiet")
            .WithExample("scan", "logs/", "--jobs", "1", "--lang", "zh-CN");
        config.AddCommand<ExplainCommand>("explain")
            .WithDescription("Explain an FTP reply code: its meaning, the outcomes it can signal, and advice.")
            .WithExample("explain", "530")
            .WithExample("explain", "421", "--lang", "zh-CN");
        config.AddCommand<FormatsCommand>("formats")
            .WithDescription("List the log formats LogLens reads, with a sample line of each.");
    }

    private static int HandleException(Exception exception, IAnsiConsole error)
    {
        switch (exception)
        {
            case OperationCanceledException:
                // Ctrl+C while reading: nothing is written after it (analyze writes only once it has read).
                error.MarkupLine("[red]loglens:[/] interrupted");
                return Interrupted;
            case CommandAppException usage:
                error.MarkupLine($"[red]loglens:[/] {TerminalText.Escape(usage.Message)}");
                error.MarkupLine("Run [bold]loglens --help[/] for usage.");
                return UsageError;
            default:
                error.MarkupLine($"[red]loglens: internal error:[/] {TerminalText.Escape(exception.Message)}");
                return InputError;
        }
    }
}
