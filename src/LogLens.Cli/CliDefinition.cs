using System.CommandLine;
using LogLens.Cli.Commands;

namespace LogLens.Cli;

/// <summary>
/// The <c>loglens</c> command tree: its commands, options and arguments, their help and examples, and
/// the action of each command, which fills the command's settings from what was parsed, validates them,
/// and runs the command. Built for one run: the actions write to that run's consoles.
/// </summary>
internal sealed class CliDefinition
{
    public CliDefinition(CliConsoles consoles)
    {
        // The root command's own --help, --version and directives are replaced by loglens's: the help is
        // written with Spectre.Console, -v is --version, and a first argument in brackets is a file name.
        Root.Options.Clear();
        Root.Directives.Clear();
        Root.Options.Add(Help);
        Root.Options.Add(Version);

        var files = new Argument<string[]>("FILE")
        {
            Description = "Log files to analyse (plain or .gz), each read once, in order. [bold]-[/], or no FILE with input piped in, reads standard input: paste a transcript there.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Write one JSON document (files, sessions, unrecognized lines) instead of the report." };
        var analyzeOutput = LastWins(new Option<string?>("--output", "-o")
        {
            Description = "Where to write ([bold]-[/] for standard output, the default; a folder for [bold]-F parquet[/]). A file is replaced only once it is whole.",
            HelpName = "FILE",
        });
        Analyze = new Command("analyze", "Explain FTP logs session by session: what happened, the evidence lines, why, and what to do.")
        {
            files, Lang, Format, Encoding, json, OutputFormat, analyzeOutput, Tz, Year, Since, Until,
        };
        Analyze.SetAction((parsed, interrupted) => Execute(
            consoles,
            new AnalyzeCommand.Settings
            {
                Files = parsed.GetValue(files) ?? [],
                Json = parsed.GetValue(json),
                Output = parsed.GetValue(analyzeOutput),
                OutputFormat = parsed.GetValue(OutputFormat),
                Tz = parsed.GetValue(Tz),
                Year = parsed.GetValue(Year),
                Since = parsed.GetValue(Since),
                Until = parsed.GetValue(Until),
                Lang = parsed.GetValue(Lang),
                Format = parsed.GetValue(Format),
                Encoding = parsed.GetValue(Encoding),
            },
            settings => Task.FromResult(new AnalyzeCommand(consoles).Execute(settings, interrupted))));
        AddExamples(
            Analyze,
            ["analyze", "samples/cuteftp-zh-retry.log"],
            ["analyze", "ftp.log", "--lang", "zh-CN"],
            ["analyze", "vsftpd.log.gz", "--json"],
            ["analyze", "transcript.txt", "--format", "cuteftp-en", "--encoding", "gbk"],
            ["analyze", "-", "--lang", "zh-CN"],
            ["analyze", "vsftpd.log", "-F", "ndjson", "--tz", "Asia/Shanghai", "-o", "sessions.ndjson"],
            ["analyze", "messages", "--year", "2023", "--since", "2023-12-31", "--until", "2024-01-01"]);

        var paths = new Argument<string[]>("PATH")
        {
            Description = "Log files and folders (folders are walked recursively; .gz is read transparently; hidden entries are skipped).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = LastWins(new Option<string?>("--output", "-o")
        {
            Description = "Where to write ([bold]-[/] for standard output; a folder for [bold]-F parquet[/]). Default: sessions.csv (sessions.json, sessions.ndjson, sessions/) in the current folder.",
            HelpName = "FILE",
        });
        var include = new Option<string[]>("--include")
        {
            Description = "Only take files inside folders that match this glob (repeatable; [bold]*.log[/] matches at any depth).",
            HelpName = "GLOB",
        };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "Leave out files inside folders that match this glob (repeatable).",
            HelpName = "GLOB",
        };
        var noRecurse = new Option<bool>("--no-recurse") { Description = "Take only the files directly inside each folder." };

        // Read as text and parsed by the settings, so that a value out of range is told in words.
        var jobs = LastWins(new Option<string?>("--jobs", "-j")
        {
            Description = "Threads to use, 1 to 256 (default: the number of cores): files are analysed that many at once, and with two to spare per file, each file is parsed on one while another groups its sessions. The CSV is the same whatever it is.",
            HelpName = "N",
        });
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress and no summary; problems are still named on standard error." };
        Scan = new Command("scan", "Scan files and folders of logs (rotated, gzipped, mixed formats) into one CSV, a row per session, with a summary.")
        {
            paths, Lang, Format, Encoding, output, include, exclude, noRecurse, jobs, quiet, OutputFormat, Tz, Year, Since, Until,
        };
        required.Add(paths);
        Scan.SetAction((parsed, interrupted) => Execute(
            consoles,
            new ScanCommand.Settings
            {
                Paths = parsed.GetValue(paths) ?? [],
                Output = parsed.GetValue(output),
                Include = parsed.GetValue(include) ?? [],
                Exclude = parsed.GetValue(exclude) ?? [],
                NoRecurse = parsed.GetValue(noRecurse),
                Jobs = parsed.GetValue(jobs),
                Quiet = parsed.GetValue(quiet),
                OutputFormat = parsed.GetValue(OutputFormat),
                Tz = parsed.GetValue(Tz),
                Year = parsed.GetValue(Year),
                Since = parsed.GetValue(Since),
                Until = parsed.GetValue(Until),
                Lang = parsed.GetValue(Lang),
                Format = parsed.GetValue(Format),
                Encoding = parsed.GetValue(Encoding),
            },
            settings => new ScanCommand(consoles).ExecuteAsync(settings, interrupted)));
        AddExamples(
            Scan,
            ["scan", "/var/log/ftp"],
            ["scan", "logs/", "-o", "report.csv", "--include", "*.log*", "--exclude", "*.old"],
            ["scan", "vsftpd.log", "xferlog.2.gz", "-o", "-", "--quiet"],
            ["scan", "logs/", "--jobs", "1", "--lang", "zh-CN"],
            ["scan", "/var/log/ftp", "-F", "parquet", "-o", "ftp-sessions/", "--tz", "Europe/Berlin"]);

        // Read as text and parsed by the settings, so that a wrong code is told in words.
        var code = new Argument<string?>("CODE")
        {
            Description = "A three-digit FTP reply code, such as 530 or 421, or a socket error a client prints, 10060 or 10061.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Explain = new Command("explain", "Explain an FTP reply code: its meaning, the outcomes it can signal, and advice.")
        {
            code, Lang,
        };
        required.Add(code);
        Explain.SetAction((parsed, interrupted) => Execute(
            consoles,
            new ExplainCommand.Settings { Code = parsed.GetValue(code) ?? string.Empty, Lang = parsed.GetValue(Lang) },
            settings => Task.FromResult(new ExplainCommand(consoles).Execute(settings, interrupted))));
        AddExamples(Explain, ["explain", "530"], ["explain", "421", "--lang", "zh-CN"]);

        Formats = new Command("formats", "List the log formats LogLens reads, with a sample line of each.");
        Formats.SetAction(_ => new FormatsCommand(consoles).Execute());

        Root.Subcommands.Add(Analyze);
        Root.Subcommands.Add(Scan);
        Root.Subcommands.Add(Explain);
        Root.Subcommands.Add(Formats);
    }

    /// <summary>The <c>loglens</c> command itself.</summary>
    public RootCommand Root { get; } = new("Explains FTP logs session by session.");

    /// <summary><c>-h|--help</c>, taken by every command.</summary>
    public Option<bool> Help { get; } = new("--help", "-h") { Description = "Prints help information.", Recursive = true };

    /// <summary><c>-v|--version</c>.</summary>
    public Option<bool> Version { get; } = new("--version", "-v") { Description = "Prints version information." };

    /// <summary><c>-l|--lang</c>, of every command that explains.</summary>
    public Option<string?> Lang { get; } = LastWins(new("--lang", "-l")
    {
        Description = "Language of explanations and advice: [bold]en[/] (default) or [bold]zh-CN[/].",
        HelpName = "LANG",
    });

    /// <summary><c>-f|--format</c>, of every command that reads logs.</summary>
    public Option<string?> Format { get; } = LastWins(new("--format", "-f")
    {
        Description = "Read every file as this format instead of detecting it (see [bold]loglens formats[/]).",
        HelpName = "NAME",
    });

    /// <summary><c>-e|--encoding</c>, of every command that reads logs.</summary>
    public Option<string?> Encoding { get; } = LastWins(new("--encoding", "-e")
    {
        Description = "Decode every file with this encoding (utf-8, gbk, gb18030, utf-16le, …) instead of detecting it.",
        HelpName = "NAME",
    });

    /// <summary><c>-F|--output-format</c>, of the commands that write sessions.</summary>
    public Option<string?> OutputFormat { get; } = LastWins(new("--output-format", "-F")
    {
        Description = "What to write: [bold]text[/] (the report; analyze's default), [bold]json[/], [bold]ndjson[/] (Elastic Common Schema names), [bold]csv[/] (scan's default), [bold]parquet[/] (a folder of server=/date= partitions).",
        HelpName = "FORMAT",
    });

    /// <summary><c>--tz</c>, of the commands that write sessions.</summary>
    public Option<string?> Tz { get; } = LastWins(new("--tz")
    {
        Description = "The zone the log's times were written in, for times with no offset of their own: a name (Asia/Shanghai, UTC) or an offset (+08:00). Default: this machine's.",
        HelpName = "ZONE",
    });

    /// <summary><c>--year</c>, of the commands that write sessions.</summary>
    public Option<string?> Year { get; } = LastWins(new("--year")
    {
        Description = "The year a log that writes none (syslog) begins in. Default: the year of the file's last change, less one if the log began later in the year.",
        HelpName = "YEAR",
    });

    /// <summary><c>--since</c>, of the commands that write sessions.</summary>
    public Option<string?> Since { get; } = LastWins(new("--since")
    {
        Description = "Keep only the sessions that end at or after this time (2024-03-14, or 2024-03-14T09:30, in --tz unless it has an offset).",
        HelpName = "TIME",
    });

    /// <summary><c>--until</c>, of the commands that write sessions.</summary>
    public Option<string?> Until { get; } = LastWins(new("--until")
    {
        Description = "Keep only the sessions that begin at or before this time (a date alone means its whole day).",
        HelpName = "TIME",
    });

    public Command Analyze { get; }

    public Command Scan { get; }

    public Command Explain { get; }

    public Command Formats { get; }

    /// <summary>The examples of each command, as its help lists them (each an argument list after <c>loglens</c>).</summary>
    public IReadOnlyDictionary<Command, IReadOnlyList<string[]>> Examples => examples;

    private readonly Dictionary<Command, IReadOnlyList<string[]>> examples = [];

    /// <summary>
    /// The arguments a command needs. The parser is told they are optional, so that a missing one is
    /// named in loglens's own words (<see cref="CliApp"/>), and so that <c>explain --help</c> needs no code.
    /// </summary>
    private readonly HashSet<Argument> required = [];

    /// <summary>Whether a command needs this argument.</summary>
    public bool IsRequired(Argument argument) => required.Contains(argument);

    /// <summary>Every command's options, once each, in the order the help lists them.</summary>
    public IEnumerable<Option> AllOptions =>
        new[] { Root, Analyze, Scan, Explain, Formats }.SelectMany(c => c.Options).Prepend(Help).Distinct();

    /// <summary>An option given more than once takes its last value, as it always has.</summary>
    private static Option<string?> LastWins(Option<string?> option)
    {
        // One value per occurrence (AllowMultipleArgumentsPerToken is off): "--format a b" still leaves b an argument.
        option.Arity = ArgumentArity.OneOrMore;
        option.CustomParser = result => result.Tokens is [.., var last] ? last.Value : null;
        return option;
    }

    private void AddExamples(Command command, params string[][] lines) => examples[command] = lines;

    /// <summary>Validates the settings, then runs the command: a mistake is a usage error, in words.</summary>
    private static Task<int> Execute<TSettings>(CliConsoles consoles, TSettings settings, Func<TSettings, Task<int>> run)
        where TSettings : LanguageSettings =>
        settings.Validate() is { } problem ? Task.FromResult(CliApp.UsageErrorOf(problem, consoles.Error)) : run(settings);
}
