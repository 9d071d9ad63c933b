using LogLens.Cli.Rendering;
using Spectre.Console;
using System.CommandLine;
using System.CommandLine.Parsing;

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
            // Said here, before parsing, in the same words for every such option.
            return UsageErrorOf($"{option} needs a value", consoles.Error);
        }

        var cli = new CliDefinition(consoles);
        var parsed = cli.Root.Parse(arguments, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var command = parsed.CommandResult.Command;
        if (parsed.GetValue(cli.Help))
        {
            new HelpView(consoles.Out, cli).Render(command);
            return Ok;
        }

        if (command == cli.Root && parsed.GetValue(cli.Version))
        {
            consoles.Out.WriteLine(Version);
            return Ok;
        }

        if (command == cli.Root && parsed.UnmatchedTokens.Count == 0)
        {
            // No command: what the commands are.
            new HelpView(consoles.Out, cli).Render(command);
            return Ok;
        }

        if (UsageProblem(parsed, cli) is { } problem)
        {
            return UsageErrorOf(problem, consoles.Error);
        }

        try
        {
            return parsed.InvokeAsync(
                new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                interrupted).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C while reading: nothing is written after it (analyze writes only once it has read).
            consoles.Error.MarkupLine("[red]loglens:[/] interrupted");
            return Interrupted;
        }
        catch (Exception exception)
        {
            consoles.Error.MarkupLine($"[red]loglens: internal error:[/] {TerminalText.Escape(exception.Message)}");
            return InputError;
        }
    }

    /// <summary>Writes a usage error and the hint to the help: exit status <see cref="UsageError"/>.</summary>
    internal static int UsageErrorOf(string message, IAnsiConsole error)
    {
        error.MarkupLine($"[red]loglens:[/] {TerminalText.Escape(message)}");
        error.MarkupLine("Run [bold]loglens --help[/] for usage.");
        return UsageError;
    }

    /// <summary>
    /// What the parser could not take, in the words loglens has always used: an unknown option or command,
    /// a word no argument takes, a missing argument. Null when the command line parsed.
    /// </summary>
    private static string? UsageProblem(ParseResult parsed, CliDefinition cli)
    {
        var command = parsed.CommandResult.Command;
        if (parsed.UnmatchedTokens is [var first, ..])
        {
            var token = first == StandardInput ? "-" : first;
            return token switch
            {
                ['-', '-', .. var name] when command == cli.Root => $"Unexpected option '{name}'.",
                ['-', _, ..] => $"Unknown option '{token.TrimStart('-')}'.",
                _ when command.Arguments.Count == 0 => $"Unknown command '{token}'.",
                _ => $"Could not match '{token}' with an argument.",
            };
        }

        if (parsed.Errors is [var error, ..])
        {
            return error.Message;
        }

        // The parser gives an argument any word it does not know as an option ("--bogus"): it is one only
        // after "--". A negative number is a value (explain -1 says what a reply code is).
        var literal = parsed.Tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var argument in command.Arguments)
        {
            foreach (var token in parsed.GetResult(argument)?.Tokens ?? [])
            {
                if (token.Value is ['-', var next, ..] && !char.IsAsciiDigit(next) && !literal.Contains(token))
                {
                    return $"Unknown option '{token.Value.TrimStart('-')}'.";
                }
            }
        }

        foreach (var argument in command.Arguments)
        {
            if (cli.IsRequired(argument) && parsed.GetResult(argument) is not { Tokens.Count: > 0 })
            {
                return $"Command '{command.Name}' is missing required argument '{argument.Name}'.";
            }
        }

        return null;
    }

    /// <summary>The options that take a value, as they are written on the command line.</summary>
    internal static readonly string[] ValueOptions =
        ["-o", "--output", "--include", "--exclude", "-j", "--jobs", "-f", "--format", "-e", "--encoding", "-l", "--lang", "-F", "--output-format", "--tz", "--year", "--since", "--until"];

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
}
